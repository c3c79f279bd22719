/**
 * Validation of one unit's entries (docs/bang-tong-hop.md, "Số liệu gõ tay" and "Các lỗi và
 * cảnh báo"; docs/cach-cham-diem.md, "Quy tắc kiểm tra số liệu"): every problem named at its
 * cell. Inputs the unit's tier does not read are ignored; problems of inputs only info criteria
 * read are warnings.
 */
import type { CompiledRubric } from '../rubric/compiled';
import type { Tier } from '../rubric/schema';
import { compareToCents, isInteger, isNegative, pow10 } from '../sheet/decimal';
import { CellValue, a1 } from '../sheet/grid';
import { ReadValue, cellDisplayText, readInputCell } from '../sheet/typedValues';
import { Issue, IssueCode, makeIssue } from './issues';
import { formatCentsShort } from './viFormat';

/** The codes a single value can raise on its own. */
export type ValueIssueCode = Extract<
  IssueCode,
  | 'not_a_number'
  | 'negative'
  | 'not_integer'
  | 'out_of_range'
  | 'not_yes_no'
  | 'formula_error'
  | 'not_applicable_forbidden'
  | 'not_a_choice'
>;

export interface ValidatedInputs {
  /** Per input, in rubric order. */
  reads: ReadValue[];
  /** Per input: an error issue is on it (its criteria count 0). */
  invalid: boolean[];
  issues: Issue[];
}

/** The points maximum of a points input in a tier: the smallest maximum of the criteria reading it. */
function pointsMax(rubric: CompiledRubric, tier: Tier, code: string): number | null {
  let max: number | null = null;
  for (const c of rubric.tiers[tier].criteria) {
    if (c.def.kind === 'points' && c.inputs[0] === code) max = max === null ? c.maxCents : Math.min(max, c.maxCents);
  }
  return max;
}

/**
 * Checks one value of one input: the error it raises (if any). Used for submission cells and,
 * with the same rules, for corrections on the appraisal sheet.
 */
/** "R1a - Số cán bộ": how messages name an input. */
const inputLabel = (input: { code: string; name: string }) => `${input.code} - ${input.name}`;
/** What the cell shows, as messages quote it. */
const typedText = (raw: CellValue) => cellDisplayText(raw).trim();

export function checkValue(
  rubric: CompiledRubric,
  tier: Tier | null,
  code: string,
  read: ReadValue,
  raw: CellValue,
): { code: ValueIssueCode; message: string } | null {
  const input = rubric.inputByCode.get(code)!;
  // Messages are built only for the few cells that need one.
  switch (read.kind) {
    case 'blank':
    case 'yesno':
    case 'choice':
      return null;
    case 'formulaError':
      return { code: 'formula_error', message: `${inputLabel(input)}: ô có lỗi công thức ${read.error}` };
    case 'invalid':
      if (read.reason === 'not_a_choice') {
        const answers = (input.answers ?? []).map((a) => `"${a}"`).join(', ');
        return {
          code: 'not_a_choice',
          message: `${inputLabel(input)}: "${typedText(raw)}" không phải một phương án (ghi một trong: ${answers})`,
        };
      }
      return read.reason === 'not_yes_no'
        ? { code: 'not_yes_no', message: `${inputLabel(input)}: "${typedText(raw)}" không phải Có/Không (ghi Có hoặc Không)` }
        : { code: 'not_a_number', message: `${inputLabel(input)}: "${typedText(raw)}" không phải là số` };
    case 'na':
      if (tier === null || rubric.tiers[tier].naAllowed.get(code) === true) return null;
      return {
        code: 'not_applicable_forbidden',
        message: `${inputLabel(input)}: ${rubric.tiers[tier].phrase} không được ghi "${typedText(raw)}" (không áp dụng) cho chỉ số này`,
      };
    case 'number': {
      if (isNegative(read.value))
        return { code: 'negative', message: `${inputLabel(input)}: số âm (${typedText(raw)}) không hợp lệ` };
      if (input.type === 'count' && !isInteger(read.value)) {
        return { code: 'not_integer', message: `${inputLabel(input)}: số lượng phải là số nguyên, không phải ${typedText(raw)}` };
      }
      if (input.type === 'points' && tier !== null) {
        const max = pointsMax(rubric, tier, code);
        if (max !== null && compareToCents(read.value, max) > 0) {
          return {
            code: 'out_of_range',
            message: `${inputLabel(input)}: ${typedText(raw)} điểm vượt quá điểm tối đa ${formatCentsShort(max)} của ${rubric.tiers[tier].phrase}`,
          };
        }
      }
      return null;
    }
  }
}

const BLANK_READ = readInputCell(null, 'count');

/** Where a row's input cells are: the 0-based row and each input's 0-based column. */
export interface InputCells {
  row: number;
  cols: number[];
}

/**
 * Reads and validates every input of a row. The reads are mostly shared objects and the flags a
 * plain array: nothing per cell is allocated for a valid row (see InputState for the view).
 */
export function validateInputs(
  rubric: CompiledRubric,
  tier: Tier | null,
  values: CellValue[],
  where: InputCells,
  submitted: boolean,
): ValidatedInputs {
  const issues: Issue[] = [];
  const n = rubric.inputs.length;
  const reads = new Array<ReadValue>(n);
  const invalid = new Array<boolean>(n);
  const compiled = tier === null ? null : rubric.tiers[tier];
  for (let i = 0; i < n; i++) {
    const inp = rubric.inputs[i];
    const raw = values[i];
    if (compiled && !compiled.reads[i]) {
      // Not read by this tier: whatever the cell holds, nothing to say.
      reads[i] = BLANK_READ;
      invalid[i] = false;
      continue;
    }
    const read = readInputCell(raw, inp.type, rubric.choices[i]);
    reads[i] = read;
    const problem =
      read.kind === 'blank' || read.kind === 'yesno' || read.kind === 'choice'
        ? null
        : checkValue(rubric, tier, inp.code, read, raw);
    invalid[i] = problem !== null;
    if (problem) {
      const at = { row: where.row, col: where.cols[i] };
      const severity = compiled?.infoOnly[i] ? 'warning' : 'error';
      issues.push(makeIssue(problem.code, problem.message, a1(at.row, at.col), at, inp.code, severity));
    } else if (read.kind === 'blank' && submitted) {
      const at = { row: where.row, col: where.cols[i] };
      issues.push(makeIssue('missing_entry', `Chưa nhập ${inp.code} - ${inp.name}`, a1(at.row, at.col), at, inp.code));
    }
  }
  checkConsistency(rubric, tier, { reads, invalid, values, where }, issues);
  return { reads, invalid, issues };
}

/** Whether a part exceeds its total; false unless both hold numbers. */
export function exceeds(part: ReadValue, total: ReadValue): boolean {
  if (part.kind !== 'number' || total.kind !== 'number') return false;
  const a = part.value;
  const b = total.value;
  // a > b ⇔ a.units × 10^b.scale > b.units × 10^a.scale
  const left = b.scale === 0 ? a.units : a.units * pow10(b.scale);
  const right = a.scale === 0 ? b.units : b.units * pow10(a.scale);
  return left > right;
}

export function exceedsMessage(
  rubric: CompiledRubric,
  partCode: string,
  partRaw: CellValue,
  totalCode: string,
  totalRaw: CellValue,
): string {
  const p = rubric.inputByCode.get(partCode)!;
  const t = rubric.inputByCode.get(totalCode)!;
  return `${p.code} - ${p.name} (${cellDisplayText(partRaw).trim()}) lớn hơn ${t.code} - ${t.name} (${cellDisplayText(totalRaw).trim()})`;
}

/**
 * Consistency rules (part ≤ total), checked only when both inputs are valid numbers; a breach
 * is exceeds_total on the part, which then counts as invalid.
 */
export function checkConsistency(
  rubric: CompiledRubric,
  tier: Tier | null,
  row: { reads: ReadValue[]; invalid: boolean[]; values: CellValue[]; where: InputCells },
  issues: Issue[],
): void {
  const rules = tier ? rubric.tiers[tier].rules : rubric.tierlessRules;
  let flagged: number[] | null = null;
  for (const rule of rules) {
    const p = rule.partIndex;
    const t = rule.totalIndex;
    // Validity here is the value's own: a part flagged by an earlier rule is still a number.
    if (flagged?.includes(p)) continue;
    if (row.invalid[p] || (row.invalid[t] && !flagged?.includes(t))) continue;
    if (!exceeds(row.reads[p], row.reads[t])) continue;
    (flagged ??= []).push(p);
    row.invalid[p] = true;
    const at = { row: row.where.row, col: row.where.cols[p] };
    issues.push(
      makeIssue(
        'exceeds_total',
        exceedsMessage(rubric, rule.part, row.values[p], rule.total, row.values[t]),
        a1(at.row, at.col),
        at,
        rule.part,
        tier !== null && rubric.tiers[tier].infoOnly[p] ? 'warning' : 'error',
      ),
    );
  }
}
