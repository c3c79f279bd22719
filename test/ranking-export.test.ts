/**
 * The ranking as CSV and JSON for other systems: quoting, the formula-injection guard, the BOM,
 * and the JSON's shape and order.
 */
import { csvField, guardFormula, rankingCsv, rankingCsvBytes, rankingJson } from '../src/export/rankingExport';
import type { ScoreResult } from '../src/scoring/types';
import { HEADER, grid, perfect, score, unitRow, section } from './support/sheets';

/** 108 (full), 106 (K7 half), 98 (not ranked); an error; a missing unit; one commune. */
function result(): ScoreResult {
  return score(
    grid([
      HEADER,
      section('I. CẤP TỈNH'),
      unitRow(1, 'Sở Văn hóa, Thể thao và Du lịch', null, perfect({ K7: 250 })),
      unitRow(2, '=HYPERLINK("http://x","bấm")', null, perfect({ R3: 'Không', K8: 0 })),
      unitRow(3, 'Sở Tài chính', null, perfect()),
      unitRow(4, '+Sở Lỗi', null, perfect({ R1b: 101 })),
      unitRow(5, 'Thanh tra tỉnh', null, {}),
      section('III. CẤP XÃ'),
      section('Huyện Pác Nặm'),
      unitRow(1, '@Xã Bộc Bố', null, perfect({ K8: 4 })),
    ]),
  );
}

/** A minimal RFC 4180 reader, to read the file back the way another system would. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

describe('CSV', () => {
  it('quotes per RFC 4180', () => {
    expect(csvField('Sở Tài chính')).toBe('Sở Tài chính');
    expect(csvField('Sở Văn hóa, Thể thao')).toBe('"Sở Văn hóa, Thể thao"');
    expect(csvField('a "b" c')).toBe('"a ""b"" c"');
    expect(csvField('dòng 1\ndòng 2')).toBe('"dòng 1\ndòng 2"');
  });

  it('keeps text starting with = + - @ from becoming a formula', () => {
    for (const t of ['=1+1', '+84', '-2', '@SUM(A1)', '\t=1']) expect(guardFormula(t).startsWith("'")).toBe(true);
    expect(guardFormula('Sở Tài chính')).toBe('Sở Tài chính');
  });

  it('writes UTF-8 with a BOM, CRLF lines and every unit in ranking order', () => {
    const bytes = rankingCsvBytes(result(), 2018);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = rankingCsv(result(), 2018);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text.slice(1));
    const [header, ...data] = rows;
    expect(header).toEqual([
      'Cấp',
      'Phần',
      'STT',
      'Tên đơn vị',
      'Thuộc huyện',
      'Điểm ĐKSS',
      'Mức ĐKSS',
      'Điểm Kết quả',
      'Mức Kết quả',
      'Tổng điểm',
      'Tỷ lệ (%)',
      'Thứ hạng',
    ]);
    const col = (name: string) => header.indexOf(name);
    expect(data.map((r) => r[col('Tên đơn vị')])).toEqual([
      'Sở Tài chính',
      'Sở Văn hóa, Thể thao và Du lịch', // the comma survives quoting
      `'=HYPERLINK("http://x","bấm")`,
      "'+Sở Lỗi",
      'Thanh tra tỉnh',
      "'@Xã Bộc Bố",
    ]);
    expect(data.map((r) => r[col('Phần')])).toEqual([
      'Xếp hạng',
      'Xếp hạng',
      'Xếp hạng',
      'Cần sửa',
      'Không gửi báo cáo',
      'Xếp hạng',
    ]);
    // Numbers with a decimal point for machines: 106 of 108 → 98,148…% → 98.15.
    const culture = data[1];
    expect([culture[col('Tổng điểm')], culture[col('Tỷ lệ (%)')], culture[col('Thứ hạng')]]).toEqual(['106.00', '98.15', '2']);
    expect(data[4][col('Tổng điểm')]).toBe('');
    expect(data[5][col('Thuộc huyện')]).toBe('Huyện Pác Nặm');
    expect(data[5][col('Cấp')]).toBe('Cấp xã');
  });
});

describe('JSON', () => {
  it('groups units by tier and part, with scores as numbers', () => {
    const json = rankingJson(result(), 2018);
    expect(json.year).toBe(2018);
    expect(json.title).toContain('NĂM 2018');
    expect(json.tiers.map((t) => t.tier)).toEqual(['province', 'commune']);
    const [province, commune] = json.tiers;
    expect(province.maxScore).toBe(108);
    expect(province.ranked.map((u) => [u.stt, u.name, u.total, u.rank])).toEqual([
      [1, 'Sở Tài chính', 108, 1],
      [2, 'Sở Văn hóa, Thể thao và Du lịch', 106, 2],
      [3, '=HYPERLINK("http://x","bấm")', 98, 3], // JSON carries the name as it is
    ]);
    expect(province.ranked[1].categories).toEqual({ readiness: { score: 48, level: 1 }, results: { score: 58, level: 2 } });
    expect(province.errors.map((u) => [u.name, u.status, u.total, u.rank])).toEqual([['+Sở Lỗi', 'error', 100, null]]);
    expect(province.missing.map((u) => [u.name, u.total, u.row])).toEqual([['Thanh tra tỉnh', null, 7]]);
    expect(commune.ranked[0]).toMatchObject({ name: '@Xã Bộc Bố', district: 'Huyện Pác Nặm', total: 90, percent: 100 });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
