/**
 * The 2025 sample (examples/cds-2025-mau.xlsx) scored with the example rubric cds-2025-mau by the
 * command line, checked the way a reviewer would: counts per tier from the file itself, every
 * planted fault at its cell, percents, grades and ranks recomputed from their definitions
 * (docs/cach-cham-diem.md), the footer kept out of the units, and the wording of the summary.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { main } from '../src/cli/cqdt';
import type { ResultJson, UnitJson } from '../src/report/resultJson';
import { buildCds2025Sample, Cds2025Sample } from '../src/sample/cds2025Sample';
import { writeSampleWorkbook } from '../src/sample/writeSampleXlsx';
import { tempDir } from './support/sheets';

const SAMPLE = path.join(__dirname, '..', 'examples', 'cds-2025-mau.xlsx');

/** any-rubric.md: Tốt ≥ 90 %, Khá ≥ 70 %, Trung bình ≥ 50 %, Yếu — on the percent as shown. */
const GRADES: [string, number][] = [
  ['Tốt', 9000],
  ['Khá', 7000],
  ['Trung bình', 5000],
  ['Yếu', 0],
];
/** The list's "Cấp" words of each tier. */
const TIER_OF_CAP: Record<string, string> = { sở: 'so', ban: 'so', ngành: 'so', xã: 'xa', phường: 'xa', 'đặc khu': 'xa' };

const cents = (x: number) => Math.round(x * 100);
/** roundHalfUp(p / q) on whole numbers. */
const roundHalfUp = (p: number, q: number) => Math.floor((2 * p + q) / (2 * q));
const gradeOf = (hundredths: number) => GRADES.find(([, min]) => hundredths >= min)![0];
const norm = (s: string) => s.normalize('NFC').trim().toLowerCase();

// --- the file as ExcelJS reads it, independently of the engine's reader

type Plain = string | number | boolean | { error: string } | null;

function plain(v: ExcelJS.CellValue): Plain {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  if ('error' in v) return { error: String(v.error) };
  if ('formula' in v) return plain((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  return null;
}

const text = (v: Plain) => (typeof v === 'string' ? v : v === null ? '' : JSON.stringify(v));

interface SheetRow {
  row: number;
  name: string;
  tier: string;
  /** Input cells, by input code. */
  inputs: Record<string, Plain>;
}

interface FileView {
  ws: ExcelJS.Worksheet;
  /** Input code of each 1-based column. */
  codeOfCol: Map<number, string>;
  colOfCode: Map<string, number>;
  rows: SheetRow[];
  /** 1-based rows below the table holding text. */
  footer: { row: number; col: number; text: string }[];
  listed: { name: string; tier: string }[];
  sectionLabels: string[];
}

async function readFile(file: string): Promise<FileView> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('Tổng hợp')!;
  let top = 0;
  ws.eachRow((row, r) => {
    if (top === 0 && row.getCell(1).value === 'STT') top = r;
  });
  const codeOfCol = new Map<number, string>();
  for (let c = 3; c <= ws.columnCount; c++) {
    // The input's title is in the second header row, or in the first where it spans both.
    const title = text(plain(ws.getCell(top + 1, c).value)) || text(plain(ws.getCell(top, c).value));
    const m = /^([A-Z]+\d+[a-z]?) - /.exec(title);
    if (m) codeOfCol.set(c, m[1]);
  }
  const colOfCode = new Map([...codeOfCol].map(([c, code]) => [code, c]));
  const rows: SheetRow[] = [];
  const sectionLabels: string[] = [];
  let tier = '';
  let r = top + 3;
  for (; r <= ws.rowCount; r++) {
    const a = plain(ws.getCell(r, 1).value);
    if (typeof a === 'string') {
      sectionLabels.push(a);
      tier = a.includes('SỞ, BAN, NGÀNH') ? 'so' : a.includes('XÃ, PHƯỜNG, ĐẶC KHU') ? 'xa' : '?';
      continue;
    }
    if (typeof a !== 'number') break;
    const inputs: Record<string, Plain> = {};
    for (const [c, code] of codeOfCol) inputs[code] = plain(ws.getCell(r, c).value);
    rows.push({ row: r, name: text(plain(ws.getCell(r, 2).value)), tier, inputs });
  }
  const footer: FileView['footer'] = [];
  for (; r <= ws.rowCount; r++) {
    ws.getRow(r).eachCell((cell, c) => {
      const v = plain(cell.value);
      if (typeof v === 'string' && v.trim()) footer.push({ row: r, col: c, text: v });
    });
  }
  const list = wb.getWorksheet('Danh mục đơn vị')!;
  const listed: FileView['listed'] = [];
  list.eachRow((row) => {
    const cap = text(plain(row.getCell(3).value));
    if (typeof plain(row.getCell(1).value) === 'number') {
      listed.push({ name: text(plain(row.getCell(2).value)), tier: TIER_OF_CAP[norm(cap)] ?? `? ${cap}` });
    }
  });
  return { ws, codeOfCol, colOfCode, rows, footer, listed, sectionLabels };
}

// --- scoring through the command line

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

let sample: Cds2025Sample;
let view: FileView;
let result: ResultJson;
let stdout: string;
let scoredCopy: string;

beforeAll(async () => {
  sample = buildCds2025Sample();
  view = await readFile(SAMPLE);
  const dir = tempDir('cqdt-2025-');
  const json = path.join(dir, 'ket-qua.json');
  scoredCopy = path.join(dir, 'da-cham.xlsx');
  const run = await cli(['score', SAMPLE, '--rubric', 'cds-2025-mau', '--json', json, '--out', scoredCopy]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  stdout = run.stdout;
  result = JSON.parse(readFileSync(json, 'utf8')) as ResultJson;
});

const unitsOf = (tier: string) => result.units.filter((u) => u.tier === tier);
const scoredOf = (tier: string) => unitsOf(tier).filter((u) => u.status === 'scored');
const named = (name: string) => {
  const found = result.units.filter((u) => u.name === name);
  if (found.length === 0) throw new Error(`no unit ${name}`);
  return found;
};

describe('examples/cds-2025-mau.xlsx scored with --rubric cds-2025-mau', () => {
  test('RESULT.json is format 2 with the tiers so and xa, no district anywhere', () => {
    expect(result).toMatchObject({ format: 2, rubric: 'cds-2025-mau', sheet: 'Tổng hợp', levels: null, rankBy: 'percent' });
    expect(result.tiers.map((t) => t.id)).toEqual(['so', 'xa']);
    expect(result.grades).toEqual(GRADES.map(([name, min]) => ({ name, min: min / 100 })));
    expect(new Set(result.units.map((u) => u.tier))).toEqual(new Set(['so', 'xa']));
    expect(result.units.every((u) => u.district === null)).toBe(true);
    expect(result.sheetIssues).toEqual([]);
  });

  test('per tier: units, missing reports and units with errors, as counted from the file', () => {
    const sheetNames = new Set(view.rows.map((r) => r.name));
    const sameTier = (tier: string) => ({
      rows: view.rows.filter((r) => r.tier === tier),
      unlisted: view.listed.filter((l) => l.tier === tier && !sheetNames.has(l.name)),
    });
    const errorRows = new Set(sample.faults.filter((f) => f.severity === 'error').flatMap((f) => f.cells.map(rowOf)));
    for (const tier of ['so', 'xa']) {
      const { rows, unlisted } = sameTier(tier);
      const blankRows = rows.filter((r) => Object.values(r.inputs).every((v) => v === null || text(v).trim() === ''));
      const units = unitsOf(tier);
      expect(units).toHaveLength(rows.length + unlisted.length);
      expect(
        units
          .filter((u) => u.status === 'missing')
          .map((u) => u.name)
          .sort(),
      ).toEqual([...blankRows.map((r) => r.name), ...unlisted.map((l) => l.name)].sort());
      expect(
        units
          .filter((u) => u.status === 'error')
          .map((u) => u.row)
          .sort(),
      ).toEqual(
        rows
          .filter((r) => errorRows.has(r.row))
          .map((r) => r.row)
          .sort(),
      );
      // Both ways of not reporting: a row with the name only, and only on the list.
      expect(blankRows.length).toBeGreaterThan(0);
      expect(unlisted.length).toBeGreaterThan(0);
    }
    // About 20 departments and 100 communes and wards of one province.
    expect(view.listed.filter((l) => l.tier === 'so').length).toBeGreaterThanOrEqual(18);
    expect(view.listed.filter((l) => l.tier === 'xa').length).toBeGreaterThanOrEqual(90);
    expect(view.listed.every((l) => l.tier === 'so' || l.tier === 'xa')).toBe(true);
  });

  test('every planted fault is reported with its code at its cell, and nothing else is', () => {
    const codes = new Set(sample.faults.map((f) => f.code));
    for (const code of [
      'not_a_number',
      'negative',
      'not_integer',
      'out_of_range',
      'not_yes_no',
      'not_a_choice',
      'not_applicable_forbidden',
      'exceeds_total',
      'formula_error',
      'duplicate_unit',
      'unknown_unit',
    ]) {
      expect(codes).toContain(code);
    }
    for (const f of sample.faults) {
      for (const cell of f.cells) {
        // The file holds the fault where the plan says: that unit's row, that input's column.
        const { row, col } = position(cell);
        expect(text(plain(view.ws.getCell(row, 2).value))).toBe(f.unit);
        if (f.input) {
          expect(view.codeOfCol.get(col)).toBe(f.input);
          expect(plain(view.ws.getCell(row, col).value)).toEqual(f.raw);
        }
        const unit = result.units.find((u) => u.row === row)!;
        expect(unit.name).toBe(f.unit);
        expect(unit.issues).toContainEqual(
          expect.objectContaining({ code: f.code, cell, severity: f.severity, ...(f.input ? { input: f.input } : {}) }),
        );
      }
    }
    const planted = new Set(sample.faults.flatMap((f) => f.cells.map((c) => `${c} ${f.code}`)));
    const reported = result.units.flatMap((u) =>
      u.issues.filter((i) => i.code !== 'missing_entry').map((i) => `${i.cell} ${i.code}`),
    );
    expect(reported.sort()).toEqual([...planted].sort());
  });

  test('the formula error is a real formula in the file, with #REF! as its result', () => {
    const f = sample.faults.find((x) => x.code === 'formula_error')!;
    const value = view.ws.getCell(f.cells[0]).value as ExcelJS.CellFormulaValue;
    expect(value.formula).toMatch(/#REF!/);
    expect(value.result).toEqual({ error: '#REF!' });
  });

  test('info entries with a bad value only warn: their units stay "Đã chấm", graded and ranked', async () => {
    const warned = sample.faults.filter((f) => f.severity === 'warning' && f.input !== null);
    expect(warned.map((f) => f.input).sort()).toEqual(['IF1', 'IF2']);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(scoredCopy);
    const ws = copy.getWorksheet('Tổng hợp')!;
    const statusCol = findColumn(ws, 'Trạng thái');
    for (const f of warned) {
      const [unit] = named(f.unit);
      expect(unit.status).toBe('scored');
      expect(unit.grade).not.toBeNull();
      expect(unit.rank).not.toBeNull();
      expect(unit.criteria![f.input!]).toEqual({ points: null, applicable: false, value: null });
      expect(ws.getCell(unit.row!, statusCol).value).toBe('Đã chấm');
    }
  });

  test('entries in inputs a tier does not read raise nothing (departments in XH1a, XH1b)', () => {
    expect(sample.ignored.length).toBeGreaterThan(0);
    for (const e of sample.ignored) {
      expect(plain(view.ws.getCell(e.cell).value)).toEqual(e.raw);
      const [unit] = named(e.unit);
      expect(unit.status).toBe('scored');
      expect(unit.issues.filter((i) => i.cell === e.cell)).toEqual([]);
    }
    // Whatever departments typed there: text, zero, numbers as text.
    expect(sample.ignored.some((e) => typeof e.raw === 'string' && !/\d/.test(e.raw))).toBe(true);
    const unread = (u: UnitJson, codes: string[]) => u.issues.filter((i) => i.input && codes.includes(i.input));
    expect(unitsOf('so').flatMap((u) => unread(u, ['XH1a', 'XH1b']))).toEqual([]);
    expect(unitsOf('xa').flatMap((u) => unread(u, ['XH2']))).toEqual([]);
  });

  test('departments without digital-economy tasks: KTS not applicable, maximum 900, ranked by percent', () => {
    const withoutKts = scoredOf('so').filter((u) => !u.categories.kinh_te.applicable);
    expect(withoutKts.length).toBeGreaterThan(0);
    for (const u of withoutKts) {
      const row = view.rows.find((r) => r.row === u.row)!;
      for (const code of ['KT1a', 'KT1b', 'KT2', 'KT3']) expect(row.inputs[code]).toBe('KAD');
      expect(u.categories.kinh_te).toEqual({ score: null, max: null, applicable: false, level: null });
      expect(u.max).toBe(900);
    }
    expect(scoredOf('so').some((u) => u.max === 1000)).toBe(true);
    // Ranked by percent: a unit of 900 ahead of a unit of 1,000 with the higher total.
    const overtakes = withoutKts.some((a) =>
      scoredOf('so').some((b) => b.max === 1000 && b.total! > a.total! && b.rank! > a.rank!),
    );
    expect(overtakes).toBe(true);
    // And a unit of 900 sharing its place with a unit of 1,000 at the same percent.
    const sharing = withoutKts.filter((a) => scoredOf('so').some((b) => b.max === 1000 && b.percent === a.percent));
    expect(sharing.length).toBeGreaterThan(0);
    for (const a of sharing) {
      const b = scoredOf('so').find((x) => x.max === 1000 && x.percent === a.percent)!;
      expect(b.rank).toBe(a.rank);
      expect(b.total).not.toBe(a.total);
    }
  });

  test('totals add up, the percent is as shown, the grade follows it (only for scored units)', () => {
    for (const u of result.units) {
      if (u.status === 'missing') {
        expect([u.total, u.max, u.percent, u.grade, u.rank]).toEqual([null, null, null, null, null]);
        continue;
      }
      const categories = Object.values(u.categories).filter((c) => c.applicable);
      expect(cents(u.total!)).toBe(categories.reduce((s, c) => s + cents(c.score!), 0));
      expect(cents(u.max!)).toBe(categories.reduce((s, c) => s + cents(c.max!), 0));
      const shown = roundHalfUp(cents(u.total!) * 10000, cents(u.max!));
      expect(cents(u.percent!)).toBe(shown);
      expect(u.grade).toBe(u.status === 'scored' ? gradeOf(shown) : null);
    }
  });

  test('the generator’s own reckoning of every clean unit agrees with the engine', () => {
    expect(sample.planned.size).toBeGreaterThan(90);
    for (const [name, plan] of sample.planned) {
      const [u] = named(name);
      expect([u.tier, u.status, cents(u.total!), cents(u.max!), cents(u.percent!), u.grade]).toEqual([
        plan.tier,
        'scored',
        plan.totalCents,
        plan.maxCents,
        plan.percentHundredths,
        plan.grade,
      ]);
    }
  });

  test('ranks follow the percent, equal percents sharing a place (1, 2, 2, 4), in both tiers', () => {
    for (const tier of ['so', 'xa']) {
      const scored = scoredOf(tier);
      for (const u of scored) expect(u.rank).toBe(1 + scored.filter((x) => cents(x.percent!) > cents(u.percent!)).length);
      for (const u of unitsOf(tier).filter((x) => x.status !== 'scored')) expect(u.rank).toBeNull();
      const percents = scored.map((u) => u.percent);
      expect(new Set(percents).size).toBeLessThan(percents.length);
    }
  });

  test('a realistic spread of grades in both tiers: some Tốt, many Khá, some Trung bình, a few Yếu', () => {
    for (const tier of ['so', 'xa']) {
      const count = (g: string) => scoredOf(tier).filter((u) => u.grade === g).length;
      const all = scoredOf(tier).length;
      expect(count('Tốt')).toBeGreaterThan(0);
      expect(count('Khá')).toBeGreaterThan(count('Tốt'));
      expect(count('Khá')).toBeGreaterThan(count('Trung bình'));
      expect(count('Trung bình')).toBeGreaterThan(0);
      expect(count('Yếu')).toBeGreaterThan(0);
      expect(count('Yếu')).toBeLessThanOrEqual(Math.ceil(all / 10));
    }
  });

  test('choice answers typed in several forms score as their answer', () => {
    const nt1 = view.rows.map((r) => r.inputs.NT1).filter((v): v is string => typeof v === 'string');
    for (const form of ['Người đứng đầu', 'người đứng đầu.', 'Cấp phó']) expect(nt1).toContain(form);
    const percentOf: Record<string, number> = { 'người đứng đầu': 100, 'cấp phó': 50, 'chưa có': 0 };
    for (const u of result.units.filter((x) => x.status === 'scored')) {
      const typed = norm(text(view.rows.find((r) => r.row === u.row)!.inputs.NT1)).replace(/\.$/, '');
      expect(cents(u.criteria!.NT1.points!)).toBe(roundHalfUp(percentOf[typed] * 2500, 100));
    }
  });

  test('nothing under the table became a unit, though some of it stands in input columns', () => {
    expect(view.footer.map((f) => f.text)).toEqual(
      expect.arrayContaining([
        'Ghi chú: số liệu do các đơn vị tự báo cáo.',
        'NGƯỜI LẬP BIỂU',
        'GIÁM ĐỐC',
        expect.stringMatching(/^Thái Nguyên, ngày \d+ tháng \d+ năm 2026$/),
      ]),
    );
    expect(view.footer.some((f) => view.codeOfCol.has(f.col))).toBe(true);
    const footerRows = new Set(view.footer.map((f) => f.row));
    expect(result.units.filter((u) => u.row !== null && footerRows.has(u.row))).toEqual([]);
    const lastRow = Math.max(...view.rows.map((r) => r.row));
    expect(result.units.every((u) => u.row === null || u.row <= lastRow)).toBe(true);
    const expected = new Set([...view.listed.map((l) => l.name), ...view.rows.map((r) => r.name)]);
    expect(result.units.every((u) => expected.has(u.name))).toBe(true);
  });

  test('the summary speaks of cấp sở and cấp xã with the counts per grade, never of huyện', () => {
    const summary = stdout.slice(stdout.indexOf('Tóm tắt'));
    expect(summary).toContain('Với cấp sở:');
    expect(summary).toContain('Với cấp xã:');
    expect(stdout).not.toMatch(/huyện/i);
    for (const tier of ['so', 'xa']) {
      const scored = scoredOf(tier);
      const count = scored.filter((u) => u.grade === 'Khá').length;
      const share = roundHalfUp(100 * count, scored.length);
      expect(summary).toContain(`${count}/${scored.length} (${share}%) Khá`);
    }
  });
});

describe('the sample file reads like the department’s own', () => {
  test('title of the year, two-row header with group titles, the two sections, the list with its Cấp words', () => {
    const titles: string[] = [];
    view.ws.eachRow((row, r) => {
      if (r < 8) row.eachCell((c) => titles.push(text(plain(c.value))));
    });
    expect(titles).toContain('BẢNG TỔNG HỢP SỐ LIỆU ĐÁNH GIÁ CHUYỂN ĐỔI SỐ NĂM 2025');
    expect(titles).toContain('UBND TỈNH THÁI NGUYÊN');
    expect(view.sectionLabels).toEqual(['I. SỞ, BAN, NGÀNH', 'II. XÃ, PHƯỜNG, ĐẶC KHU']);
    // One column per input of the rubric, each titled "code - name".
    expect(view.codeOfCol.size).toBe(41);
    const merges = (view.ws.model as unknown as { merges: string[] }).merges;
    const groupTitles = merges.map((m) => text(plain(view.ws.getCell(m.split(':')[0]).value))).filter((t) => /số$/.test(t));
    expect(groupTitles).toEqual(expect.arrayContaining(['Nhận thức số', 'Hoạt động kinh tế số', 'Hoạt động xã hội số']));
    expect(view.rows.every((r) => !/^(Huyện|Thành phố|Thị xã)/.test(r.name))).toBe(true);
  });

  test('the committed file is what the generator writes now', async () => {
    const fresh = path.join(tempDir('cqdt-2025-'), 'cds-2025-mau.xlsx');
    await writeSampleWorkbook(fresh, sample);
    // Zip entries carry the time of writing; their contents must be the same.
    const entries = async (file: string) => {
      const zip = await JSZip.loadAsync(readFileSync(file));
      const out: Record<string, string> = {};
      for (const name of Object.keys(zip.files).sort()) out[name] = await zip.files[name].async('string');
      return out;
    };
    expect(await entries(SAMPLE)).toEqual(await entries(fresh));
  });
});

function position(cell: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  return { row: Number(m[2]), col: [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) };
}

function rowOf(cell: string): number {
  return position(cell).row;
}

function findColumn(ws: ExcelJS.Worksheet, title: string): number {
  for (let r = 1; r <= 20; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= ws.columnCount; c++) if (row.getCell(c).value === title) return c;
  }
  throw new Error(`no column "${title}"`);
}
