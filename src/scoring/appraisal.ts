/**
 * Appraisal (docs/tham-dinh.md, "Dòng nào được dùng" and "Kiểm tra số liệu thẩm định"): which
 * corrections of the "Thẩm định" sheet apply. The lowest row for a unit and input wins and only it
 * is validated — like the submission cell it replaces, consistency rules included. An invalid
 * correction is not applied and is reported at its row.
 */
import type { CompiledRubric } from '../rubric/compiled';
import { CorrectionRow, appraisalGroupTitle } from '../sheet/appraisalSheet';
import type { CellValue } from '../sheet/grid';
import { parseA1, quoteSheetName } from '../sheet/grid';
import { normGroupName, normUnitName } from '../sheet/normalize';
import { cellDisplayText, readInputCell, ReadValue } from '../sheet/typedValues';
import { Severity } from './issues';
import type { InputState, UnitResult } from './types';
import { ValueIssueCode, checkValue, exceeds, exceedsMessage } from './validateInputs';

export type AppraisalIssueCode =
  | ValueIssueCode
  | 'exceeds_total'
  | 'unknown_unit'
  | 'unknown_input'
  | 'correction_on_missing'
  | 'reported_value_changed'
  | 'appraisal_header_missing';

export interface AppraisalIssue {
  code: AppraisalIssueCode;
  severity: Severity;
  /** On the appraisal sheet: 'Thẩm định'!E5. */
  cell: string;
  message: string;
  /** 0-based row and column on the appraisal sheet, for order. */
  at: { row: number; col: number };
}

/** A correction in use: the verified value replaces the reported one for scoring. */
export interface AppliedCorrection {
  input: string;
  /** The value in the unit's own cell on the submission sheet. */
  reported: CellValue;
  verified: CellValue;
  reason: string;
  reviewer: string;
  date: CellValue;
  /** The correction's verified-value cell on the appraisal sheet. */
  cell: string;
  /** The unit's input cell on the submission sheet (never changed). */
  inputCell: string;
}

export interface AppraisalPlan {
  /** Per submission sheet row (0-based): input index → correction to apply. */
  byRow: Map<number, Map<number, AppliedCorrection>>;
  issues: AppraisalIssue[];
}

function issue(
  sheet: string,
  address: string,
  code: AppraisalIssueCode,
  message: string,
  severity: Severity = 'error',
): AppraisalIssue {
  return { code, severity, cell: `${quoteSheetName(sheet)}!${address}`, message, at: parseA1(address)! };
}

function sameValue(a: ReadValue, b: ReadValue): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'number' && b.kind === 'number') {
    const [x, y] = [a.value, b.value];
    return x.units * 10n ** BigInt(y.scale) === y.units * 10n ** BigInt(x.scale);
  }
  if (a.kind === 'yesno' && b.kind === 'yesno') return a.value === b.value;
  if (a.kind === 'choice' && b.kind === 'choice') return a.index === b.index;
  return a.kind === 'blank' || a.kind === 'na';
}

/** Finds the unit a correction names: same name, and the same district when it says one. */
function findUnit(units: UnitResult[], row: CorrectionRow, groupWords: string[]): UnitResult[] {
  const key = normUnitName(row.unit);
  return units.filter(
    (u) =>
      normUnitName(u.name) === key &&
      (row.district === null ||
        u.district === null ||
        normGroupName(u.district, groupWords) === normGroupName(row.district, groupWords)),
  );
}

/**
 * Decides which corrections apply, given the units as scored from their own reports.
 */
export function planAppraisal(rows: CorrectionRow[], units: UnitResult[], rubric: CompiledRubric, sheet: string): AppraisalPlan {
  const issues: AppraisalIssue[] = [];
  const codeOf = new Map(rubric.inputs.map((inp, i) => [inp.code.toLowerCase(), i]));
  const groupTitle = appraisalGroupTitle(rubric);

  // The lowest row for a unit and input wins: walk bottom-up and keep the first seen.
  const winners = new Map<string, { row: CorrectionRow; unit: UnitResult; index: number }>();
  for (const row of [...rows].reverse()) {
    const index = codeOf.get(row.code.toLowerCase());
    if (index === undefined) {
      issues.push(
        issue(sheet, row.cells.code, 'unknown_input', `Không có chỉ số mã "${row.code}" trong bộ tiêu chí (dòng ${row.row + 1})`),
      );
      continue;
    }
    const found = findUnit(units, row, rubric.groupWords);
    if (found.length !== 1) {
      const why =
        found.length === 0
          ? `không có đơn vị "${row.unit}" trong bảng tổng hợp`
          : `có ${found.length} đơn vị tên "${row.unit}"${groupTitle ? `: ghi rõ cột "${groupTitle}"` : ''}`;
      issues.push(issue(sheet, row.cells.unit, 'unknown_unit', `Dòng ${row.row + 1}: ${why}`));
      continue;
    }
    const unit = found[0];
    if (unit.tier !== null && !rubric.tiers[unit.tier].reads[index]) {
      const inp = rubric.inputs[index];
      issues.push(
        issue(
          sheet,
          row.cells.code,
          'unknown_input',
          `Dòng ${row.row + 1}: chỉ số ${inp.code} không dùng cho ${rubric.tiers[unit.tier].phrase} (${unit.name})`,
        ),
      );
      continue;
    }
    const key = `${unit.row ?? unit.name}|${index}`;
    if (!winners.has(key)) winners.set(key, { row, unit, index });
  }

  const byUnit = new Map<UnitResult, { row: CorrectionRow; index: number }[]>();
  for (const w of winners.values()) {
    if (w.unit.status === 'missing' || !w.unit.inputs) {
      issues.push(
        issue(
          sheet,
          w.row.cells.unit,
          'correction_on_missing',
          `Đơn vị "${w.unit.name}" không gửi báo cáo: không thẩm định được (dòng ${w.row.row + 1}), đơn vị vẫn tính là không gửi báo cáo`,
        ),
      );
      continue;
    }
    const list = byUnit.get(w.unit) ?? [];
    list.push(w);
    byUnit.set(w.unit, list);
  }

  const byRow = new Map<number, Map<number, AppliedCorrection>>();
  for (const [unit, list] of byUnit) {
    const inputs = unit.inputs!;
    // Value rules first, each correction on its own.
    let valid = list.filter(({ row, index }) => {
      const inp = rubric.inputs[index];
      const read = readInputCell(row.verified, inp.type, rubric.choices[index]);
      const problem = checkValue(rubric, unit.tier, inp.code, read, row.verified);
      if (problem) {
        // As in the submission: a problem in an input only info criteria read is a warning.
        const severity = unit.tier !== null && rubric.tiers[unit.tier].infoOnly[index] ? 'warning' : 'error';
        issues.push(
          issue(sheet, row.cells.verified, problem.code, `Dòng ${row.row + 1}, ${unit.name}: ${problem.message}`, severity),
        );
        return false;
      }
      if (read.kind === 'blank') return false;
      const reported = readInputCell(row.reported, inp.type, rubric.choices[index]);
      if (reported.kind !== 'blank' && !sameValue(reported, inputs[index].read)) {
        issues.push(
          issue(
            sheet,
            row.cells.reported,
            'reported_value_changed',
            `Dòng ${row.row + 1}: số liệu báo cáo ghi "${cellDisplayText(row.reported).trim()}" nhưng ô ${inputs[index].cell} của ${unit.name} đang là "${cellDisplayText(inputs[index].raw).trim()}"; vẫn dùng số liệu thẩm định`,
            'warning',
          ),
        );
      }
      return true;
    });
    // Then consistency with the unit's other values, corrections applied; a breach drops the correction.
    const rules = unit.tier ? rubric.tiers[unit.tier].rules : rubric.tierlessRules;
    for (;;) {
      const corrected = new Map(valid.map((c) => [c.index, c]));
      const states: InputState[] = inputs.map((s, i) => {
        const c = corrected.get(i);
        const raw = c ? c.row.verified : s.raw;
        const read = c ? readInputCell(raw, rubric.inputs[i].type, rubric.choices[i]) : s.read;
        return { ...s, raw, read, invalid: checkValue(rubric, unit.tier, s.code, read, raw) !== null };
      });
      const breach = rules.find(
        (r) =>
          (corrected.has(r.partIndex) || corrected.has(r.totalIndex)) &&
          !states[r.partIndex].invalid &&
          !states[r.totalIndex].invalid &&
          exceeds(states[r.partIndex].read, states[r.totalIndex].read),
      );
      if (!breach) break;
      const culprit = corrected.get(breach.partIndex) ?? corrected.get(breach.totalIndex)!;
      const [part, total] = [states[breach.partIndex], states[breach.totalIndex]];
      const message = exceedsMessage(rubric, part.code, part.raw, total.code, total.raw);
      issues.push(
        issue(sheet, culprit.row.cells.verified, 'exceeds_total', `Dòng ${culprit.row.row + 1}, ${unit.name}: ${message}`),
      );
      valid = valid.filter((c) => c !== culprit);
    }
    if (valid.length === 0) continue;
    const applied = new Map<number, AppliedCorrection>();
    for (const { row, index } of valid) {
      applied.set(index, {
        input: rubric.inputs[index].code,
        reported: inputs[index].raw,
        verified: row.verified,
        reason: row.reason,
        reviewer: row.reviewer,
        date: row.date,
        cell: `${quoteSheetName(sheet)}!${row.cells.verified}`,
        inputCell: inputs[index].cell!,
      });
    }
    byRow.set(unit.row! - 1, applied);
  }

  issues.sort((a, b) => a.at.row - b.at.row || a.at.col - b.at.col);
  return { byRow, issues };
}
