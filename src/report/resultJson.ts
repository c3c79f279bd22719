/**
 * RESULT.json, format 2 (docs/dong-lenh.md, "RESULT.json"): the file describes its rubric (tiers,
 * categories, levels, grades, rankBy); scores are numbers with two decimals at most; units in
 * sheet order then listed units without a row; issues in sheet order.
 */
import type { CompiledRubric } from '../rubric/compiled';
import type { Tier } from '../rubric/schema';
import type { IssueCode, Severity } from '../scoring/issues';
import type { AppliedCorrection } from '../scoring/appraisal';
import type { YearComparison } from '../scoring/compareYears';
import { NextStep, allSteps } from '../scoring/nextStep';
import type { ScoreResult, Status, UnitResult } from '../scoring/types';
import type { CellValue } from '../sheet/grid';
import { cellDisplayText } from '../sheet/typedValues';
import { levelName } from './levelWords';
import { money } from './money';

export const RESULT_FORMAT = 2;

export interface IssueJson {
  code: IssueCode;
  severity: Severity;
  cell?: string;
  input?: string;
  message: string;
}

export interface CategoryJson {
  score: number | null;
  max: number | null;
  applicable: boolean;
  level: number | null;
  /** Rubrics with levels: the path to the next level, null at the top level or when not applicable. */
  nextLevel?: NextStepJson | null;
}

export type StepValueJson = number | boolean | string | null;

/** A path to the next level or grade (docs/dong-lenh.md, "Lộ trình nâng mức"). */
export type NextStepJson = {
  level?: number;
  grade?: string;
  /** Each change: the input, its cell, the value now (null for blank) and the value to reach. */
  changes: { input: string; cell: string | null; from: StepValueJson; to: StepValueJson }[] | null;
  /** Why there is no path: out of reach within the limits, or errors to fix first. */
  reason?: 'unreachable' | 'fix_errors';
  /** With fix_errors: the cells to fix first. */
  cells?: string[];
  /** Blank totals that hold points back ("Nhập R1a - Tổng số CBCCVC"). */
  advice?: { input: string; cell: string | null; message: string }[];
};

/** What an info criterion collected: a number, yes/no, an answer, "Không áp dụng", or null. */
export type InfoValue = number | boolean | string | null;

export interface CriterionJson {
  points: number | null;
  applicable: boolean;
  value?: InfoValue;
}

export interface UnitJson {
  name: string;
  tier: Tier | null;
  district: string | null;
  row: number | null;
  status: Status;
  categories: Record<string, CategoryJson>;
  total: number | null;
  max: number | null;
  percent: number | null;
  grade: string | null;
  rank: number | null;
  /** Rubrics with grades: the path to the next grade, null at the top grade or for units not scored. */
  nextGrade?: NextStepJson | null;
  criteria?: Record<string, CriterionJson>;
  issues: IssueJson[];
  corrections?: CorrectionJson[];
  /** With --previous: last year's total and the change, or null when the unit was not matched. */
  previous?: { total: number | null; change: number | null } | null;
}

export interface ResultJson {
  format: typeof RESULT_FORMAT;
  rubric: string;
  sheet: string;
  tiers: { id: string; name: string }[];
  categories: { id: string; name: string; short: string }[];
  levels: string[] | null;
  grades: { name: string; min: number }[] | null;
  rankBy: 'total' | 'percent';
  units: UnitJson[];
  sheetIssues: IssueJson[];
  [extra: string]: unknown;
}

export function issueJson(i: UnitResult['issues'][number]): IssueJson {
  return {
    code: i.code,
    severity: i.severity,
    ...(i.cell ? { cell: i.cell } : {}),
    ...(i.input ? { input: i.input } : {}),
    message: i.message,
  };
}

/** The value an info criterion collected, from the unit's reads. */
function infoValue(u: UnitResult, code: string, rubric: CompiledRubric): InfoValue {
  const state = u.inputs?.find((s) => s.code === code);
  if (!state || state.invalid) return null;
  const read = state.read;
  switch (read.kind) {
    case 'number':
      return Number(`${read.value.units}e-${read.value.scale}`);
    case 'yesno':
      return read.value;
    case 'choice':
      return rubric.inputByCode.get(code)?.answers?.[read.index] ?? null;
    case 'na':
      return 'Không áp dụng';
    default:
      return null;
  }
}

function stepJson(target: { level?: number; grade?: string }, step: NextStep): NextStepJson {
  if (step.kind === 'fix_errors') return { ...target, changes: null, reason: 'fix_errors', cells: step.cells };
  const advice = step.advice.length ? { advice: step.advice } : {};
  if (step.kind === 'unreachable') return { ...target, changes: null, reason: 'unreachable', ...advice };
  return {
    ...target,
    changes: step.changes.map((c) => ({ input: c.input, cell: c.cell, from: c.from, to: c.to })),
    ...advice,
  };
}

export function unitJson(u: UnitResult, rubric: CompiledRubric, steps: ReturnType<typeof allSteps> | null = null): UnitJson {
  const next = steps?.get(u) ?? null;
  const categories: Record<string, CategoryJson> = {};
  for (const c of u.categories) {
    categories[c.id] = {
      score: c.applicable ? money(c.scoreCents) : null,
      max: c.applicable ? money(c.maxCents) : null,
      applicable: c.applicable,
      level: c.level,
    };
    if (steps && rubric.levels.length) {
      const t = next?.levels.get(c.id) ?? null;
      categories[c.id].nextLevel = t ? stepJson({ level: t.level }, t.step) : null;
    }
  }
  const out: UnitJson = {
    name: u.name,
    tier: u.tier,
    district: u.district,
    row: u.row,
    status: u.status,
    categories,
    total: money(u.totalCents),
    max: money(u.maxCents),
    percent: money(u.percentHundredths),
    grade: u.grade,
    rank: u.rank,
    ...(steps && rubric.grades.length
      ? { nextGrade: next?.grade ? stepJson({ grade: next.grade.grade }, next.grade.step) : null }
      : {}),
    issues: [],
  };
  if (u.criteria) {
    out.criteria = Object.fromEntries(
      u.criteria.map((c) => [
        c.code,
        c.scores
          ? { points: money(c.cents), applicable: c.applicable }
          : { points: null, applicable: false, value: infoValue(u, c.inputs[0], rubric) },
      ]),
    );
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
  const rubric = result.rubric;
  const steps = rubric.levels.length || rubric.grades.length ? allSteps(result) : null;
  const out: ResultJson = {
    format: RESULT_FORMAT,
    rubric: rubric.rubric.id,
    sheet: result.sheet,
    tiers: rubric.tierList.map((t) => ({ id: t.id, name: t.name })),
    categories: rubric.rubric.categories.map((c) => ({ id: c.id, name: c.name, short: c.short })),
    levels: rubric.levels.length ? rubric.levels.map((l) => levelName(l.level)) : null,
    grades: rubric.grades.length ? rubric.grades.map((g) => ({ name: g.name, min: g.min })) : null,
    rankBy: rubric.rankBy,
    units: result.units.map((u) => unitJson(u, rubric, steps)),
    sheetIssues: result.sheetIssues.map(issueJson),
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
