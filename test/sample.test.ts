/**
 * The bundled sample (examples/bac-kan-2018.xlsx) scores to the figures of the Steering
 * Committee's notice of 09/04/2019, and the committed files are what the generator writes now.
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ResultJson, UnitJson, resultJson } from '../src/report/resultJson';
import { BUILTIN_RUBRIC } from '../src/rubric/builtin';
import { buildSampleWorkbook } from '../src/sample/sampleData';
import { writeSampleXlsx } from '../src/sample/writeSampleXlsx';
import type { CellValue, Grid, MergedArea } from '../src/sheet/grid';
import { scoreWorkbook } from '../src/scoring/scoreWorkbook';

const EXAMPLES = path.join(__dirname, '..', 'examples');
const SAMPLE_2018 = path.join(EXAMPLES, 'bac-kan-2018.xlsx');
const SAMPLE_2019 = path.join(EXAMPLES, 'bac-kan-2019.xlsx');

// --- reading an .xlsx into grids (kept local so this test checks the file on its own)

function cellValue(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('error' in v) return { error: String(v.error) };
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return cellValue((v as { result?: ExcelJS.CellValue }).result);
  if ('text' in v && typeof v.text === 'string') return v.text;
  return null;
}

function area(ref: string): MergedArea {
  const [a, b = a] = ref.split(':');
  const at = (s: string) => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(s)!;
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return { r: Number(m[2]) - 1, c: col };
  };
  const p = at(a);
  const q = at(b);
  return { top: p.r, left: p.c, bottom: q.r, right: q.c };
}

function sheetGrid(ws: ExcelJS.Worksheet): Grid {
  const rows: CellValue[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: CellValue[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = row.getCell(c);
      cells.push(cell.type === ExcelJS.ValueType.Merge ? null : cellValue(cell.value));
    }
    rows.push(cells);
  }
  const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).map(area);
  return { name: ws.name, rows, merges };
}

async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function score(sheets: Grid[]): ResultJson {
  const outcome = scoreWorkbook({ sheets });
  if (!outcome.ok) throw new Error(outcome.message);
  return resultJson(outcome.result);
}

async function scoreFile(file: string): Promise<ResultJson> {
  return score((await readWorkbook(file)).worksheets.map(sheetGrid));
}

// --- small helpers over the result

type Category = { score: number | null; level: number | null };
const category = (u: UnitJson, id: string): Category => ({
  score: u.categories[id]?.score ?? null,
  level: u.categories[id]?.level ?? null,
});
const readiness = (u: UnitJson) => category(u, 'readiness');
const results = (u: UnitJson) => category(u, 'results');
const rankedIn = (u: UnitJson) => [readiness(u).level !== null, results(u).level !== null].filter(Boolean).length;
const scored = (r: ResultJson, tier: string) => r.units.filter((u) => u.tier === tier && u.status === 'scored');
const cents = (x: number) => Math.round(x * 100);
/** docs/cach-cham-diem.md, "Tính chính xác đến phần trăm điểm": roundHalfUp(p / q) = floor((2p + q) / 2q). */
const wholePercent = (part: number, whole: number) => Math.floor((2 * 100 * part + whole) / (2 * whole));
const best = (units: UnitJson[]) => units.reduce((a, b) => (b.total! > a.total! ? b : a));
const unit = (r: ResultJson, name: string) => r.units.find((u) => u.name === name)!;

/** The notice's 14 units without a report, with their district. */
const NOTICE_MISSING = [
  ['Thanh tra tỉnh', null],
  ['Xã Dương Quang', 'Thành phố Bắc Kạn'],
  ['Xã Nông Thượng', 'Thành phố Bắc Kạn'],
  ['Xã Chu Hương', 'Huyện Ba Bể'],
  ['Xã Lục Bình', 'Huyện Bạch Thông'],
  ['Xã Vi Hương', 'Huyện Bạch Thông'],
  ['Xã Vũ Muộn', 'Huyện Bạch Thông'],
  ['Xã Cao Sơn', 'Huyện Bạch Thông'],
  ['Thị trấn Chợ Mới', 'Huyện Chợ Mới'],
  ['Xã Quảng Chu', 'Huyện Chợ Mới'],
  ['Xã Thanh Bình', 'Huyện Chợ Mới'],
  ['Xã Yên Đĩnh', 'Huyện Chợ Mới'],
  ['Thị trấn Nà Phặc', 'Huyện Ngân Sơn'],
  ['Xã Cốc Đán', 'Huyện Ngân Sơn'],
];

describe('examples/bac-kan-2018.xlsx gives the figures of the 2019 notice', () => {
  let result: ResultJson;
  beforeAll(async () => {
    result = await scoreFile(SAMPLE_2018);
  });

  test('150 units on the "Tổng hợp" sheet, 14 without a report, 136 evaluated, no errors', () => {
    expect(result.rubric).toBe('bac-kan-2018');
    expect(result.sheet).toBe('Tổng hợp');
    expect(result.units).toHaveLength(150);
    const missing = result.units.filter((u) => u.status === 'missing');
    expect(missing.map((u) => [u.name, u.district]).sort()).toEqual([...NOTICE_MISSING].sort());
    expect(result.units.filter((u) => u.status === 'scored')).toHaveLength(136);
    expect(result.units.filter((u) => u.status === 'error')).toHaveLength(0);
    const severities = new Set(result.units.flatMap((u) => u.issues.map((i) => i.severity)));
    expect([...severities]).toEqual(['warning']);
    expect(result.units.flatMap((u) => u.issues).every((i) => i.code === 'missing_entry')).toBe(true);
  });

  test('units without a report appear both as name-only rows and only on the list', () => {
    const missing = result.units.filter((u) => u.status === 'missing');
    expect(missing.filter((u) => u.row === null).map((u) => u.name)).toContain('Thanh tra tỉnh');
    expect(missing.filter((u) => u.row !== null).length).toBeGreaterThan(0);
    expect(missing.filter((u) => u.row === null).length).toBeGreaterThan(1);
  });

  test('tiers: 19 agencies, 8 districts, 109 communes scored; communes grouped by district', () => {
    expect(scored(result, 'province')).toHaveLength(19);
    expect(scored(result, 'district')).toHaveLength(8);
    expect(scored(result, 'commune')).toHaveLength(109);
    const perDistrict = new Map<string, number>();
    for (const u of result.units.filter((x) => x.tier === 'commune')) {
      perDistrict.set(u.district!, (perDistrict.get(u.district!) ?? 0) + 1);
    }
    expect(Object.fromEntries(perDistrict)).toEqual({
      'Thành phố Bắc Kạn': 8,
      'Huyện Ba Bể': 16,
      'Huyện Bạch Thông': 17,
      'Huyện Chợ Đồn': 22,
      'Huyện Chợ Mới': 16,
      'Huyện Na Rì': 22,
      'Huyện Ngân Sơn': 11,
      'Huyện Pác Nặm': 10,
    });
  });

  test('agencies: 11/19 (58%) not ranked in either category, 4/19 in both, 4 in one; best 96,05 (89%)', () => {
    const agencies = scored(result, 'province');
    expect(agencies.filter((u) => rankedIn(u) === 0)).toHaveLength(11);
    expect(wholePercent(11, 19)).toBe(58);
    expect(agencies.filter((u) => rankedIn(u) === 2)).toHaveLength(4);
    expect(agencies.filter((u) => rankedIn(u) === 1)).toHaveLength(4);
    const top = best(agencies);
    expect(top.total).toBe(96.05);
    expect(top.percent).toBe(88.94);
    expect(wholePercent(cents(top.total!), 10800)).toBe(89);
    expect(agencies.filter((u) => u.total === top.total)).toHaveLength(1);
  });

  test('Sở Tài chính is the best agency, as in the command-line example', () => {
    const u = unit(result, 'Sở Tài chính');
    expect(u).toMatchObject({
      tier: 'province',
      status: 'scored',
      categories: {
        readiness: { score: 44.5, max: 48, applicable: true, level: 2 },
        results: { score: 51.55, max: 60, applicable: true, level: null },
      },
      total: 96.05,
      max: 108,
      percent: 88.94,
      grade: null,
      rank: 1,
    });
    expect(u.criteria!.R1).toEqual({ points: 8, applicable: true });
    expect(u.criteria!.K8).toEqual({ points: 6, applicable: true });
    expect(u.issues).toEqual([expect.objectContaining({ code: 'missing_entry', input: 'K7', severity: 'warning' })]);
  });

  test.each(['Sở Khoa học và Công nghệ', 'Sở Tài nguyên và Môi trường'])(
    '%s: high on one criterion, below the minimum on another, so not ranked',
    (name) => {
      const u = unit(result, name);
      expect(rankedIn(u)).toBe(0);
      const maxima = Object.fromEntries(BUILTIN_RUBRIC.criteria.map((c) => [c.code, c.tiers.province!.max]));
      for (const prefix of ['R', 'K']) {
        const own = Object.entries(u.criteria!).filter(([code, c]) => code.startsWith(prefix) && c.applicable);
        expect(own.some(([code, c]) => c.points! >= 0.9 * maxima[code]!)).toBe(true);
        expect(own.some(([code, c]) => c.points! < 0.2 * maxima[code]!)).toBe(true);
      }
    },
  );

  test('districts: 7/8 (88%) not ranked; only Huyện Na Rì, at Mức 4 for readiness', () => {
    const districts = scored(result, 'district');
    expect(districts.filter((u) => rankedIn(u) === 0)).toHaveLength(7);
    expect(wholePercent(7, 8)).toBe(88);
    const ranked = districts.filter((u) => rankedIn(u) > 0);
    expect(ranked.map((u) => u.name)).toEqual(['Huyện Na Rì']);
    expect(readiness(ranked[0]).level).toBe(4);
    expect(results(ranked[0]).level).toBeNull();
  });

  test('communes: 109/109 not ranked; best 50,53 (56% of 90)', () => {
    const communes = scored(result, 'commune');
    expect(communes.every((u) => rankedIn(u) === 0)).toBe(true);
    const top = best(communes);
    expect(top.total).toBe(50.53);
    expect(wholePercent(cents(top.total!), 9000)).toBe(56);
    expect(communes.filter((u) => u.total === top.total)).toHaveLength(1);
  });

  test('communes without a web page use KAD for K1', () => {
    const na = scored(result, 'commune').filter((u) => !u.criteria!.K1.applicable);
    expect(na.length).toBeGreaterThan(10);
  });
});

describe('the sample file looks like the department’s own', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await readWorkbook(SAMPLE_2018);
  });

  test('sheets, title, two-row merged header, section and group rows, frozen panes', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Danh mục đơn vị']);
    const ws = wb.getWorksheet('Tổng hợp')!;
    const grid = sheetGrid(ws);
    const texts = grid.rows.map((r) => r.filter((c) => typeof c === 'string').join(' | '));
    expect(texts[0]).toContain('UBND TỈNH BẮC KẠN');
    const labels = [
      'BẢNG TỔNG HỢP SỐ LIỆU ĐÁNH GIÁ MỨC ĐỘ CHÍNH QUYỀN ĐIỆN TỬ NĂM 2018',
      'I. CẤP TỈNH (SỞ, BAN, NGÀNH)',
      'II. CẤP HUYỆN',
      'III. CẤP XÃ',
      '1. Thành phố Bắc Kạn',
      '8. Huyện Pác Nặm',
      'TỔNG CỘNG',
      'NGƯỜI LẬP BIỂU',
    ];
    for (const label of labels) expect(texts.some((t) => t.includes(label))).toBe(true);
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(['A7:A8', 'B7:B8', 'C7:L7', 'M7:V7']));
    expect(ws.getCell('C8').value).toBe('R1a - Tổng số CBCCVC');
    expect(ws.getCell('C9').value).toBe('(3)');
    expect(ws.getCell('C8').font.name).toBe('Times New Roman');
    expect(ws.getCell('C8').font.bold).toBe(true);
    expect(ws.getCell('C8').alignment.wrapText).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 9 });
  });

  test('values typed as staff type them: "1.234" text, "x", "Có"/"Không", "KAD", "4,5"', () => {
    const cells = sheetGrid(wb.getWorksheet('Tổng hợp')!).rows.flat();
    expect(cells.some((c) => typeof c === 'string' && /^\d{1,3}(\.\d{3})+$/.test(c))).toBe(true);
    for (const token of ['x', 'Có', 'Không', 'KAD']) expect(cells).toContain(token);
    expect(cells.some((c) => typeof c === 'string' && /^\d,5$/.test(c))).toBe(true);
  });

  test('the total row is a SUM formula with its cached result', () => {
    const ws = wb.getWorksheet('Tổng hợp')!;
    let found = false;
    ws.eachRow((row) => {
      if (row.getCell(1).value !== 'TỔNG CỘNG') return;
      const v = row.getCell(3).value as ExcelJS.CellFormulaValue;
      expect(v.formula).toMatch(/^SUM\(C\d+:C\d+\)$/);
      expect(typeof v.result).toBe('number');
      found = true;
    });
    expect(found).toBe(true);
  });
});

describe('the committed samples are what the generator writes now', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqdt-sample-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each([
    [2018, SAMPLE_2018],
    [2019, SAMPLE_2019],
  ])('%i', async (year, committed) => {
    const fresh = path.join(dir, `bac-kan-${year}.xlsx`);
    await writeSampleXlsx(fresh, year);
    const expected = await scoreFile(fresh);
    expect(await scoreFile(committed)).toEqual(expected);
    // Writing and reading the file keeps every value of the grids.
    expect(score(buildSampleWorkbook(year).sheets)).toEqual(expected);
  });
});

describe('2019: the same units a year on', () => {
  test('same 150 units, fewer missing, no errors, some categories up a level', async () => {
    const before = await scoreFile(SAMPLE_2018);
    const after = await scoreFile(SAMPLE_2019);
    expect(after.units.map((u) => u.name).sort()).toEqual(before.units.map((u) => u.name).sort());
    expect(after.units.filter((u) => u.status === 'error')).toHaveLength(0);
    const missing = (r: ResultJson) => r.units.filter((u) => u.status === 'missing').length;
    expect(missing(after)).toBeLessThan(missing(before));
    const level = (l: number | null) => (l === null ? 5 : l);
    let up = 0;
    for (const u of after.units) {
      const old = before.units.find((b) => b.name === u.name)!;
      if (old.status !== 'scored' || u.status !== 'scored') continue;
      for (const cat of [readiness, results]) if (level(cat(u).level) < level(cat(old).level)) up++;
    }
    expect(up).toBeGreaterThanOrEqual(5);
  });
});
