/**
 * Reading the "Tiêu chí" sheet cell by cell: every value remembers the cell it came from, so
 * that the rubric's own checks (schema.ts, by JSON path) can be named at a cell, and every
 * problem is said once, in the sheet's words (docs/trang-tieu-chi.md, "Khi trang có lỗi").
 */
import { NO_TOKENS, YES_TOKENS } from '../../sheet/typedValues';
import { CellValue, Grid, a1, cellAt, isCellError } from '../../sheet/grid';
import { Decimal } from '../../sheet/decimal';
import { normText } from '../../sheet/normalize';
import { cellDisplayText, isBlankCell, parseTypedNumber } from '../../sheet/typedValues';
import { formatPath } from '../schema';

export type Path = (string | number)[];

export interface Cell {
  r: number;
  c: number;
}

export interface Problem {
  cell: Cell | null;
  /** 0-based row, when the problem is a whole row (a row of column names). */
  row: number | null;
  message: string;
}

export class SheetReader {
  readonly problems: Problem[] = [];
  private readonly cells = new Map<string, Cell>();
  /** Cells already reported by the reader: the schema's complaints about them add nothing. */
  private readonly reported = new Set<string>();
  /** Category maxima (category id, tier) whose criteria could not all be read: their sums prove nothing. */
  private readonly doubtfulSums = new Set<string>();

  constructor(readonly grid: Grid) {}

  value(r: number, c: number | undefined): CellValue {
    return c === undefined ? undefined : cellAt(this.grid, r, c);
  }

  text(r: number, c: number | undefined): string {
    return cellText(this.value(r, c));
  }

  isBlank(r: number, c: number | undefined): boolean {
    return isBlankCell(this.value(r, c));
  }

  /** Records that the rubric's `path` was read from this cell. */
  place(path: Path, r: number, c: number): void {
    this.cells.set(formatPath(path), { r, c });
  }

  /** The cell a path was read from, or that of its nearest recorded parent. */
  cellOf(path: Path): Cell | null {
    for (let n = path.length; n >= 0; n--) {
      const cell = this.cells.get(formatPath(path.slice(0, n)));
      if (cell) return cell;
    }
    return null;
  }

  /** Whether this exact path (not a parent) was read from a cell. */
  hasPlace(path: Path): boolean {
    return this.cells.has(formatPath(path));
  }

  fail(cell: Cell | null, message: string): void {
    this.problems.push({ cell, row: null, message });
    if (cell) this.silence(cell);
  }

  failRow(row: number, message: string): void {
    this.problems.push({ cell: null, row, message });
  }

  /** A cell whose content could not be read at all (a section without its columns). */
  silence(cell: Cell): void {
    this.reported.add(`${cell.r},${cell.c}`);
  }

  isReported(cell: Cell): boolean {
    return this.reported.has(`${cell.r},${cell.c}`);
  }

  doubtSum(category: string, tier: string): void {
    this.doubtfulSums.add(`${category}\u0000${tier}`);
  }

  isDoubtfulSum(category: unknown, tier: unknown): boolean {
    return this.doubtfulSums.has(`${String(category)}\u0000${String(tier)}`);
  }
}

/** A cell's text: trimmed, accents composed; '' when blank. */
export function cellText(v: CellValue): string {
  return isBlankCell(v) ? '' : cellDisplayText(v).normalize('NFC').trim();
}

export function decimalToNumber(d: Decimal): number {
  return Number(`${d.units}e-${d.scale}`);
}

/** A number as Vietnamese text (4.5 → "4,5"). */
export function viNumber(n: number): string {
  return String(n).replace('.', ',');
}

export type NumberRead = { kind: 'blank' } | { kind: 'number'; value: number } | { kind: 'bad'; text: string };

/** A number typed as a number or as Vietnamese text ("4,5"); with `percent`, a trailing "%" is allowed. */
export function readNumber(v: CellValue, percent = false): NumberRead {
  if (isBlankCell(v)) return { kind: 'blank' };
  if (typeof v === 'number') {
    // Excel keeps 15 significant digits: a formula's 6.300000000000001 is the 6,3 it shows.
    return Number.isFinite(v) ? { kind: 'number', value: Number(v.toPrecision(15)) } : { kind: 'bad', text: String(v) };
  }
  if (typeof v !== 'string') return { kind: 'bad', text: cellDisplayText(v) };
  let text = normText(v);
  if (percent) text = text.replace(/\s*%$/, '');
  const d = parseTypedNumber(text);
  return d ? { kind: 'number', value: decimalToNumber(d) } : { kind: 'bad', text: v.trim() };
}

export function notANumber(v: CellValue, text: string): string {
  if (isCellError(v)) return `ô có lỗi công thức ${v.error}`;
  return `"${text}" không phải là số (số thập phân viết với dấu phẩy, ví dụ 4,5)`;
}

/** A yes/no cell: Có/x/1 yes, Không/blank/0 no; null when unreadable. */
export function readYesNo(v: CellValue): boolean | null {
  if (isBlankCell(v)) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : null;
  if (typeof v !== 'string') return null;
  const key = normText(v);
  return YES_TOKENS.has(key) ? true : NO_TOKENS.has(key) ? false : null;
}

/** Items of a list cell: separated by ";" or by line breaks, blanks dropped. */
export function splitList(text: string, lines = false): string[] {
  return text
    .split(lines ? /\r?\n/ : /[;\r\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Required text: the cell's text, or a problem naming what is missing. */
export function requiredText(rd: SheetReader, r: number, c: number | undefined, path: Path, what: string): string | undefined {
  if (c === undefined) return undefined;
  rd.place(path, r, c);
  if (formulaError(rd, r, c)) return undefined;
  const text = rd.text(r, c);
  if (text === '') {
    rd.fail({ r, c }, `chưa ghi ${what}`);
    return undefined;
  }
  return text;
}

/** Optional text: the cell's text, or undefined when blank or there is no such column. */
export function optionalText(rd: SheetReader, r: number, c: number | undefined, path: Path): string | undefined {
  if (c === undefined) return undefined;
  rd.place(path, r, c);
  if (formulaError(rd, r, c)) return undefined;
  return rd.text(r, c) || undefined;
}

/** A cell showing #REF!, #N/A…: never taken for text (said at the cell). */
function formulaError(rd: SheetReader, r: number, c: number): boolean {
  const v = rd.value(r, c);
  if (!isCellError(v)) return false;
  rd.fail({ r, c }, `ô có lỗi công thức ${v.error}`);
  return true;
}

/** Optional list (";" between items): the items, or undefined when blank. */
export function optionalList(rd: SheetReader, r: number, c: number | undefined, path: Path): string[] | undefined {
  const text = optionalText(rd, r, c, path);
  if (text === undefined) return undefined;
  const items = splitList(text);
  items.forEach((_, j) => rd.place([...path, j], r, c!));
  return items.length ? items : undefined;
}

/**
 * Whether a column of whole percents was typed in cells formatted as percentages: Excel then
 * holds 0,9 for 90 %. A fraction anywhere in the column says so, and then 1 is 100 %.
 */
export function isFractionColumn(rd: SheetReader, rows: number[], c: number | undefined): boolean {
  return rows.some((r) => {
    const v = rd.value(r, c);
    return typeof v === 'number' && v > 0 && v < 1;
  });
}

/** A whole percent 0–100: typed 90, "90%", or 0,9 in a cell formatted as a percentage. */
export function requiredPercent(
  rd: SheetReader,
  r: number,
  c: number | undefined,
  path: Path,
  what: string,
  fractions: boolean,
): number | undefined {
  if (c === undefined) return undefined;
  rd.place(path, r, c);
  const v = rd.value(r, c);
  const read = readNumber(v, true);
  if (read.kind === 'number') {
    const isFraction = typeof v === 'number' && ((v > 0 && v < 1) || (fractions && v === 1));
    const value = isFraction ? Number((read.value * 100).toPrecision(12)) : read.value;
    if (Number.isInteger(value) && value >= 0 && value <= 100) return value;
    rd.fail({ r, c }, `${what} phải là số nguyên từ 0 đến 100 (ví dụ 90 nghĩa là 90%), ô đang ghi ${viNumber(value)}`);
    return undefined;
  }
  rd.fail({ r, c }, read.kind === 'blank' ? `chưa ghi ${what}` : notANumber(v, read.text));
  return undefined;
}

/** A word from a closed list (kind, type), in Vietnamese or as the English id. */
export function readWord<K extends string>(
  rd: SheetReader,
  r: number,
  c: number | undefined,
  path: Path,
  lookup: Map<string, K>,
  suggestion: string,
  what: string,
  wordKey: (s: string) => string,
): K | undefined {
  const text = requiredText(rd, r, c, path, what);
  if (text === undefined) return undefined;
  const found = lookup.get(wordKey(text));
  if (!found) rd.fail({ r, c: c! }, `${what} "${text}" không rõ; ghi một trong: ${suggestion}`);
  return found;
}

/** Drops keys whose value is undefined: the rubric omits what the sheet leaves blank. */
export function compact<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

/** "Trang "Tiêu chí", ô D12: …" */
export function describe(sheet: string, p: Problem): string {
  if (p.cell) return `Trang "${sheet}", ô ${a1(p.cell.r, p.cell.c)}: ${p.message}`;
  if (p.row !== null) return `Trang "${sheet}", dòng ${p.row + 1}: ${p.message}`;
  return `Trang "${sheet}": ${p.message}`;
}
