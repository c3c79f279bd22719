/**
 * A sheet the add-in writes for itself ("Xếp hạng", "Lộ trình", "Tiêu chí còn yếu") as a plan:
 * rows of values with their look, column widths, row heights and print setup. Pure, so the
 * .xlsx writer (command line) and the Excel.run writer (add-in) lay out the same sheet.
 */
import { CellValue, columnLetters, quoteSheetName } from '../sheet/grid';

export type SheetRowKind = 'title' | 'subtitle' | 'tierTitle' | 'header' | 'section' | 'unit' | 'note' | 'blank';

export interface CellLook {
  bold?: boolean;
  italic?: boolean;
  size: number;
  horizontal: 'left' | 'center';
  wrap: boolean;
  border: boolean;
  /** Background colour (RRGGBB) or none. */
  fill: string | null;
  numberFormat: string | null;
}

export interface PlannedRow {
  kind: SheetRowKind;
  /** One value per column (banners: the text in the first cell, the row merged across). */
  values: CellValue[];
  looks: CellLook[];
  /** Merge the row's cells across the table's width. */
  merged: boolean;
  /** Row height in points, when the row needs more than one line. */
  height: number | null;
}

export interface SheetPlan {
  /** The sheet's columns (the widest table's), with widths that fit every table. */
  columns: { title: string; width: number }[];
  rows: PlannedRow[];
  /** 1-based row repeated at the top of each printed page: the header, when every table has the same columns. */
  printTitleRow: number | null;
  /** 1-based rows that start a new printed page (each table after the first, when their columns differ). */
  pageBreaks: number[];
  /** A1 reference of the whole sheet area for the defined name, given the sheet's name. */
  reference: (sheetName: string) => string;
  /** A table to give an AutoFilter (its header row and rows), so staff can sort and filter it. */
  filter?: string | null;
}

export const FONT_NAME = 'Times New Roman';

/**
 * How the add-in's sheets print, for both writers: A4 landscape, one page wide and as many down
 * as needed, centred across the page; margins in inches.
 */
export const SHEET_PAGE = {
  fitToWidth: 1,
  margins: { left: 0.6, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
} as const;

const HEADER_FILL = 'E7E6E6';

/** Points per printed line of 12 pt text, and the padding of a row. */
const LINE_HEIGHT = 15.75;
const ROW_PADDING = 2;

/**
 * How many lines a text takes in a column of the given width (Excel's width unit: about one
 * character of the default font), wrapping at spaces as Excel does; a little margin is kept
 * because Times New Roman capitals are wider than the unit.
 */
export function wrappedLines(text: string, width: number): number {
  const capacity = Math.max(4, Math.floor(width * 0.95) - 1);
  // A single line of text no longer than a line's capacity takes one line, whatever its words.
  if (text.length <= capacity && !text.includes('\n')) return 1;
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines++;
    let used = 0;
    for (const word of paragraph.trim().split(/\s+/)) {
      const len = word.length;
      if (used === 0) {
        used = len;
      } else if (used + 1 + len <= capacity) {
        used += 1 + len;
      } else {
        lines++;
        used = len;
      }
      while (used > capacity) {
        lines++;
        used -= capacity;
      }
    }
  }
  return Math.max(lines, 1);
}

/** The height a row needs for its wrapped cells, or null for one line. */
export function heightFor(values: CellValue[], widths: number[], wraps: boolean[]): number | null {
  let lines = 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (wraps[i] && typeof v === 'string' && v !== '') lines = Math.max(lines, wrappedLines(v, widths[i]));
  }
  return lines > 1 ? lines * LINE_HEIGHT + ROW_PADDING : null;
}

const looks = new Map<string, CellLook>();

/**
 * A cell's look. Looks are shared, frozen objects — one per combination, not one per cell — so
 * writers can tell them apart by identity, and 10,000 rows do not make 100,000 of them.
 */
export const look = (o: Partial<CellLook> = {}): CellLook => {
  const full: CellLook = {
    size: 12,
    horizontal: 'left',
    wrap: false,
    border: false,
    fill: null,
    numberFormat: null,
    ...o,
  };
  const key = `${full.bold ?? ''}|${full.italic ?? ''}|${full.size}|${full.horizontal}|${full.wrap}|${full.border}|${full.fill}|${full.numberFormat}`;
  let shared = looks.get(key);
  if (!shared) looks.set(key, (shared = Object.freeze(full)));
  return shared;
};

/** A column of a table: its title, and whether its text wraps and sits left (names, words). */
export interface TableColumn {
  title: string;
  wraps: boolean;
}

/** A cell as written: its value and number format (text stays text, even starting with "="). */
export interface PlannedCell {
  value: CellValue;
  numberFormat: string | null;
}

/** Builds a sheet's rows, tables laid from column A on a sheet of fixed column widths. */
export class SheetBuilder {
  readonly rows: PlannedRow[] = [];
  /** The current table's columns. */
  columns: TableColumn[] = [];

  constructor(readonly widths: number[]) {}

  banner(kind: SheetRowKind, text: string, o: Partial<CellLook>): void {
    const values = this.widths.map((_, i) => (i === 0 ? text : null));
    const looks = this.widths.map(() => look({ wrap: true, ...o }));
    const total = this.widths.reduce((a, b) => a + b, 0);
    const size = o.size ?? 12;
    const lines = wrappedLines(text, (total * 12) / size);
    const height = lines > 1 ? (lines * LINE_HEIGHT * size) / 12 + ROW_PADDING : null;
    this.rows.push({ kind, values, looks, merged: true, height });
  }

  /** The table's header row; returns its 1-based row. */
  header(): number {
    const values = this.widths.map((_, i) => this.columns[i]?.title ?? null);
    this.rows.push({
      kind: 'header',
      values,
      looks: this.widths.map((_, i) =>
        i < this.columns.length
          ? look({ bold: true, horizontal: 'center', wrap: true, border: true, fill: HEADER_FILL })
          : look(),
      ),
      merged: false,
      // At least two lines: titles such as "Điểm Kết quả" wrap, and no host grows the row by itself.
      height: Math.max(
        32,
        heightFor(
          values,
          this.widths,
          values.map(() => true),
        ) ?? 0,
      ),
    });
    return this.rows.length;
  }

  /** Per sheet column and number format, the look of a table row's cell (found once, not per cell). */
  private rowLooks = new Map<string, CellLook>();
  private rowLooksOf: TableColumn[] | null = null;

  private rowLook(i: number, numberFormat: string | null): CellLook {
    if (this.rowLooksOf !== this.columns) {
      this.rowLooks.clear();
      this.rowLooksOf = this.columns;
    }
    const key = `${i}|${numberFormat}`;
    let found = this.rowLooks.get(key);
    if (!found) {
      const wraps = this.columns[i]?.wraps ?? false;
      found =
        i < this.columns.length
          ? look({ horizontal: wraps ? 'left' : 'center', wrap: wraps, border: true, numberFormat })
          : look();
      this.rowLooks.set(key, found);
    }
    return found;
  }

  row(cells: PlannedCell[]): void {
    const n = this.widths.length;
    const values = new Array<CellValue>(n);
    const wraps = new Array<boolean>(n);
    const rowLooks = new Array<CellLook>(n);
    for (let i = 0; i < n; i++) {
      const cell = cells[i];
      values[i] = cell ? cell.value : null;
      wraps[i] = this.columns[i]?.wraps ?? false;
      rowLooks[i] = this.rowLook(i, cell ? cell.numberFormat : null);
    }
    this.rows.push({ kind: 'unit', values, looks: rowLooks, merged: false, height: heightFor(values, this.widths, wraps) });
  }

  blank(): void {
    this.rows.push({
      kind: 'blank',
      values: this.widths.map(() => null),
      looks: this.widths.map(() => look()),
      merged: false,
      height: null,
    });
  }

  /**
   * The plan: the sheet's columns titled over the builder's widths, its area from A1 to the last
   * column and the last row that is not a trailing blank.
   */
  plan(titles: string[], printTitleRow: number | null, pageBreaks: number[]): SheetPlan {
    const lastRow = Math.max(1, this.rows[this.rows.length - 1]?.kind === 'blank' ? this.rows.length - 1 : this.rows.length);
    const last = columnLetters(this.widths.length - 1);
    return {
      columns: this.widths.map((width, i) => ({ title: titles[i], width })),
      rows: this.rows,
      printTitleRow,
      pageBreaks,
      reference: (sheet) => `${quoteSheetName(sheet)}!$A$1:$${last}$${lastRow}`,
    };
  }
}
