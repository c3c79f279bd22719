/**
 * The "Tiêu chí" sheet (docs/trang-tieu-chi.md) and rubric JSON files: every built-in rubric
 * written out and read back is unchanged, a rubric typed by hand is understood, a sheet of the
 * first layout still reads, and a rubric that does not add up is refused naming the cell.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { BUILTIN_RUBRIC } from '../src/rubric/builtin';
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
  const t = titleRow(rows, title);
  const header = t + 1;
  const c = rows[header].findIndex((v) => text(v) === normLabel(column));
  let r = header + 1;
  while (r < rows.length && rows[r][0] !== firstCell) r++;
  if (c < 0 || r >= rows.length) throw new Error(`no cell ${firstCell}/${column} in ${title}`);
  return { r, c };
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

function expectRead(rows: CellValue[][]): Rubric {
  const read = rubricFromGrid(sheet(rows));
  if (!read.ok) throw new Error(read.message);
  return read.rubric;
}

describe('built-in rubric through the sheet', () => {
  const rows = rubricToRows(BUILTIN_RUBRIC);

  test('reads back exactly the built-in rubric', () => {
    const read = expectRead(rows);
    expect(read).toEqual(BUILTIN_RUBRIC);
    expect(read).toStrictEqual(BUILTIN_RUBRIC);
  });

  test('scores the same way: same maxima, bands, N/A and rules per tier', () => {
    expect(compileRubric(expectRead(rows))).toEqual(compileRubric(BUILTIN_RUBRIC));
  });

  test('is written in Vietnamese words a civil servant can read', () => {
    const all = rows.flat().filter((v): v is string => typeof v === 'string');
    for (const title of ['HẠNG MỤC', 'SỐ LIỆU ĐẦU VÀO', 'TIÊU CHÍ', 'QUY TẮC KIỂM TRA', 'MỨC XẾP HẠNG']) titleRow(rows, title);
    // Kinds and types are Vietnamese words, never the English ids.
    for (const id of ['ratio', 'yesno', 'bands', 'best', 'points', 'count']) expect(all).not.toContain(id);
    const k1 = cellOf(rows, 'TIÊU CHÍ', 'K1', 'Các mức cấp xã');
    expect(rows[k1.r][k1.c]).toMatch(/^≥50: 6; ≥20: 4; ≥1: 2; ≥0: 0$/);
  });
});

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

    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(file);
    const read = back.getWorksheet(RUBRIC_SHEET)!;
    const grid: CellValue[][] = [];
    for (let r = 1; r <= read.rowCount; r++) {
      const row = read.getRow(r);
      grid.push(Array.from({ length: row.cellCount }, (_, c) => fromExcel(row.getCell(c + 1).value)));
    }
    return { name: read.name, rows: grid, merges: [] };
  } finally {
    await fs.rm(path.dirname(file), { recursive: true, force: true });
  }
}

describe('through a real .xlsx file', () => {
  test('the built-in rubric written with ExcelJS and read back is unchanged', async () => {
    const grid = await throughXlsx(rubricToRows(BUILTIN_RUBRIC));
    expect(grid.name).toBe(RUBRIC_SHEET);
    const read = rubricFromGrid(grid);
    if (!read.ok) throw new Error(read.message);
    expect(read.rubric).toStrictEqual(BUILTIN_RUBRIC);
  });

  test('a maximum computed by a formula counts by its cached result', async () => {
    const rows = rubricToRows(BUILTIN_RUBRIC);
    const at = cellOf(rows, 'HẠNG MỤC', 'readiness', 'Điểm tối đa cấp tỉnh');
    const grid = await throughXlsx(rows, (ws) => {
      ws.getCell(at.r + 1, at.c + 1).value = { formula: '40+8', result: 48 };
    });
    const read = rubricFromGrid(grid);
    if (!read.ok) throw new Error(read.message);
    expect(read.rubric).toStrictEqual(BUILTIN_RUBRIC);
  });
});

describe('a sheet edited by staff', () => {
  const base = rubricToRows(BUILTIN_RUBRIC);

  test('a category maximum that no longer adds up is refused at its cell', () => {
    const rows = copy(base);
    const cell = set(rows, cellOf(rows, 'HẠNG MỤC', 'readiness', 'Điểm tối đa cấp tỉnh'), 50);
    const message = expectRefused(rows);
    expect(message).toContain(`Trang "Tiêu chí", ô ${cell}:`);
    expect(message).toContain('48'); // what the criteria add up to
  });

  test('a criterion maximum changed alone makes its category not add up', () => {
    const rows = copy(base);
    set(rows, cellOf(rows, 'TIÊU CHÍ', 'R1', 'Điểm tối đa cấp huyện'), 7);
    const category = cellOf(rows, 'HẠNG MỤC', 'readiness', 'Điểm tối đa cấp huyện');
    expect(expectRefused(rows)).toContain(`ô ${a1(category.r, category.c)}:`);
  });

  test('an unknown input code in a criterion is refused at its cell', () => {
    const rows = copy(base);
    const cell = set(rows, cellOf(rows, 'TIÊU CHÍ', 'R2', 'Số liệu tổng'), 'R9z');
    const message = expectRefused(rows);
    expect(message).toContain(`ô ${cell}:`);
    expect(message).toContain('R9z');
  });

  test('bands out of order are refused at their cell', () => {
    const rows = copy(base);
    const cell = set(rows, cellOf(rows, 'TIÊU CHÍ', 'K1', 'Các mức cấp xã'), '≥20: 4; ≥50: 6; ≥1: 2; ≥0: 0');
    expect(expectRefused(rows)).toContain(`ô ${cell}:`);
  });

  test('every problem is named in one message, each at its cell', () => {
    const rows = copy(base);
    const kind = set(rows, cellOf(rows, 'TIÊU CHÍ', 'R3', 'Cách tính'), 'đếm ngược');
    const num = set(rows, cellOf(rows, 'TIÊU CHÍ', 'K2', 'Điểm tối đa cấp tỉnh'), 'mười');
    const yes = set(rows, cellOf(rows, 'TIÊU CHÍ', 'K8', 'Cho phép KAD cấp xã'), 'có lẽ');
    const message = expectRefused(rows);
    for (const cell of [kind, num, yes]) expect(message).toContain(`Trang "Tiêu chí", ô ${cell}:`);
    expect(message).toContain('đếm ngược');
    expect(message).toContain('mười');
    // Only the sheet's words: no English messages from underneath.
    expect(message).not.toMatch(/Invalid|expected|received/);
  });

  test("an input of the wrong type is explained in the sheet's own words", () => {
    const rows = copy(base);
    const cell = set(rows, cellOf(rows, 'TIÊU CHÍ', 'R1', 'Số liệu'), 'R3');
    const message = expectRefused(rows);
    expect(message).toContain(`ô ${cell}:`);
    expect(message).toContain('có/không');
    expect(message).not.toMatch(/\b(count|yesno|ratio)\b/);
  });

  test('a level percentage formatted as % in Excel (0,9) is refused with a hint', () => {
    const rows = copy(base);
    const cell = set(rows, cellOf(rows, 'MỨC XẾP HẠNG', 'Mức 1', 'Ngưỡng hạng mục'), 0.9);
    const message = expectRefused(rows);
    expect(message).toContain(`ô ${cell}:`);
    expect(message).toContain('90%');
  });

  test('a sheet named "Tiêu chí" that holds something else says how to fall back to the built-in rubric', () => {
    const message = expectRefused([['Danh sách tiêu chí cần rà soát'], ['R1', 'Đã xem']]);
    expect(message).toContain('Tiêu chí');
    expect(message).toMatch(/xóa trang này/);
  });

  test('a missing section is named', () => {
    const rows = copy(base);
    const t = titleRow(rows, 'MỨC XẾP HẠNG');
    rows.splice(t, 6);
    expect(expectRefused(rows)).toContain('MỨC XẾP HẠNG');
  });

  test('a missing column is named at its row of column names', () => {
    const rows = copy(base);
    const at = cellOf(rows, 'SỐ LIỆU ĐẦU VÀO', 'R1a', 'Kiểu số liệu');
    for (let r = at.r - 1; r < rows.length && rows[r].length > 1; r++) rows[r].splice(at.c, 1);
    const message = expectRefused(rows);
    expect(message).toContain(`dòng ${at.r}`);
    expect(message).toContain('Kiểu số liệu');
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
    const crit = titleRow(rows, 'TIÊU CHÍ');
    const first = crit + 2;
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

  test('kinds and types written as English ids are accepted', () => {
    const rows = copy(base);
    for (const c of BUILTIN_RUBRIC.criteria) set(rows, cellOf(rows, 'TIÊU CHÍ', c.code, 'Cách tính'), c.kind);
    for (const i of BUILTIN_RUBRIC.inputs) set(rows, cellOf(rows, 'SỐ LIỆU ĐẦU VÀO', i.code, 'Kiểu số liệu'), i.type);
    expect(expectRead(rows)).toStrictEqual(BUILTIN_RUBRIC);
  });

  test('N/A marked with x, and a blank for not allowed', () => {
    const rows = copy(base);
    set(rows, cellOf(rows, 'TIÊU CHÍ', 'K1', 'Cho phép KAD cấp xã'), 'x');
    for (const t of ['tỉnh', 'huyện', 'xã']) set(rows, cellOf(rows, 'TIÊU CHÍ', 'R1', `Cho phép KAD cấp ${t}`), null);
    expect(expectRead(rows)).toStrictEqual(BUILTIN_RUBRIC);
  });
});

describe('a rubric of another year', () => {
  const custom: Rubric = {
    id: 'thu-nghiem-2025',
    name: 'Bộ tiêu chí thử nghiệm',
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
    expect(compiled.tiers.commune.rules).toContainEqual(expect.objectContaining({ part: 'A3', total: 'A2' }));
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
    expect(expectRefused(rows)).toContain(`ô ${cell}:`);
  });
});

describe('rubric JSON files', () => {
  test('the built-in rubric as JSON loads and compiles like the built-in one', () => {
    const loaded = rubricFromJsonText(JSON.stringify(BUILTIN_RUBRIC), 'tieu-chi.json');
    if (!loaded.ok) throw new Error(loaded.message);
    expect(loaded.rubric.rubric).toStrictEqual(BUILTIN_RUBRIC);
    expect(loaded.rubric).toEqual(compileRubric(BUILTIN_RUBRIC));
  });

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
