/**
 * The end of the table (docs/bang-tong-hop.md, "Cuối bảng và phần ghi chú"): the notes,
 * signatures and date lines departments put under the table are never units and never issues,
 * wherever their text stands; name-only units of the table stay units; a stray value far below
 * is ignored with a warning. Read through real .xlsx files.
 */
import { summaryParagraph } from '../src/report/summary';
import { resultJson } from '../src/report/resultJson';
import type { CellValue } from '../src/sheet/grid';
import { HEADER, perfect, readGrids, score, unitRow, writeXlsx, section } from './support/sheets';

/** A cell in input column `i` (0-based among the 20 inputs) of an otherwise empty row. */
const inInput = (i: number, text: CellValue, first: CellValue[] = [null, null, null]): CellValue[] => {
  const row: CellValue[] = [...first, ...new Array(20).fill(null)];
  row[3 + i] = text;
  return row;
};

async function scoreRows(rows: CellValue[][], options: Parameters<typeof score>[1] = {}) {
  const file = await writeXlsx([{ name: 'Tổng hợp', rows: [HEADER, ...rows] }]);
  return score(await readGrids(file), options);
}

describe('a footer under the table', () => {
  it('notes, a date line, titles and signers — some in input columns — are never units and never issues', async () => {
    const result = await scoreRows([
      section('I. CẤP TỈNH'),
      unitRow(1, 'Sở Tài chính', null, perfect()),
      unitRow(2, 'Sở Y tế', null, perfect({ K8: 5 })),
      [],
      [null, 'Ghi chú: số liệu do các đơn vị tự báo cáo.'],
      [],
      inInput(14, 'Thái Nguyên, ngày 15 tháng 01 năm 2026'),
      inInput(14, 'GIÁM ĐỐC', [null, 'NGƯỜI LẬP BIỂU', null]),
      inInput(14, '(Ký, ghi rõ họ tên)', [null, '(Ký, ghi rõ họ tên)', null]),
      [],
      inInput(14, 'Trần Thị Bình', [null, 'Nguyễn Văn An', null]),
    ]);
    expect(result.units.map((u) => u.name)).toEqual(['Sở Tài chính', 'Sở Y tế']);
    expect(result.units.flatMap((u) => u.issues)).toEqual([]);
    expect(result.sheetIssues).toEqual([]);
    expect(summaryParagraph(result)).toMatch(/^Tất cả 2 đơn vị đã gửi báo cáo\./);
  });

  it('a note between sections is skipped, and the units below it are still read', async () => {
    const result = await scoreRows([
      section('I. CẤP TỈNH'),
      unitRow(1, 'Sở Tài chính', null, perfect()),
      [null, 'Lưu ý: Sở Nội vụ gửi bổ sung ngày 10/01'],
      section('III. CẤP XÃ'),
      section('Huyện Ba Bể'),
      unitRow(1, 'Xã Chu Hương', null, perfect({ K8: 4 })),
    ]);
    expect(result.units.map((u) => [u.name, u.tier, u.district])).toEqual([
      ['Sở Tài chính', 'province', null],
      ['Xã Chu Hương', 'commune', 'Huyện Ba Bể'],
    ]);
  });

  it('name-only units after the last report stay units (no report), even after a blank row', async () => {
    const result = await scoreRows([
      section('III. CẤP XÃ'),
      section('Huyện Ba Bể'),
      unitRow(1, 'Xã Chu Hương', null, perfect({ K8: 4 })),
      [],
      unitRow(2, 'Xã Cao Thượng', null, {}),
      unitRow(3, 'UBND xã Hà Hiệu', null, {}),
      [],
      [null, 'Nguyễn Văn An'],
    ]);
    expect(result.units.map((u) => [u.name, u.status])).toEqual([
      ['Xã Chu Hương', 'scored'],
      ['Xã Cao Thượng', 'missing'],
      ['UBND xã Hà Hiệu', 'missing'],
    ]);
  });

  it('with an STT column, a numbered name-only row is a unit; an unnumbered line after a blank row is the footer', async () => {
    const result = await scoreRows([
      section('I. CẤP TỈNH'),
      unitRow(1, 'Sở Tài chính', null, perfect()),
      [],
      unitRow(2, 'Thanh tra tỉnh', null, {}),
      unitRow(null, 'Trưởng phòng Tin học', null, {}),
    ]);
    expect(result.units.map((u) => [u.name, u.status])).toEqual([
      ['Sở Tài chính', 'scored'],
      ['Thanh tra tỉnh', 'missing'],
    ]);
  });

  it('with a unit list, a listed name after a blank row is a unit and the rest is the footer', async () => {
    const file = await writeXlsx([
      {
        name: 'Tổng hợp',
        rows: [
          ['Tên đơn vị', 'Cấp', ...HEADER.slice(3)],
          ['Sở Tài chính', 'Sở', ...HEADER.slice(3).map((c) => perfect()[c as string] ?? null)],
          [],
          ['Thanh tra tỉnh'],
          ['Phó Chánh Văn phòng'],
        ],
      },
      {
        name: 'Danh mục đơn vị',
        rows: [
          ['Tên đơn vị', 'Cấp'],
          ['Sở Tài chính', 'Sở'],
          ['Thanh tra tỉnh', 'Sở'],
        ],
      },
    ]);
    const result = score(await readGrids(file));
    expect(result.units.map((u) => [u.name, u.status, u.row])).toEqual([
      ['Sở Tài chính', 'scored', 2],
      ['Thanh tra tỉnh', 'missing', 4],
    ]);
  });
});

describe('a stray value far below the table', () => {
  it('is ignored and reported once as a sheet warning at its cell', async () => {
    const rows: CellValue[][] = [section('I. CẤP TỈNH'), unitRow(1, 'Sở Tài chính', null, perfect())];
    for (let i = 0; i < 150; i++) rows.push([]);
    rows.push(inInput(3, 17, [null, 'Sở lạc', null])); // R2b, a count
    const result = await scoreRows(rows);
    expect(result.units.map((u) => u.name)).toEqual(['Sở Tài chính']);
    expect(result.sheetIssues.map((i) => [i.code, i.severity, i.cell])).toEqual([['below_table', 'warning', 'G154']]);
    expect(resultJson(result).sheetIssues).toEqual([
      {
        code: 'below_table',
        severity: 'warning',
        cell: 'G154',
        message:
          'Ô G154 có số liệu nằm cách bảng hơn 100 dòng trống nên không được tính; nếu đó là số liệu của một đơn vị, hãy chuyển lên trong bảng',
      },
    ]);
  });
});
