/**
 * `cqdt score` on real files: typed cells are identical in the scored copy, a second run changes
 * nothing, the input is never modified, and a file that cannot be scored gets one clear line
 * on standard error, exit status 1 and nothing written.
 */
import ExcelJS from 'exceljs';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { main } from '../src/cli/cqdt';
import { BUILTIN_RUBRIC } from '../src/rubric/builtin';
import { HEADER, perfect, tempDir, unitRow, writeXlsx, SheetSpec } from './support/sheets';

const ROOT = path.join(__dirname, '..');

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function submission(): SheetSpec {
  return {
    name: 'Tổng hợp',
    rows: [
      ['BẢNG TỔNG HỢP SỐ LIỆU NĂM 2018'],
      HEADER,
      ['I', 'CẤP TỈNH'],
      unitRow(1, 'Sở Tài chính', null, perfect()),
      unitRow(2, 'Sở Y tế', null, perfect({ R1b: '12.5', R2b: 120, K8: 'KAD' })),
      unitRow(3, 'Sở Xây dựng', null, perfect({ K7: 0 })),
      unitRow(4, 'Thanh tra tỉnh', null, {}),
      ['II', 'CẤP XÃ'],
      unitRow(1, 'Xã Cao Sơn', null, perfect({ K8: 4, R7: 'Không' })),
      [],
      [null, 'Người lập biểu'],
    ],
    merges: ['A1:F1'],
    notes: { E5: 'Số liệu do văn thư nhập', D4: 'đã kiểm tra' },
  };
}

/** Everything a user could see on a sheet, cell by cell, except the given columns. */
async function sheetSnapshot(file: string, skipFrom = Infinity) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheets: Record<string, unknown> = {};
  for (const ws of wb.worksheets) {
    const cells: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        if (c - 1 >= skipFrom && ws.name === 'Tổng hợp') return;
        // The add-in's own notes on invalid cells are the one addition the spec allows on typed cells.
        const note = typeof cell.note === 'string' && cell.note.startsWith('[Chấm điểm] ') ? undefined : cell.note;
        const empty = cell.value === null && note === undefined && Object.keys(cell.style).length === 0;
        if (!empty) cells[cell.address] = { value: cell.value, style: cell.style, note: note ?? null };
      });
      cells[`row${r}`] = row.height ?? null;
    });
    sheets[ws.name] = { cells, merges: (ws.model as { merges: string[] }).merges, views: ws.views };
  }
  return sheets;
}

describe('cqdt score', () => {
  it('writes the results beside the entries without changing any typed cell, and leaves the input alone', async () => {
    const dir = tempDir();
    const input = await writeXlsx([submission()], path.join(dir, 'in.xlsx'));
    const before = sha(input);
    const scored = path.join(dir, 'scored.xlsx');
    const json = path.join(dir, 'result.json');
    const res = await run(['score', input, '--out', scored, '--json', json]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(sha(input)).toBe(before);

    // The block starts one column right of the table's last used column (W = K8).
    const firstBlockCol = HEADER.length; // 0-based index of X
    const after = await sheetSnapshot(scored, firstBlockCol);
    // The add-in's own sheets are added after the others.
    expect(Object.keys(after)).toEqual(['Tổng hợp', 'Xếp hạng', 'Lộ trình', 'Tiêu chí còn yếu']);
    for (const own of ['Xếp hạng', 'Lộ trình', 'Tiêu chí còn yếu']) delete after[own];
    expect(after).toEqual(await sheetSnapshot(input, firstBlockCol));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(scored);
    const ws = wb.getWorksheet('Tổng hợp')!;
    expect(ws.getCell('X1').value).toBe('KẾT QUẢ CHẤM ĐIỂM');
    const headerTitles = [];
    for (let c = 24; c <= 33; c++) headerTitles.push(ws.getCell(2, c).value);
    expect(headerTitles).toEqual([
      'Điểm ĐKSS',
      'Mức ĐKSS',
      'Điểm Kết quả',
      'Mức Kết quả',
      'Tổng điểm',
      'Tỷ lệ (%)',
      'Thứ hạng',
      'Trạng thái',
      'Cần chú ý',
      'Ghi chú',
    ]);
    expect(ws.getCell('AB4').value).toBe(108);
    expect(ws.getCell('AB4').numFmt).toBe('0.00');
    expect(ws.getCell('AD4').value).toBe(1);
    expect(ws.getCell('AE7').value).toBe('Không gửi báo cáo');
    expect(ws.getCell('AF6').value).toBe('Không xếp hạng');
    expect(ws.getCell('AF5').value).toBe('Cần sửa');
    expect(ws.getColumn(34).hidden).toBe(true); // the flags column
    // Invalid cell G5 (R2b above R2a) gets the add-in's note; E5 keeps the staff note.
    expect(ws.getCell('G5').note).toMatch(/^\[Chấm điểm\] R2b/);
    expect(ws.getCell('E5').note).toBe('Số liệu do văn thư nhập');
    expect(String(ws.getCell('AG5').value)).toContain('R1b');
    // A handful of formula rules, not one per cell; grey for the missing row is one of them.
    const rules = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] })
      .conditionalFormattings;
    expect(rules.length).toBeLessThanOrEqual(6);
    expect(rules.some((r) => r.rules[0].formulae[0].includes('Không gửi báo cáo'))).toBe(true);
    expect(ws.autoFilter).toBe('A2:AG9'); // the signature lines below the blank row are not part of the table
    expect(wb.definedNames.model.find((n) => n.name === 'CQDT_KetQua')?.ranges).toEqual(["'Tổng hợp'!$X$1:$AH$9"]);

    const result = JSON.parse(readFileSync(json, 'utf8'));
    expect(result.rubric).toBe('bac-kan-2018');
    expect(result.sheet).toBe('Tổng hợp');
    expect(result.units.map((u: { name: string; status: string }) => [u.name, u.status])).toEqual([
      ['Sở Tài chính', 'scored'],
      ['Sở Y tế', 'error'],
      ['Sở Xây dựng', 'scored'],
      ['Thanh tra tỉnh', 'missing'],
      ['Xã Cao Sơn', 'scored'],
    ]);
    expect(res.stdout).toContain('Cấp tỉnh: 4 đơn vị — 2 đã chấm, 1 cần sửa, 1 không gửi báo cáo');
  });

  it('scoring the scored copy again gives the same copy: no second block, no stacked highlights or notes', async () => {
    const dir = tempDir();
    const input = await writeXlsx([submission()], path.join(dir, 'in.xlsx'));
    const once = path.join(dir, 'once.xlsx');
    const twice = path.join(dir, 'twice.xlsx');
    expect((await run(['score', input, '--out', once])).code).toBe(0);
    expect((await run(['score', once, '--out', twice])).code).toBe(0);
    expect(await sheetSnapshot(twice)).toEqual(await sheetSnapshot(once));
    const rulesOf = async (file: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      return [
        (wb.getWorksheet('Tổng hợp') as unknown as { conditionalFormattings: unknown }).conditionalFormattings,
        wb.definedNames.model,
      ];
    };
    expect(await rulesOf(twice)).toEqual(await rulesOf(once));
  });

  it('rescoring the scored sample (two-row header and a column-number row) gives the same result and the same copy', async () => {
    const dir = tempDir();
    const sample = path.join(ROOT, 'examples', 'bac-kan-2018.xlsx');
    const once = path.join(dir, 'once.xlsx');
    const twice = path.join(dir, 'twice.xlsx');
    expect((await run(['score', sample, '--out', once, '--json', path.join(dir, 'a.json')])).code).toBe(0);
    expect((await run(['score', once, '--out', twice, '--json', path.join(dir, 'b.json')])).code).toBe(0);
    expect(readFileSync(path.join(dir, 'b.json'), 'utf8')).toBe(readFileSync(path.join(dir, 'a.json'), 'utf8'));
    expect(await sheetSnapshot(twice)).toEqual(await sheetSnapshot(once));
  });

  it('keeps conditional formats staff made and replaces only its own on a later Score', async () => {
    const dir = tempDir();
    const input = await writeXlsx([submission()], path.join(dir, 'in.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(input);
    wb.getWorksheet('Tổng hợp')!.addConditionalFormatting({
      ref: 'D4:D9',
      rules: [{ type: 'expression', formulae: ['D4>1000'], priority: 1, style: { font: { bold: true } } }],
    });
    await wb.xlsx.writeFile(input);
    const once = path.join(dir, 'once.xlsx');
    const twice = path.join(dir, 'twice.xlsx');
    await run(['score', input, '--out', once]);
    await run(['score', once, '--out', twice]);
    const read = new ExcelJS.Workbook();
    await read.xlsx.readFile(twice);
    const cfs = (read.getWorksheet('Tổng hợp') as unknown as { conditionalFormattings: { rules: { formulae: string[] }[] }[] })
      .conditionalFormattings;
    const formulas = cfs.flatMap((c) => c.rules.map((r) => r.formulae[0]));
    expect(formulas.filter((f) => f === 'D4>1000')).toHaveLength(1);
    expect(formulas.filter((f) => f.includes('Không gửi báo cáo'))).toHaveLength(1);
  });

  it('when a fix removes an error, its note and its red highlight go', async () => {
    const dir = tempDir();
    const input = await writeXlsx([submission()], path.join(dir, 'in.xlsx'));
    const once = path.join(dir, 'once.xlsx');
    await run(['score', input, '--out', once]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(once);
    wb.getWorksheet('Tổng hợp')!.getCell('G5').value = 90; // staff fix R2b
    await wb.xlsx.writeFile(once);
    const twice = path.join(dir, 'twice.xlsx');
    await run(['score', once, '--out', twice]);
    const read = new ExcelJS.Workbook();
    await read.xlsx.readFile(twice);
    const ws = read.getWorksheet('Tổng hợp')!;
    expect(ws.getCell('G5').note).toBeUndefined();
    expect(ws.getCell('AH5').value).toBe('....R..................'.slice(0, 23)); // only R1b stays red
  });

  it('refuses to grow the block over a cell staff typed, naming it, and writes nothing', async () => {
    const dir = tempDir();
    const input = await writeXlsx([submission()], path.join(dir, 'in.xlsx'));
    const once = path.join(dir, 'once.xlsx');
    expect((await run(['score', input, '--out', once])).code).toBe(0);
    // Staff add a unit on row 10, just below the block, and type a remark where the block must grow.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(once);
    const ws = wb.getWorksheet('Tổng hợp')!;
    unitRow(2, 'Xã Vi Hương', null, perfect({ K8: 4 })).forEach((v, c) => (ws.getCell(10, c + 1).value = v as ExcelJS.CellValue));
    ws.getCell('AB10').value = 'đã gọi điện nhắc';
    await wb.xlsx.writeFile(once);
    const twice = path.join(dir, 'twice.xlsx');
    const res = await run(['score', once, '--out', twice]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/AB10/);
    expect(existsSync(twice)).toBe(false);
  });

  it('a missing input fails with one line and exit status 1', async () => {
    const res = await run(['score', '/no/such/file.xlsx']);
    expect(res.code).toBe(1);
    expect(res.stderr.split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(/Không có tệp/);
  });

  it.each([
    [['score'], /một tệp/],
    [['score', 'x.xlsx', '--bogus'], /--bogus/],
    [['score', 'x.xlsx', '--json'], /--json.*cần một giá trị/],
    [['score', 'a.xlsx', 'b.xlsx'], /một tệp mỗi lần/],
    [['chấm'], /Không có lệnh "chấm"/],
    [[], /Cần một lệnh/],
  ])('%p is a usage error: the reason, then the usage, exit status 2', async (args, pattern) => {
    const res = await run(args as string[]);
    expect(res.code).toBe(2);
    expect(res.stderr.split('\n')[0]).toMatch(pattern);
    expect(res.stderr).toContain('Cách dùng:');
    expect(res.stdout).toBe('');
  });

  it('a file that cannot be scored writes nothing and says why in one line', async () => {
    const dir = tempDir();
    const cases: [string, () => Promise<string>, RegExp][] = [
      ['not an xlsx', async () => (writeFileSync(path.join(dir, 'bad.xlsx'), 'hello'), path.join(dir, 'bad.xlsx')), /xlsx/],
      [
        'no header',
        () => writeXlsx([{ name: 'S', rows: [['Xin chào'], ['Không có bảng']] }], path.join(dir, 'nohead.xlsx')),
        /tiêu đề|bảng tổng hợp/,
      ],
      [
        'a missing column',
        () =>
          writeXlsx([{ name: 'S', rows: [HEADER.filter((h) => h !== 'R6'), ['1', 'Sở A', 'Sở']] }], path.join(dir, 'nocol.xlsx')),
        /R6/,
      ],
    ];
    for (const [, make, pattern] of cases) {
      const input = await make();
      const out = path.join(dir, `${path.basename(input)}.out.xlsx`);
      const json = path.join(dir, `${path.basename(input)}.json`);
      const res = await run(['score', input, '--out', out, '--json', json]);
      expect(res.code).toBe(1);
      expect(res.stderr.split('\n')).toHaveLength(1);
      expect(res.stderr).toMatch(pattern);
      expect(existsSync(out)).toBe(false);
      expect(existsSync(json)).toBe(false);
    }
  });

  it('refuses --out naming the input file', async () => {
    const dir = tempDir();
    const input = await writeXlsx([submission()], path.join(dir, 'in.xlsx'));
    const before = sha(input);
    const res = await run(['score', input, '--out', path.join(dir, '.', 'in.xlsx')]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/tệp gốc/);
    expect(sha(input)).toBe(before);
  });

  it('refuses a rubric or unit list that does not validate, naming the problem', async () => {
    const dir = tempDir();
    const input = await writeXlsx([submission()], path.join(dir, 'in.xlsx'));
    const rubric = structuredClone(BUILTIN_RUBRIC);
    rubric.categories[0].max.province = 50;
    writeFileSync(path.join(dir, 'rubric.json'), JSON.stringify(rubric));
    const bad = await run(['score', input, '--rubric', path.join(dir, 'rubric.json'), '--json', path.join(dir, 'r.json')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/categories\[0\]\.max\.province/);
    expect(existsSync(path.join(dir, 'r.json'))).toBe(false);

    writeFileSync(path.join(dir, 'units.json'), JSON.stringify([{ name: 'Sở A', tier: 'tinh' }]));
    const badUnits = await run(['score', input, '--units', path.join(dir, 'units.json')]);
    expect(badUnits.code).toBe(1);
    expect(badUnits.stderr).toMatch(/mục 0: cấp "tinh" không có trong bộ tiêu chí \(dùng: tỉnh, huyện hoặc xã\)/);
  });

  it('a unit list file wins over the sheet: listed units with no row are missing', async () => {
    const dir = tempDir();
    const input = await writeXlsx([submission()], path.join(dir, 'in.xlsx'));
    const units = [
      { name: 'Sở Tài chính', tier: 'province' },
      { name: 'Sở Nội vụ', tier: 'province' },
    ];
    writeFileSync(path.join(dir, 'units.json'), JSON.stringify(units));
    const json = path.join(dir, 'r.json');
    expect((await run(['score', input, '--units', path.join(dir, 'units.json'), '--json', json])).code).toBe(0);
    const result = JSON.parse(readFileSync(json, 'utf8'));
    const last = result.units[result.units.length - 1];
    expect(last).toMatchObject({ name: 'Sở Nội vụ', status: 'missing', row: null });
    expect(result.units.find((u: { name: string }) => u.name === 'Sở Y tế').issues[0].code).toBe('unknown_unit');
  });

  it('carries parts it does not own byte for byte, without a warning: a chart, a constant name, a note on an empty cell', async () => {
    const dir = tempDir();
    const sheet = submission();
    sheet.notes = { ...sheet.notes, Z20: 'nhắc gọi lại Sở Y tế' };
    const input = await writeXlsx([sheet], path.join(dir, 'in.xlsx'));
    const zip = await JSZip.loadAsync(readFileSync(input));
    const chart = '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>';
    zip.file('xl/charts/chart1.xml', chart);
    // A name holding a constant.
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    const named = workbookXml.includes('<definedNames>')
      ? workbookXml.replace('<definedNames>', '<definedNames><definedName name="TyLeMucTieu">0.5</definedName>')
      : workbookXml.replace(
          '</sheets>',
          '</sheets><definedNames><definedName name="TyLeMucTieu">0.5</definedName></definedNames>',
        );
    zip.file('xl/workbook.xml', named);
    writeFileSync(input, await zip.generateAsync({ type: 'nodebuffer' }));
    const out = path.join(dir, 'out.xlsx');
    const res = await run(['score', input, '--out', out]);
    expect(res.code).toBe(0);
    expect(res.stderr).toBe('');
    const copy = await JSZip.loadAsync(readFileSync(out));
    expect(await copy.file('xl/charts/chart1.xml')!.async('string')).toBe(chart);
    expect(await copy.file('xl/workbook.xml')!.async('string')).toContain('<definedName name="TyLeMucTieu">0.5</definedName>');
    // The note on the empty cell Z20 stays in the comments part with its shape in the drawing.
    const comments = Object.keys(copy.files).filter((f) => /^xl\/comments\d*\.xml$/.test(f));
    const texts = await Promise.all(comments.map((f) => copy.file(f)!.async('string')));
    expect(texts.join('')).toMatch(/<comment ref="Z20"[^>]*>.*nhắc gọi lại Sở Y tế/);
    const vml = Object.keys(copy.files).filter((f) => f.endsWith('.vml'));
    const drawings = (await Promise.all(vml.map((f) => copy.file(f)!.async('string')))).join('');
    expect(drawings).toMatch(/<x:Row>19<\/x:Row>\s*<x:Column>25<\/x:Column>/);
  });

  it('runs as `npx cqdt` from the repository root', () => {
    const dir = tempDir();
    const file = path.join(dir, 'in.xlsx');
    execFileSync(process.execPath, ['-e', 'void 0']);
    const build = path.join(ROOT, 'build', 'cli', 'cqdt.js');
    if (!existsSync(build)) throw new Error('build/ is missing: npm test builds it first (pretest)');
    return writeXlsx([submission()], file).then(() => {
      const res = spawnSync('npx', ['cqdt', 'score', file, '--json', path.join(dir, 'r.json')], { cwd: ROOT, encoding: 'utf8' });
      expect(res.status).toBe(0);
      expect(res.stdout).toContain('Đã chấm trang "Tổng hợp"');
      expect(readdirSync(dir).sort()).toEqual(['in.xlsx', 'r.json']);
      expect(JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8')).units).toHaveLength(5);
    });
  });
});
