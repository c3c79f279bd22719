/**
 * The scored copy as a patch, on workbooks written by other programs (the real-world fixtures,
 * LibreOffice, openpyxl, ExcelJS): every zip entry scoring does not own keeps its compressed
 * bytes; the copy opens in LibreOffice and reads back with the same cell values; scoring the
 * copy again gives the same bytes (docs/kiem-tra-ban-da-cham.md). Every real-world fixture is
 * scored or refused in one Vietnamese line.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { inflateRawSync } from 'node:zlib';
import { main } from '../src/cli/cqdt';
import { readZip } from '../src/workbook/xlsx/zip';
import { openXlsx, readAllGrids } from '../src/workbook/xlsx/readXlsx';
import { CODES, HEADER, perfect, tempDir, unitRow, writeXlsx } from './support/sheets';
import type { CellValue } from '../src/sheet/grid';

const REAL_WORLD = path.join(__dirname, 'fixtures', 'real-world');
const FIXTURES = readdirSync(REAL_WORLD).filter((f) => f.endsWith('.xlsx'));

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** The submission table, as rows of values. */
const ROWS: CellValue[][] = [
  ['BẢNG TỔNG HỢP NĂM 2018'],
  HEADER,
  ['I', 'CẤP TỈNH'],
  unitRow(1, 'Sở Tài chính', null, perfect()),
  unitRow(2, 'Sở Y tế', null, perfect({ R1b: '12.5', R2b: 120 })),
  unitRow(3, 'Thanh tra tỉnh', null, {}),
];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const col = (c: number) =>
  c < 26 ? String.fromCharCode(65 + c) : String.fromCharCode(64 + Math.floor(c / 26)) + String.fromCharCode(65 + (c % 26));

/**
 * Adds a submission sheet to a workbook at the zip level (its own part, relationship, content
 * type and entry in the sheet list), leaving every other entry as the producer wrote it.
 */
async function withSubmissionSheet(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const rows = ROWS.map(
    (row, r) =>
      `<row r="${r + 1}">` +
      row
        .map((v, c) => {
          if (v === null || v === undefined) return '';
          const ref = `${col(c)}${r + 1}`;
          return typeof v === 'number'
            ? `<c r="${ref}"><v>${v}</v></c>`
            : `<c r="${ref}" t="inlineStr"><is><t>${esc(String(v))}</t></is></c>`;
        })
        .join('') +
      `</row>`,
  ).join('');
  zip.file(
    'xl/worksheets/cqdtSubmission.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`,
  );
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  zip.file(
    'xl/_rels/workbook.xml.rels',
    rels.replace(
      '</Relationships>',
      '<Relationship Id="rIdCqdt" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/cqdtSubmission.xml"/></Relationships>',
    ),
  );
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file(
    '[Content_Types].xml',
    types.replace(
      '</Types>',
      '<Override PartName="/xl/worksheets/cqdtSubmission.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
  );
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rel = /xmlns:r="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.test(workbook)
    ? 'r:id="rIdCqdt"'
    : 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rIdCqdt"';
  zip.file(
    'xl/workbook.xml',
    workbook.replace(/<\/(\w+:)?sheets>/, (m, p = '') => `<${p}sheet name="Tổng hợp" sheetId="900" ${rel}/>${m}`),
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** What scoring may change (command-line contract): everything else must keep its compressed bytes. */
function ownedBy(scoring: { scoredSheet: string; notes: string[] }, name: string): boolean {
  return (
    [
      '[Content_Types].xml',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'docProps/app.xml',
      'xl/calcChain.xml',
    ].includes(name) ||
    name === scoring.scoredSheet ||
    name === scoring.scoredSheet.replace(/([^/]+)$/, '_rels/$1.rels') ||
    scoring.notes.includes(name)
  );
}

/** Asserts the copy keeps every entry scoring does not own with the same compressed bytes and CRC. */
function expectUntouched(input: Uint8Array, copy: Uint8Array, scoredSheet: string): string[] {
  const a = readZip(input);
  const b = readZip(copy);
  const notes = b.entries.map((e) => e.name).filter((n) => /comments\d*\.xml$|\.vml$/.test(n) && !a.byName.has(n));
  const sheetRels = b.byName.get(scoredSheet.replace(/([^/]+)$/, '_rels/$1.rels'));
  const owned = { scoredSheet, notes };
  if (sheetRels) {
    const text = new TextDecoder().decode(JSZipInflate(b, sheetRels.name));
    for (const m of text.matchAll(/Target="([^"]+)"/g)) {
      if (!/comments|vmlDrawing/.test(m[1])) continue;
      notes.push(
        m[1].startsWith('/') ? m[1].slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(scoredSheet), m[1])),
      );
    }
  }
  const kept: string[] = [];
  for (const e of a.entries) {
    if (ownedBy(owned, e.name)) continue;
    const f = b.byName.get(e.name);
    expect([e.name, f !== undefined]).toEqual([e.name, true]);
    expect([e.name, f!.crc, f!.method]).toEqual([e.name, e.crc, e.method]);
    expect(Buffer.compare(a.bytes.subarray(e.dataStart, e.dataEnd), b.bytes.subarray(f!.dataStart, f!.dataEnd))).toBe(0);
    kept.push(e.name);
  }
  return kept;
}

function JSZipInflate(archive: ReturnType<typeof readZip>, name: string): Uint8Array {
  const e = archive.byName.get(name)!;
  const raw = archive.bytes.subarray(e.dataStart, e.dataEnd);
  return e.method === 0 ? raw : inflateRawSync(raw);
}

/** Scores the bytes into a copy, scores the copy again, and checks both runs. */
async function scoreTwice(dir: string, name: string, bytes: Buffer) {
  const input = path.join(dir, name);
  writeFileSync(input, bytes);
  const once = path.join(dir, `once-${name}`);
  const twice = path.join(dir, `twice-${name}`);
  const first = await run(['score', input, '--out', once, '--sheet', 'Tổng hợp']);
  expect([name, first.code, first.stderr]).toEqual([name, 0, '']);
  const second = await run(['score', once, '--out', twice, '--sheet', 'Tổng hợp']);
  expect(second.code).toBe(0);
  expect(Buffer.compare(readFileSync(once), readFileSync(twice))).toBe(0); // byte-stable
  return { input, once };
}

function scoredSheetPart(copy: Uint8Array): string {
  const opened = openXlsx(copy);
  if (!opened.ok) throw new Error(opened.message);
  return opened.book.workbook.sheets.find((s) => s.name === 'Tổng hợp')!.part!;
}

/** All cell values of every worksheet, as our reader sees them. */
function values(file: string): Record<string, CellValue[][]> {
  const opened = openXlsx(new Uint8Array(readFileSync(file)));
  if (!opened.ok) throw new Error(opened.message);
  const read = readAllGrids(opened.book);
  if (!read.ok) throw new Error(read.message);
  const out: Record<string, CellValue[][]> = {};
  for (const g of read.grids) {
    // Trailing blanks dropped: LibreOffice may write a row or cell less.
    const rows = g.rows.map((r) => {
      const copy = [...r].map((v) => (v === undefined ? null : v));
      while (copy.length && copy[copy.length - 1] === null) copy.pop();
      return copy;
    });
    while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
    out[g.name] = rows;
  }
  return out;
}

function libreOfficeResave(files: string[], outDir: string): string[] {
  const profile = tempDir('cqdt-lo-');
  execFileSync(
    'soffice',
    [
      '--headless',
      '--norestore',
      `-env:UserInstallation=file://${profile}`,
      '--convert-to',
      'xlsx',
      '--outdir',
      outDir,
      ...files,
    ],
    {
      stdio: 'ignore',
      timeout: 180_000,
    },
  );
  return files.map((f) => path.join(outDir, path.basename(f)));
}

describe('every real-world fixture is scored or refused in one line', () => {
  it.each(FIXTURES)('%s', async (name) => {
    const dir = tempDir('cqdt-rw-');
    const res = await run([
      'score',
      path.join(REAL_WORLD, name),
      '--out',
      path.join(dir, 'o.xlsx'),
      '--json',
      path.join(dir, 'r.json'),
    ]);
    if (res.code === 0) {
      expect(readdirSync(dir).sort()).toEqual(['o.xlsx', 'r.json']);
      return;
    }
    expect(res.code).toBe(1);
    expect(res.stderr.split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(/^cqdt: .*(bảng tổng hợp|bị hỏng|không)/);
    expect(res.stdout).toBe('');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('a submission sheet added to each real-world fixture: the copy keeps every part it does not own', () => {
  // invalid-xml.xlsx cannot be read at all; missing-bits.xlsx has no workbook relationships to add a sheet to.
  const readable = FIXTURES.filter((f) => f !== 'invalid-xml.xlsx' && f !== 'missing-bits.xlsx');
  const copies: string[] = [];
  let dir: string;
  beforeAll(() => {
    dir = tempDir('cqdt-golden-');
  });

  it.each(readable)('%s', async (name) => {
    const bytes = await withSubmissionSheet(readFileSync(path.join(REAL_WORLD, name)));
    const { input, once } = await scoreTwice(dir, name, bytes);
    const copy = new Uint8Array(readFileSync(once));
    const kept = expectUntouched(new Uint8Array(bytes), copy, scoredSheetPart(copy));
    // Charts, drawings, images and the producer's own sheets are among the entries kept as they were.
    const original = readZip(new Uint8Array(readFileSync(path.join(REAL_WORLD, name))));
    for (const e of original.entries) {
      if (/^xl\/(charts|drawings|media|chartsheets)\/|^xl\/worksheets\/sheet\d+\.xml$|^xl\/comments\d*\.xml$/.test(e.name))
        expect(kept).toContain(e.name);
    }
    copies.push(once);
    void input;
  });

  it('the copies open in LibreOffice and read back with the same cell values', () => {
    const chosen = copies.filter((c) => /comments|images|chart-sheet|libre-calc-as-excel|1904/.test(c));
    expect(chosen.length).toBeGreaterThanOrEqual(4);
    const resaved = libreOfficeResave(chosen, tempDir('cqdt-lo-out-'));
    chosen.forEach((file, i) => {
      const ours = values(file);
      const theirs = values(resaved[i]);
      expect(theirs['Tổng hợp']).toEqual(ours['Tổng hợp']);
      expect(theirs['Xếp hạng']).toEqual(ours['Xếp hạng']);
    });
  }, 240_000);
});

describe('workbooks from other producers', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('cqdt-producers-');
  });

  it('LibreOffice: a submission saved by Calc', async () => {
    const source = await writeXlsx(
      [{ name: 'Tổng hợp', rows: ROWS, merges: ['A1:F1'], notes: { E4: 'Số liệu do văn thư nhập' } }],
      path.join(dir, 'exceljs.xlsx'),
    );
    const [saved] = libreOfficeResave([source], tempDir('cqdt-lo-src-'));
    const bytes = readFileSync(saved);
    const { once } = await scoreTwice(dir, 'calc.xlsx', bytes);
    const copy = new Uint8Array(readFileSync(once));
    expectUntouched(new Uint8Array(bytes), copy, scoredSheetPart(copy));
    // The staff note stays with its text; the add-in's notes are added beside it.
    const zip = await JSZip.loadAsync(readFileSync(once));
    const comments = (
      await Promise.all(
        Object.keys(zip.files)
          .filter((f) => /comments\d*\.xml$/.test(f))
          .map((f) => zip.file(f)!.async('string')),
      )
    ).join('');
    expect(comments).toContain('Số liệu do văn thư nhập');
    expect(comments).toContain('[Chấm điểm]');
  }, 120_000);

  it('openpyxl: a note, a validation over a whole column, a staff conditional format, a chart', async () => {
    const rowsJson = JSON.stringify(ROWS);
    const file = path.join(dir, 'openpyxl-src.xlsx');
    const script = `
import json, openpyxl
from openpyxl.comments import Comment
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import PatternFill
from openpyxl.chart import BarChart, Reference
wb = openpyxl.Workbook()
ws = wb.active
ws.title = 'Tổng hợp'
for row in json.loads(${JSON.stringify(rowsJson)}):
    ws.append(row)
ws['E4'].comment = Comment('Đã gọi điện xác nhận', 'Văn thư')
dv = DataValidation(type='whole', operator='greaterThanOrEqual', formula1='0')
dv.add('D1:D1048576')
ws.add_data_validation(dv)
ws.conditional_formatting.add('D4:D6', CellIsRule(operator='greaterThan', formula=['1000'], fill=PatternFill('solid', bgColor='FFC7CE')))
chart = BarChart()
chart.add_data(Reference(ws, min_col=4, min_row=4, max_row=6))
ws.add_chart(chart, 'B10')
wb.create_sheet('Ghi chép')['A1'] = 'trang riêng của phòng'
wb.save(${JSON.stringify(file)})
`;
    execFileSync(process.env.CQDT_PYTHON ?? '/usr/bin/python3', ['-c', script]);
    const bytes = readFileSync(file);
    const { once } = await scoreTwice(dir, 'openpyxl.xlsx', bytes);
    const copy = new Uint8Array(readFileSync(once));
    const kept = expectUntouched(new Uint8Array(bytes), copy, scoredSheetPart(copy));
    expect(kept.some((n) => /charts\/chart\d+\.xml$/.test(n))).toBe(true);
    const zip = await JSZip.loadAsync(readFileSync(once));
    const sheet = await zip.file(scoredSheetPart(copy))!.async('string');
    // The staff rule keeps its priority; the validation is there once.
    expect(sheet.match(/<dataValidation /g)).toHaveLength(1);
    expect(sheet).toContain(
      '<cfRule type="cellIs" priority="1" operator="greaterThan" dxfId="0"><formula>1000</formula></cfRule>',
    );
    expect(sheet).toMatch(/<cfRule type="expression" dxfId="\d+" priority="2"><formula>MID/); // ours after the staff rule
    const [resaved] = libreOfficeResave([once], tempDir('cqdt-lo-op-'));
    expect(values(resaved)['Tổng hợp']).toEqual(values(once)['Tổng hợp']);
  }, 120_000);

  it('a sheet whose name holds a comma: scoring the copy again rewrites the same block', async () => {
    const name = 'Tổng hợp, 2018';
    const input = await writeXlsx([{ name, rows: ROWS }], path.join(dir, 'comma-src.xlsx'));
    const once = path.join(dir, 'comma-once.xlsx');
    const twice = path.join(dir, 'comma-twice.xlsx');
    expect((await run(['score', input, '--out', once])).code).toBe(0);
    expect((await run(['score', once, '--out', twice])).code).toBe(0);
    expect(Buffer.compare(readFileSync(once), readFileSync(twice))).toBe(0);
  });

  it('ExcelJS: typed cells unchanged, the block beside them', async () => {
    const bytes = readFileSync(await writeXlsx([{ name: 'Tổng hợp', rows: ROWS }], path.join(dir, 'exceljs-src.xlsx')));
    const { once } = await scoreTwice(dir, 'exceljs.xlsx', bytes);
    const copy = new Uint8Array(readFileSync(once));
    expectUntouched(new Uint8Array(bytes), copy, scoredSheetPart(copy));
    const before = values(path.join(dir, 'exceljs.xlsx'))['Tổng hợp'];
    const after = values(once)['Tổng hợp'];
    const width = CODES.length + 3;
    before.forEach((row, r) => {
      for (let c = 0; c < width; c++) expect([r, c, after[r][c] ?? null]).toEqual([r, c, row[c] ?? null]);
    });
    expect(after[1][width]).toBe('Điểm ĐKSS'); // the block starts right of the table
  });
});
