/**
 * Issue codes (docs/bang-tong-hop.md, "Các lỗi và cảnh báo"), in the table's order, which is
 * also the order of issues on one cell.
 */
export const ISSUE_CODES = [
  'not_a_number',
  'negative',
  'not_integer',
  'out_of_range',
  'not_yes_no',
  'formula_error',
  'not_applicable_forbidden',
  'exceeds_total',
  'missing_entry',
  'duplicate_unit',
  'unknown_unit',
  'unknown_tier',
  'unnamed_row',
  'not_a_choice',
  'below_table',
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];
export type Severity = 'error' | 'warning';

const WARNINGS = new Set<IssueCode>(['missing_entry', 'unknown_unit', 'below_table']);

export function severityOf(code: IssueCode): Severity {
  return WARNINGS.has(code) ? 'warning' : 'error';
}

const ORDER = new Map<IssueCode, number>(ISSUE_CODES.map((c, i) => [c, i]));

export interface Issue {
  code: IssueCode;
  severity: Severity;
  /** A1 address on the scored sheet, or null when no cell applies. */
  cell: string | null;
  /** The input code, for input-level codes only. */
  input: string | null;
  message: string;
  /** 0-based position of the cell, for sheet order. */
  at: { row: number; col: number } | null;
}

export function makeIssue(
  code: IssueCode,
  message: string,
  cell: string | null,
  at: { row: number; col: number } | null,
  input: string | null = null,
  severity: Severity = severityOf(code),
): Issue {
  return { code, severity, cell, input, message, at };
}

/** Sheet order: row, then column; on one cell, the order of the codes table. */
export function compareIssues(a: Issue, b: Issue): number {
  const ar = a.at?.row ?? Number.MAX_SAFE_INTEGER;
  const br = b.at?.row ?? Number.MAX_SAFE_INTEGER;
  if (ar !== br) return ar - br;
  const ac = a.at?.col ?? Number.MAX_SAFE_INTEGER;
  const bc = b.at?.col ?? Number.MAX_SAFE_INTEGER;
  if (ac !== bc) return ac - bc;
  return ORDER.get(a.code)! - ORDER.get(b.code)!;
}
