/**
 * Values as the add-in writes them through Range.values, which Excel reads the way it reads
 * typing: "=SUM(A1)" would become a formula, "1.234" or "12/3" a number or a date, "#N/A" an
 * error. Text of that kind gets a leading apostrophe, Excel's own mark for "this is text",
 * which is not part of the value and does not show in the cell.
 */
import { CellValue, isCellError } from '../../sheet/grid';

/** Text Excel would read as something else: a formula, an error, a number, a date or a time. */
const NOT_PLAIN_TEXT = /^[=+\-@#']|^[\d\s.,:/%]+$/;

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** A Date as Excel's serial number (1900 date system), whole days for dates without time. */
export function serialFromDate(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH_MS) / DAY_MS;
}

/** A date's number format in the cells the add-in writes (Vietnamese order). */
export const DATE_FORMAT = 'dd/mm/yyyy';

/** Text written so that it stays text; numbers and booleans as they are; blanks as "". */
export function asTypedText(v: CellValue): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  const text = typeof v === 'string' ? v : isCellError(v) ? v.error : String(v);
  return NOT_PLAIN_TEXT.test(text) ? `'${text}` : text;
}

/** A cell value to write and the number format it needs (dates), so that it reads back the same. */
export function valueForWrite(v: CellValue): { value: string | number | boolean; numberFormat: string | null } {
  if (v instanceof Date) return { value: serialFromDate(v), numberFormat: DATE_FORMAT };
  return { value: asTypedText(v), numberFormat: null };
}
