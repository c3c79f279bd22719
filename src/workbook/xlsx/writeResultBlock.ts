/**
 * Writing the result block plan into an ExcelJS worksheet: the block's cells (and only those),
 * the add-in's conditional-format rules, its notes, the AutoFilter and the defined name.
 */
import ExcelJS from 'exceljs';
import {
  BlockColumn,
  ExistingBlock,
  NOTE_PREFIX,
  RESULT_BLOCK_NAME,
  ResultBlockPlan,
  isOwnHighlightRule,
} from '../../report/resultBlock';
import { parseA1 } from '../../sheet/grid';
import { setDefinedName } from './readXlsx';

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BORDERS: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

function noteText(note: ExcelJS.Comment | string | undefined): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text: string }[] }).texts;
  return texts ? texts.map((t) => t.text).join('') : '';
}

/** Drops a cell's note; ExcelJS keeps a copy in the value's model, so both go. */
function removeNote(cell: ExcelJS.Cell): void {
  const internal = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
  internal._comment = undefined;
  if (internal._value?.model) delete internal._value.model.comment;
}

export function isOwnNote(cell: ExcelJS.Cell): boolean {
  return noteText(cell.note)?.startsWith(NOTE_PREFIX) ?? false;
}

/** Removes the add-in's own notes from every cell of the sheet (never a staff note). */
function removeOwnNotes(ws: ExcelJS.Worksheet): void {
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (isOwnNote(cell)) removeNote(cell);
    });
  });
}

function clearArea(ws: ExcelJS.Worksheet, area: ExistingBlock): void {
  for (let r = area.top; r <= area.bottom; r++) {
    const row = ws.getRow(r + 1);
    for (let c = area.left; c <= area.right; c++) {
      const cell = row.getCell(c + 1);
      cell.value = null;
      cell.style = {};
    }
  }
  for (let c = area.left; c <= area.right; c++) {
    const column = ws.getColumn(c + 1);
    column.hidden = false;
    column.width = undefined as unknown as number;
  }
}

function styleFor(column: BlockColumn, isHeader: boolean): Partial<ExcelJS.Style> {
  if (isHeader) {
    return {
      font: { bold: true },
      alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
      border: BORDERS,
      fill: HEADER_FILL,
    };
  }
  const align: Partial<ExcelJS.Alignment> =
    column.kind === 'text'
      ? { vertical: 'middle', wrapText: column.key === 'notes' }
      : { horizontal: 'center', vertical: 'middle' };
  return {
    border: BORDERS,
    alignment: align,
    ...(column.numberFormat ? { numFmt: column.numberFormat } : {}),
  };
}

export interface WriteBlockOptions {
  existing: ExistingBlock | null;
}

export function writeResultBlock(
  wb: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  plan: ResultBlockPlan,
  options: WriteBlockOptions,
): void {
  // The defined name first: if anything below fails, the next Score still finds and rewrites the block.
  setDefinedName(wb, RESULT_BLOCK_NAME, plan.reference);
  if (options.existing) clearArea(ws, options.existing);

  plan.values.forEach((values, i) => {
    const r = plan.top + i;
    const row = ws.getRow(r + 1);
    values.forEach((v, j) => {
      const cell = row.getCell(plan.left + j + 1);
      const column = plan.columns[j];
      if (r === plan.titleRow) {
        if (j === 0) {
          cell.value = v as ExcelJS.CellValue;
          cell.style = { font: { bold: true }, alignment: { horizontal: 'centerContinuous' } };
        } else {
          cell.style = { alignment: { horizontal: 'centerContinuous' } };
        }
        return;
      }
      if (r < plan.headerRow) return;
      cell.style = styleFor(column, r === plan.headerRow);
      cell.value = v === undefined ? null : (v as ExcelJS.CellValue);
    });
  });
  plan.columns.forEach((c, j) => {
    const column = ws.getColumn(plan.left + j + 1);
    column.width = c.width;
    column.hidden = c.hidden;
  });

  // Conditional formats: drop the add-in's earlier rules, keep every staff rule, add ours after them.
  const blocks = [options.existing, plan].filter((b): b is ExistingBlock => b !== null);
  const kept: ExcelJS.ConditionalFormattingOptions[] = [];
  let maxPriority = 0;
  const sheet = ws as ExcelJS.Worksheet & { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] };
  for (const cf of sheet.conditionalFormattings ?? []) {
    const rules = cf.rules.filter((rule) => !blocks.some((b) => isOwnHighlightRule(ruleFormulae(rule), b)));
    for (const rule of rules) maxPriority = Math.max(maxPriority, rule.priority ?? 0);
    if (rules.length) kept.push({ ...cf, rules });
  }
  sheet.conditionalFormattings = kept;
  for (const rule of plan.rules) {
    ws.addConditionalFormatting({
      ref: rule.range,
      rules: [
        {
          type: 'expression',
          formulae: [rule.formula],
          priority: maxPriority + rule.priority,
          style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: `FF${rule.fill}` } } },
        },
      ],
    });
  }

  // Notes: ours are replaced; a staff note stays and its message lives in Ghi chú only.
  removeOwnNotes(ws);
  for (const note of plan.notes) {
    const at = parseA1(note.cell)!;
    const cell = ws.getRow(at.row + 1).getCell(at.col + 1);
    if (noteText(cell.note) !== null) continue;
    cell.note = note.text;
  }

  ws.autoFilter = plan.autoFilter;
}

function ruleFormulae(rule: ExcelJS.ConditionalFormattingRule): string[] {
  return ((rule as { formulae?: unknown[] }).formulae ?? []).map(String);
}
