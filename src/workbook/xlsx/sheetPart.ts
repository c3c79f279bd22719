/**
 * One worksheet part read into the engine's grid, and where its elements stand in the text so
 * that the scored sheet can be patched (patchSheet). Rows and cells without "r", inline strings,
 * shared strings, formulas by their cached value, dates by their number format; nothing is
 * materialised beyond the cells the part holds (a whole-sheet validation is never expanded).
 */
import type { CellValue, Grid, MergedArea } from '../../sheet/grid';
import { parseArea } from '../../sheet/grid';
import { decodeXstring, prefixOf, scanXml, walkXml } from './xml';

export interface ElementSpan {
  local: string;
  start: number;
  /** Just after the open tag's ">". */
  openEnd: number;
  /** Start of the close tag (equal to `end` when self-closing). */
  closeStart: number;
  end: number;
  selfClosing: boolean;
  attributes: Record<string, string>;
}

/** Flat per-row cell records: column, start, end, flags (CELL_*) for each cell. */
export const CELL_FIELDS = 4;
export const CELL_EXPLICIT_R = 1;
/** A formula, a value or anything else that makes the cell staff's (never overwritten). */
export const CELL_OCCUPIED = 2;

export interface RowSpan {
  r: number;
  start: number;
  openEnd: number;
  end: number;
  selfClosing: boolean;
  explicitR: boolean;
  cells: number[];
}

export interface CfRuleSpan {
  start: number;
  end: number;
  priority: number;
  formulas: string[];
}

export interface CfSpan {
  span: ElementSpan;
  rules: CfRuleSpan[];
}

export interface SheetLayout {
  text: string;
  /** The SpreadsheetML prefix with its colon ("" for the default namespace). */
  prefix: string;
  root: ElementSpan;
  /** The worksheet's child elements, in order. */
  children: ElementSpan[];
  rows: RowSpan[];
  cols: ElementSpan[];
  conditionalFormats: CfSpan[];
  /** The highest priority of the extension (x14) rules, which share the priority scale. */
  extMaxPriority: number;
}

export interface ParsedSheet {
  grid: Grid;
  layout: SheetLayout;
}

export interface CellContext {
  sharedStrings: string[];
  /** Per cellXfs index: whether its number format shows a date. */
  dateStyles: boolean[];
  date1904: boolean;
}

const EMPTY_ROW: CellValue[] = Object.freeze([]) as unknown as CellValue[];

/** Excel serial → Date, as the add-in's host and other readers give it (UTC). */
function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000));
}

/** The 0-based column of a cell reference ("AB12" → 27), read from its leading letters; -1 without. */
function columnOf(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) n = n * 26 + (code - 64);
    else if (code >= 97 && code <= 122) n = n * 26 + (code - 96);
    else break;
  }
  return i === 0 ? -1 : n - 1;
}

function rowOf(ref: string): number {
  const m = /(\d+)$/.exec(ref);
  return m ? Number(m[1]) : -1;
}

function cellValue(
  type: string | undefined,
  raw: string | null,
  inline: string | null,
  style: number,
  ctx: CellContext,
): CellValue {
  switch (type) {
    case 's': {
      if (raw === null) return null;
      const s = ctx.sharedStrings[Number(raw)];
      return s === undefined ? null : s;
    }
    case 'inlineStr':
      return inline ?? (raw === null ? null : decodeXstring(raw));
    case 'str':
      return raw === null ? null : decodeXstring(raw);
    case 'b':
      return raw === null ? null : raw.trim() === '1' || raw.trim().toLowerCase() === 'true';
    case 'e':
      return raw === null ? null : { error: raw.trim() };
    case 'd': {
      if (raw === null) return null;
      const d = new Date(raw.trim().length <= 10 ? `${raw.trim()}T00:00:00Z` : raw.trim());
      return Number.isNaN(d.getTime()) ? raw : d;
    }
    default: {
      if (raw === null || raw.trim() === '') return null;
      const n = Number(raw);
      if (!Number.isFinite(n)) return raw;
      return ctx.dateStyles[style] ? serialToDate(n, ctx.date1904) : n;
    }
  }
}

function span(local: string, start: number, end: number, selfClosing: boolean, attributes: Record<string, string>): ElementSpan {
  return { local, start, openEnd: end, closeStart: end, end, selfClosing, attributes };
}

/** Reads a worksheet part; throws XmlPartError when its XML is not well-formed. */
export function parseSheet(text: string, part: string, name: string, ctx: CellContext): ParsedSheet {
  // Rows by number while reading: a stray cell in row 1,048,576 must not make a sparse array.
  const rowsByIndex = new Map<number, CellValue[]>();
  let rowCountSeen = 0;
  const merges: MergedArea[] = [];
  const layout: SheetLayout = {
    text,
    prefix: '',
    root: null as unknown as ElementSpan,
    children: [],
    rows: [],
    cols: [],
    conditionalFormats: [],
    extMaxPriority: 0,
  };
  let maxCol = 0;
  let rowNumber = 0;
  let row: RowSpan | null = null;
  let rowValues: CellValue[] = [];
  // The cell being read.
  let cellStart = 0;
  let cellCol = -1;
  let cellExplicit = false;
  let cellType: string | undefined;
  let cellStyle = 0;
  let cellFormula = false;
  let raw: string | null = null;
  let inline: string | null = null;
  let capture: 'v' | 't' | 'formula' | null = null;
  let inPhonetic = 0;
  let inCell = false;
  let inSheetData = false;
  let cf: CfSpan | null = null;
  let rule: CfRuleSpan | null = null;
  let formula = '';
  let child: ElementSpan | null = null;
  const open: ElementSpan[] = [];

  // Hundreds of thousands of tags: the events come as arguments, no object per tag.
  scanXml(text, part, {
    open: (name, local, attributes, start, end, selfClosing, depth) => {
      if (depth === 0) {
        layout.root = span(local, start, end, selfClosing, attributes);
        layout.prefix = prefixOf(name);
        return;
      }
      if (depth === 1) {
        child = span(local, start, end, selfClosing, attributes);
        layout.children.push(child);
        if (local === 'sheetData') inSheetData = !selfClosing;
        else if (local === 'conditionalFormatting') {
          cf = { span: child, rules: [] };
          layout.conditionalFormats.push(cf);
        }
        if (!selfClosing) open.push(child);
        return;
      }
      if (inSheetData) {
        if (local === 'row' && depth === 2) {
          const explicit = attributes.r !== undefined;
          rowNumber = explicit ? Number(attributes.r) : rowNumber + 1;
          row = {
            r: rowNumber,
            start,
            openEnd: end,
            end,
            selfClosing,
            explicitR: explicit,
            cells: [],
          };
          layout.rows.push(row);
          rowValues = [];
          cellCol = -1;
          return;
        }
        if (local === 'c' && depth === 3) {
          const ref = attributes.r;
          cellExplicit = ref !== undefined;
          const col = cellExplicit ? columnOf(ref) : -1;
          cellCol = col >= 0 ? col : cellCol + 1;
          if (cellExplicit && row && !row.explicitR) {
            // A cell's own reference wins over a row counted without "r".
            const r = rowOf(ref);
            if (r > 0) row.r = rowNumber = r;
          }
          cellStart = start;
          cellType = attributes.t;
          cellStyle = attributes.s ? Number(attributes.s) : 0;
          cellFormula = false;
          raw = null;
          inline = null;
          inCell = true;
          if (selfClosing) endCell(end);
          return;
        }
        if (!inCell) return;
        if (local === 'v') {
          capture = 'v';
          raw = '';
        } else if (local === 'f') cellFormula = true;
        else if (local === 'is') inline = '';
        else if (local === 'rPh') inPhonetic++;
        else if (local === 't' && inline !== null && !inPhonetic) capture = 't';
        if (selfClosing) capture = null;
        return;
      }
      if (local === 'cfRule' && cf) {
        rule = { start, end, priority: Number(attributes.priority ?? 0), formulas: [] };
        cf.rules.push(rule);
      } else if (local === 'cfRule' && attributes.priority) {
        // Extension (x14) rules share the priority scale.
        layout.extMaxPriority = Math.max(layout.extMaxPriority, Number(attributes.priority) || 0);
      } else if (local === 'formula' && rule) {
        capture = 'formula';
        formula = '';
      } else if (local === 'col' && child?.local === 'cols') {
        layout.cols.push(span(local, start, end, selfClosing, attributes));
      } else if (local === 'mergeCell' && attributes.ref) {
        const area = parseArea(attributes.ref);
        if (area) merges.push(area);
      }
    },
    close: (_name, local, start, end, depth) => {
      if (depth === 0) {
        layout.root.closeStart = start;
        layout.root.end = end;
        return;
      }
      if (depth === 1) {
        const el = open.pop();
        if (el) {
          el.closeStart = start;
          el.end = end;
        }
        if (local === 'sheetData') inSheetData = false;
        if (local === 'conditionalFormatting') cf = null;
        child = null;
        return;
      }
      if (inSheetData) {
        if (local === 'row' && depth === 2 && row) {
          row.end = end;
          if (row.cells.length || rowValues.length) {
            rowsByIndex.set(row.r - 1, rowValues);
            if (row.r > rowCountSeen) rowCountSeen = row.r;
          }
          row = null;
          return;
        }
        if (local === 'c' && depth === 3 && inCell) {
          endCell(end);
          return;
        }
        if (local === 'v' || local === 't') capture = null;
        else if (local === 'rPh') inPhonetic--;
        return;
      }
      if (local === 'formula' && rule) {
        rule.formulas.push(formula);
        capture = null;
      } else if (local === 'cfRule' && rule) {
        rule.end = end;
        rule = null;
      }
    },
    text: (t) => {
      if (capture === 'v') raw += t;
      else if (capture === 't') inline += decodeXstring(t);
      else if (capture === 'formula') formula += t;
    },
  });

  function endCell(end: number): void {
    inCell = false;
    capture = null;
    const value = cellValue(cellType, raw, inline, cellStyle, ctx);
    if (value !== null && value !== undefined) {
      rowValues[cellCol] = value;
      if (cellCol + 1 > maxCol) maxCol = cellCol + 1;
    }
    if (row) {
      const occupied = value !== null || cellFormula ? CELL_OCCUPIED : 0;
      row.cells.push(cellCol, cellStart, end, (cellExplicit ? CELL_EXPLICIT_R : 0) | occupied);
    }
  }

  const rows: CellValue[][] = new Array<CellValue[]>(rowCountSeen).fill(EMPTY_ROW);
  for (const [r, values] of rowsByIndex) rows[r] = values;
  // Merged areas reach no further than the cells the sheet holds (a merge down to row 1,048,576
  // would otherwise be expanded cell by cell by whoever looks it up).
  const clipped: MergedArea[] = [];
  for (const m of merges) {
    if (m.top >= rows.length || m.left >= maxCol) continue;
    clipped.push({ top: m.top, left: m.left, bottom: Math.min(m.bottom, rows.length - 1), right: Math.min(m.right, maxCol - 1) });
  }
  return { grid: { name, rows, merges: clipped }, layout };
}

export interface StylesInfo {
  dateStyles: boolean[];
}

const DATE_BUILTINS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** Whether a number format code shows a date or time (quoted text and [colours] aside). */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?!h\]|hh\]|m\]|mm\]|s\]|ss\])[^\]]*\]/gi, '')
    .split(';')[0];
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** Which cell styles show dates (from styles.xml), for reading numbers as dates. */
export function readDateStyles(text: string | null, part: string): boolean[] {
  if (text === null) return [];
  const formats = new Map<number, string>();
  const out: boolean[] = [];
  let inCellXfs = false;
  walkXml(text, part, {
    open: (tag) => {
      if (tag.local === 'numFmt') formats.set(Number(tag.attributes.numFmtId), tag.attributes.formatCode ?? '');
      else if (tag.local === 'cellXfs') inCellXfs = !tag.selfClosing;
      else if (tag.local === 'xf' && inCellXfs) {
        const id = Number(tag.attributes.numFmtId ?? 0);
        const code = formats.get(id);
        out.push(code !== undefined ? isDateFormat(code) : DATE_BUILTINS.has(id));
      }
    },
    close: (tag) => {
      if (tag.local === 'cellXfs') inCellXfs = false;
    },
  });
  return out;
}

/** The shared strings, rich text joined and phonetic guides left out. */
export function readSharedStrings(text: string | null, part: string): string[] {
  if (text === null) return [];
  const out: string[] = [];
  let current: string | null = null;
  let inT = false;
  let phonetic = 0;
  scanXml(text, part, {
    open: (_name, local, _attributes, _start, _end, selfClosing) => {
      if (local === 'si') current = '';
      else if (local === 'rPh') phonetic++;
      else if (local === 't' && current !== null && !phonetic && !selfClosing) inT = true;
    },
    close: (_name, local) => {
      if (local === 'si') {
        out.push(current ?? '');
        current = null;
      } else if (local === 'rPh') phonetic--;
      else if (local === 't') inT = false;
    },
    text: (t) => {
      if (inT && current !== null) current += decodeXstring(t);
    },
  });
  return out;
}
