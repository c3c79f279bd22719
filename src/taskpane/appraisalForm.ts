/**
 * What the appraisal form needs from the last ScoreResult: which unit and input a selected cell
 * belongs to, and whether a typed verified value is valid — checked by the engine's own rules
 * (validateInputs.checkValue) so that the reviewer hears about "12.5" before a row is written.
 */
import type { InputDef } from '../rubric/schema';
import { sameName } from '../scoring/scoreWorkbook';
import { checkValue } from '../scoring/validateInputs';
import type { ScoreResult, UnitResult } from '../scoring/types';
import { formatCents } from '../scoring/viFormat';
import type { CellValue } from '../sheet/grid';
import { cellDisplayText, readInputCell } from '../sheet/typedValues';
import type { SelectedCell } from '../workbook/gateway';
import type { Strings } from './strings';

export type CellChoice =
  | { kind: 'input'; cell: SelectedCell; unit: UnitResult; input: InputDef }
  | { kind: 'missing'; cell: SelectedCell; unit: UnitResult }
  | { kind: 'other'; cell: SelectedCell };

/** The unit and input of a cell of the scored sheet (unit.inputs[i].cell), if it is one. */
export function choiceAt(result: ScoreResult, cell: SelectedCell): CellChoice {
  if (!sameName(cell.sheet, result.sheet)) return { kind: 'other', cell };
  for (const unit of result.units) {
    const i = unit.inputs?.findIndex((s) => s.cell === cell.address) ?? -1;
    if (i < 0) continue;
    if (unit.status === 'missing') return { kind: 'missing', cell, unit };
    return { kind: 'input', cell, unit, input: result.rubric.inputs[i] };
  }
  return { kind: 'other', cell };
}

/**
 * The verified value to write: a number when the text is one (as staff type it: "12,5",
 * "1.234"), else the text itself ("Có", "KAD"); or the engine's message saying what is wrong.
 */
export function verifiedValue(
  result: ScoreResult,
  unit: UnitResult,
  input: InputDef,
  text: string,
): { ok: true; value: CellValue } | { ok: false; code: string; message: string } | null {
  const typed = text.trim();
  if (typed === '') return null;
  const read = readInputCell(typed, input.type);
  const problem = checkValue(result.rubric, unit.tier, input.code, read, typed);
  if (problem) return { ok: false, code: problem.code, message: problem.message };
  if (read.kind === 'number') return { ok: true, value: Number(`${read.value.units}e-${read.value.scale}`) };
  return { ok: true, value: typed };
}

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 10 });
const pad = (n: number) => String(n).padStart(2, '0');

/** A date as the department writes it, in every language of the pane: 21/02/2019. */
export function formatDate(date: Date): string {
  return `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
}

/** A cell's value as a Vietnamese reader expects it: 12,5 and 1.234 for numbers, 21/02/2019 for dates. */
export function displayValue(v: CellValue): string {
  if (typeof v === 'number') return numberFormat.format(v);
  if (v instanceof Date) return formatDate(v);
  return cellDisplayText(v).trim();
}

/**
 * "21/02/2019" (also 21/2/2019, 21-02-2019, 21.02.2019) → that day at UTC midnight, as Excel dates
 * are read; null when blank or not a real day (31/02/2019).
 */
export function dateFromInput(text: string): Date | null {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? date : null;
}

/** Today in the reviewer's own calendar, as the date field shows it. */
export function todayForInput(now: Date = new Date()): string {
  return `${pad(now.getDate())}/${pad(now.getMonth() + 1)}/${now.getFullYear()}`;
}

/** What the pane says of the unit once scored again with the correction: its total beside its own, or its status. */
export function unitAfterAppraisal(unit: UnitResult, strings: Strings): string {
  if (unit.status !== 'scored' || unit.totalCents === null) return strings.notScoredTotal(unit.name, strings.status[unit.status]);
  const self = unit.selfTotalCents === null ? '—' : formatCents(unit.selfTotalCents);
  return strings.newTotal(unit.name, formatCents(unit.totalCents), self);
}
