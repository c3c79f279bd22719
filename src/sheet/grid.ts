/**
 * The plain sheet the engine reads: a 2-D array of cell values anchored at A1, plus merged areas.
 * Both gateways (Excel.run and the .xlsx package reader) translate their cells into this shape.
 */

/** An Excel error value such as #N/A or #DIV/0!. */
export interface CellError {
  error: string;
}

/**
 * One cell's value as read. A formula cell is given as its cached result (undefined/null when
 * there is none). Dates stay Date so that they can be refused in number inputs.
 */
export type CellValue = string | number | boolean | Date | CellError | null | undefined;

/** A merged area, 0-based and inclusive. */
export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  /** Sheet name. */
  name: string;
  /** rows[r][c] is the cell at row r + 1, column c + 1; short rows are padded with blanks. */
  rows: CellValue[][];
  /** Merged areas, or null when the host cannot tell (then header cells are filled down). */
  merges: MergedArea[] | null;
}

export function isCellError(v: CellValue): v is CellError {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && 'error' in v;
}

export function cellAt(grid: Grid, r: number, c: number): CellValue {
  const row = grid.rows[r];
  return row ? row[c] : undefined;
}

export function rowCount(grid: Grid): number {
  return grid.rows.length;
}

export function columnCount(grid: Grid): number {
  let n = 0;
  for (const row of grid.rows) if (row.length > n) n = row.length;
  return n;
}

/** Letters of the columns met so far: addresses are made for every input of every row. */
const LETTERS: string[] = [];

/** 0-based column index → letters (0 → A, 27 → AB). */
export function columnLetters(c: number): string {
  if (c >= 0 && c < 16384) return (LETTERS[c] ??= lettersOf(c));
  return lettersOf(c);
}

function lettersOf(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters → 0-based column index (A → 0). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0-based row and column → A1 address ("D7"). */
export function a1(r: number, c: number): string {
  return `${columnLetters(c)}${r + 1}`;
}

/** Parses "D7" or "$D$7" into 0-based indices. */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** Parses "A1:C3" / "$A$1:$C$3" / "B2" into a 0-based area. */
export function parseArea(ref: string): MergedArea | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return null;
  const top = Number(m[2]) - 1;
  const left = columnIndex(m[1]);
  const bottom = m[4] ? Number(m[4]) - 1 : top;
  const right = m[3] ? columnIndex(m[3]) : left;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

/** An area on a named sheet. */
export interface SheetArea {
  sheet: string;
  area: MergedArea;
}

/** The address part of a reference: "'Tổng hợp'!$A$1:$B$2" → "$A$1:$B$2". */
export function addressPart(reference: string): string {
  return reference.slice(reference.lastIndexOf('!') + 1);
}

/**
 * "'Tổng hợp'!$X$5:$AK$160" (with or without "=") → sheet and area, as a defined name or Excel
 * writes one range. Sheet names may hold "!" and commas, so the area is what follows the last "!".
 */
export function parseSheetReference(reference: string): SheetArea | null {
  const text = reference.trim().replace(/^=/, '');
  const bang = text.lastIndexOf('!');
  if (bang < 0) return null;
  const area = parseArea(text.slice(bang + 1));
  if (!area) return null;
  const quoted = text.slice(0, bang).trim();
  const sheet = quoted.startsWith("'") && quoted.endsWith("'") ? quoted.slice(1, -1).replace(/''/g, "'") : quoted;
  return { sheet, area };
}

/** The recorded result block as the engine takes it: its sheet and columns. */
export function blockInput(block: SheetArea | null): { sheet: string; from: number; to: number } | null {
  return block ? { sheet: block.sheet, from: block.area.left, to: block.area.right } : null;
}

/** Quotes a sheet name for a reference when needed: 'Tổng hợp'!A1. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * Looks up, for each cell covered by a merged area but not its top-left, the area's top-left.
 * Returned as a map keyed by r * 65536 + c (sheets have at most 16,384 columns).
 */
export function mergeOwners(merges: MergedArea[] | null): Map<number, { r: number; c: number }> {
  const owners = new Map<number, { r: number; c: number }>();
  for (const m of merges ?? []) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        owners.set(r * 65536 + c, { r: m.top, c: m.left });
      }
    }
  }
  return owners;
}
