/**
 * Typed values (docs/bang-tong-hop.md, "Số liệu gõ tay"): what a cell holds, read the way staff type it.
 */
import { CellValue, isCellError } from './grid';
import { Decimal, decimalFromNumber, parsePlainDecimal } from './decimal';
import { normText, normUnitName } from './normalize';

export type InputType = 'count' | 'yesno' | 'points' | 'choice';

/** A choice input's answers by comparison key (answerKey), for reading its cells. */
export interface AnswerIndex {
  byKey: Map<string, number>;
}

/** What an input cell holds, before the rubric's rules (negative, integer, range) apply. */
export type ReadValue =
  | { kind: 'blank' }
  | { kind: 'na' }
  | { kind: 'formulaError'; error: string }
  | { kind: 'number'; value: Decimal }
  | { kind: 'yesno'; value: boolean }
  /** An answer of a choice input: its index in the input's answers. */
  | { kind: 'choice'; index: number }
  | { kind: 'invalid'; reason: 'not_a_number' | 'not_yes_no' | 'not_a_choice' };

// Shared, immutable answers for the values that repeat in every row.
const BLANK: ReadValue = Object.freeze({ kind: 'blank' });
const NA: ReadValue = Object.freeze({ kind: 'na' });
const YES: ReadValue = Object.freeze({ kind: 'yesno', value: true });
const NO: ReadValue = Object.freeze({ kind: 'yesno', value: false });
const NOT_YES_NO: ReadValue = Object.freeze({ kind: 'invalid', reason: 'not_yes_no' });
const NOT_A_NUMBER: ReadValue = Object.freeze({ kind: 'invalid', reason: 'not_a_number' });
const NOT_A_CHOICE: ReadValue = Object.freeze({ kind: 'invalid', reason: 'not_a_choice' });
const CHOICES: ReadValue[] = [];
const choiceRead = (index: number): ReadValue => (CHOICES[index] ??= Object.freeze({ kind: 'choice', index }));

/**
 * How an answer is compared (docs/bang-tong-hop.md, "Số liệu gõ tay"): like a unit name, with
 * trailing punctuation dropped.
 */
export function answerKey(text: string): string {
  return normUnitName(text).replace(/[\s.,;:!?…]+$/u, '');
}
const SMALL_NUMBERS: ReadValue[] = [];

function numberRead(d: Decimal): ReadValue {
  // Small whole numbers come from a shared table of decimals, so their reads can be shared too.
  if (d.scale === 0 && d.units >= 0n && d.units < 4096n) {
    const i = Number(d.units);
    return (SMALL_NUMBERS[i] ??= Object.freeze({ kind: 'number', value: d }));
  }
  return { kind: 'number', value: d };
}

/** Typed tokens meaning "not applicable". */
export const NA_TOKENS = new Set(['kad', 'không áp dụng', 'n/a', '-']);
/** What a yes/no cell may say, normalised (docs/bang-tong-hop.md, "Có/không"). */
export const YES_TOKENS = new Set(['có', 'c', 'x', '1', 'yes', 'true']);
export const NO_TOKENS = new Set(['không', 'k', '0', 'no', 'false']);

/**
 * Text that is a number: optional minus, digits grouped by "." in threes or by spaces,
 * optional "," decimal part ("1.234" = 1234, "12,5" = 12.5, "1 234" = 1234).
 */
const TYPED_NUMBER = /^(-?)(\d{1,3}(?:\.\d{3})+|\d{1,3}(?: \d{3})+|\d+)(?:,(\d+))?$/;

export function parseTypedNumber(text: string): Decimal | null {
  const m = TYPED_NUMBER.exec(text);
  if (!m) return null;
  const whole = m[2].replace(/[. ]/g, '');
  return parsePlainDecimal(`${m[1]}${whole}${m[3] ? `.${m[3]}` : ''}`);
}

/** The cell's text for token matching, or null when it is not text-like. */
function cellText(v: CellValue): string | null {
  if (typeof v === 'string') return normText(v);
  return null;
}

export function isBlankCell(v: CellValue): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') return normText(v) === '';
  return false;
}

/** Reads one input cell for an input of the given type (a choice input with its answers). */
export function readInputCell(v: CellValue, type: InputType, answers: AnswerIndex | null = null): ReadValue {
  if (v === null || v === undefined) return BLANK;
  if (type === 'choice') return readChoice(v, answers);
  if (typeof v === 'number' && type !== 'yesno') {
    const d = decimalFromNumber(v);
    return d ? numberRead(d) : NOT_A_NUMBER;
  }
  const text = cellText(v);
  if (text === '') return BLANK;
  if (isCellError(v)) return { kind: 'formulaError', error: v.error };
  if (text !== null && NA_TOKENS.has(text)) return NA;

  if (type === 'yesno') {
    if (typeof v === 'boolean') return v ? YES : NO;
    if (typeof v === 'number') return v === 1 ? YES : v === 0 ? NO : NOT_YES_NO;
    if (text !== null) {
      if (YES_TOKENS.has(text)) return YES;
      if (NO_TOKENS.has(text)) return NO;
    }
    return NOT_YES_NO;
  }
  if (text !== null) {
    const d = parseTypedNumber(text);
    return d ? numberRead(d) : NOT_A_NUMBER;
  }
  // booleans and dates in a count or points input
  return NOT_A_NUMBER;
}

/** A choice cell: N/A first, then an answer; a number cell is compared as its text. */
function readChoice(v: CellValue, answers: AnswerIndex | null): ReadValue {
  if (isCellError(v)) return { kind: 'formulaError', error: v.error };
  if (typeof v !== 'string' && typeof v !== 'number') return NOT_A_CHOICE;
  const text = normText(String(v));
  if (text === '') return BLANK;
  if (NA_TOKENS.has(text)) return NA;
  const index = answers?.byKey.get(answerKey(text));
  return index === undefined ? NOT_A_CHOICE : choiceRead(index);
}

/** A cell's content as display text (labels, names), or '' when blank. */
export function cellDisplayText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (isCellError(v)) return v.error;
  return '';
}
