/**
 * Cells as Office returns them, turned into the engine's values: error values arrive as strings
 * ("#N/A") and only their value type tells them from typed text; dates arrive as serial numbers
 * and only their number format tells them from counts.
 */
import type { CellValue } from '../../sheet/grid';

/**
 * Whether an Excel number format shows a date or a time: it uses d, m, y, h or s outside quoted
 * text, escapes and bracketed sections (except elapsed-time [h], [m], [s]).
 */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== 'string' || format === '' || format === 'General' || format === '@') return false;
  const code = format
    .split(';')[0]
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/_./g, '')
    .replace(/\[(h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '');
  return /[dmyhs]/i.test(code.replace(/General/gi, ''));
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** An Excel serial date (1900 system) as a Date. */
export function dateFromSerial(serial: number): Date {
  return new Date(EXCEL_EPOCH_MS + Math.round(serial * DAY_MS));
}

/** One cell: its value, its value type and (when loaded) its number format. */
export function toCellValue(value: unknown, valueType: string | undefined, numberFormat?: unknown): CellValue {
  switch (valueType) {
    case 'Empty':
      return null;
    case 'Error':
      return { error: String(value) };
    case 'Double':
    case 'Integer':
      if (typeof value === 'number' && numberFormat !== undefined && isDateFormat(numberFormat)) return dateFromSerial(value);
      return typeof value === 'number' ? value : String(value);
    case 'Boolean':
      return typeof value === 'boolean' ? value : String(value).toUpperCase() === 'TRUE';
    default:
      if (value === null || value === undefined || value === '') return null;
      if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
      return String(value);
  }
}

/**
 * One window of a used range (rows as Office returns them) converted into rows of the grid.
 * `leftPad` blank cells go in front so that the grid stays anchored at column A.
 */
export function convertRows(
  values: unknown[][],
  valueTypes: string[][],
  numberFormats: unknown[][] | null,
  leftPad: number,
): CellValue[][] {
  const out: CellValue[][] = new Array(values.length);
  for (let r = 0; r < values.length; r++) {
    const src = values[r];
    const types = valueTypes[r];
    const formats = numberFormats ? numberFormats[r] : null;
    const row: CellValue[] = new Array(leftPad + src.length).fill(null);
    for (let c = 0; c < src.length; c++) {
      row[leftPad + c] = toCellValue(src[c], types ? types[c] : undefined, formats ? formats[c] : undefined);
    }
    out[r] = row;
  }
  return out;
}
