/**
 * RESULT.json (command-line.md): scores as numbers with two decimals at most, units in sheet
 * order then listed units without a row, issues in sheet order.
 */
import type { Tier } from '../rubric/schema';
import type { IssueCode, Severity } from '../scoring/issues';
import type { AppliedCorrection } from '../scoring/appraisal';
import type { YearComparison } from '../scoring/compareYears';
import type { ScoreResult, Status, UnitResult } from '../scoring/types';
import type { CellValue } from '../sheet/grid';
import { cellDisplayText } from '../sheet/typedValues';

export interface IssueJson {
  code: IssueCode;
  severity: Severity;
  cell?: string;
  input?: string;
  message: string;
}

export interface CategoryJson {
  score: number | null;
  level: number | null;
}

export interface UnitJson {
  name: string;
  tier: Tier | null;
  district: string | null;
  row: number | null;
  status: Status;
  [category: string]: unknown;
  total: number | null;
  percent: number | null;
  rank: number | null;
  criteria?: Record<string, { points: number | null; applicable: boolean }>;
  issues: IssueJson[];
  corrections?: CorrectionJson[];
  /** With --previous: last year's total and the change, or null when the unit was not matched. */
  previous?: { total: number | null; change: number | null } | null;
}

export interface ResultJson {
  rubric: string;
  sheet: string;
  units: UnitJson[];
  [extra: string]: unknown;
}

const money = (cents: number | null) => (cents === null ? null : cents / 100);

export function issueJson(i: UnitResult['issues'][number]): IssueJson {
  return {
    code: i.code,
    severity: i.severity,
    ...(i.cell ? { cell: i.cell } : {}),
    ...(i.input ? { input: i.input } : {}),
    message: i.message,
  };
}

export function unitJson(u: UnitResult, categoryIds: string[]): UnitJson {
  // Category objects sit between status and total, as in the specification's example.
  const out = { name: u.name, tier: u.tier, district: u.district, row: u.row, status: u.status } as UnitJson;
  for (const id of categoryIds) {
    const cat = u.categories.find((c) => c.id === id);
    out[id] = { score: money(cat?.scoreCents ?? null), level: cat?.level ?? null } satisfies CategoryJson;
  }
  out.total = money(u.totalCents);
  out.percent = money(u.percentHundredths);
  out.rank = u.rank;
  if (u.criteria) {
    out.criteria = Object.fromEntries(u.criteria.map((c) => [c.code, { points: money(c.cents), applicable: c.applicable }]));
  }
  out.issues = u.issues.map(issueJson);
  if (u.corrections.length) out.corrections = u.corrections.map(correctionJson);
  return out;
}

/** Last year's total and the change, per unit matched (name, tier, district). */
function previousOfUnit(u: UnitResult, c: YearComparison): { total: number | null; change: number | null } | null {
  const m = c.byUnit.get(u);
  return m ? { total: money(m.previous.totalCents), change: money(m.changeCents) } : null;
}

export interface CorrectionJson {
  input: string;
  reported: JsonCell;
  verified: JsonCell;
  reason: string;
  reviewer: string;
  date: string | null;
  cell: string;
}

type JsonCell = string | number | boolean | null;

/** A cell value as JSON: numbers stay numbers, dates become YYYY-MM-DD, errors their text. */
function jsonCell(v: CellValue): JsonCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return cellDisplayText(v);
}

function correctionJson(c: AppliedCorrection): CorrectionJson {
  const date = jsonCell(c.date);
  return {
    input: c.input,
    reported: jsonCell(c.reported),
    verified: jsonCell(c.verified),
    reason: c.reason,
    reviewer: c.reviewer,
    date: date === null || date === '' ? null : String(date),
    cell: c.cell,
  };
}

export function resultJson(result: ScoreResult): ResultJson {
  const categoryIds = result.rubric.rubric.categories.map((c) => c.id);
  const out: ResultJson = {
    rubric: result.rubric.rubric.id,
    sheet: result.sheet,
    units: result.units.map((u) => unitJson(u, categoryIds)),
  };
  if (result.comparison) {
    const c = result.comparison;
    out.units.forEach((unit, i) => (unit.previous = previousOfUnit(result.units[i], c)));
    out.previous = {
      source: c.source,
      year: c.year,
      unmatched: c.unmatchedCurrent.map((u) => u.name),
      unmatchedPrevious: c.unmatchedPrevious.map((p) => p.name),
    };
  }
  if (result.appraisal) {
    out.appraisalIssues = result.appraisal.issues.map((i) => ({
      code: i.code,
      severity: i.severity,
      cell: i.cell,
      message: i.message,
    }));
  }
  return out;
}
