/**
 * The pane's list of problems: units that need a look, in sheet order, each with its issues at
 * their cells — and the first problem cell, which the ribbon command selects after scoring.
 */
import type { Issue, Severity } from '../scoring/issues';
import type { ScoreResult, Status, UnitResult } from '../scoring/types';

export interface ProblemItem {
  /** A1 cell on the scored sheet, or null when no cell applies. */
  cell: string | null;
  issue: Issue;
  severity: Severity;
}

export interface UnitProblems {
  unit: UnitResult;
  name: string;
  /** 1-based sheet row, or null for a listed unit with no row. */
  row: number | null;
  nameCell: string | null;
  status: Status;
  items: ProblemItem[];
}

/** Units with issues or without a report, in sheet order. */
export function problemsByUnit(result: ScoreResult): UnitProblems[] {
  return result.units
    .filter((u) => u.issues.length > 0 || u.status === 'missing')
    .map((u) => ({
      unit: u,
      name: u.name,
      row: u.row,
      nameCell: u.nameCell,
      status: u.status,
      items: u.issues.map((i) => ({ cell: i.cell, issue: i, severity: i.severity })),
    }));
}

export function issueCount(groups: UnitProblems[]): number {
  return groups.reduce((n, g) => n + g.items.length, 0);
}

/** The cell to show first: the first error, else the first warning, else the first unit without a report. */
export function firstProblemCell(result: ScoreResult): string | null {
  const issues = result.units.flatMap((u) => u.issues);
  const error = issues.find((i) => i.severity === 'error' && i.cell);
  if (error) return error.cell;
  const warning = issues.find((i) => i.cell);
  if (warning) return warning.cell;
  return result.units.find((u) => u.status === 'missing' && u.nameCell)?.nameCell ?? null;
}
