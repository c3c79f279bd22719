/**
 * The "Xếp hạng" sheet written into a real .xlsx by the command line's package writer and read
 * back with ExcelJS (another program), as staff would open it: order, shared ranks, levels, the sections, names kept as text, re-export and a
 * staff sheet of the same name, print setup.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defaultSettings } from '../src/report/settings';
import { BUILTIN_RUBRIC } from '../src/rubric/builtin';
import type { CellValue } from '../src/sheet/grid';
import { RANKING_DEFINED_NAME } from '../src/report/rankingSheetPlan';
import type { DecisionSettings } from '../src/report/settings';
import { scoreXlsx } from '../src/workbook/xlsx/scoreXlsx';
import { HEADER, perfect, readGrids, score, tempDir, unitRow, section } from './support/sheets';

const settings = defaultSettings(2018, BUILTIN_RUBRIC);
/**
 * Provincial units: 108 (full), two at 106 (K7 250/500 → 2 of 4), one at 98 (R3 "Không" and
 * K8 0: both categories not ranked), one with an error (R1b > R1a) and one with no report.
 */
const SAMPLE_ROWS: CellValue[][] = [
  HEADER,
  section('I. CẤP TỈNH'),
  unitRow(1, 'Sở Xây dựng', null, perfect({ K7: 250 })),
  unitRow(2, '=SUM(A1)', null, perfect({ R3: 'Không', K8: 0 })),
  unitRow(3, 'Sở Lỗi Số Liệu', null, perfect({ R1b: 101 })),
  unitRow(4, 'Thanh tra tỉnh', null, {}),
  unitRow(5, 'Sở Tài chính', null, perfect()),
  unitRow(6, 'Sở Công Thương', null, perfect({ K7: 250 })),
  section('III. CẤP XÃ'),
  section('Huyện Ba Bể'),
  unitRow(1, 'Xã Chu Hương', null, {}),
  unitRow(2, 'Xã Đồng Phúc', null, perfect({ K8: 4 })),
];

/** The submission sheet behind sampleResult(), as staff typed it, written by ExcelJS. */
function withSubmissionSheet(): ExcelJS.Workbook {
  return workbookOf(SAMPLE_ROWS);
}

/** A workbook with one submission sheet of these rows, written by ExcelJS. */
function workbookOf(rows: CellValue[][]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tổng hợp');
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
    }),
  );
  return wb;
}

/**
 * Exports the ranking sheet as the command line does (score, then patch the package) and reads
 * the copy back with ExcelJS.
 */
async function exportRanking(
  wb: ExcelJS.Workbook,
  s: DecisionSettings,
): Promise<{ out: { sheetName: string; notice: string | null }; file: string; wb: ExcelJS.Workbook }> {
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const scored = await scoreXlsx({ bytes, scoredCopy: true, settings: s });
  if (!scored.ok) throw new Error(scored.message);
  const file = path.join(tempDir('cqdt-rank-'), 'out.xlsx');
  writeFileSync(file, scored.output.scoredCopy!);
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(file);
  const notice = scored.output.warnings.find((w) => w.startsWith('Tệp đã có trang "Xếp hạng"')) ?? null;
  return { out: { sheetName: scored.output.rankingSheet!, notice }, file, wb: back };
}

/** Column B (Tên đơn vị) down the sheet, with the row numbers. */
function nameColumn(ws: ExcelJS.Worksheet): { row: number; name: string }[] {
  const out: { row: number; name: string }[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const v = ws.getCell(r, 2).value;
    if (typeof v === 'string') out.push({ row: r, name: v });
  }
  return out;
}

const rowOf = (ws: ExcelJS.Worksheet, name: string) => nameColumn(ws).find((x) => x.name === name)!.row;
const textInA = (ws: ExcelJS.Worksheet) =>
  Array.from({ length: ws.rowCount }, (_, i) => ws.getCell(i + 1, 1).value).filter((v): v is string => typeof v === 'string');

/** Rows whose column A reads "STT": one header row per tier table. */
function headerRows(ws: ExcelJS.Worksheet): number[] {
  return Array.from({ length: ws.rowCount }, (_, i) => i + 1).filter((r) => ws.getCell(r, 1).value === 'STT');
}

/** Rows after which a printed page ends: the manual row breaks in the saved sheet's XML. */
async function pageBreaksOf(file: string, sheet = 'Xếp hạng'): Promise<number[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const index = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].findIndex((m) => m[1] === sheet);
  const xml = await zip.file(`xl/worksheets/sheet${index + 1}.xml`)!.async('string');
  return [...xml.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]));
}

/** Header titles → 1-based column, from the first header row. */
function headerColumns(ws: ExcelJS.Worksheet, headerRow: number): Map<string, number> {
  const map = new Map<string, number>();
  ws.getRow(headerRow).eachCell((cell, col) => map.set(String(cell.value), col));
  return map;
}

describe('writeRankingSheet', () => {
  let ws: ExcelJS.Worksheet;
  let file: string;
  let headerRow: number;
  let cols: Map<string, number>;

  beforeAll(async () => {
    const saved = await exportRanking(withSubmissionSheet(), settings);
    expect(saved.out).toEqual({ sheetName: 'Xếp hạng', notice: null });
    file = saved.file;
    ws = saved.wb.getWorksheet('Xếp hạng')!;
    headerRow = Array.from({ length: ws.rowCount }, (_, i) => i + 1).find((r) => ws.getCell(r, 1).value === 'STT')!;
    cols = headerColumns(ws, headerRow);
  });

  it('has a title with the year and the appendix columns from the rubric, the area column only for communes', () => {
    expect(String(ws.getCell('A1').value)).toBe(
      'KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI MỨC ĐỘ XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ CÁC CẤP NĂM 2018',
    );
    expect([...cols.keys()]).toEqual([
      'STT',
      'Tên đơn vị',
      'Điểm ĐKSS',
      'Mức ĐKSS',
      'Điểm Kết quả',
      'Mức Kết quả',
      'Tổng điểm',
      'Tỷ lệ (%)',
      'Thứ hạng',
    ]);
    expect(ws.getCell(headerRow, 1).font?.bold).toBe(true);
    expect(ws.getCell(headerRow, 2).border?.bottom?.style).toBe('thin');
    const communeHeader = headerRows(ws)[1];
    expect([...headerColumns(ws, communeHeader).keys()].slice(0, 4)).toEqual(['STT', 'Tên đơn vị', 'Thuộc huyện', 'Điểm ĐKSS']);
  });

  it('gives a long name the lines it needs, so that it never spills over its row when printed', async () => {
    const long = 'Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh';
    const saved = await exportRanking(
      workbookOf([HEADER, section('I. CẤP TỈNH'), unitRow(1, long, null, perfect()), unitRow(2, 'Sở Y tế', null, perfect())]),
      settings,
    );
    const back = saved.wb.getWorksheet('Xếp hạng')!;
    const r = rowOf(back, long);
    const width = back.getColumn(2).width!;
    expect(long.length).toBeGreaterThan(width); // it must wrap …
    expect(back.getCell(r, 2).alignment?.wrapText).toBe(true);
    expect(back.getRow(r).height).toBeGreaterThanOrEqual(2 * 15); // … and its row holds two lines
    expect(back.getRow(rowOf(back, 'Sở Y tế')).height ?? null).toBeNull(); // short rows keep Excel's height
  });

  it('lists ranked units by total, ties by name, with shared ranks 1, 2, 2, 4', () => {
    const ranked = ['Sở Tài chính', 'Sở Công Thương', 'Sở Xây dựng', '=SUM(A1)'];
    const rows = ranked.map((n) => rowOf(ws, n));
    expect(rows).toEqual([headerRow + 1, headerRow + 2, headerRow + 3, headerRow + 4]);
    const at = (r: number, title: string) => ws.getCell(r, cols.get(title)!).value;
    expect(rows.map((r) => at(r, 'STT'))).toEqual([1, 2, 3, 4]);
    expect(rows.map((r) => at(r, 'Thứ hạng'))).toEqual([1, 2, 2, 4]);
    expect(rows.map((r) => at(r, 'Tổng điểm'))).toEqual([108, 106, 106, 98]);
    // 10600/10800 = 98,148…% → 98,15; 9800/10800 = 90,740…% → 90,74.
    expect(rows.map((r) => at(r, 'Tỷ lệ (%)'))).toEqual([100, 98.15, 98.15, 90.74]);
    expect(ws.getCell(rows[1], cols.get('Tổng điểm')!).numFmt).toBe('0.00');
    expect(rows.map((r) => [at(r, 'Mức ĐKSS'), at(r, 'Mức Kết quả')])).toEqual([
      ['Mức 1', 'Mức 1'],
      ['Mức 1', 'Mức 2'], // K7 at 50% misses Mức 1's 70% minimum
      ['Mức 1', 'Mức 2'],
      ['Không xếp hạng', 'Không xếp hạng'],
    ]);
  });

  it('shows units with errors after the ranked ones, scores shown and rank blank', () => {
    const title = rowOf(ws, 'Sở Lỗi Số Liệu') - 1;
    expect(ws.getCell(title, 1).value).toBe('Đơn vị có số liệu cần sửa');
    const r = title + 1;
    // Full marks but R1 (8 points), counted 0 because of the error.
    expect(ws.getCell(r, cols.get('Tổng điểm')!).value).toBe(100);
    expect(ws.getCell(r, cols.get('Thứ hạng')!).value).toBeNull();
  });

  it('lists units that sent no report last in each tier, without scores', () => {
    const r = rowOf(ws, 'Thanh tra tỉnh');
    expect(ws.getCell(r - 1, 1).value).toBe('Đơn vị không gửi báo cáo');
    expect(r).toBeGreaterThan(rowOf(ws, 'Sở Lỗi Số Liệu'));
    expect(ws.getCell(r, cols.get('Tổng điểm')!).value).toBeNull();
    expect(ws.getCell(r, cols.get('Mức ĐKSS')!).value).toBeNull();
    // The communes' table comes after, with its district.
    const commune = rowOf(ws, 'Xã Đồng Phúc');
    expect(commune).toBeGreaterThan(r);
    const communeCols = headerColumns(ws, headerRows(ws)[1]);
    expect(ws.getCell(commune, communeCols.get('Thuộc huyện')!).value).toBe('Huyện Ba Bể');
    expect(ws.getCell(commune, communeCols.get('Thứ hạng')!).value).toBe(1);
    expect(rowOf(ws, 'Xã Chu Hương')).toBeGreaterThan(commune);
    expect(textInA(ws).filter((t) => t === 'Đơn vị không gửi báo cáo')).toHaveLength(2);
  });

  it('keeps a name starting with "=" as a string value, never a formula', async () => {
    const cell = ws.getCell(rowOf(ws, '=SUM(A1)'), 2);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
    const zip = await JSZip.loadAsync(readFileSync(file));
    const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    for (const f of sheets) expect(await zip.file(f)!.async('string')).not.toContain('<f>');
  });

  it('sets up printing: A4 landscape, one page wide; tables with other columns start a new page', async () => {
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.fitToPage).toBe(true);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.fitToHeight).toBe(0);
    // The commune table has its own columns: no single header row can be repeated for both.
    expect(ws.pageSetup.printTitlesRow).toBeUndefined();
    const communeTitle = headerRows(ws)[1] - 1;
    expect(String(ws.getCell(communeTitle, 1).value)).toMatch(/^II\. CẤP XÃ/);
    expect(await pageBreaksOf(file)).toEqual([communeTitle - 1]);
  });

  it('repeats the header row on every printed page when all tables have the same columns', async () => {
    const saved = await exportRanking(
      workbookOf([
        HEADER,
        section('I. CẤP TỈNH'),
        unitRow(1, 'Sở Tài chính', null, perfect()),
        section('II. CẤP HUYỆN'),
        unitRow(1, 'Huyện Ba Bể', null, perfect()),
      ]),
      settings,
    );
    const back = saved.wb.getWorksheet('Xếp hạng')!;
    const [first] = headerRows(back);
    expect(back.pageSetup.printTitlesRow).toBe(`${first}:${first}`);
    expect(await pageBreaksOf(saved.file)).toEqual([]);
  });

  it('records the sheet in the workbook-level name CQDT_XepHang', async () => {
    const zip = await JSZip.loadAsync(readFileSync(file));
    const xml = await zip.file('xl/workbook.xml')!.async('string');
    expect(xml).toMatch(
      new RegExp(`<definedName name="${RANKING_DEFINED_NAME}">(&apos;|')Xếp hạng(&apos;|')!\\$A\\$1:\\$J\\$\\d+</definedName>`),
    );
  });
});

describe('exporting again and staff sheets', () => {
  it('a second export replaces its own sheet in place and leaves the other sheets alone', async () => {
    const { wb } = await exportRanking(withSubmissionSheet(), settings);
    wb.addWorksheet('Ghi chú').getCell('A1').value = 'sau bảng xếp hạng';

    const { out: again, wb: back } = await exportRanking(wb, defaultSettings(2019, BUILTIN_RUBRIC));
    expect(again).toEqual({ sheetName: 'Xếp hạng', notice: null });
    // The add-in's own sheets keep their places; the staff sheet added after them stays last.
    expect(back.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Xếp hạng', 'Lộ trình', 'Tiêu chí còn yếu', 'Ghi chú']);
    expect(String(back.getWorksheet('Xếp hạng')!.getCell('A1').value)).toContain('NĂM 2019');
    expect(back.getWorksheet('Tổng hợp')!.getCell('B3').value).toBe('Sở Xây dựng');
    expect(back.getWorksheet('Ghi chú')!.getCell('A1').value).toBe('sau bảng xếp hạng');
    const names = back.definedNames.model.filter((n) => n.name === RANKING_DEFINED_NAME);
    expect(names).toHaveLength(1);
    expect(names[0].ranges).toHaveLength(1);
  });

  it('leaves a staff sheet called "Xếp hạng" untouched and writes "Xếp hạng (CQĐT)", saying so', async () => {
    const wb = withSubmissionSheet();
    const staff = wb.addWorksheet('Xếp hạng');
    staff.getCell('A1').value = 'Bảng xếp hạng do phòng tự lập';
    staff.getCell('B2').value = 42;

    const { out, wb: back } = await exportRanking(wb, settings);
    expect(out.sheetName).toBe('Xếp hạng (CQĐT)');
    expect(out.notice).toContain('"Xếp hạng"');
    expect(out.notice).toContain('"Xếp hạng (CQĐT)"');

    const { out: second, wb: final } = await exportRanking(back, settings);
    expect(second.sheetName).toBe('Xếp hạng (CQĐT)');
    expect(final.worksheets.map((s) => s.name)).toEqual([
      'Tổng hợp',
      'Xếp hạng',
      'Xếp hạng (CQĐT)',
      'Lộ trình',
      'Tiêu chí còn yếu',
    ]);
    const kept = final.getWorksheet('Xếp hạng')!;
    expect(kept.getCell('A1').value).toBe('Bảng xếp hạng do phòng tự lập');
    expect(kept.getCell('B2').value).toBe(42);
    expect(kept.rowCount).toBe(2);
    const own = final.getWorksheet('Xếp hạng (CQĐT)')!;
    expect(nameColumn(own).some((x) => x.name === 'Sở Tài chính')).toBe(true);
  });
  it('never removes the scored sheet, even if the recorded name points at it', async () => {
    const wb = withSubmissionSheet();
    wb.definedNames.add("'Tổng hợp'!$A$1:$B$3", RANKING_DEFINED_NAME);
    const { out, wb: back } = await exportRanking(wb, settings); // scored sheet: "Tổng hợp"
    expect(out.sheetName).toBe('Xếp hạng');
    expect(back.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Xếp hạng', 'Lộ trình', 'Tiêu chí còn yếu']);
    expect(back.getWorksheet('Tổng hợp')!.getCell('B3').value).toBe('Sở Xây dựng');
  });
});

describe('the bundled 2018 sample', () => {
  const sample = path.join(__dirname, '..', 'examples', 'bac-kan-2018.xlsx');
  (existsSync(sample) ? it : it.skip)('ranks it as the 2018 decision did', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sample);
    const before = wb.worksheets.map((s) => s.name);
    expect(score(await readGrids(sample)).units).toHaveLength(150);
    const { out, wb: back } = await exportRanking(wb, settings);
    expect(out.notice).toBeNull();
    expect(back.worksheets.map((s) => s.name)).toEqual([...before, out.sheetName, 'Lộ trình', 'Tiêu chí còn yếu']);
    const ws = back.getWorksheet(out.sheetName)!;
    const titles = textInA(ws);
    // Three tier tables; Thanh tra tỉnh and 13 communes sent nothing.
    expect(titles.filter((t) => /^I{1,3}\. CẤP/.test(t))).toHaveLength(3);
    expect(titles.filter((t) => t === 'Đơn vị không gửi báo cáo')).toHaveLength(2);
    const columns = headerColumns(ws, headerRows(ws)[0]);
    const first = ws.getRow(rowOf(ws, 'Tên đơn vị') + 1);
    expect(first.getCell(columns.get('Tổng điểm')!).value).toBe(96.05); // the best provincial unit
    expect(first.getCell(columns.get('Thứ hạng')!).value).toBe(1);
    // 150 units in all: 136 evaluated rows plus 14 without a report.
    const ranks = nameColumn(ws).filter((x) => x.name !== 'Tên đơn vị' && typeof ws.getCell(x.row, 1).value === 'number');
    expect(ranks).toHaveLength(150);
  });
});
