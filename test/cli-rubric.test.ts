/**
 * The built-in rubrics from the command line (docs/dong-lenh.md): `cqdt rubric --list`,
 * `cqdt rubric ID --out FILE`, and `--rubric` taking a file or a built-in id (a path that
 * exists wins); RESULT.json describes the rubric it was scored with (format 2).
 */
import JSZip from 'jszip';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { main } from '../src/cli/cqdt';
import { BAC_KAN_2018 } from '../src/rubric/builtin';
import { CDS_2025_MAU } from '../src/rubric/cds2025';
import type { ResultJson } from '../src/report/resultJson';
import { DTI, DTI_FULL, DTI_HEADER, dtiRow } from './support/dtiRubric';
import { readGrids, tempDir, writeXlsx } from './support/sheets';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('cqdt rubric', () => {
  it('--list names every built-in rubric, the example marked as one to adapt', async () => {
    const { code, stdout } = await run(['rubric', '--list']);
    expect(code).toBe(0);
    expect(stdout).toContain(`bac-kan-2018\t${BAC_KAN_2018.name}`);
    expect(stdout).toContain('cds-2025-mau\t');
    expect(stdout).toContain('mẫu minh hoạ — sửa theo quyết định của tỉnh');
  });

  it('writes a built-in rubric by id as JSON that reads back unchanged', async () => {
    const file = path.join(tempDir(), 'cds.json');
    const { code, stdout } = await run(['rubric', 'cds-2025-mau', '--out', file]);
    expect(code).toBe(0);
    expect(stdout).toBe(`Đã ghi bộ tiêu chí cds-2025-mau vào ${file}`);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(CDS_2025_MAU);
  });

  it('an unknown id is one line naming the built-ins', async () => {
    const { code, stderr } = await run(['rubric', 'khong-co']);
    expect(code).toBe(1);
    expect(stderr).toBe('cqdt: Không có bộ tiêu chí có sẵn mã "khong-co" (xem: cqdt rubric --list)');
  });
});

describe('cqdt score --rubric', () => {
  const sheet = () => ({
    name: 'Tổng hợp',
    rows: [
      ['BẢNG TỔNG HỢP CHỈ SỐ CHUYỂN ĐỔI SỐ NĂM 2025'],
      DTI_HEADER,
      [null, 'I. SỞ, BAN, NGÀNH'],
      dtiRow(1, 'Sở Tài chính', null, DTI_FULL),
      dtiRow(2, 'Sở Nội vụ', null, { ...DTI_FULL, C1: 'KAD', B2: 10 }),
      [null, 'II. XÃ, PHƯỜNG, ĐẶC KHU'],
      dtiRow(1, 'Phường Phan Đình Phùng', null, { ...DTI_FULL, A1: 'Phó Chủ tịch UBND' }),
      dtiRow(2, 'Xã Đại Từ', null, {}),
    ],
  });

  it('takes a rubric file; RESULT.json describes the rubric and its tiers (format 2)', async () => {
    const dir = tempDir();
    const rubric = path.join(dir, 'dti.json');
    writeFileSync(rubric, JSON.stringify(DTI));
    const input = await writeXlsx([sheet()], path.join(dir, 'in.xlsx'));
    const json = path.join(dir, 'out.json');
    const { code, stdout, stderr } = await run(['score', input, '--rubric', rubric, '--json', json]);
    expect([code, stderr]).toEqual([0, '']);
    const result = JSON.parse(readFileSync(json, 'utf8')) as ResultJson;
    expect(result).toMatchObject({ format: 2, rubric: 'dti-thu', rankBy: 'percent', levels: null });
    expect(result.units.map((u) => [u.name, u.tier, u.status, u.percent, u.grade, u.rank])).toEqual([
      ['Sở Tài chính', 'so', 'scored', 100, 'Tốt', 1],
      ['Sở Nội vụ', 'so', 'scored', 87.5, 'Khá', 2],
      ['Phường Phan Đình Phùng', 'xa', 'scored', 92.5, 'Tốt', 1],
      ['Xã Đại Từ', 'xa', 'missing', null, null, null],
    ]);
    // The printed summary speaks of the rubric's tiers and grades.
    expect(stdout).toContain('Sở, ban, ngành: 2 đơn vị');
    expect(stdout).toContain('Xếp loại: Tốt: 1, Khá: 1, Trung bình: 0, Yếu: 0');
    expect(stdout).not.toMatch(/huyện|Mức \d/);
  });

  it('takes a built-in id; a file of that name wins over the id', async () => {
    const dir = tempDir();
    const input = await writeXlsx([sheet()], path.join(dir, 'in.xlsx'));
    // The sheet has the DTI's inputs, not the example's: by id, the example is used and finds no table.
    const byId = await run(['score', input, '--rubric', 'cds-2025-mau']);
    expect(byId.code).toBe(1);
    expect(byId.stderr).toMatch(/Không tìm thấy bảng tổng hợp để chấm: .* các cột số liệu \(NL1, NT1, …\)$/);
    // A file named like the id, in the working directory, wins.
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      writeFileSync(path.join(dir, 'cds-2025-mau'), JSON.stringify(DTI));
      const byFile = await run(['score', input, '--rubric', 'cds-2025-mau']);
      expect(byFile.code).toBe(0);
    } finally {
      process.chdir(cwd);
    }
  });

  it('an id that is neither a file nor a built-in is one line naming the built-ins', async () => {
    const input = await writeXlsx([sheet()]);
    const { code, stderr } = await run(['score', input, '--rubric', 'dti-2026']);
    expect(code).toBe(1);
    expect(stderr).toBe(
      'cqdt: Không có tệp "dti-2026" và cũng không có bộ tiêu chí có sẵn mã "dti-2026" (các bộ có sẵn: bac-kan-2018, cds-2025-mau; xem: cqdt rubric --list)',
    );
  });
});

describe('cqdt score: the roadmap in the scored copy and the letters', () => {
  it('--out adds "Lộ trình" (filterable) and "Tiêu chí còn yếu"; --letters writes one letter per unit', async () => {
    const dir = tempDir();
    const input = await writeXlsx(
      [
        {
          name: 'Tổng hợp',
          rows: [
            ['BẢNG TỔNG HỢP CHỈ SỐ CHUYỂN ĐỔI SỐ NĂM 2025'],
            DTI_HEADER,
            [null, 'I. SỞ, BAN, NGÀNH'],
            dtiRow(1, 'Sở Tài chính', null, { ...DTI_FULL, A1: 'Phó Chủ tịch UBND', B2: 12.5 }),
            dtiRow(2, 'Sở Nội vụ', null, DTI_FULL),
          ],
        },
      ],
      path.join(dir, 'in.xlsx'),
    );
    const rubric = path.join(dir, 'dti.json');
    writeFileSync(rubric, JSON.stringify(DTI));
    const out = path.join(dir, 'out.xlsx');
    const letters = path.join(dir, 'thu.docx');
    const { code, stderr } = await run(['score', input, '--rubric', rubric, '--out', out, '--letters', letters, '--quiet']);
    expect([code, stderr]).toEqual([0, '']);
    const grids = await readGrids(out);
    expect(grids.map((g) => g.name)).toEqual(['Tổng hợp', 'Xếp hạng', 'Lộ trình', 'Tiêu chí còn yếu']);
    const roadmap = grids.find((g) => g.name === 'Lộ trình')!;
    const row = roadmap.rows.find((r) => r[1] === 'Sở Tài chính')!;
    expect(row.slice(3, 9)).toEqual(['Xếp loại', 'Khá', 'Tốt', 1, 'B2 - Điểm tự đánh giá: từ 12,5 lên 17,5 (ô H4)', 'H4']);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    const index = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].findIndex((m) => m[1] === 'Lộ trình');
    expect(await zip.file(`xl/worksheets/sheet${index + 1}.xml`)!.async('string')).toMatch(/<autoFilter ref="A4:I5"\/>/);
    const doc = await (await JSZip.loadAsync(readFileSync(letters))).file('word/document.xml')!.async('string');
    expect(doc.match(/THÔNG BÁO KẾT QUẢ ĐÁNH GIÁ/g)).toHaveLength(2);
    // Scoring the copy again changes nothing: the own sheets are rewritten in place, byte for byte.
    const again = path.join(dir, 'again.xlsx');
    expect((await run(['score', out, '--rubric', rubric, '--out', again, '--quiet'])).code).toBe(0);
    expect(readFileSync(again).equals(readFileSync(out))).toBe(true);
  });
});
