/**
 * Appraisal on real .xlsx files: verified values from the "Thẩm định" sheet replace the
 * reported ones for scoring, the reported cell is never changed, and every invalid correction
 * is named at its row.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { main } from '../src/cli/cqdt';
import type { CellValue } from '../src/sheet/grid';
import type { ResultJson } from '../src/report/resultJson';
import { BuiltinResultJson, HEADER, perfect, tempDir, unitRow, withCategoryViews, writeXlsx, SheetSpec } from './support/sheets';

const APPRAISAL_HEADER = [
  'Tên đơn vị',
  'Thuộc huyện',
  'Mã chỉ số',
  'Số liệu báo cáo',
  'Số liệu thẩm định',
  'Lý do',
  'Người thẩm định',
  'Ngày',
];

function submission(): SheetSpec {
  return {
    name: 'Tổng hợp',
    rows: [
      ['BẢNG TỔNG HỢP NĂM 2018'],
      HEADER,
      ['I', 'CẤP TỈNH'],
      unitRow(1, 'Sở Tài chính', null, perfect({ K7: 0 })), // results 56 of 60, not ranked (K7 at 0%)
      unitRow(2, 'Sở Y tế', null, perfect()),
      unitRow(3, 'Thanh tra tỉnh', null, {}),
    ],
    notes: { V5: 'số liệu đã hỏi lại' },
  };
}

function appraisal(rows: CellValue[][]): SheetSpec {
  return { name: 'Thẩm định', rows: [['SỔ THẨM ĐỊNH'], APPRAISAL_HEADER, ...rows] };
}

async function score(sheets: SheetSpec[], extra: string[] = []) {
  const dir = tempDir();
  const input = await writeXlsx(sheets, path.join(dir, 'in.xlsx'));
  const out = path.join(dir, 'out.xlsx');
  const json = path.join(dir, 'r.json');
  const lines: string[] = [];
  const code = await main(['score', input, '--out', out, '--json', json, ...extra], {
    stdout: (t) => lines.push(t),
    stderr: (t) => lines.push(t),
  });
  expect(code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  return {
    input,
    out,
    wb,
    result: withCategoryViews(JSON.parse(readFileSync(json, 'utf8')) as ResultJson) as BuiltinResultJson & {
      appraisalIssues: { code: string; cell: string; severity: string }[];
    },
    stdout: lines.join('\n'),
  };
}

const unit = (result: BuiltinResultJson, name: string) => result.units.find((u) => u.name === name)!;

describe('appraisal', () => {
  const correction = [
    'Sở Tài chính',
    null,
    'K7',
    0,
    350,
    'Đối chiếu sổ bưu điện',
    'Nguyễn Thị Lan',
    new Date(Date.UTC(2019, 1, 15)),
  ];

  it('a verified value replaces the reported one: the score and the level change as the rubric says', async () => {
    const before = await score([submission()]);
    expect(unit(before.result, 'Sở Tài chính').results).toEqual({ score: 56, level: null });

    const { result, wb } = await score([submission(), appraisal([correction])]);
    const u = unit(result, 'Sở Tài chính');
    // K7 = 350 / 500 × 4 = 2,80 (70%): results 58,80 of 60 (98%) → Mức 1; total 106,80
    expect(u.criteria!.K7).toEqual({ points: 2.8, applicable: true });
    expect(u.results).toEqual({ score: 58.8, level: 1 });
    expect(u.total).toBe(106.8);
    expect(u.corrections).toEqual([
      {
        input: 'K7',
        reported: 0,
        verified: 350,
        reason: 'Đối chiếu sổ bưu điện',
        reviewer: 'Nguyễn Thị Lan',
        date: '2019-02-15',
        cell: "'Thẩm định'!E3",
      },
    ]);
    expect(result.appraisalIssues).toEqual([]);

    // The block shows the total before appraisal just before "Tổng điểm".
    const ws = wb.getWorksheet('Tổng hợp')!;
    const titles: unknown[] = [];
    for (let c = 24; c <= 35; c++) titles.push(ws.getCell(2, c).value);
    expect(titles.slice(4, 6)).toEqual(['Tổng điểm tự chấm', 'Tổng điểm']);
    expect(ws.getCell(4, 28).value).toBe(104);
    expect(ws.getCell(4, 29).value).toBe(106.8);
    // The reported cell is unchanged; it carries the add-in's note saying what was verified.
    expect(ws.getCell('V4').value).toBe(0);
    expect(ws.getCell('V4').note).toMatch(
      /^\[Chấm điểm\] Đã thẩm định: 0 → 350; lý do: Đối chiếu sổ bưu điện \(Nguyễn Thị Lan, 15\/2\/2019\)/,
    );
  });

  it('the reported cell stays byte-identical in the file', async () => {
    const { input, out } = await score([submission(), appraisal([correction])]);
    const cellXml = async (file: string) => {
      const JSZip = (await import('jszip')).default;
      const zip = await JSZip.loadAsync(readFileSync(file));
      const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
      return /<c r="V4"[^>]*?(?:\/>|>.*?<\/c>)/.exec(sheet)![0];
    };
    const styleOf = async (file: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const c = wb.getWorksheet('Tổng hợp')!.getCell('V4');
      return { value: c.value, style: c.style };
    };
    expect(await cellXml(out)).toBe(await cellXml(input));
    expect(await styleOf(out)).toEqual(await styleOf(input));
  });

  it('removing the correction row restores the original score', async () => {
    const withRow = await score([submission(), appraisal([correction])]);
    const without = await score([submission(), appraisal([])]);
    const plain = await score([submission()]);
    expect(unit(without.result, 'Sở Tài chính')).toEqual(unit(plain.result, 'Sở Tài chính'));
    expect(unit(withRow.result, 'Sở Tài chính').total).not.toBe(unit(plain.result, 'Sở Tài chính').total);
    // and the scored copy has no "Tổng điểm tự chấm" column any more
    expect(without.wb.getWorksheet('Tổng hợp')!.getCell(2, 28).value).toBe('Tổng điểm');
  });

  it('the lowest row for a unit and input wins, and only it is validated', async () => {
    const { result } = await score([
      submission(),
      appraisal([
        ['Sở Tài chính', null, 'K7', 0, 'nhiều', 'nhập sai', 'A', null],
        ['Sở Tài chính', null, 'k7', 0, 100, 'sửa lại', 'B', null],
      ]),
    ]);
    expect(unit(result, 'Sở Tài chính').corrections!.map((c) => c.verified)).toEqual([100]);
    expect(result.appraisalIssues).toEqual([]);
  });

  it('an invalid correction is not applied and is reported at its row with the submission codes', async () => {
    const { result, stdout } = await score([
      submission(),
      appraisal([
        ['Sở Tài chính', null, 'K7', 0, '12.5', 'x', 'A', null], // not a number (dot groups thousands)
        ['Sở Y tế', null, 'K2b', 1000, 1200, 'x', 'A', null], // above K2a = 1000
        ['Sở Y tế', null, 'K8', 6, 7, 'x', 'A', null], // above 6 points
        ['Sở Xây dựng', null, 'K1', 1, 2, 'x', 'A', null], // no such unit
        ['Sở Y tế', null, 'K99', 1, 2, 'x', 'A', null], // no such input
        ['Thanh tra tỉnh', null, 'R1a', null, 20, 'x', 'A', null], // sent no report
        ['Sở Y tế', null, 'R1b', 90, 95, 'đếm lại', 'A', null], // reported value differs: warning, applies
      ]),
    ]);
    expect(result.appraisalIssues.map((i) => [i.code, i.cell, i.severity])).toEqual([
      ['not_a_number', "'Thẩm định'!E3", 'error'],
      ['exceeds_total', "'Thẩm định'!E4", 'error'],
      ['out_of_range', "'Thẩm định'!E5", 'error'],
      ['unknown_unit', "'Thẩm định'!A6", 'error'],
      ['unknown_input', "'Thẩm định'!C7", 'error'],
      ['correction_on_missing', "'Thẩm định'!A8", 'error'],
      ['reported_value_changed', "'Thẩm định'!D9", 'warning'],
    ]);
    expect(unit(result, 'Sở Tài chính').corrections).toBeUndefined();
    expect(unit(result, 'Sở Y tế').corrections!.map((c) => c.input)).toEqual(['R1b']);
    expect(unit(result, 'Sở Y tế').criteria!.K2).toEqual({ points: 10, applicable: true }); // the reported 1000 stays
    expect(unit(result, 'Thanh tra tỉnh').status).toBe('missing');
    expect(stdout).toContain("'Thẩm định'!E4");
  });

  it('a correction can fix an invalid reported value', async () => {
    const sheet = submission();
    sheet.rows[4] = unitRow(2, 'Sở Y tế', null, perfect({ R2b: 120 })); // above R2a = 100
    const before = await score([sheet]);
    expect(unit(before.result, 'Sở Y tế').status).toBe('error');
    const { result } = await score([sheet, appraisal([['Sở Y tế', null, 'R2b', 120, 95, 'đếm lại máy', 'A', null]])]);
    const u = unit(result, 'Sở Y tế');
    expect(u.status).toBe('scored');
    expect(u.issues).toEqual([]);
    expect(u.criteria!.R2.points).toBe(5.7); // 95 / 100 × 6
  });
});
