/**
 * The scored sheet's XML patched in place from the result block plan (docs/bang-tong-hop.md):
 * the block's cells set inside existing rows (or new rows), its column widths and hidden flags
 * column, the add-in's conditional formats after the staff's (which keep their priorities), the
 * AutoFilter, the dimension and the legacy drawing of notes. Every other element — typed cells,
 * validations, staff rules, merges, print settings, extensions — keeps its exact text.
 */
import type { CellValue } from '../../sheet/grid';
import { a1, columnLetters, parseArea } from '../../sheet/grid';
import { BlockColumn, ExistingBlock, HIGHLIGHT_COLOURS, ResultBlockPlan, isOwnHighlightRule } from '../../report/resultBlock';
import { CELL_EXPLICIT_R, CELL_FIELDS, CELL_OCCUPIED, ElementSpan, SheetLayout } from './sheetPart';
import { CellStyle, StylesPatch } from './stylesPatch';
import { ByteArena, Edit, REL_NS, editedPieces } from './xml';
import { escapeAttr, escapeText } from '../../export/xmlText';

/** Worksheet children in schema order (ECMA-376 CT_Worksheet), for placing new elements. */
const WORKSHEET_ORDER = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

/** Where a new child element goes: before the first existing child that follows it in schema order. */
function insertionPoint(layout: { children: ElementSpan[]; root: ElementSpan }, local: string): number {
  const rank = WORKSHEET_ORDER.indexOf(local);
  const next = layout.children.find((c) => WORKSHEET_ORDER.indexOf(c.local) > rank);
  return next ? next.start : layout.root.closeStart;
}

const GREY = '808080';
const HEADER_FILL = 'DDEBF7';

/** The block's cell styles, as the add-in writes them (src/workbook/office/writeResultBlock). */
function blockStyles(styles: StylesPatch, columns: BlockColumn[]) {
  const title = styles.cellXf({ font: { bold: true }, horizontal: 'centerContinuous' });
  const titleRest = styles.cellXf({ horizontal: 'centerContinuous' });
  const header = styles.cellXf({
    font: { bold: true },
    horizontal: 'center',
    vertical: 'center',
    wrap: true,
    border: GREY,
    fill: HEADER_FILL,
  });
  const body = columns.map((c) =>
    styles.cellXf(
      c.kind === 'text'
        ? ({ border: GREY, vertical: 'center', wrap: c.key === 'notes' } as CellStyle)
        : { border: GREY, horizontal: 'center', vertical: 'center', numberFormat: c.numberFormat },
    ),
  );
  return { title, titleRest, header, body };
}

/** One cell's XML; strings are written inline (the shared strings part stays as it is). */
export function cellXml(p: string, ref: string, style: number, value: CellValue): string {
  const s = style ? ` s="${style}"` : '';
  if (value === null || value === undefined) return `<${p}c r="${ref}"${s}/>`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return `<${p}c r="${ref}"${s}/>`;
    return `<${p}c r="${ref}"${s}><${p}v>${String(value)}</${p}v></${p}c>`;
  }
  if (typeof value === 'boolean') return `<${p}c r="${ref}"${s} t="b"><${p}v>${value ? 1 : 0}</${p}v></${p}c>`;
  const text = typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : value.error;
  const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
  return `<${p}c r="${ref}"${s} t="inlineStr"><${p}is><${p}t${space}>${escapeText(text)}</${p}t></${p}is></${p}c>`;
}

export interface SheetPatchOptions {
  plan: ResultBlockPlan;
  existing: ExistingBlock | null;
  styles: StylesPatch;
  /** Areas of Excel tables on the sheet: an AutoFilter is not added when one crosses the header row. */
  tableAreas: { top: number; bottom: number; left: number; right: number }[];
  /** Set, keep or remove the <legacyDrawing> of notes. */
  legacyDrawing: { relId: string; relPrefix: string | null } | 'remove' | null;
}

function attr(tagText: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tagText);
  return m ? m[1] : null;
}

function setAttr(tagText: string, name: string, value: string): string {
  if (attr(tagText, name) !== null) return tagText.replace(new RegExp(`(\\s${name}=")[^"]*(")`), `$1${value}$2`);
  return tagText.replace(/\s*(\/?>)$/, ` ${name}="${value}"$1`);
}

function inArea(r: number, c: number, a: ExistingBlock | null): boolean {
  return a !== null && r >= a.top && r <= a.bottom && c >= a.left && c <= a.right;
}

/**
 * The patched part, as pieces in order (see encodePieces): the block's cells in existing rows are
 * encoded as each row is made, so that 10,000 rows of them never wait as strings.
 */
export function patchSheet(layout: SheetLayout, options: SheetPatchOptions): (string | Uint8Array)[] {
  const { plan, existing, styles } = options;
  const text = layout.text;
  const p = layout.prefix;
  const edits: Edit<string | Uint8Array>[] = [];
  const arena = new ByteArena();
  // New elements: several may land at one place; they go in schema order.
  const added: { at: number; local: string; text: string }[] = [];
  const addElement = (local: string, at: number, xml: string) => added.push({ at, local, text: xml });
  const blockArea: ExistingBlock = { top: plan.top, left: plan.left, bottom: plan.bottom, right: plan.right };
  const ids = blockStyles(styles, plan.columns);

  // ---- cells
  const letters = plan.columns.map((_, j) => columnLetters(plan.left + j));
  const rowCells = (r: number): string => {
    const values = plan.values[r - plan.top];
    const shown = r === plan.titleRow || r >= plan.headerRow;
    const cells = new Array<string>(values.length);
    for (let j = 0; j < values.length; j++) {
      let style: number;
      if (r === plan.titleRow) style = j === 0 ? ids.title : ids.titleRest;
      else if (r === plan.headerRow) style = ids.header;
      else style = ids.body[j];
      cells[j] = cellXml(p, `${letters[j]}${r + 1}`, style, shown ? values[j] : null);
    }
    return cells.join('');
  };
  const blockRows = new Set<number>();
  for (let r = plan.top; r <= plan.bottom; r++) if (r === plan.titleRow || r >= plan.headerRow) blockRows.add(r);

  const present = new Set<number>();
  let insertedRowBefore = false;
  let pendingRow = plan.top; // next block row (0-based) not yet placed
  const rowTagEnd = `</${p}row>`;
  const newRowsBefore = (limit: number, at: number) => {
    // Block rows that have no <row> of their own and come before sheet row `limit` (0-based).
    let xml = '';
    while (pendingRow <= plan.bottom && pendingRow < limit) {
      if (blockRows.has(pendingRow) && !present.has(pendingRow))
        xml += `<${p}row r="${pendingRow + 1}">${rowCells(pendingRow)}</${p}row>`;
      pendingRow++;
    }
    if (xml) {
      edits.push({ start: at, end: at, text: xml });
      insertedRowBefore = true;
    }
  };
  for (const row of layout.rows) present.add(row.r - 1);

  for (const row of layout.rows) {
    const r = row.r - 1;
    newRowsBefore(r, row.start);
    if (!row.explicitR && insertedRowBefore) {
      edits.push({ start: row.start + p.length + 4, end: row.start + p.length + 4, text: ` r="${row.r}"` });
    }
    const inOld = existing !== null && r >= existing.top && r <= existing.bottom;
    const inNew = blockRows.has(r);
    if (!inOld && !inNew && !(r >= plan.top && r <= plan.bottom)) continue;
    let kept = 0;
    let insertAt = -1;
    const cells = row.cells;
    for (let i = 0; i < cells.length; i += CELL_FIELDS) {
      const col = cells[i];
      const start = cells[i + 1];
      const end = cells[i + 2];
      const flags = cells[i + 3];
      const ours = inArea(r, col, existing) || (inArea(r, col, blockArea) && !(flags & CELL_OCCUPIED));
      if (ours) {
        edits.push({ start, end, text: '' });
        continue;
      }
      kept++;
      if (inNew && insertAt < 0 && col > plan.right) insertAt = start;
      if (inNew && insertAt >= 0 && !(flags & CELL_EXPLICIT_R)) {
        // A cell placed by counting would move: it gets its reference written out.
        edits.push({ start: start + p.length + 2, end: start + p.length + 2, text: ` r="${a1(r, col)}"` });
      }
    }
    if (inNew) {
      const xml = rowCells(r);
      if (row.selfClosing) {
        const close = text.lastIndexOf('/', row.end);
        edits.push({ start: close, end: row.end, text: arena.encode(`>${xml}${rowTagEnd}`) });
      } else {
        const at = insertAt >= 0 ? insertAt : row.end - rowTagEnd.length;
        edits.push({ start: at, end: at, text: arena.encode(xml) });
      }
      continue;
    }
    // A row left empty that holds nothing but its number was made by an earlier run: it goes.
    if (kept === 0 && !row.selfClosing && text.slice(row.start, row.openEnd) === `<${p}row r="${row.r}">`) {
      edits.push({ start: row.start, end: row.end, text: '' });
    }
  }
  const sheetData = layout.children.find((c) => c.local === 'sheetData');
  if (!sheetData) throw new Error('sheetData missing');
  if (sheetData.selfClosing) {
    const before = edits.length;
    newRowsBefore(Infinity, 0);
    // New rows only, made as text by newRowsBefore.
    const rowsXml = edits
      .splice(before)
      .map((e) => e.text as string)
      .join('');
    edits.push({ start: sheetData.start, end: sheetData.end, text: `<${p}sheetData>${rowsXml}</${p}sheetData>` });
  } else {
    newRowsBefore(Infinity, sheetData.closeStart);
  }

  // ---- columns: the block's widths and hidden flags; staff spans over them are split around them
  const owned = (c: number) =>
    (c >= plan.left && c <= plan.right) || (existing !== null && c >= existing.left && c <= existing.right);
  const colXml: { min: number; xml: string }[] = [];
  for (const col of layout.cols) {
    const min = Number(col.attributes.min);
    const max = Number(col.attributes.max);
    const tag = text.slice(col.start, col.end);
    let any = false;
    for (let c = min - 1; c <= max - 1 && !any; c++) any = owned(c);
    if (!any) {
      colXml.push({ min, xml: tag });
      continue;
    }
    let from = -1;
    for (let c = min - 1; c <= max; c++) {
      const free = c <= max - 1 && !owned(c);
      if (free && from < 0) from = c;
      if (!free && from >= 0) {
        colXml.push({ min: from + 1, xml: setAttr(setAttr(tag, 'min', String(from + 1)), 'max', String(c)) });
        from = -1;
      }
    }
  }
  plan.columns.forEach((column, j) => {
    const n = plan.left + j + 1;
    colXml.push({
      min: n,
      xml: `<${p}col min="${n}" max="${n}" width="${column.width}"${column.hidden ? ' hidden="1"' : ''} customWidth="1"/>`,
    });
  });
  colXml.sort((a, b) => a.min - b.min);
  const colsEl = layout.children.find((c) => c.local === 'cols');
  const colsInner = colXml.map((c) => c.xml).join('');
  if (colsEl) edits.push({ start: colsEl.start, end: colsEl.end, text: `<${p}cols>${colsInner}</${p}cols>` });
  else edits.push({ start: sheetData.start, end: sheetData.start, text: `<${p}cols>${colsInner}</${p}cols>` });

  // ---- conditional formats: the add-in's earlier rules go, staff rules stay with their priorities
  const blocks = [existing, blockArea].filter((b): b is ExistingBlock => b !== null);
  let maxPriority = layout.extMaxPriority;
  let lastCf: ElementSpan | null = null;
  for (const cf of layout.conditionalFormats) {
    const own = cf.rules.filter((rule) => blocks.some((b) => isOwnHighlightRule(rule.formulas, b)));
    const staff = cf.rules.filter((rule) => !own.includes(rule));
    for (const rule of staff) maxPriority = Math.max(maxPriority, rule.priority);
    if (own.length && !staff.length) edits.push({ start: cf.span.start, end: cf.span.end, text: '' });
    else {
      for (const rule of own) edits.push({ start: rule.start, end: rule.end, text: '' });
      lastCf = cf.span;
    }
  }
  const rulesXml = plan.rules
    .map(
      (rule) =>
        `<${p}conditionalFormatting sqref="${rule.range}"><${p}cfRule type="expression" dxfId="${styles.dxfFill(rule.fill)}" ` +
        `priority="${maxPriority + rule.priority}"><${p}formula>${escapeText(rule.formula)}</${p}formula></${p}cfRule></${p}conditionalFormatting>`,
    )
    .join('');
  if (rulesXml) {
    addElement('conditionalFormatting', lastCf ? lastCf.end : insertionPoint(layout, 'conditionalFormatting'), rulesXml);
  }

  // ---- AutoFilter: ours is updated; a staff one, or a table across the header, means none
  const filter = layout.children.find((c) => c.local === 'autoFilter');
  if (filter) {
    const area = parseArea(filter.attributes.ref ?? '');
    const ours =
      existing !== null && area !== null && area.left === 0 && area.right >= existing.left && area.right <= existing.right;
    if (ours) {
      const tag = text.slice(filter.start, filter.openEnd);
      edits.push({ start: filter.start, end: filter.openEnd, text: setAttr(tag, 'ref', plan.autoFilter) });
    }
  } else {
    const header = plan.headerRow;
    const crossed = options.tableAreas.some((t) => t.top <= header && t.bottom >= header);
    if (!crossed) {
      addElement('autoFilter', insertionPoint(layout, 'autoFilter'), `<${p}autoFilter ref="${plan.autoFilter}"/>`);
    }
  }

  // ---- dimension: grows to cover the block
  const dimension = layout.children.find((c) => c.local === 'dimension');
  if (dimension) {
    const area = parseArea(dimension.attributes.ref ?? '');
    if (area) {
      const grown = {
        top: Math.min(area.top, plan.top),
        left: Math.min(area.left, plan.left),
        bottom: Math.max(area.bottom, plan.bottom),
        right: Math.max(area.right, plan.right),
      };
      const ref = `${a1(grown.top, grown.left)}:${a1(grown.bottom, grown.right)}`;
      const tag = text.slice(dimension.start, dimension.end);
      if (ref !== dimension.attributes.ref)
        edits.push({ start: dimension.start, end: dimension.end, text: setAttr(tag, 'ref', ref) });
    }
  }

  // ---- the legacy drawing that shows notes
  const legacy = layout.children.find((c) => c.local === 'legacyDrawing');
  if (options.legacyDrawing === 'remove' && legacy) edits.push({ start: legacy.start, end: legacy.end, text: '' });
  else if (options.legacyDrawing && options.legacyDrawing !== 'remove' && !legacy) {
    const { relId, relPrefix } = options.legacyDrawing;
    const xml = relPrefix
      ? `<${p}legacyDrawing ${relPrefix}:id="${escapeAttr(relId)}"/>`
      : `<${p}legacyDrawing xmlns:r="${REL_NS}" r:id="${escapeAttr(relId)}"/>`;
    addElement('legacyDrawing', insertionPoint(layout, 'legacyDrawing'), xml);
  }

  added.sort((a, b) => a.at - b.at || WORKSHEET_ORDER.indexOf(a.local) - WORKSHEET_ORDER.indexOf(b.local));
  for (const a of added) edits.push({ start: a.at, end: a.at, text: a.text });
  return editedPieces(text, edits);
}

/** The prefix bound to the relationships namespace on the root element, if any. */
export function relationshipPrefix(rootAttributes: Record<string, string>): string | null {
  for (const [k, v] of Object.entries(rootAttributes)) {
    if (k.startsWith('xmlns:') && /\/officeDocument\/2006\/relationships$|\/officeDocument\/relationships$/.test(v))
      return k.slice(6);
  }
  return null;
}

export { HIGHLIGHT_COLOURS, columnLetters };
