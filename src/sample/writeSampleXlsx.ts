/**
 * Writes a sample workbook (sampleData.ts for 2018, cds2025Sample.ts for 2025) to .xlsx,
 * formatted like the department's own file: Times New Roman, a wrapped bold two-row header with
 * merged group titles, borders over the table, frozen panes below the header, a "Tổng cộng" row of
 * SUM formulas where the sheet has one, A4 landscape.
 */
import ExcelJS from 'exceljs';
import type { CellValue, Grid } from '../sheet/grid';
import { buildSampleWorkbook, SampleWorkbook, SummaryLayout } from './sampleData';

const FONT = 'Times New Roman';
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

const columnLetter = (c: number) => {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** Plain values only: the sample holds text, numbers and blanks. */
function excelValue(v: CellValue): ExcelJS.CellValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'object' && !(v instanceof Date)) return { error: v.error as ExcelJS.CellErrorValue['error'] };
  return v;
}

function writeGrid(ws: ExcelJS.Worksheet, grid: Grid): void {
  grid.rows.forEach((row, r) => {
    const line = ws.getRow(r + 1);
    row.forEach((v, c) => {
      const cell = line.getCell(c + 1);
      cell.value = excelValue(v);
      cell.font = { name: FONT, size: 11 };
    });
  });
  for (const m of grid.merges ?? []) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
}

/** Styles a rectangle of cells (0-based, inclusive). */
function styleArea(
  ws: ExcelJS.Worksheet,
  top: number,
  left: number,
  bottom: number,
  right: number,
  style: (cell: ExcelJS.Cell, c: number) => void,
): void {
  for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) style(ws.getCell(r + 1, c + 1), c);
}

const bold = (size = 11, italic = false): Partial<ExcelJS.Font> => ({ name: FONT, size, bold: true, italic });

function styleTitles(ws: ExcelJS.Worksheet, layout: SummaryLayout): void {
  const [org, committee, title, subtitle] = layout.titleRows;
  const right = layout.rightTitleCol;
  for (const r of [org, committee]) {
    for (const c of [0, right]) {
      const cell = ws.getCell(r + 1, c + 1);
      cell.font = bold(12);
      cell.alignment = { horizontal: 'center' };
    }
  }
  ws.getCell(committee + 1, 1).font = { ...bold(12), underline: true };
  ws.getCell(committee + 1, right + 1).font = { ...bold(12), underline: true };
  ws.getCell(title + 1, 1).font = bold(14);
  ws.getCell(title + 1, 1).alignment = { horizontal: 'center' };
  ws.getCell(subtitle + 1, 1).font = { name: FONT, size: 12, italic: true };
  ws.getCell(subtitle + 1, 1).alignment = { horizontal: 'center' };
}

function styleHeader(ws: ExcelJS.Worksheet, layout: SummaryLayout): void {
  const [top, names, numbers] = layout.headerRows;
  styleArea(ws, top, 0, names, layout.width - 1, (cell) => {
    cell.font = bold(11);
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = THIN;
    cell.fill = HEADER_FILL;
  });
  styleArea(ws, numbers, 0, numbers, layout.width - 1, (cell) => {
    cell.font = { name: FONT, size: 10, italic: true };
    cell.alignment = { horizontal: 'center' };
    cell.border = THIN;
  });
  ws.getRow(top + 1).height = layout.headerHeights[0];
  ws.getRow(names + 1).height = layout.headerHeights[1];
}

function styleBody(ws: ExcelJS.Worksheet, layout: SummaryLayout): void {
  const counts = new Set(layout.summedCols);
  const lastRow = layout.totalRow ?? Math.max(...layout.sectionRows, ...layout.groupRows, ...layout.unitRows);
  styleArea(ws, layout.firstDataRow, 0, lastRow, layout.width - 1, (cell, c) => {
    cell.border = THIN;
    if (c === 0) cell.alignment = { horizontal: 'center', vertical: 'middle' };
    else if (c === 1 || c === layout.noteCol) cell.alignment = { vertical: 'middle', wrapText: true };
    else cell.alignment = { horizontal: counts.has(c) ? 'right' : 'center', vertical: 'middle' };
    if (counts.has(c) && typeof cell.value === 'number') cell.numFmt = '#,##0';
  });
  for (const r of layout.sectionRows) ws.getCell(r + 1, 1).font = bold(11);
  for (const r of layout.groupRows) ws.getCell(r + 1, 1).font = bold(11, true);
  const total = layout.totalRow;
  if (total !== null) styleArea(ws, total, 0, total, layout.width - 1, (cell) => (cell.font = bold(11)));
}

/** The total row as formulas, keeping the values computed with the grid as their cached results. */
function totalFormulas(ws: ExcelJS.Worksheet, layout: SummaryLayout, grid: Grid): void {
  const total = layout.totalRow;
  if (total === null) return;
  const from = layout.firstDataRow + 1;
  for (const c of layout.summedCols) {
    const letter = columnLetter(c);
    const result = grid.rows[total][c] as number;
    ws.getCell(total + 1, c + 1).value = { formula: `SUM(${letter}${from}:${letter}${total})`, result };
  }
}

/** Cells staff filled with a formula, with the grid's value as the cached result (an error value too). */
function cellFormulas(ws: ExcelJS.Worksheet, sample: SampleWorkbook, grid: Grid): void {
  for (const f of sample.formulas) {
    const result = excelValue(grid.rows[f.row][f.col]);
    ws.getCell(f.row + 1, f.col + 1).value = { formula: f.formula, result } as ExcelJS.CellFormulaValue;
  }
}

function styleFoot(ws: ExcelJS.Worksheet, layout: SummaryLayout): void {
  for (const r of layout.footRows) ws.getCell(r + 1, 2).font = { name: FONT, size: 11, italic: true };
  const [date, title, name] = layout.signatureRows;
  for (const c of layout.signatureCols) {
    ws.getCell(date + 1, c + 1).font = { name: FONT, size: 12, italic: true };
    ws.getCell(title + 1, c + 1).font = bold(12);
    ws.getCell(name + 1, c + 1).font = bold(12);
    for (const r of layout.signatureRows) ws.getCell(r + 1, c + 1).alignment = { horizontal: 'center' };
  }
}

function setUpPage(ws: ExcelJS.Worksheet, layout: SummaryLayout): void {
  const [top, , numbers] = layout.headerRows;
  ws.getColumn(1).width = 5;
  ws.getColumn(2).width = 34;
  for (let c = layout.firstInputCol; c < layout.noteCol; c++) ws.getColumn(c + 1).width = 10.5;
  for (const c of layout.wideCols) ws.getColumn(c + 1).width = 20;
  ws.getColumn(layout.noteCol + 1).width = 18;
  const firstData = `C${numbers + 2}`;
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: numbers + 1, topLeftCell: firstData, activeCell: firstData }];
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: `${top + 1}:${numbers + 1}`,
  };
}

function addSummarySheet(wb: ExcelJS.Workbook, sample: SampleWorkbook): void {
  const grid = sample.sheets[0];
  const ws = wb.addWorksheet(grid.name);
  writeGrid(ws, grid);
  styleTitles(ws, sample.layout);
  styleHeader(ws, sample.layout);
  styleBody(ws, sample.layout);
  totalFormulas(ws, sample.layout, grid);
  cellFormulas(ws, sample, grid);
  styleFoot(ws, sample.layout);
  setUpPage(ws, sample.layout);
}

function addListSheet(wb: ExcelJS.Workbook, sample: SampleWorkbook): void {
  const grid = sample.sheets[1];
  const ws = wb.addWorksheet(grid.name);
  writeGrid(ws, grid);
  const header = sample.listHeaderRow;
  const last = sample.listWidths.length - 1;
  ws.getCell(1, 1).font = bold(13);
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  styleArea(ws, header, 0, header, last, (cell) => {
    cell.font = bold(11);
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = THIN;
    cell.fill = HEADER_FILL;
  });
  styleArea(ws, header + 1, 0, grid.rows.length - 1, last, (cell, c) => {
    cell.border = THIN;
    if (c === 0 || c === 2) cell.alignment = { horizontal: 'center' };
  });
  sample.listWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', ySplit: header + 1, topLeftCell: `A${header + 2}`, activeCell: `A${header + 2}` }];
  ws.pageSetup = { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

/** A sample as an ExcelJS workbook (not yet written). */
export function sampleWorkbookXlsx(sample: SampleWorkbook): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  // Fixed properties keep the workbook the same from one run to the next.
  wb.creator = sample.creator;
  wb.lastModifiedBy = wb.creator;
  wb.created = sample.savedAt;
  wb.modified = sample.savedAt;
  addSummarySheet(wb, sample);
  addListSheet(wb, sample);
  return wb;
}

/** Writes a sample workbook to `path`. */
export async function writeSampleWorkbook(path: string, sample: SampleWorkbook): Promise<void> {
  await sampleWorkbookXlsx(sample).xlsx.writeFile(path);
}

/** Writes the 2018-scheme sample of a year (2018: the figures of the 2019 notice) to `path`. */
export async function writeSampleXlsx(path: string, year = 2018): Promise<void> {
  await writeSampleWorkbook(path, buildSampleWorkbook(year));
}
