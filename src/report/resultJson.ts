/**
 * RESULT.json (command-line.md): scores as numbers with two decimals at most, units in sheet
 * order then listed units without a row, issues in sheet order.
 */
import type { Tier } from '../rubric/schema';
import type { IssueCode, Severity } from '../scoring/issues';
import type { ScoreResult, Status, UnitResult } from '../scoring/types';

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
  return out;
}

export function resultJson(result: ScoreResult): ResultJson {
  const categoryIds = result.rubric.rubric.categories.map((c) => c.id);
  return {
    rubric: result.rubric.rubric.id,
    sheet: result.sheet,
    units: result.units.map((u) => unitJson(u, categoryIds)),
  };
}
