/**
 * The "Xếp hạng" sheet (workbook.md, "The ranking sheet") written with ExcelJS: the ranking
 * tables of every tier, A4 landscape, fitted to the page width, the header row repeated on
 * every printed page. The sheet is recorded by the workbook-level name CQDT_XepHang; only a
 * sheet so recorded is ever replaced, and no other sheet is touched.
 */
import type { Borders, Cell, Workbook, Worksheet } from 'exceljs';
import type { ScoreResult } from '../../scoring/types';
import { RANKING_SHEET, RANKING_SHEET_ALTERNATIVE } from '../../scoring/scoreWorkbook';
import { formatCentsShort } from '../../scoring/viFormat';
import { RankingCell, RankingColumn, RankingTable, rankingColumns, rankingTables } from '../../report/rankingTables';
import { DecisionSettings, PLACEHOLDER, committeeOfProvince } from '../../report/settings';
import { definedNameArea, setDefinedName } from './readXlsx';

export const RANKING_DEFINED_NAME = 'CQDT_XepHang';
export const RANKING_SHEET_NAME = RANKING_SHEET;
export const RANKING_SHEET_FALLBACK = RANKING_SHEET_ALTERNATIVE;

export interface RankingSheetOutcome {
  sheetName: string;
  /** Said to the user when the sheet could not take its usual name. */
  notice: string | null;
}

const sameSheetName = (a: string, b: string) =>
  a.normalize('NFC').toLocaleLowerCase('vi') === b.normalize('NFC').toLocaleLowerCase('vi');

function findSheet(workbook: Workbook, name: string): Worksheet | undefined {
  return workbook.worksheets.find((ws) => sameSheetName(ws.name, name));
}

/**
 * The sheet CQDT_XepHang points at, when it still exists — never the scored sheet, even if a
 * damaged name pointed there: removing it would lose what staff typed.
 */
function ownSheet(workbook: Workbook, scoredSheet: string): Worksheet | null {
  const recorded = definedNameArea(workbook, RANKING_DEFINED_NAME);
  if (!recorded || sameSheetName(recorded.sheet, scoredSheet)) return null;
  return findSheet(workbook, recorded.sheet) ?? null;
}

/** A free name for a new sheet: "Xếp hạng", else "Xếp hạng (CQĐT)", else "Xếp hạng (CQĐT 2)"… */
function freeName(workbook: Workbook): string {
  if (!findSheet(workbook, RANKING_SHEET_NAME)) return RANKING_SHEET_NAME;
  if (!findSheet(workbook, RANKING_SHEET_FALLBACK)) return RANKING_SHEET_FALLBACK;
  for (let n = 2; ; n++) {
    const name = `Xếp hạng (CQĐT ${n})`;
    if (!findSheet(workbook, name)) return name;
  }
}

function staffSheetNotice(sheetName: string): string {
  return (
    `Tệp đã có trang "${RANKING_SHEET_NAME}" do người dùng lập nên trang đó được giữ nguyên; ` +
    `bảng xếp hạng được ghi vào trang "${sheetName}".`
  );
}

/** ExcelJS orders tabs by this field, which its typings leave out. */
type Ordered = Worksheet & { orderNo: number };

/** Removes the sheet this module made last time (if any) and adds a fresh one in its place. */
function recreateSheet(workbook: Workbook, scoredSheet: string): { sheet: Worksheet; notice: string | null } {
  const own = ownSheet(workbook, scoredSheet);
  setDefinedName(workbook, RANKING_DEFINED_NAME, null);
  let name: string;
  let orderNo: number | null = null;
  if (own) {
    name = own.name;
    orderNo = (own as Ordered).orderNo;
    workbook.removeWorksheet(own.id);
  } else {
    name = freeName(workbook);
  }
  const sheet = workbook.addWorksheet(name);
  if (orderNo !== null) (sheet as Ordered).orderNo = orderNo; // keep its place among the tabs
  const staffSheet = findSheet(workbook, RANKING_SHEET_NAME);
  const notice = staffSheet && staffSheet !== sheet ? staffSheetNotice(name) : null;
  return { sheet, notice };
}

// ---------------------------------------------------------------- layout

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BOX: Partial<Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE7E6E6' } };

const WIDTHS: Record<RankingColumn['kind'], number> = {
  stt: 6,
  name: 36,
  district: 20,
  score: 11,
  level: 16,
  total: 11,
  previousTotal: 12,
  change: 10,
  percent: 10,
  rank: 10,
};

/** Writes a value as a value: strings stay strings even when they start with "=". */
function setCell(cell: Cell, value: RankingCell): void {
  switch (value.kind) {
    case 'text':
      cell.value = value.text;
      break;
    case 'int':
      cell.value = value.value;
      break;
    case 'cents':
      cell.value = value.value / 100;
      cell.numFmt = '0.00';
      break;
    case 'delta':
      cell.value = value.value / 100;
      cell.numFmt = '+0.00;-0.00;0.00';
      break;
    case 'blank':
      cell.value = null;
  }
}

class SheetWriter {
  row = 1;
  constructor(
    readonly sheet: Worksheet,
    readonly columns: RankingColumn[],
  ) {}

  get width(): number {
    return this.columns.length;
  }

  /** A row of one merged cell across the table. */
  banner(text: string, style: { bold?: boolean; italic?: boolean; size?: number; center?: boolean; box?: boolean }): void {
    const r = this.row++;
    this.sheet.mergeCells(r, 1, r, this.width);
    const cell = this.sheet.getCell(r, 1);
    cell.value = text;
    cell.font = { name: 'Times New Roman', bold: style.bold, italic: style.italic, size: style.size ?? 12 };
    cell.alignment = { horizontal: style.center ? 'center' : 'left', vertical: 'middle', wrapText: true };
    if (style.box) for (let c = 1; c <= this.width; c++) this.sheet.getCell(r, c).border = BOX;
  }

  header(): number {
    const r = this.row++;
    // Two lines: titles such as "Điểm Kết quả" wrap, and no host grows the row by itself.
    this.sheet.getRow(r).height = 32;
    this.columns.forEach((col, i) => {
      const cell = this.sheet.getCell(r, i + 1);
      cell.value = col.title;
      cell.font = { name: 'Times New Roman', bold: true, size: 12 };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.fill = HEADER_FILL;
      cell.border = BOX;
    });
    return r;
  }

  /** One unit; `cells` follow `tableColumns`, placed by column id on the sheet's columns. */
  unit(cells: RankingCell[], tableColumns: RankingColumn[]): void {
    const r = this.row++;
    const byId = new Map(tableColumns.map((c, i) => [c.id, cells[i]]));
    this.columns.forEach((col, i) => {
      const cell = this.sheet.getCell(r, i + 1);
      setCell(cell, byId.get(col.id) ?? { kind: 'blank' });
      cell.font = { name: 'Times New Roman', size: 12 };
      const left = col.kind === 'name' || col.kind === 'district';
      cell.alignment = { horizontal: left ? 'left' : 'center', vertical: 'middle', wrapText: left };
      cell.border = BOX;
    });
  }

  skip(): void {
    this.row++;
  }
}

function writeTable(w: SheetWriter, t: RankingTable): number {
  const max = t.maxCents !== null ? ` (tổng điểm tối đa: ${formatCentsShort(t.maxCents)} điểm)` : '';
  w.banner(`${t.title}${max}`, { bold: true });
  const headerRow = w.header();
  for (const section of t.sections) {
    if (section.title) w.banner(section.title, { bold: true, italic: true, box: true });
    for (const row of section.rows) w.unit(row.cells, t.columns);
  }
  w.skip();
  return headerRow;
}

/** A1 letters of a 1-based column. */
function letters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function pageSetup(sheet: Worksheet, headerRow: number | null): void {
  sheet.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0, // as many pages down as needed
    horizontalCentered: true,
    margins: { left: 0.6, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(headerRow ? { printTitlesRow: `${headerRow}:${headerRow}` } : {}),
  };
}

/**
 * Writes (or rewrites) the ranking sheet. Every tier's table uses the same columns (those of
 * the communes, "Thuộc huyện" blank above them) so that the one header row Excel repeats on
 * each printed page is right for every table.
 */
export function writeRankingSheet(workbook: Workbook, result: ScoreResult, settings: DecisionSettings): RankingSheetOutcome {
  const { sheet, notice } = recreateSheet(workbook, result.sheet);
  const tables = rankingTables(result, settings.year);
  const columns = rankingColumns(result, 'commune');
  columns.forEach((col, i) => (sheet.getColumn(i + 1).width = WIDTHS[col.kind]));

  const w = new SheetWriter(sheet, columns);
  w.banner(tables.title, { bold: true, size: 14, center: true });
  w.banner(
    `(Kèm theo Quyết định số ${settings.decisionNumber}/QĐ-UBND ngày ${PLACEHOLDER} tháng ${PLACEHOLDER} năm ${PLACEHOLDER} của ${committeeOfProvince(settings)})`,
    { italic: true, center: true },
  );
  w.skip();
  let firstHeader: number | null = null;
  for (const t of tables.tables) {
    const h = writeTable(w, t);
    firstHeader ??= h;
  }
  if (tables.tables.length === 0) w.banner('Không có đơn vị nào trong bảng tổng hợp.', { italic: true });
  pageSetup(sheet, firstHeader);

  const lastRow = Math.max(1, w.row - 1);
  const reference = `'${sheet.name.replace(/'/g, "''")}'!$A$1:$${letters(columns.length)}$${lastRow}`;
  setDefinedName(workbook, RANKING_DEFINED_NAME, reference);
  return { sheetName: sheet.name, notice };
}
