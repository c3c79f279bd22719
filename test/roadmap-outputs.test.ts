/**
 * Where people see the paths (docs/lo-trinh.md): the "Lộ trình" sheet (one row per unit and
 * category, one header row to sort and filter by), the "Tiêu chí còn yếu" sheet (weakest first),
 * and the result letters (.docx, one section per unit) opened by LibreOffice.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unitLettersBytes } from '../src/export/unitLetters';
import { resultJson } from '../src/report/resultJson';
import { roadmapSheetPlan } from '../src/report/roadmapSheetPlan';
import { decisionSettings } from '../src/report/settings';
import { BUILTIN_RUBRIC } from '../src/rubric/builtin';
import { shortfallSheetPlan } from '../src/report/shortfallSheetPlan';
import { shortfalls } from '../src/report/shortfalls';
import type { ScoreResult } from '../src/scoring/types';
import { canConvertDocx, canReadPdf, convertWithLibreOffice, pdfLines } from './support/libreoffice';
import { HEADER, grid, perfect, score, tempDir, unitRow, section } from './support/sheets';

/** Sở A: "Kết quả" not ranked (K6 20 of 500); Sở B Mức 1 in both; Xã C with an error; Xã D sent nothing. */
function result(): ScoreResult {
  return score(
    grid([
      HEADER,
      section('I. CẤP TỈNH'),
      unitRow(1, 'Sở A', null, perfect({ K6: 20 })),
      unitRow(2, 'Sở B', null, perfect()),
      section('III. CẤP XÃ'),
      section('Huyện Na Rì'),
      unitRow(1, 'Xã C', null, perfect({ K8: 4, R2b: 'nhiều' })),
      unitRow(2, 'Xã D', null, {}),
    ]),
  );
}

const settings = decisionSettings({ year: 2018 }, BUILTIN_RUBRIC);

describe('the "Lộ trình" sheet', () => {
  const r = result();
  const plan = roadmapSheetPlan(r, settings);
  const header = plan.rows.findIndex((row) => row.kind === 'header');
  const titles = plan.rows[header].values;
  const units = plan.rows
    .filter((row) => row.kind === 'unit')
    .map((row) => Object.fromEntries(titles.map((t, i) => [t, row.values[i]])));

  it('has one header row, filterable, and one row per unit and category that has a next level', () => {
    expect(titles).toEqual([
      'STT',
      'Tên đơn vị',
      'Cấp',
      'Thuộc huyện',
      'Hạng mục',
      'Hiện nay',
      'Mục tiêu',
      'Số số liệu cần thay đổi',
      'Cần thay đổi',
      'Ô cần sửa',
    ]);
    expect(plan.printTitleRow).toBe(header + 1);
    expect(plan.filter).toBe(`A${header + 1}:J${header + 1 + units.length}`);
    // Sở A: Mức 1 readiness has no next level; Sở B is at the top in both; Xã C's error keeps its
    // readiness unranked (R2 counts 0) while its results are Mức 1; Xã D sent nothing.
    expect(units.map((u) => [u['Tên đơn vị'], u['Hạng mục'], u['Hiện nay'], u['Mục tiêu']])).toEqual([
      ['Sở A', 'Kết quả Chính quyền điện tử', 'Không xếp hạng', 'Mức 4'],
      ['Xã C', 'Điều kiện sẵn sàng', 'Không xếp hạng', 'Mức 4'],
    ]);
    expect(units[1]['Cần thay đổi']).toBe(
      'Sửa các ô có lỗi trước (G7), rồi chấm lại để biết lộ trình lên Mức 4 hạng mục Điều kiện sẵn sàng.',
    );
  });

  it("says what to change, in the department's words, with the cells — the same path as RESULT.json", () => {
    const a = units.find((u) => u['Tên đơn vị'] === 'Sở A')!;
    expect(a['Số số liệu cần thay đổi']).toBe(1);
    expect(a['Cần thay đổi']).toBe('K6 - Số hồ sơ tiếp nhận trực tuyến mức 3, 4: từ 20 lên 100 (ô U3)');
    expect(a['Ô cần sửa']).toBe('U3');
    expect(resultJson(r).units[0].categories.results.nextLevel!.changes).toEqual([
      { input: 'K6', cell: 'U3', from: 20, to: 100 },
    ]);
  });
});

describe('the "Tiêu chí còn yếu" sheet', () => {
  it("lists each tier's criteria weakest first, with the shares of the summary", () => {
    const r = result();
    const plan = shortfallSheetPlan(r, settings);
    const first = plan.rows.findIndex((row) => row.kind === 'header') + 1;
    const weakest = shortfalls(r)[0].criteria[0];
    // Of the two scored agencies, K6 averages (0,40 + 10) / 20 = 52 % and Sở A is under its minimum.
    expect(plan.rows[first].values.slice(0, 8)).toEqual([
      1,
      'K6',
      'Tỷ lệ hồ sơ trực tuyến mức 3, 4',
      'Kết quả Chính quyền điện tử',
      52,
      1,
      2,
      50,
    ]);
    expect(weakest).toMatchObject({ code: 'K6', counted: 2, under: 1, averagePercent: 52, underPercent: 50 });
  });
});

describe('the result letters', () => {
  (canConvertDocx() ? it : it.skip)(
    'open in LibreOffice: one letter per unit, its points, what is under the minimum and its path',
    async () => {
      const dir = tempDir('cqdt-letters-');
      const docx = path.join(dir, 'thu-ket-qua.docx');
      writeFileSync(docx, await unitLettersBytes(result(), settings));
      expect(convertWithLibreOffice(docx, 'txt:Text (encoded):UTF8', dir)).toBe(0);
      const text = readFileSync(path.join(dir, 'thu-ket-qua.txt'), 'utf8');
      expect(text.match(/THÔNG BÁO KẾT QUẢ ĐÁNH GIÁ/g)).toHaveLength(4);
      expect(text).toContain('Kính gửi: Sở A');
      expect(text).toContain('Tổng điểm: 98,40/108 điểm');
      expect(text).toContain('Các tiêu chí dưới mức tối thiểu: K6.');
      expect(text).toContain('Để lên Mức 4 hạng mục Kết quả Chính quyền điện tử:');
      expect(text).toContain('- K6 - Số hồ sơ tiếp nhận trực tuyến mức 3, 4: từ 20 lên 100 (ô U3)');
      expect(text).toContain('Kính gửi: Xã C (Huyện Na Rì)');
      expect(text).toMatch(/Sửa các ô có lỗi trước \(G7\)/);
      expect(text).toContain('Đơn vị không gửi báo cáo số liệu năm 2018');
    },
    150000,
  );

  (canConvertDocx() && canReadPdf() ? it : it.skip)(
    'printed: the heading as offices write it, the national motto on one line',
    async () => {
      const dir = tempDir('cqdt-letters-pdf-');
      const docx = path.join(dir, 'thu.docx');
      writeFileSync(docx, await unitLettersBytes(result(), settings));
      expect(convertWithLibreOffice(docx, 'pdf', dir)).toBe(0);
      const lines = pdfLines(path.join(dir, 'thu.pdf'));
      const headings = lines.filter((l) => l.includes('CỘNG HÒA'));
      expect(headings).toHaveLength(4);
      for (const line of headings) {
        expect(line).toMatch(/^\s*UBND TỈNH BẮC KẠN\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\s*$/);
      }
    },
    150000,
  );
});
