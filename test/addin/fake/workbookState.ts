/**
 * The in-memory workbook behind the fake Excel API: cells with values, number formats, formats
 * and notes; merged areas; conditional formats; the AutoFilter; defined names; the selection.
 * Tests seed it, run the gateway against it, and inspect it.
 */
import { MergedArea, a1, columnLetters, parseA1, quoteSheetName } from '../../../src/sheet/grid';

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export type StoredValue = string | number | boolean | { error: string } | null;

export interface Border {
  style: string;
  color: string;
}

export interface CellFormat {
  bold?: boolean;
  italic?: boolean;
  fontName?: string;
  fontSize?: number;
  fill?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  borders?: Partial<Record<'top' | 'bottom' | 'left' | 'right', Border>>;
}

export interface CellState {
  value: StoredValue;
  numberFormat: string;
  format: CellFormat;
}

export interface NoteState {
  cell: string;
  content: string;
}

export interface ConditionalFormatState {
  id: string;
  type: 'Custom' | 'CellValue' | 'ColorScale' | 'DataBar';
  area: MergedArea;
  formula: string | null;
  fill: string | null;
}

/** What the add-in set of a sheet's print setup (ExcelApi 1.9). */
export interface PageLayoutState {
  orientation?: string;
  paperSize?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  centerHorizontally?: boolean;
  margins: Partial<Record<'left' | 'right' | 'top' | 'bottom' | 'header' | 'footer', number>>;
  printTitleRows?: string;
  /** 1-based rows that start a new printed page (Worksheet.horizontalPageBreaks). */
  pageBreaks?: number[];
}

export interface AutoFilterState {
  area: MergedArea;
  criteria: Map<number, Excel.FilterCriteria>;
}

let nextId = 1;
export const newId = (): string => `{fake-${nextId++}}`;

export function areaAddress(area: MergedArea): string {
  const from = a1(area.top, area.left);
  const to = a1(area.bottom, area.right);
  return from === to ? from : `${from}:${to}`;
}

export function absoluteAddress(area: MergedArea): string {
  const cell = (r: number, c: number) => `$${columnLetters(c)}$${r + 1}`;
  const from = cell(area.top, area.left);
  const to = cell(area.bottom, area.right);
  return from === to ? from : `${from}:${to}`;
}

export function intersect(a: MergedArea, b: MergedArea): MergedArea | null {
  const top = Math.max(a.top, b.top);
  const left = Math.max(a.left, b.left);
  const bottom = Math.min(a.bottom, b.bottom);
  const right = Math.min(a.right, b.right);
  return top <= bottom && left <= right ? { top, left, bottom, right } : null;
}

/** Parses "A1", "A1:C3", "A:C" or "1:5" (no sheet) into an area. */
export function parseRangeAddress(address: string): MergedArea {
  const text = address.replace(/\$/g, '').trim();
  const cols = /^([A-Z]{1,3}):([A-Z]{1,3})$/i.exec(text);
  if (cols) {
    const l = parseA1(`${cols[1]}1`)!.col;
    const r = parseA1(`${cols[2]}1`)!.col;
    return { top: 0, left: Math.min(l, r), bottom: MAX_ROWS - 1, right: Math.max(l, r) };
  }
  const rows = /^(\d+):(\d+)$/.exec(text);
  if (rows) {
    const t = Number(rows[1]) - 1;
    const b = Number(rows[2]) - 1;
    return { top: Math.min(t, b), left: 0, bottom: Math.max(t, b), right: MAX_COLUMNS - 1 };
  }
  const [from, to] = text.split(':');
  const f = parseA1(from);
  const t = parseA1(to ?? from);
  if (!f || !t) throw fakeError('InvalidArgument', `Địa chỉ không hợp lệ: ${address}`);
  return {
    top: Math.min(f.row, t.row),
    left: Math.min(f.col, t.col),
    bottom: Math.max(f.row, t.row),
    right: Math.max(f.col, t.col),
  };
}

export function fakeError(code: string, message: string): Error & { code: string } {
  const e = new Error(message) as Error & { code: string };
  e.code = code;
  return e;
}

/** As Excel: 1–31 characters, none of : \\ / ? * [ ], not starting or ending with an apostrophe. */
export function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name)) {
    throw fakeError('InvalidArgument', `Tên trang không hợp lệ: ${name}`);
  }
}

export class SheetState {
  id = newId();
  readonly cells = new Map<number, CellState>();
  merges: MergedArea[] = [];
  notes: NoteState[] = [];
  conditionalFormats: ConditionalFormatState[] = [];
  autoFilter: AutoFilterState | null = null;
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  hiddenColumns = new Set<number>();
  pageLayout: PageLayoutState = { margins: {} };
  tables = 0;
  protected = false;
  standardWidth = 8.43;

  constructor(public name: string) {}

  private key(r: number, c: number): number {
    return r * MAX_COLUMNS + c;
  }

  /** An independent copy, same id (a test runs one prepared sheet many times). */
  clone(): SheetState {
    const copy = new SheetState(this.name);
    copy.id = this.id;
    for (const [k, cell] of this.cells) copy.cells.set(k, structuredClone(cell));
    copy.merges = structuredClone(this.merges);
    copy.notes = structuredClone(this.notes);
    copy.conditionalFormats = structuredClone(this.conditionalFormats);
    copy.autoFilter = this.autoFilter ? structuredClone(this.autoFilter) : null;
    copy.columnWidths = new Map(this.columnWidths);
    copy.rowHeights = new Map(this.rowHeights);
    copy.hiddenColumns = new Set(this.hiddenColumns);
    copy.pageLayout = structuredClone(this.pageLayout);
    copy.tables = this.tables;
    copy.protected = this.protected;
    copy.standardWidth = this.standardWidth;
    return copy;
  }

  cell(r: number, c: number): CellState | undefined {
    return this.cells.get(this.key(r, c));
  }

  /** The cell, created when missing. */
  touch(r: number, c: number): CellState {
    const k = this.key(r, c);
    let cell = this.cells.get(k);
    if (!cell) {
      cell = { value: null, numberFormat: 'General', format: {} };
      this.cells.set(k, cell);
    }
    return cell;
  }

  setValue(r: number, c: number, value: StoredValue): void {
    this.touch(r, c).value = value;
  }

  /** Seeds rows of values starting at A1 (null leaves a cell empty). */
  setRows(rows: StoredValue[][], top = 0): void {
    rows.forEach((row, i) => row.forEach((v, c) => v !== null && v !== undefined && this.setValue(top + i, c, v)));
  }

  value(r: number, c: number): StoredValue {
    return this.cell(r, c)?.value ?? null;
  }

  /** Bounding box of the cells holding a value. */
  usedArea(): MergedArea | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, cell] of this.cells) {
      if (cell.value === null || cell.value === '') continue;
      const r = Math.floor(k / MAX_COLUMNS);
      const c = k % MAX_COLUMNS;
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }

  forEachCellIn(area: MergedArea, f: (cell: CellState, r: number, c: number) => void, create = false): void {
    const cells = (area.bottom - area.top + 1) * (area.right - area.left + 1);
    if (!create && cells > this.cells.size) {
      for (const [k, cell] of this.cells) {
        const r = Math.floor(k / MAX_COLUMNS);
        const c = k % MAX_COLUMNS;
        if (r >= area.top && r <= area.bottom && c >= area.left && c <= area.right) f(cell, r, c);
      }
      return;
    }
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        const cell = create ? this.touch(r, c) : this.cell(r, c);
        if (cell) f(cell, r, c);
      }
    }
  }

  noteAt(cell: string): NoteState | undefined {
    return this.notes.find((n) => n.cell === cell);
  }
}

export class WorkbookState {
  sheets: SheetState[] = [];
  activeSheet: SheetState | null = null;
  /** Workbook-level defined names: name → formula ("='Tổng hợp'!$X$5:$AK$160"). */
  names = new Map<string, string>();
  selection: { sheet: string; address: string } | null = null;
  activationListeners: (() => void)[] = [];
  changeListeners: ((args: Excel.WorksheetChangedEventArgs) => void)[] = [];
  /** The add-in's document settings as saved in the file (Office.context.document.settings). */
  settings = new Map<string, unknown>();

  /** Tells the change listeners, after the current batch as Excel does, that cells of a sheet changed. */
  changed(sheet: SheetState, area: MergedArea): void {
    if (this.changeListeners.length === 0) return;
    const args = {
      address: areaAddress(area),
      worksheetId: sheet.id,
      changeType: 'RangeEdited',
      source: 'Local',
      type: 'WorksheetChanged',
    } as unknown as Excel.WorksheetChangedEventArgs;
    const listeners = [...this.changeListeners];
    setTimeout(() => listeners.forEach((l) => l(args)), 0);
  }

  /** Renames a sheet as Excel does (a valid, unique name); names referring to it follow. */
  renameSheet(sheet: SheetState, name: string): void {
    checkSheetName(name);
    const other = this.sheet(name);
    if (other && other !== sheet) throw fakeError('ItemAlreadyExists', `Trang "${name}" đã có`);
    const before = `=${quoteSheetName(sheet.name)}!`;
    const after = `=${quoteSheetName(name)}!`;
    for (const [key, formula] of this.names)
      if (formula.startsWith(before)) this.names.set(key, after + formula.slice(before.length));
    if (this.selection?.sheet === sheet.name) this.selection = { ...this.selection, sheet: name };
    sheet.name = name;
  }

  /** An independent copy of the whole workbook (listeners not included). */
  clone(): WorkbookState {
    const copy = new WorkbookState();
    copy.sheets = this.sheets.map((s) => s.clone());
    copy.activeSheet = this.activeSheet ? copy.sheets[this.sheets.indexOf(this.activeSheet)] : null;
    copy.names = new Map(this.names);
    copy.selection = this.selection ? { ...this.selection } : null;
    copy.settings = structuredClone(this.settings);
    return copy;
  }

  addSheet(name: string): SheetState {
    checkSheetName(name);
    if (this.sheet(name)) throw fakeError('ItemAlreadyExists', `Trang "${name}" đã có`);
    const sheet = new SheetState(name);
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = sheet;
    return sheet;
  }

  /** A sheet by its name (as Excel compares them) or its id, as Excel's getItem takes either. */
  sheet(name: string): SheetState | undefined {
    const key = name.normalize('NFC').toLowerCase();
    return this.sheets.find((s) => s.id === name || s.name.normalize('NFC').toLowerCase() === key);
  }

  activate(sheet: SheetState): void {
    const changed = this.activeSheet !== sheet;
    this.activeSheet = sheet;
    if (changed) for (const l of this.activationListeners) l();
  }

  /** As Excel deletes a sheet: names that referred to it become #REF!, another sheet becomes active. */
  removeSheet(sheet: SheetState): void {
    const i = this.sheets.indexOf(sheet);
    if (i < 0) throw fakeError('ItemNotFound', `Trang "${sheet.name}" đã bị xoá`);
    if (this.sheets.length === 1) throw fakeError('InvalidOperation', 'Không xoá được trang duy nhất');
    this.sheets.splice(i, 1);
    const prefix = `=${quoteSheetName(sheet.name)}!`;
    for (const [name, formula] of this.names) if (formula.startsWith(prefix)) this.names.set(name, '=#REF!');
    if (this.selection?.sheet === sheet.name) this.selection = null;
    if (this.activeSheet === sheet) this.activate(this.sheets[Math.min(i, this.sheets.length - 1)]);
  }

  /** Moves a sheet's tab to a 0-based position (clamped, as Excel does). */
  moveSheet(sheet: SheetState, position: number): void {
    const i = this.sheets.indexOf(sheet);
    this.sheets.splice(i, 1);
    this.sheets.splice(Math.max(0, Math.min(position, this.sheets.length)), 0, sheet);
  }

  setName(name: string, sheet: SheetState, area: MergedArea): void {
    this.names.set(name, `=${quoteSheetName(sheet.name)}!${absoluteAddress(area)}`);
  }
}
