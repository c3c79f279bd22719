/**
 * The "Tiêu chí" sheet (docs/trang-tieu-chi.md) and rubric JSON files: every built-in rubric
 * written out and read back is unchanged, a rubric typed by hand is understood, a sheet of the
 * first layout still reads, and a rubric that does not add up is refused naming the cell.
 */
import { execFileSync } from 'child_process';
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { BAC_KAN_2018, BUILTIN_RUBRIC } from '../src/rubric/builtin';
import { BUILTIN_RUBRICS } from '../src/rubric/builtins';
import { CDS_2025_MAU } from '../src/rubric/cds2025';
import { compileRubric } from '../src/rubric/compiled';
import { rubricFromJsonText } from '../src/rubric/loadRubric';
import { RUBRIC_SHEET, rubricFromGrid, rubricToRows } from '../src/rubric/rubricSheet';
import { Rubric, parseRubric } from '../src/rubric/schema';
import { CellValue, Grid, a1 } from '../src/sheet/grid';
import { normLabel } from '../src/sheet/normalize';

const sheet = (rows: CellValue[][]): Grid => ({ name: RUBRIC_SHEET, rows, merges: [] });
const copy = (rows: CellValue[][]): CellValue[][] => rows.map((r) => [...r]);
const text = (v: CellValue) => (typeof v === 'string' ? normLabel(v) : '');

/** Where a section starts: the row holding only its title. */
function titleRow(rows: CellValue[][], title: string): number {
  const r = rows.findIndex(
    (row) => row.filter((v) => v !== null && v !== undefined && v !== '').length === 1 && text(row[0]) === normLabel(title),
  );
  if (r < 0) throw new Error(`no section ${title}`);
  return r;
}

/** The cell of a section's row (found by its first cell) under a column (found by its name). */
function cellOf(rows: CellValue[][], title: string, firstCell: string, column: string): { r: number; c: number } {
  const header = titleRow(rows, title) + 1;
  const c = rows[header].findIndex((v) => text(v) === normLabel(column));
  let r = header + 1;
  while (r < rows.length && rows[r][0] !== firstCell) r++;
  if (c < 0 || r >= rows.length) throw new Error(`no cell ${firstCell}/${column} in ${title}`);
  return { r, c };
}

/** The cell of a section's row of column names under a column. */
function headerCell(rows: CellValue[][], title: string, column: string): { r: number; c: number } {
  const r = titleRow(rows, title) + 1;
  const c = rows[r].findIndex((v) => text(v) === normLabel(column));
  if (c < 0) throw new Error(`no column ${column} in ${title}`);
  return { r, c };
}

/** The value cell of a row of one label and its value ("Tỉnh" | "Bắc Kạn"). */
function keyCell(rows: CellValue[][], label: string): { r: number; c: number } {
  const r = rows.findIndex((row) => text(row[0]) === normLabel(label));
  if (r < 0) throw new Error(`no row ${label}`);
  return { r, c: 1 };
}

function set(rows: CellValue[][], at: { r: number; c: number }, value: CellValue): string {
  rows[at.r][at.c] = value;
  return a1(at.r, at.c);
}

function expectRefused(rows: CellValue[][]): string {
  const read = rubricFromGrid(sheet(rows));
  expect(read.ok).toBe(false);
  return read.ok ? '' : read.message;
}

/** The problems of a refusal, one per entry: each starts with the sheet's name. */
function problems(message: string): string[] {
  return message.split(/; (?=Trang ")/);
}

/** Refused with exactly one problem, named at `cell`; returns that problem. */
function expectOneProblemAt(rows: CellValue[][], cell: string): string {
  const list = problems(expectRefused(rows));
  expect(list).toEqual([expect.stringContaining(`Trang "Tiêu chí", ô ${cell}:`)]);
  return list[0];
}

function expectRead(rows: CellValue[][]): Rubric {
  const read = rubricFromGrid(sheet(rows));
  if (!read.ok) throw new Error(read.message);
  return read.rubric;
}

/** The rubric as the schema gives it back: what a round trip must equal. */
function parsed(rubric: unknown): Rubric {
  const p = parseRubric(rubric);
  if (!p.ok) throw new Error(p.problems.map((x) => `${x.path}: ${x.message}`).join('; '));
  return p.rubric;
}

/** ExcelJS cell value → the Grid's cell value (a formula gives its cached result). */
function fromExcel(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('formula' in v || 'sharedFormula' in v) return fromExcel((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('error' in v) return { error: v.error };
  if ('text' in v) return v.text;
  return null;
}

/** An .xlsx file read with ExcelJS into the Grid the engine reads. */
async function gridOfFile(file: string, sheetName = RUBRIC_SHEET): Promise<Grid> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const read = book.getWorksheet(sheetName)!;
  const grid: CellValue[][] = [];
  for (let r = 1; r <= read.rowCount; r++) {
    const row = read.getRow(r);
    grid.push(Array.from({ length: row.cellCount }, (_, c) => fromExcel(row.getCell(c + 1).value)));
  }
  return { name: read.name, rows: grid, merges: [] };
}

/** The rows written to a real .xlsx file with ExcelJS and read back from it. */
async function throughXlsx(rows: CellValue[][], edit?: (ws: ExcelJS.Worksheet) => void): Promise<Grid> {
  const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'tieu-chi-')), 'tieu-chi.xlsx');
  try {
    const out = new ExcelJS.Workbook();
    const ws = out.addWorksheet(RUBRIC_SHEET);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
      }),
    );
    edit?.(ws);
    await out.xlsx.writeFile(file);
    return await gridOfFile(file);
  } finally {
    await fs.rm(path.dirname(file), { recursive: true, force: true });
  }
}

describe.each(BUILTIN_RUBRICS.map((r) => [r.id, r] as const))('the built-in rubric %s', (_id, rubric) => {
  const rows = rubricToRows(rubric);

  test('reads back through the sheet exactly as it is', () => {
    expect(expectRead(rows)).toStrictEqual(parsed(rubric));
    expect(expectRead(rows)).toStrictEqual(rubric);
  });

  test('scores the same way: same tiers, maxima, bands, answers, N/A, rules, levels and grades', () => {
    expect(compileRubric(expectRead(rows))).toEqual(compileRubric(rubric));
  });

  test('reads back unchanged through a real .xlsx file', async () => {
    const grid = await throughXlsx(rows);
    expect(grid.name).toBe(RUBRIC_SHEET);
    const read = rubricFromGrid(grid);
    if (!read.ok) throw new Error(read.message);
    expect(read.rubric).toStrictEqual(parsed(rubric));
  });

  test('loads unchanged as a JSON file', () => {
    const loaded = rubricFromJsonText(JSON.stringify(rubric, null, 2), 'tieu-chi.json');
    if (!loaded.ok) throw new Error(loaded.message);
    expect(loaded.rubric.rubric).toStrictEqual(parsed(rubric));
    expect(loaded.rubric).toEqual(compileRubric(rubric));
  });

  test('is written in Vietnamese words, naming only its own tiers', () => {
    const all = rows.flat().filter((v): v is string => typeof v === 'string');
    // Kinds, types and the rank rule are Vietnamese words, never the English ids.
    for (const id of ['ratio', 'ratioBands', 'yesno', 'bands', 'best', 'points', 'count', 'choice', 'info', 'total', 'percent']) {
      expect(all).not.toContain(id);
    }
    const header = rows[titleRow(rows, 'TIÊU CHÍ') + 1].map(text);
    for (const t of rubric.tiers) expect(header).toContain(normLabel(`Điểm tối đa ${t.phrase}`));
    const others = ['cấp tỉnh', 'cấp huyện', 'cấp sở'].filter((p) => !rubric.tiers.some((t) => t.phrase === p));
    for (const p of others) expect(header.some((h) => h.includes(p))).toBe(false);
  });
});

describe('what the sheet of each built-in rubric shows', () => {
  test('2018: bands, levels and the decision words, as staff read them', () => {
    const rows = rubricToRows(BAC_KAN_2018);
    const k1 = cellOf(rows, 'TIÊU CHÍ', 'K1', 'Các mức cấp xã');
    expect(rows[k1.r][k1.c]).toBe('≥50: 6; ≥20: 4; ≥1: 2; ≥0: 0');
    expect(rows[keyCell(rows, 'Xếp thứ hạng theo').r][1]).toBe('tổng điểm');
    expect(rows[keyCell(rows, 'Tỉnh').r][1]).toBe('Bắc Kạn');
    titleRow(rows, 'MỨC XẾP HẠNG');
    expect(() => titleRow(rows, 'XẾP LOẠI')).toThrow();
  });

  test('2025 example: answers, percent bands, info criteria, grades and rank by percent', () => {
    const rows = rubricToRows(CDS_2025_MAU);
    const at = (code: string, column: string) => {
      const c = cellOf(rows, 'TIÊU CHÍ', code, column);
      return rows[c.r][c.c];
    };
    expect(at('NT1', 'Điểm theo phương án')).toBe('Người đứng đầu: 100%; Cấp phó: 50%; Chưa có: 0%');
    expect(at('HT3', 'Các mức cấp sở')).toBe('≥80%: 100%; ≥50%: 50%; ≥20%: 20%');
    expect(at('IF1', 'Điểm tối đa cấp xã')).toBe('không tính điểm');
    expect(at('XH1', 'Điểm tối đa cấp sở')).toBeNull();
    expect(at('NT1', 'Cách tính')).toBe('lựa chọn');
    expect(rows[keyCell(rows, 'Xếp thứ hạng theo').r][1]).toBe('tỷ lệ (%)');
    const recipients = rows[keyCell(rows, 'Nơi nhận').r][1] as string;
    expect(recipients.split('\n')).toEqual(CDS_2025_MAU.decision!.recipients);
    expect(rows[cellOf(rows, 'SỐ LIỆU ĐẦU VÀO', 'NT1', 'Các phương án').r]).toContain('Người đứng đầu; Cấp phó; Chưa có');
    const grades = titleRow(rows, 'XẾP LOẠI');
    expect(rows.slice(grades + 2, grades + 6)).toEqual([
      ['Tốt', 90],
      ['Khá', 70],
      ['Trung bình', 50],
      ['Yếu', 0],
    ]);
    expect(() => titleRow(rows, 'MỨC XẾP HẠNG')).toThrow();
  });
});

/** The sheet as the first version wrote the 2018 rubric: no tiers section, no decision words. */
// prettier-ignore
const FIRST_LAYOUT_2018: CellValue[][] = [
  ['BỘ TIÊU CHÍ CHẤM ĐIỂM CHÍNH QUYỀN ĐIỆN TỬ'],
  ['Mã bộ tiêu chí', 'bac-kan-2018'],
  ['Tên bộ tiêu chí', 'Bộ tiêu chí đánh giá mức độ Chính quyền điện tử tỉnh Bắc Kạn (2018)'],
  [],
  ['HẠNG MỤC (điểm tối đa mỗi cấp phải bằng tổng điểm tối đa các tiêu chí của hạng mục)'],
  ['Mã hạng mục', 'Tên hạng mục', 'Tên viết tắt (dùng trong tên cột kết quả)', 'Điểm tối đa cấp tỉnh', 'Điểm tối đa cấp huyện', 'Điểm tối đa cấp xã'],
  ['readiness', 'Điều kiện sẵn sàng', 'ĐKSS', 48, 40, 40],
  ['results', 'Kết quả Chính quyền điện tử', 'Kết quả', 60, 60, 50],
  [],
  ['SỐ LIỆU ĐẦU VÀO (mỗi số liệu là một cột trong bảng tổng hợp; kiểu: số lượng, có/không, điểm)'],
  ['Mã số liệu', 'Tên số liệu', 'Kiểu số liệu (số lượng, có/không, điểm)'],
  ['R1a', 'Tổng số CBCCVC', 'số lượng'],
  ['R1b', 'Số CBCCVC được trang bị máy tính', 'số lượng'],
  ['R2a', 'Tổng số máy tính', 'số lượng'],
  ['R2b', 'Số máy tính kết nối Internet băng rộng', 'số lượng'],
  ['R3', 'Có mạng LAN hoạt động', 'có/không'],
  ['R4', 'Số máy tính cài phần mềm phòng chống mã độc', 'số lượng'],
  ['R5', 'Số cán bộ chuyên trách CNTT', 'số lượng'],
  ['R6', 'Số CBCCVC được tập huấn phần mềm dùng chung', 'số lượng'],
  ['R7', 'Có kế hoạch ứng dụng CNTT năm', 'có/không'],
  ['R8', 'Có quy chế bảo đảm an toàn thông tin', 'có/không'],
  ['K1', 'Số tin, bài cập nhật trên Trang/Cổng TTĐT trong năm', 'số lượng'],
  ['K2a', 'Tổng số văn bản đi', 'số lượng'],
  ['K2b', 'Số văn bản đi gửi dạng điện tử', 'số lượng'],
  ['K3', 'Số CBCCVC sử dụng thư điện tử công vụ thường xuyên', 'số lượng'],
  ['K4a', 'Tổng số hồ sơ TTHC tiếp nhận', 'số lượng'],
  ['K4b', 'Số hồ sơ cập nhật lên hệ thống một cửa điện tử', 'số lượng'],
  ['K5', 'Số dịch vụ công trực tuyến mức 3, 4 cung cấp', 'số lượng'],
  ['K6', 'Số hồ sơ tiếp nhận trực tuyến mức 3, 4', 'số lượng'],
  ['K7', 'Số hồ sơ trả kết quả qua bưu chính công ích', 'số lượng'],
  ['K8', 'Điểm tự đánh giá ứng dụng chữ ký số', 'điểm'],
  [],
  ['TIÊU CHÍ (để trống điểm tối đa ở cấp không dùng tiêu chí)'],
  ['Mã tiêu chí', 'Hạng mục', 'Tên tiêu chí', 'Cách tính', 'Số liệu (tử số nếu là tỷ lệ)', 'Số liệu tổng (mẫu số, chỉ với tỷ lệ)', 'Điểm tối đa cấp tỉnh (trống = không dùng)', 'Điểm tối đa cấp huyện (trống = không dùng)', 'Điểm tối đa cấp xã (trống = không dùng)', 'Các mức cấp tỉnh (≥ngưỡng: điểm; …)', 'Các mức cấp huyện (≥ngưỡng: điểm; …)', 'Các mức cấp xã (≥ngưỡng: điểm; …)', 'Cho phép KAD cấp tỉnh (Có/Không)', 'Cho phép KAD cấp huyện (Có/Không)', 'Cho phép KAD cấp xã (Có/Không)'],
  ['R1', 'ĐKSS', 'Tỷ lệ CBCCVC được trang bị máy tính', 'tỷ lệ', 'R1b', 'R1a', 8, 6, 6, null, null, null, 'Không', 'Không', 'Không'],
  ['R2', 'ĐKSS', 'Tỷ lệ máy tính kết nối Internet băng rộng', 'tỷ lệ', 'R2b', 'R2a', 6, 5, 5, null, null, null, 'Không', 'Không', 'Không'],
  ['R3', 'ĐKSS', 'Mạng LAN', 'có/không', 'R3', null, 4, 4, 4, null, null, null, 'Không', 'Không', 'Không'],
  ['R4', 'ĐKSS', 'Tỷ lệ máy tính có phần mềm phòng chống mã độc', 'tỷ lệ', 'R4', 'R2a', 6, 5, 5, null, null, null, 'Không', 'Không', 'Không'],
  ['R5', 'ĐKSS', 'Cán bộ chuyên trách CNTT', 'theo mức', 'R5', null, 6, 5, 5, '≥2: 6; ≥1: 4; ≥0: 0', '≥2: 5; ≥1: 3; ≥0: 0', '≥1: 5; ≥0: 0', 'Không', 'Không', 'Không'],
  ['R6', 'ĐKSS', 'Tỷ lệ CBCCVC được tập huấn', 'tỷ lệ', 'R6', 'R1a', 6, 5, 5, null, null, null, 'Không', 'Không', 'Không'],
  ['R7', 'ĐKSS', 'Kế hoạch ứng dụng CNTT năm', 'có/không', 'R7', null, 6, 5, 5, null, null, null, 'Không', 'Không', 'Không'],
  ['R8', 'ĐKSS', 'Quy chế an toàn thông tin', 'có/không', 'R8', null, 6, 5, 5, null, null, null, 'Không', 'Không', 'Không'],
  ['K1', 'Kết quả', 'Trang/Cổng TTĐT cập nhật thông tin', 'theo mức', 'K1', null, 8, 8, 6, '≥200: 8; ≥100: 6; ≥50: 4; ≥1: 2; ≥0: 0', '≥200: 8; ≥100: 6; ≥50: 4; ≥1: 2; ≥0: 0', '≥50: 6; ≥20: 4; ≥1: 2; ≥0: 0', 'Không', 'Không', 'Có'],
  ['K2', 'Kết quả', 'Tỷ lệ văn bản đi gửi dạng điện tử', 'tỷ lệ', 'K2b', 'K2a', 10, 10, 10, null, null, null, 'Không', 'Không', 'Không'],
  ['K3', 'Kết quả', 'Tỷ lệ CBCCVC dùng thư điện tử công vụ', 'tỷ lệ', 'K3', 'R1a', 6, 6, 6, null, null, null, 'Không', 'Không', 'Không'],
  ['K4', 'Kết quả', 'Tỷ lệ hồ sơ cập nhật lên một cửa điện tử', 'tỷ lệ', 'K4b', 'K4a', 8, 8, 8, null, null, null, 'Không', 'Không', 'Không'],
  ['K5', 'Kết quả', 'Dịch vụ công trực tuyến mức 3, 4', 'so với đơn vị cao nhất', 'K5', null, 8, 8, 6, null, null, null, 'Không', 'Không', 'Không'],
  ['K6', 'Kết quả', 'Tỷ lệ hồ sơ trực tuyến mức 3, 4', 'tỷ lệ', 'K6', 'K4a', 10, 10, 8, null, null, null, 'Không', 'Không', 'Không'],
  ['K7', 'Kết quả', 'Tỷ lệ kết quả trả qua bưu chính công ích', 'tỷ lệ', 'K7', 'K4a', 4, 4, 2, null, null, null, 'Không', 'Không', 'Không'],
  ['K8', 'Kết quả', 'Ứng dụng chữ ký số', 'điểm tự chấm', 'K8', null, 6, 6, 4, null, null, null, 'Có', 'Có', 'Có'],
  [],
  ['QUY TẮC KIỂM TRA (ngoài tử số ≤ mẫu số của mỗi tỷ lệ)'],
  ['Số liệu (phần)', 'Không được lớn hơn (tổng)'],
  [],
  ['MỨC XẾP HẠNG (Mức 1 là cao nhất; tỷ lệ tính theo %)'],
  ['Mức', 'Ngưỡng hạng mục (% điểm tối đa)', 'Tối thiểu mỗi tiêu chí (% điểm tối đa)'],
  ['Mức 1', 90, 70],
  ['Mức 2', 75, 50],
  ['Mức 3', 60, 30],
  ['Mức 4', 50, 20],
  [],
  ['GHI CHÚ'],
  ['Cách tính: "tỷ lệ" = số liệu ÷ số liệu tổng × điểm tối đa; "có/không" = có được điểm tối đa, không được 0; "theo mức" = điểm của mức cao nhất mà số liệu đạt tới; "so với đơn vị cao nhất" = số liệu ÷ số liệu lớn nhất trong cùng cấp × điểm tối đa; "điểm tự chấm" = đơn vị tự ghi điểm, từ 0 đến điểm tối đa.'],
  ['Các mức ghi từ ngưỡng cao xuống thấp, cách nhau bằng dấu ";", ví dụ: ≥200: 8; ≥100: 6; ≥0: 0. Số thập phân viết với dấu phẩy (4,5).'],
  ['Điểm tối đa để trống: cấp đó không dùng tiêu chí. "Cho phép KAD": đơn vị được ghi KAD (không áp dụng) thay cho số liệu.'],
  ['Mỗi tỷ lệ đã tự kiểm tra tử số không lớn hơn mẫu số; phần "Quy tắc kiểm tra" ghi thêm các cặp số liệu khác cần kiểm tra như vậy.'],
];

describe('a sheet of the first layout (before rubrics declared their tiers)', () => {
  test('reads as the built-in 2018 rubric: its three tiers, rank by total, its decision words', () => {
    expect(expectRead(copy(FIRST_LAYOUT_2018))).toStrictEqual(BAC_KAN_2018);
  });

  test('reads the same from a real .xlsx file', async () => {
    const read = rubricFromGrid(await throughXlsx(FIRST_LAYOUT_2018));
    if (!read.ok) throw new Error(read.message);
    expect(read.rubric).toStrictEqual(BAC_KAN_2018);
  });

  test('decision words added to it are the ones used', () => {
    const rows = copy(FIRST_LAYOUT_2018);
    rows.splice(
      3,
      0,
      ['Nội dung đánh giá', 'đánh giá mức độ chính quyền số'],
      ['Cơ quan chấm điểm', 'Sở Khoa học và Công nghệ'],
      ['Tỉnh', 'Thái Nguyên'],
    );
    expect(expectRead(rows).decision).toEqual({
      subject: 'đánh giá mức độ chính quyền số',
      department: 'Sở Khoa học và Công nghệ',
      province: 'Thái Nguyên',
    });
  });

  test('a column of a tier it does not have says where tiers are declared', () => {
    const rows = copy(FIRST_LAYOUT_2018);
    const cell = set(rows, headerCell(rows, 'HẠNG MỤC', 'Điểm tối đa cấp huyện'), 'Điểm tối đa cấp sở');
    const message = expectOneProblemAt(rows, cell);
    expect(message).toContain('CẤP ĐÁNH GIÁ');
    expect(message).toContain('"cấp tỉnh", "cấp huyện", "cấp xã"');
  });

  test('its level table may now be left out: the rubric then has no levels', () => {
    const rows = copy(FIRST_LAYOUT_2018);
    const t = titleRow(rows, 'MỨC XẾP HẠNG');
    rows.splice(t, 6);
    const { levels, ...rest } = BAC_KAN_2018;
    expect(levels).toBeDefined();
    expect(expectRead(rows)).toStrictEqual(rest);
  });
});

describe('a sheet edited by staff', () => {
  const base = rubricToRows(BUILTIN_RUBRIC);

  test('a category maximum that no longer adds up is refused at its cell', () => {
    const rows = copy(base);
    const cell = set(rows, cellOf(rows, 'HẠNG MỤC', 'readiness', 'Điểm tối đa cấp tỉnh'), 50);
    const message = expectOneProblemAt(rows, cell);
    expect(message).toContain('48'); // what the criteria add up to
  });

  test('a criterion maximum changed alone makes its category not add up', () => {
    const rows = copy(base);
    set(rows, cellOf(rows, 'TIÊU CHÍ', 'R1', 'Điểm tối đa cấp huyện'), 7);
    const category = cellOf(rows, 'HẠNG MỤC', 'readiness', 'Điểm tối đa cấp huyện');
    expectOneProblemAt(rows, a1(category.r, category.c));
  });

  test('an unknown input code in a criterion is refused at its cell', () => {
    const rows = copy(base);
    const cell = set(rows, cellOf(rows, 'TIÊU CHÍ', 'R2', 'Số liệu tổng'), 'R9z');
    expect(expectOneProblemAt(rows, cell)).toContain('R9z');
  });

  test('bands out of order are refused at their cell', () => {
    const rows = copy(base);
    const cell = set(rows, cellOf(rows, 'TIÊU CHÍ', 'K1', 'Các mức cấp xã'), '≥20: 4; ≥50: 6; ≥1: 2; ≥0: 0');
    expect(expectOneProblemAt(rows, cell)).toContain('≥50');
  });

  test('every problem is named in one message, each at its cell', () => {
    const rows = copy(base);
    const kind = set(rows, cellOf(rows, 'TIÊU CHÍ', 'R3', 'Cách tính'), 'đếm ngược');
    const num = set(rows, cellOf(rows, 'TIÊU CHÍ', 'K2', 'Điểm tối đa cấp tỉnh'), 'mười');
    const yes = set(rows, cellOf(rows, 'TIÊU CHÍ', 'K8', 'Cho phép KAD cấp xã'), 'có lẽ');
    const message = expectRefused(rows);
    expect(problems(message)).toHaveLength(3);
    for (const cell of [kind, num, yes]) expect(message).toContain(`Trang "Tiêu chí", ô ${cell}:`);
    expect(message).toContain('đếm ngược');
    expect(message).toContain('mười');
    // Only the sheet's words: no English messages from underneath.
    expect(message).not.toMatch(/Invalid|expected|received/);
  });

  test("an input of the wrong type is explained in the sheet's own words", () => {
    const rows = copy(base);
    const cell = set(rows, cellOf(rows, 'TIÊU CHÍ', 'R1', 'Số liệu'), 'R3');
    const message = expectOneProblemAt(rows, cell);
    expect(message).toContain('có/không');
    expect(message).not.toMatch(/\b(count|yesno|ratio)\b/);
  });

  test('a level percentage in a cell formatted as % (0,9) is read as 90', () => {
    const rows = copy(base);
    set(rows, cellOf(rows, 'MỨC XẾP HẠNG', 'Mức 1', 'Ngưỡng hạng mục'), 0.9);
    expect(expectRead(rows)).toStrictEqual(BUILTIN_RUBRIC);
  });

  test('a level percentage that is not whole is refused with a hint', () => {
    const rows = copy(base);
    const cell = set(rows, cellOf(rows, 'MỨC XẾP HẠNG', 'Mức 1', 'Ngưỡng hạng mục'), 0.905);
    expect(expectOneProblemAt(rows, cell)).toContain('90,5');
  });

  test('a level that is not a level, and an empty level table, are named', () => {
    const rows = copy(base);
    const cell = set(rows, cellOf(rows, 'MỨC XẾP HẠNG', 'Mức 2', 'Mức'), 'Mức hai');
    expect(expectOneProblemAt(rows, cell)).toContain('Mức hai');

    const empty = copy(base);
    const t = titleRow(empty, 'MỨC XẾP HẠNG');
    empty.splice(t + 2, 4);
    expect(expectOneProblemAt(empty, a1(t, 0))).toMatch(/chưa có dòng nào.*xóa cả phần/);
  });

  test('a sheet named "Tiêu chí" that holds something else says how to fall back to the built-in rubric', () => {
    const message = expectRefused([['Danh sách tiêu chí cần rà soát'], ['R1', 'Đã xem']]);
    expect(message).toContain('Tiêu chí');
    expect(message).toMatch(/xóa trang này/);
  });

  test('a missing section is named', () => {
    const rows = copy(base);
    const t = titleRow(rows, 'SỐ LIỆU ĐẦU VÀO');
    rows.splice(t, 2 + BUILTIN_RUBRIC.inputs.length);
    expect(problems(expectRefused(rows))).toEqual([expect.stringMatching(/^Trang "Tiêu chí": thiếu phần "SỐ LIỆU ĐẦU VÀO"/)]);
  });

  test('a missing column is named at its row of column names', () => {
    const rows = copy(base);
    const at = cellOf(rows, 'SỐ LIỆU ĐẦU VÀO', 'R1a', 'Kiểu số liệu');
    for (let r = at.r - 1; r < rows.length && rows[r].length > 1; r++) rows[r].splice(at.c, 1);
    const list = problems(expectRefused(rows));
    expect(list).toHaveLength(1);
    expect(list[0]).toContain(`dòng ${at.r}`);
    expect(list[0]).toContain('Kiểu số liệu');
  });

  test('a decimal typed as "4,5" is read as 4.5', () => {
    const rows = copy(base);
    // Keep the results category adding up at 50 for communes: K8 4 → 4,5 and K7 2 → 1,5.
    set(rows, cellOf(rows, 'TIÊU CHÍ', 'K8', 'Điểm tối đa cấp xã'), '4,5');
    set(rows, cellOf(rows, 'TIÊU CHÍ', 'K7', 'Điểm tối đa cấp xã'), ' 1,5 ');
    const read = expectRead(rows);
    const k8 = read.criteria.find((c) => c.code === 'K8')!;
    expect(k8.tiers.commune).toEqual({ max: 4.5, allowNA: true });
    const commune = compileRubric(read).tiers.commune;
    expect(commune.criteria.find((c) => c.code === 'K8')!.maxCents).toBe(450);
    expect(commune.maxCents).toBe(9000);
  });

  test('blank rows, reordered rows and columns, decomposed accents and numbers as text are understood', () => {
    let rows = copy(base).map((row) => row.map((v) => (typeof v === 'string' ? v.normalize('NFD') : v)));
    // Numbers typed as text.
    rows = rows.map((row) => row.map((v) => (typeof v === 'number' ? String(v) : v)));
    // Column names in capitals, the criteria section's columns "Tên tiêu chí" and "Mã tiêu chí" swapped.
    const crit = titleRow(rows, 'TIÊU CHÍ');
    rows[crit + 1] = rows[crit + 1].map((v) => (typeof v === 'string' ? v.toUpperCase() : v));
    for (let r = crit + 1; r < titleRow(rows, 'QUY TẮC KIỂM TRA'); r++) {
      const row = rows[r];
      if (row.length > 2) [row[0], row[2]] = [row[2], row[0]];
    }
    // The level table upside down, and blank rows between entries.
    const levels = titleRow(rows, 'MỨC XẾP HẠNG');
    rows.splice(levels + 2, 4, ...rows.slice(levels + 2, levels + 6).reverse());
    rows.splice(levels + 3, 0, [], [null, '  ']);
    rows.splice(titleRow(rows, 'SỐ LIỆU ĐẦU VÀO') + 3, 0, []);
    // A note between a title and its column names.
    rows.splice(titleRow(rows, 'HẠNG MỤC') + 1, 0, [null, 'Cập nhật theo văn bản mới nhất']);
    expect(expectRead(rows)).toStrictEqual(BUILTIN_RUBRIC);
  });

  test('criteria rows reordered keep their content, in the new order', () => {
    const rows = copy(base);
    const first = titleRow(rows, 'TIÊU CHÍ') + 2;
    [rows[first], rows[first + 1]] = [rows[first + 1], rows[first]];
    const read = expectRead(rows);
    const builtinCodes = BUILTIN_RUBRIC.criteria.map((c) => c.code);
    expect(read.criteria.map((c) => c.code)).toEqual([builtinCodes[1], builtinCodes[0], ...builtinCodes.slice(2)]);
    expect([...read.criteria].sort((a, b) => a.code.localeCompare(b.code))).toEqual(
      [...BUILTIN_RUBRIC.criteria].sort((a, b) => a.code.localeCompare(b.code)),
    );
  });

  test('a maximum left by a formula with binary noise reads as the number Excel shows', () => {
    const rows = copy(base);
    set(rows, cellOf(rows, 'TIÊU CHÍ', 'R1', 'Điểm tối đa cấp tỉnh'), 8.000000000000002); // as a sum of decimals can leave it
    expect(expectRead(rows)).toStrictEqual(BUILTIN_RUBRIC);
  });

  test('a maximum computed by a formula in a real .xlsx file counts by its cached result', async () => {
    const rows = rubricToRows(BUILTIN_RUBRIC);
    const at = cellOf(rows, 'HẠNG MỤC', 'readiness', 'Điểm tối đa cấp tỉnh');
    const grid = await throughXlsx(rows, (ws) => {
      ws.getCell(at.r + 1, at.c + 1).value = { formula: '40+8', result: 48 };
    });
    const read = rubricFromGrid(grid);
    if (!read.ok) throw new Error(read.message);
    expect(read.rubric).toStrictEqual(BUILTIN_RUBRIC);
  });

  test('kinds, types and the rank rule written as English ids are accepted', () => {
    const rows = copy(base);
    for (const c of BUILTIN_RUBRIC.criteria) set(rows, cellOf(rows, 'TIÊU CHÍ', c.code, 'Cách tính'), c.kind);
    for (const i of BUILTIN_RUBRIC.inputs) set(rows, cellOf(rows, 'SỐ LIỆU ĐẦU VÀO', i.code, 'Kiểu số liệu'), i.type);
    set(rows, keyCell(rows, 'Xếp thứ hạng theo'), 'total');
    expect(expectRead(rows)).toStrictEqual(BUILTIN_RUBRIC);
  });

  test('N/A marked with x, and a blank for not allowed', () => {
    const rows = copy(base);
    set(rows, cellOf(rows, 'TIÊU CHÍ', 'K1', 'Cho phép KAD cấp xã'), 'x');
    for (const t of ['tỉnh', 'huyện', 'xã']) set(rows, cellOf(rows, 'TIÊU CHÍ', 'R1', `Cho phép KAD cấp ${t}`), null);
    expect(expectRead(rows)).toStrictEqual(BUILTIN_RUBRIC);
  });

  test('the decision words go together: one left blank is named at its cell', () => {
    const rows = copy(base);
    const cell = set(rows, keyCell(rows, 'Tỉnh'), null);
    expect(expectOneProblemAt(rows, cell)).toMatch(/ghi đủ cả ba hoặc để trống tất cả/);
  });

  test('the decision words all left blank: the rubric has none', () => {
    const rows = copy(base);
    for (const label of ['Nội dung đánh giá', 'Cơ quan chấm điểm', 'Tỉnh', 'Nơi nhận']) set(rows, keyCell(rows, label), null);
    const { decision, ...rest } = BUILTIN_RUBRIC;
    expect(decision).toBeDefined();
    expect(expectRead(rows)).toStrictEqual(rest);
  });
});

describe('the 2025 example edited by staff', () => {
  const base = rubricToRows(CDS_2025_MAU);

  test('a column named after a tier the rubric does not have is named at its cell, once', () => {
    const rows = copy(base);
    const cell = set(rows, headerCell(rows, 'TIÊU CHÍ', 'Điểm tối đa cấp xã'), 'Điểm tối đa cấp huyện');
    const message = expectOneProblemAt(rows, cell);
    expect(message).toContain('"Điểm tối đa cấp huyện"');
    expect(message).toContain('"cấp sở", "cấp xã"');
  });

  test("a tier's column left out is named at the row of column names", () => {
    const rows = copy(base);
    const at = headerCell(rows, 'HẠNG MỤC', 'Điểm tối đa cấp xã');
    for (let r = at.r; rows[r].length > 1; r++) rows[r].splice(at.c, 1);
    expect(problems(expectRefused(rows))).toEqual([
      `Trang "Tiêu chí", dòng ${at.r + 1}: phần "HẠNG MỤC" thiếu cột "Điểm tối đa cấp xã"`,
    ]);
  });

  test('a tiers section that cannot be read is named once, not again in every column per tier', () => {
    const rows = copy(base);
    const at = headerCell(rows, 'CẤP ĐÁNH GIÁ', 'Mã cấp');
    rows[at.r] = ['Danh sách cấp'];
    // Other sections still read: a mistake in one of them is said too.
    const cell = set(rows, cellOf(rows, 'SỐ LIỆU ĐẦU VÀO', 'NT2', 'Kiểu số liệu'), 'văn bản');
    expect(problems(expectRefused(rows))).toEqual([
      expect.stringMatching(new RegExp(`^Trang "Tiêu chí", ô A${at.r}: phần "CẤP ĐÁNH GIÁ" chưa có dòng tên cột`)),
      expect.stringMatching(new RegExp(`^Trang "Tiêu chí", ô ${cell}: kiểu số liệu "văn bản" không rõ`)),
    ]);
  });

  test('a cell showing a formula error is named, never read as text', () => {
    const rows = copy(base);
    const cell = set(rows, cellOf(rows, 'HẠNG MỤC', 'the_che', 'Tên hạng mục'), { error: '#REF!' });
    expect(expectOneProblemAt(rows, cell)).toContain('#REF!');
  });

  test('a "Cấp" value given to two tiers is refused at the second', () => {
    const rows = copy(base);
    const cell = set(rows, cellOf(rows, 'CẤP ĐÁNH GIÁ', 'xa', 'Giá trị cột “Cấp”'), 'xã; phường; đặc khu; cấp xã; Sở');
    expect(expectOneProblemAt(rows, cell)).toContain('"Sở"');
  });

  test('an answer of a choice input left without points is named', () => {
    const rows = copy(base);
    const cell = set(rows, cellOf(rows, 'TIÊU CHÍ', 'NT1', 'Điểm theo phương án'), 'Người đứng đầu: 100%; Cấp phó: 50%');
    expect(expectOneProblemAt(rows, cell)).toContain('"Chưa có"');
  });

  test('points given to an answer the input does not have are named', () => {
    const rows = copy(base);
    const cell = set(
      rows,
      cellOf(rows, 'TIÊU CHÍ', 'NT1', 'Điểm theo phương án'),
      'Người đứng đầu: 100%; Cấp trưởng: 50%; Chưa có: 0%',
    );
    // A misspelt answer: the unknown one and the one left without points, both at that cell.
    expect(problems(expectRefused(rows))).toEqual([
      expect.stringMatching(new RegExp(`^Trang "Tiêu chí", ô ${cell}: .*"Cấp trưởng" không phải phương án`)),
      expect.stringMatching(new RegExp(`^Trang "Tiêu chí", ô ${cell}: .*chưa cho điểm phương án "Cấp phó"`)),
    ]);
  });

  test('percent bands above 100 or out of order are refused at their cell', () => {
    const rows = copy(base);
    const high = set(rows, cellOf(rows, 'TIÊU CHÍ', 'HT3', 'Các mức cấp sở'), '≥120%: 100%; ≥50%: 50%');
    expect(expectOneProblemAt(rows, high)).toContain('120%');

    const again = copy(base);
    const order = set(again, cellOf(again, 'TIÊU CHÍ', 'HT3', 'Các mức cấp xã'), '≥50%: 50%; ≥80%: 100%');
    expect(expectOneProblemAt(again, order)).toContain('≥80%');

    const more = copy(base);
    const over = set(more, cellOf(more, 'TIÊU CHÍ', 'NL4', 'Các mức cấp xã'), '≥90%: 150%');
    expect(expectOneProblemAt(more, over)).toContain('150%');
  });

  test('bands written as points for a ratio-by-thresholds criterion, and the other way round, are explained', () => {
    const rows = copy(base);
    const cell = set(rows, cellOf(rows, 'TIÊU CHÍ', 'NT4', 'Các mức cấp sở'), '≥80%: 15; ≥50%: 10');
    expect(expectOneProblemAt(rows, cell)).toContain('tỷ lệ theo ngưỡng');
  });

  test('grades not decreasing, or not ending at 0, are refused at the bound', () => {
    const rows = copy(base);
    const cell = set(rows, cellOf(rows, 'XẾP LOẠI', 'Khá', 'Từ'), 95);
    expect(expectOneProblemAt(rows, cell)).toContain('"Khá"');

    const again = copy(base);
    const last = set(again, cellOf(again, 'XẾP LOẠI', 'Yếu', 'Từ'), 10);
    expect(expectOneProblemAt(again, last)).toContain('ngưỡng 0');
  });

  test('a grades table without its bounds column is named at its row of column names', () => {
    const rows = copy(base);
    const at = headerCell(rows, 'XẾP LOẠI', 'Từ');
    for (let r = at.r; r < at.r + 5; r++) rows[r].splice(at.c, 1);
    expect(problems(expectRefused(rows))).toEqual([expect.stringContaining(`dòng ${at.r + 1}: phần "XẾP LOẠI" thiếu cột "Từ"`)]);
  });

  test('rank by total is refused when maxima may differ, naming the category and tier', () => {
    const rows = copy(base);
    const cell = set(rows, keyCell(rows, 'Xếp thứ hạng theo'), 'tổng điểm');
    const message = expectOneProblemAt(rows, cell);
    expect(message).toContain('tỷ lệ (%)');
    expect(message).toContain('"Hoạt động kinh tế số"');
    expect(message).toContain('cấp sở');
  });

  test('rank by total by default is refused too, saying which row to add', () => {
    const rows = copy(base);
    rows.splice(keyCell(rows, 'Xếp thứ hạng theo').r, 1);
    const list = problems(expectRefused(rows));
    expect(list).toEqual([
      expect.stringMatching(/^Trang "Tiêu chí": Bộ tiêu chí phải xếp thứ hạng theo tỷ lệ.*thêm dòng "Xếp thứ hạng theo"/),
    ]);
  });

  test('a maximum that cannot be read is named once, not again in its category sum', () => {
    const rows = copy(base);
    const cell = set(rows, cellOf(rows, 'TIÊU CHÍ', 'NT2', 'Điểm tối đa cấp sở'), 'không tính điểm');
    expect(expectOneProblemAt(rows, cell)).toContain('là một số');
  });

  test('an area tier named in "Cấp của nhóm" that the rubric does not have is named at its cell', () => {
    const rows = copy(base);
    set(rows, cellOf(rows, 'CẤP ĐÁNH GIÁ', 'xa', 'Từ mở đầu dòng nhóm'), 'huyện; thành phố');
    set(rows, cellOf(rows, 'CẤP ĐÁNH GIÁ', 'xa', 'Tên cột nhóm'), 'Thuộc huyện');
    const cell = set(rows, cellOf(rows, 'CẤP ĐÁNH GIÁ', 'xa', 'Cấp của nhóm'), 'cấp huyện');
    expect(expectOneProblemAt(rows, cell)).toContain('"cấp sở", "cấp xã"');
  });

  test('an unknown rank rule is named at its cell', () => {
    const rows = copy(base);
    const cell = set(rows, keyCell(rows, 'Xếp thứ hạng theo'), 'điểm trung bình');
    expect(expectOneProblemAt(rows, cell)).toContain('"tỷ lệ (%)"');
  });

  test('a criterion scoring nothing given a maximum is told what to write', () => {
    const rows = copy(base);
    const cell = set(rows, cellOf(rows, 'TIÊU CHÍ', 'IF1', 'Điểm tối đa cấp sở'), 10);
    expect(expectOneProblemAt(rows, cell)).toContain('"không tính điểm"');
  });

  test('a choice input given no answers is named at its cell', () => {
    const rows = copy(base);
    const cell = set(rows, cellOf(rows, 'SỐ LIỆU ĐẦU VÀO', 'NL5', 'Các phương án'), null);
    expect(expectOneProblemAt(rows, cell)).toContain('NL5');
  });

  test('"x" in the maximum of a criterion scoring nothing says the tier collects it', () => {
    const rows = copy(base);
    set(rows, cellOf(rows, 'TIÊU CHÍ', 'IF1', 'Điểm tối đa cấp sở'), 'x');
    set(rows, cellOf(rows, 'TIÊU CHÍ', 'IF1', 'Điểm tối đa cấp xã'), null);
    const read = expectRead(rows);
    expect(read.criteria.find((c) => c.code === 'IF1')!.tiers).toEqual({ so: {} });
  });
});

describe('a digital-transformation index typed by hand', () => {
  // What a department types from scratch: few optional columns, words in their own spelling,
  // percents as 80, "80%" or a cell formatted as a percentage.
  const typed: CellValue[][] = [
    ['Bộ chỉ số chuyển đổi số năm 2026'],
    ['Mã bộ tiêu chí', 'dti-2026'],
    ['Tên bộ tiêu chí', 'Bộ chỉ số đánh giá chuyển đổi số năm 2026'],
    ['Xếp thứ hạng theo', 'Tỉ lệ'],
    ['Nội dung đánh giá', 'đánh giá, xếp loại mức độ chuyển đổi số năm 2026'],
    ['Cơ quan chấm điểm', 'Sở Khoa học và Công nghệ'],
    ['Tỉnh', 'Thái Nguyên'],
    [],
    ['CẤP ĐÁNH GIÁ'],
    ['Mã cấp', 'Tên cấp', 'Cách gọi trong câu', 'Giá trị cột "Cấp"', 'Cụm từ dòng mục'],
    ['so', 'Sở, ban, ngành', 'cấp sở', 'Sở; Ban; Ngành', 'sở, ban, ngành'],
    ['xa', 'Xã, phường', 'cấp xã', 'Xã\nPhường', 'xã, phường'],
    [],
    ['HẠNG MỤC'],
    ['Mã', 'Tên hạng mục', 'Tên viết tắt', 'Điểm tối đa Sở, ban, ngành', 'Điểm tối đa xa'],
    ['the_che', 'Thể chế số', 'TCS', 40, 40],
    ['ha_tang', 'Hạ tầng số', 'HTS', 60, 30],
    [],
    ['SỐ LIỆU ĐẦU VÀO'],
    ['Mã số liệu', 'Tên số liệu', 'Kiểu', 'Các phương án'],
    ['TB', 'Trưởng ban chỉ đạo chuyển đổi số', 'Lựa chọn', 'Chủ tịch UBND; Phó Chủ tịch UBND; Không có'],
    ['KH', 'Có kế hoạch chuyển đổi số', 'Có / Không'],
    ['MT', 'Tổng số máy tính', 'Số lượng'],
    ['MTK', 'Số máy tính kết nối mạng chuyên dùng', 'số lượng'],
    ['TT', 'Số thủ tục hành chính đang tiếp nhận', 'số lượng'],
    [],
    ['TIÊU CHÍ'],
    [
      'Mã tiêu chí',
      'Hạng mục',
      'Tên tiêu chí',
      'Cách tính',
      'Số liệu',
      'Số liệu tổng',
      'Điểm theo phương án',
      'Điểm tối đa cấp sở',
      'Điểm tối đa cấp xã',
      'Các mức cấp sở',
      'Các mức cấp xã',
      'Cho phép KAD cấp sở',
    ],
    [
      'C1',
      'Thể chế số',
      'Trưởng ban chỉ đạo',
      'Lựa chọn',
      'TB',
      null,
      'Chủ tịch UBND: 100%; Phó Chủ tịch UBND: 50; Không có: 0 %',
      20,
      20,
    ],
    ['C2', 'TCS', 'Kế hoạch chuyển đổi số', 'Có / Không', 'KH', null, null, '20', 20],
    [
      'C3',
      'ha_tang',
      'Máy tính kết nối mạng chuyên dùng',
      'Tỉ lệ theo ngưỡng',
      'MTK',
      'MT',
      null,
      60,
      30,
      '≥ 80%: 100%; ≥50: 50%',
      '≥80 % : 100 %\n≥ 50%: 50%',
      'x',
    ],
    ['C4', 'ha_tang', 'Thủ tục hành chính đang tiếp nhận', 'Không tính điểm', 'TT', null, null, 'không tính điểm'],
    [],
    ['XẾP LOẠI'],
    ['Xếp loại', 'Từ'],
    ['Tốt', 0.9],
    ['Khá', '70%'],
    ['Trung bình', 50],
    ['Yếu', 0],
  ];

  const expected: Rubric = {
    id: 'dti-2026',
    name: 'Bộ chỉ số đánh giá chuyển đổi số năm 2026',
    rankBy: 'percent',
    decision: {
      subject: 'đánh giá, xếp loại mức độ chuyển đổi số năm 2026',
      department: 'Sở Khoa học và Công nghệ',
      province: 'Thái Nguyên',
    },
    tiers: [
      {
        id: 'so',
        name: 'Sở, ban, ngành',
        phrase: 'cấp sở',
        cellValues: ['Sở', 'Ban', 'Ngành'],
        sectionPhrases: ['sở, ban, ngành'],
      },
      { id: 'xa', name: 'Xã, phường', phrase: 'cấp xã', cellValues: ['Xã', 'Phường'], sectionPhrases: ['xã, phường'] },
    ],
    categories: [
      { id: 'the_che', name: 'Thể chế số', short: 'TCS', max: { so: 40, xa: 40 } },
      { id: 'ha_tang', name: 'Hạ tầng số', short: 'HTS', max: { so: 60, xa: 30 } },
    ],
    inputs: [
      {
        code: 'TB',
        name: 'Trưởng ban chỉ đạo chuyển đổi số',
        type: 'choice',
        answers: ['Chủ tịch UBND', 'Phó Chủ tịch UBND', 'Không có'],
      },
      { code: 'KH', name: 'Có kế hoạch chuyển đổi số', type: 'yesno' },
      { code: 'MT', name: 'Tổng số máy tính', type: 'count' },
      { code: 'MTK', name: 'Số máy tính kết nối mạng chuyên dùng', type: 'count' },
      { code: 'TT', name: 'Số thủ tục hành chính đang tiếp nhận', type: 'count' },
    ],
    criteria: [
      {
        code: 'C1',
        category: 'the_che',
        name: 'Trưởng ban chỉ đạo',
        kind: 'choice',
        input: 'TB',
        answers: [
          { answer: 'Chủ tịch UBND', percent: 100 },
          { answer: 'Phó Chủ tịch UBND', percent: 50 },
          { answer: 'Không có', percent: 0 },
        ],
        tiers: { so: { max: 20 }, xa: { max: 20 } },
      },
      {
        code: 'C2',
        category: 'the_che',
        name: 'Kế hoạch chuyển đổi số',
        kind: 'yesno',
        input: 'KH',
        tiers: { so: { max: 20 }, xa: { max: 20 } },
      },
      {
        code: 'C3',
        category: 'ha_tang',
        name: 'Máy tính kết nối mạng chuyên dùng',
        kind: 'ratioBands',
        part: 'MTK',
        total: 'MT',
        tiers: {
          so: {
            max: 60,
            allowNA: true,
            percentBands: [
              { min: 80, percent: 100 },
              { min: 50, percent: 50 },
            ],
          },
          xa: {
            max: 30,
            percentBands: [
              { min: 80, percent: 100 },
              { min: 50, percent: 50 },
            ],
          },
        },
      },
      {
        code: 'C4',
        category: 'ha_tang',
        name: 'Thủ tục hành chính đang tiếp nhận',
        kind: 'info',
        input: 'TT',
        tiers: { so: {} },
      },
    ],
    grades: [
      { name: 'Tốt', min: 90 },
      { name: 'Khá', min: 70 },
      { name: 'Trung bình', min: 50 },
      { name: 'Yếu', min: 0 },
    ],
  };

  test('reads into the rubric the department meant', () => {
    expect(expectRead(copy(typed))).toStrictEqual(expected);
  });

  test('the full example of docs/trang-tieu-chi.md, typed as its tables show, reads into the same rubric', async () => {
    const doc = await fs.readFile(path.join(__dirname, '..', 'docs', 'trang-tieu-chi.md'), 'utf8');
    const example = doc.slice(doc.indexOf('## 15.'), doc.indexOf('## 16.'));
    expect(example.length).toBeGreaterThan(0);
    const rows: CellValue[][] = [];
    for (const line of example.split('\n')) {
      const title = /^\*\*(.+)\*\*$/.exec(line.trim());
      if (title) rows.push([], [title[1]]);
      if (!line.startsWith('|') || /^\|[-| ]+\|$/.test(line)) continue;
      const cells = line
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim());
      // The sheet at the top is drawn with row numbers and column letters: keep what is in A and B.
      if (/^\d+$/.test(cells[0])) rows.push(cells.slice(1));
      else if (cells[0] !== '') rows.push(cells.map((c) => (c === '' ? null : c)));
    }
    expect(expectRead(rows)).toStrictEqual(expected);
  });

  test('compiles into two tiers that score as written', () => {
    const compiled = compileRubric(expectRead(copy(typed)));
    expect(compiled.tierList.map((t) => [t.id, t.name, t.maxCents])).toEqual([
      ['so', 'Sở, ban, ngành', 10000],
      ['xa', 'Xã, phường', 7000],
    ]);
    expect(compiled.tiers.so.criteria.map((c) => c.code)).toEqual(['C1', 'C2', 'C3', 'C4']);
    expect(compiled.tiers.xa.criteria.map((c) => c.code)).toEqual(['C1', 'C2', 'C3']);
    expect(compiled.tiers.so.criteria[0].answerPercents).toEqual([100, 50, 0]);
    expect(compiled.tiers.so.criteria[2].percentBands).toEqual([
      { min: 80n, percent: 100 },
      { min: 50n, percent: 50 },
    ]);
    expect(compiled.tiers.so.criteria[3].scores).toBe(false);
    expect(compiled.rankBy).toBe('percent');
    expect(compiled.showsMax).toBe(true);
    expect(compiled.grades.map((g) => g.min)).toEqual([90, 70, 50, 0]);
    expect(compiled.tierByCell.get('phường')).toBe('xa');
  });

  test('written back out and read again, it is the same rubric', () => {
    expect(expectRead(rubricToRows(expectRead(copy(typed))))).toStrictEqual(expected);
  });

  test('from a real .xlsx file with grades in cells formatted as percentages, 100% included', async () => {
    const rows = copy(typed);
    const top = titleRow(rows, 'XẾP LOẠI') + 2;
    rows.splice(top, 0, ['Xuất sắc', 1]);
    const grid = await throughXlsx(rows, (ws) => {
      for (let r = top; r < top + 5; r++) ws.getCell(r + 1, 2).numFmt = '0%';
      ws.getCell(top + 2, 2).value = 0.9;
      ws.getCell(top + 3, 2).value = 0.7;
      ws.getCell(top + 4, 2).value = 0.5;
    });
    const read = rubricFromGrid(grid);
    if (!read.ok) throw new Error(read.message);
    expect(read.rubric.grades).toEqual([{ name: 'Xuất sắc', min: 100 }, ...expected.grades!]);
  });

  test('typed in a file written by another program (openpyxl), grades formatted as percentages', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tieu-chi-'));
    const file = path.join(dir, 'dti.xlsx');
    try {
      const script = [
        'import json, sys, openpyxl',
        'rows = json.load(sys.stdin)',
        'wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Tiêu chí"',
        'for r, row in enumerate(rows, 1):',
        '    for c, v in enumerate(row, 1):',
        '        if v is not None: ws.cell(r, c, v)',
        // Grades typed as 90 %, 70 %… in cells formatted as percentages: the file holds 0.9, 0.7…
        'top = [r for r, row in enumerate(rows, 1) if row and row[0] == "Xếp loại"][0]',
        'for r, v in zip(range(top + 1, top + 5), [0.9, 0.7, 0.5, 0]):',
        '    ws.cell(r, 2, v).number_format = "0%"',
        'wb.save(sys.argv[1])',
      ].join('\n');
      // Debian's python3-openpyxl, by the system interpreter.
      execFileSync('/usr/bin/python3', ['-c', script, file], { input: JSON.stringify(typed) });
      const read = rubricFromGrid(await gridOfFile(file));
      if (!read.ok) throw new Error(read.message);
      expect(read.rubric).toStrictEqual(expected);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  test('ranking by total is refused for it, naming the category and the tier', () => {
    const rows = copy(typed);
    const cell = set(rows, keyCell(rows, 'Xếp thứ hạng theo'), 'tổng điểm');
    const message = expectOneProblemAt(rows, cell);
    expect(message).toContain('"Hạ tầng số"');
    expect(message).toContain('cấp sở');
  });

  test('a tier declared with no criterion of its own is named at its row', () => {
    const rows = copy(typed);
    const tiers = titleRow(rows, 'CẤP ĐÁNH GIÁ');
    rows.splice(tiers + 4, 0, ['tt', 'Trung tâm', 'cấp trung tâm', 'Trung tâm', 'trung tâm']);
    for (const title of ['HẠNG MỤC', 'TIÊU CHÍ']) rows[titleRow(rows, title) + 1].push('Điểm tối đa cấp trung tâm');
    const message = expectOneProblemAt(rows, a1(tiers + 4, 0));
    expect(message).toContain('Trung tâm');
  });

  test('a tier written only in its own section is named in the column titles of the others', () => {
    const rows = copy(typed);
    const cell = set(rows, headerCell(rows, 'TIÊU CHÍ', 'Điểm tối đa cấp xã'), 'Điểm tối đa cấp phường');
    expect(expectOneProblemAt(rows, cell)).toContain('cấp phường');
  });
});

describe('a rubric of another year, on the 2018 tiers', () => {
  const custom: Rubric = {
    id: 'thu-nghiem-2025',
    name: 'Bộ tiêu chí thử nghiệm',
    tiers: BAC_KAN_2018.tiers,
    inputs: [
      { code: 'A1', name: 'Tổng số hồ sơ', type: 'count' },
      { code: 'A2', name: 'Số hồ sơ trực tuyến', type: 'count' },
      { code: 'A3', name: 'Số hồ sơ trả trực tuyến', type: 'count' },
      { code: 'B', name: 'Có cổng thông tin', type: 'yesno' },
      { code: 'C', name: 'Điểm tự đánh giá', type: 'points' },
      { code: 'D', name: 'Số dịch vụ', type: 'count' },
    ],
    categories: [
      // Two categories with the same short name: criteria must still find their own.
      { id: 'ht', name: 'Hạ tầng', short: 'HT', max: { province: 10, district: 10, commune: 14.5 } },
      { id: 'dv', name: 'Dịch vụ', short: 'HT', max: { province: 12, district: 2.25, commune: 3 } },
    ],
    criteria: [
      {
        code: 'T1',
        category: 'ht',
        name: 'Tỷ lệ hồ sơ trực tuyến',
        kind: 'ratio',
        part: 'A2',
        total: 'A1',
        tiers: { province: { max: 10 }, district: { max: 10 }, commune: { max: 10 } },
      },
      {
        code: 'T2',
        category: 'ht',
        name: 'Cổng thông tin (chỉ cấp xã)',
        kind: 'yesno',
        input: 'B',
        tiers: { commune: { max: 4.5, allowNA: true } },
      },
      {
        code: 'T3',
        category: 'dv',
        name: 'Dịch vụ công',
        kind: 'bands',
        input: 'D',
        tiers: {
          province: {
            max: 8,
            bands: [
              { min: 1000, points: 8 },
              { min: 10, points: 2.5 },
            ],
          },
          commune: { max: 3, bands: [{ min: 0, points: 3 }] },
        },
      },
      {
        code: 'T4',
        category: 'dv',
        name: 'Tự chấm',
        kind: 'points',
        input: 'C',
        tiers: { province: { max: 4 }, district: { max: 2.25, allowNA: true } },
      },
    ],
    rules: [{ part: 'A3', total: 'A2' }],
    // Hạ tầng may be wholly not applicable to a commune (a ratio and an N/A-able yes/no): maxima differ.
    rankBy: 'percent',
    levels: [
      { level: 1, categoryThreshold: 80, criterionMinimum: 60 },
      { level: 2, categoryThreshold: 50, criterionMinimum: 25 },
      { level: 3, categoryThreshold: 30, criterionMinimum: 0 },
    ],
  };

  test('is itself a valid rubric', () => {
    expect(parseRubric(custom).ok).toBe(true);
  });

  test('round-trips through the sheet, tier-only criteria and extra rules included', () => {
    const read = expectRead(rubricToRows(custom));
    expect(read).toStrictEqual(custom);
    const compiled = compileRubric(read);
    expect(compiled.tiers.province.criteria.map((c) => c.code)).toEqual(['T1', 'T3', 'T4']);
    expect(compiled.tierlessRules).toContainEqual(expect.objectContaining({ part: 'A3', total: 'A2' }));
    expect(compiled).toEqual(compileRubric(custom));
  });

  test('round-trips through a real .xlsx file', async () => {
    const read = rubricFromGrid(await throughXlsx(rubricToRows(custom)));
    if (!read.ok) throw new Error(read.message);
    expect(read.rubric).toStrictEqual(custom);
  });

  test('a rule naming an unknown input is refused at its cell', () => {
    const rows = rubricToRows(custom);
    const cell = set(rows, cellOf(rows, 'QUY TẮC KIỂM TRA', 'A3', 'Không được lớn hơn'), 'A9');
    expectOneProblemAt(rows, cell);
  });
});

describe('rubric JSON files', () => {
  test('text that is not JSON is refused, naming the file', () => {
    const loaded = rubricFromJsonText('{ "id": "x", ', 'tieu-chi.json');
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.message).toContain('tieu-chi.json');
  });

  test('a rubric that does not add up is refused, naming the path', () => {
    const data = structuredClone(BUILTIN_RUBRIC);
    data.categories[1].max.commune = 52;
    const loaded = rubricFromJsonText(JSON.stringify(data), 'tieu-chi.json');
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      expect(loaded.message).toContain('categories[1].max.commune');
      expect(loaded.message).toContain('tieu-chi.json');
    }
  });
});
