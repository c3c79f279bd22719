/**
 * The reader on real .xlsx files written by ExcelJS, in the layouts docs/bang-tong-hop.md allows
 * ("Bảng tổng hợp", "Số liệu gõ tay"): title rows, one- and two-row merged headers, column
 * numbers, section and district group rows, sub-totals, shuffled and name-only headers,
 * decomposed accents, values typed every way.
 */
import { BUILTIN_RUBRIC } from '../src/rubric/builtin';
import { scoreWorkbook } from '../src/scoring/scoreWorkbook';
import type { CellValue } from '../src/sheet/grid';
import { CODES, HEADER, PERFECT, perfect, readGrids, scoreViaXlsx, unitNamed, unitRow, writeXlsx } from './support/sheets';

const NAMES = Object.fromEntries(BUILTIN_RUBRIC.inputs.map((i) => [i.code, i.name]));
const values = (entries: Record<string, CellValue>): CellValue[] => CODES.map((c) => entries[c] ?? null);

describe('header', () => {
  it('finds a two-row header with merged group titles, a column-number row and title rows above', async () => {
    const readinessCodes = CODES.filter((c) => c.startsWith('R'));
    const lastReadiness = 3 + readinessCodes.length - 1; // D.. (0-based col index)
    const rows = [
      ['UBND TỈNH BẮC KẠN'],
      ['BẢNG TỔNG HỢP KẾT QUẢ NĂM 2018'],
      [],
      [
        'STT',
        'Tên đơn vị',
        'Cấp',
        'Điều kiện sẵn sàng',
        ...new Array(readinessCodes.length - 1).fill(null),
        'Kết quả Chính quyền điện tử',
      ],
      [null, null, null, ...CODES.map((c) => `${c} - ${NAMES[c]}`)],
      ['(1)', '(2)', '(3)', ...CODES.map((_, i) => `(${i + 4})`)],
      unitRow(1, 'Sở Tài chính', 'Sở', perfect()),
    ];
    const col = (i: number) => String.fromCharCode(65 + i);
    const json = await scoreViaXlsx([
      {
        name: 'Tổng hợp',
        rows,
        merges: [
          'A4:A5',
          'B4:B5',
          'C4:C5',
          `D4:${col(lastReadiness)}4`,
          `${col(lastReadiness + 1)}4:${col(3 + CODES.length - 1)}4`,
        ],
      },
    ]);
    expect(json.units).toHaveLength(1);
    expect(json.units[0]).toMatchObject({ name: 'Sở Tài chính', row: 7, status: 'scored', total: 108 });
  });

  it('matches columns by Vietnamese name in any order, any case, decomposed accents, and ignores unknown columns', async () => {
    const shuffled = [...CODES].reverse();
    const header = [
      'TÊN ĐƠN VỊ'.normalize('NFD'),
      'Ghi chú riêng',
      'cấp',
      ...shuffled.map((c) => NAMES[c].toUpperCase().normalize('NFD')),
    ];
    const row = ['Sở Y tế', 'đã kiểm tra', 'Sở', ...shuffled.map((c) => PERFECT[c])];
    const json = await scoreViaXlsx([{ name: 'Sheet1', rows: [header, row] }]);
    expect(json.units[0]).toMatchObject({ name: 'Sở Y tế', total: 108, status: 'scored' });
  });

  it('matches codes followed by a separator ("R1A. Tổng số…"), not longer codes', async () => {
    const header = ['Đơn vị', ...CODES.map((c, i) => (i % 2 ? `${c.toUpperCase()}. ${NAMES[c]}` : `${c}(${i})`))];
    const json = await scoreViaXlsx([{ name: 'S', rows: [header, ['Sở A', ...values(PERFECT)]] }], {});
    expect(json.units[0].total).toBeNull(); // no tier: Sở A is of unknown tier
    expect(json.units[0].issues.map((i) => i.code)).toEqual(['unknown_tier']);
  });

  it('refuses a sheet where an input has no column, naming the input', async () => {
    const file = await writeXlsx([{ name: 'S', rows: [HEADER.filter((h) => h !== 'K7'), ['1', 'Sở A', 'Sở']] }]);
    const out = scoreWorkbook({ sheets: await readGrids(file) });
    expect(out.ok).toBe(false);
    expect(!out.ok && out.message).toContain('K7');
  });

  it('refuses a sheet where an input has two columns, naming both headers', async () => {
    const file = await writeXlsx([
      {
        name: 'S',
        rows: [
          [...HEADER, `K7 - ${NAMES.K7}`],
          ['1', 'Sở A', 'Sở'],
        ],
      },
    ]);
    const out = scoreWorkbook({ sheets: await readGrids(file) });
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.message).toContain('K7');
      expect(out.message).toMatch(/V1.*X1/);
    }
  });

  it('fills a blank header cell from the one above when merge information is missing', () => {
    const rows = [
      ['STT', 'Tên đơn vị', 'Cấp', ...CODES.map(() => 'Số liệu')],
      [null, null, null, ...CODES],
      unitRow(1, 'Sở A', 'Sở', perfect()),
    ];
    const out = scoreWorkbook({ sheets: [{ name: 'S', rows, merges: null }] });
    expect(out.ok && out.result.units[0].totalCents).toBe(10800);
  });

  it("never scores the add-in's own sheets, also under a numbered or working name left behind", () => {
    const table = (name: string) => ({ name, rows: [HEADER, unitRow(1, name, 'Sở', perfect())], merges: [] });
    const own = ['Xếp hạng (CQĐT 2)', 'Lộ trình (đang ghi)', 'Tiêu chí còn yếu (CQĐT) (đang ghi)'];
    for (const name of own) {
      const out = scoreWorkbook({ sheets: [table(name), table('Tổng hợp')], activeSheet: name });
      expect(out.ok && out.result.sheet).toBe('Tổng hợp');
    }
    // A staff sheet whose name merely starts like one of ours is theirs to score.
    const staff = scoreWorkbook({ sheets: [table('Xếp hạng xã 2024')] });
    expect(staff.ok && staff.result.sheet).toBe('Xếp hạng xã 2024');
  });
});

describe('rows', () => {
  const sectioned = () => [
    ['BẢNG TỔNG HỢP'],
    HEADER.filter((h) => h !== 'Cấp'),
    ['I', 'CẤP TỈNH'],
    [1, 'Sở Tài chính', ...values(PERFECT)],
    [2, 'Thanh tra tỉnh'],
    [null, 'Cộng cấp tỉnh', ...values({ R1a: 100, R1b: 100 })],
    ['II', 'CẤP HUYỆN'],
    [1, 'Huyện Ba Bể', ...values(perfect({ K8: 0 }))],
    ['III', 'CẤP XÃ'],
    ['1', 'Huyện Ba Bể', ...values({ R1a: 300 })], // a group row carrying sub-totals
    [1, 'Xã Chu Hương'],
    [2, 'Xã Cao Thượng', ...values(perfect({ K8: 4 }))],
    ['2', 'Thành phố Bắc Kạn'],
    [1, 'Xã Dương Quang', ...values(perfect({ K8: 4 }))],
    [null, 'Tổng cộng:', ...values({ R1a: 999 })],
    [],
    [null, 'Người lập biểu'],
    [null, 'Nguyễn Văn A'],
  ];

  it('section rows set the tier, group rows the district; sub-totals, blank rows and signatures are not units', async () => {
    const json = await scoreViaXlsx([{ name: 'Tổng hợp', rows: sectioned() }]);
    expect(json.units.map((u) => [u.name, u.tier, u.district, u.status])).toEqual([
      ['Sở Tài chính', 'province', null, 'scored'],
      ['Thanh tra tỉnh', 'province', null, 'missing'],
      ['Huyện Ba Bể', 'district', null, 'scored'],
      ['Xã Chu Hương', 'commune', 'Huyện Ba Bể', 'missing'],
      ['Xã Cao Thượng', 'commune', 'Huyện Ba Bể', 'scored'],
      ['Xã Dương Quang', 'commune', 'Thành phố Bắc Kạn', 'scored'],
    ]);
    expect(unitNamed(json.units, 'Xã Cao Thượng').total).toBe(90);
  });

  it('a row with entries but no name is "Dòng N" with unnamed_row', async () => {
    const rows = [HEADER, unitRow(1, 'Sở A', 'Sở', perfect()), unitRow(2, null, 'Sở', perfect({ K5: 99 }))];
    const json = await scoreViaXlsx([{ name: 'S', rows }]);
    const unnamed = unitNamed(json.units, 'Dòng 3');
    expect(unnamed.status).toBe('error');
    expect(unnamed.issues.map((i) => [i.code, i.cell])).toEqual([['unnamed_row', 'B3']]);
    // it takes no part in the best K5
    expect(unitNamed(json.units, 'Sở A').criteria!.K5.points).toBe(8);
  });

  it('the "Cấp" cell wins over the section; an unrecognised one is unknown_tier and the section decides', async () => {
    const rows = [
      HEADER,
      ['I', 'CẤP TỈNH'],
      unitRow(1, 'Xã Lạc', 'Xã', perfect({ K8: 4 })),
      unitRow(2, 'Sở B', 'Cơ quan', perfect()),
    ];
    const json = await scoreViaXlsx([{ name: 'S', rows }]);
    expect(unitNamed(json.units, 'Xã Lạc').tier).toBe('commune');
    const b = unitNamed(json.units, 'Sở B');
    expect(b).toMatchObject({ tier: 'province', status: 'error', total: 108 });
    expect(b.issues.map((i) => [i.code, i.cell])).toEqual([['unknown_tier', 'C4']]);
  });

  it('a unit whose tier nothing decides has no scores', async () => {
    const json = await scoreViaXlsx([{ name: 'S', rows: [HEADER, unitRow(1, 'Ban ABC', null, perfect())] }]);
    expect(json.units[0]).toMatchObject({ tier: null, status: 'error', total: null, readiness: { score: null, level: null } });
    expect(json.units[0].criteria).toBeUndefined();
    expect(json.units[0].issues.map((i) => [i.code, i.cell])).toEqual([['unknown_tier', 'B2']]);
  });
});

describe('typed values', () => {
  it.each([
    ['1.234', 'scored'],
    ['1 234', 'scored'],
    ['12,5', 'not_integer'],
    ['1.5', 'not_a_number'],
    ['12.5', 'not_a_number'],
    ['khoảng 50', 'not_a_number'],
    ['-3', 'negative'],
    [true, 'not_a_number'],
  ])('K2a typed as %p', async (typed, expected) => {
    const json = await scoreViaXlsx([{ name: 'S', rows: [HEADER, unitRow(1, 'Sở A', 'Sở', perfect({ K2a: typed, K2b: 0 }))] }]);
    const u = json.units[0];
    if (expected === 'scored') {
      expect(u.status).toBe('scored');
    } else {
      expect(u.issues.map((i) => [i.code, i.cell, i.input])).toEqual([[expected, 'O2', 'K2a']]);
    }
  });

  it('reads a thousands-grouped count as its value', async () => {
    const json = await scoreViaXlsx([
      { name: 'S', rows: [HEADER, unitRow(1, 'Sở A', 'Sở', perfect({ K2a: '1.234', K2b: '617' }))] },
    ]);
    expect(json.units[0].criteria!.K2.points).toBe(5); // 617 / 1234 × 10
  });

  it('a date in a count is not_a_number', async () => {
    const json = await scoreViaXlsx([
      { name: 'S', rows: [HEADER, unitRow(1, 'Sở A', 'Sở', perfect({ K5: new Date(Date.UTC(2018, 4, 1)) }))] },
    ]);
    expect(json.units[0].issues.map((i) => i.code)).toEqual(['not_a_number']);
  });

  it('Excel error values are formula_error; formulas count by their cached result', async () => {
    const rows = [HEADER, unitRow(1, 'Sở A', 'Sở', perfect({ K6: { error: '#DIV/0!' }, K7: null }))];
    const json = await scoreViaXlsx([{ name: 'S', rows, formulas: { V2: ['U2/2', 250], D2: ['50+50', 100] } }]);
    const u = json.units[0];
    expect(u.issues.map((i) => [i.code, i.cell])).toEqual([['formula_error', 'U2']]);
    expect(u.criteria!.K7.points).toBe(2); // 250 / 500 × 4
  });

  it('a formula whose cached result is empty is blank', async () => {
    const rows = [HEADER, unitRow(1, 'Sở A', 'Sở', perfect({ K7: null }))];
    const json = await scoreViaXlsx([{ name: 'S', rows, formulas: { V2: ['IF(1=0,1,"")', ''] } }]);
    expect(json.units[0].issues.map((i) => [i.code, i.cell])).toEqual([['missing_entry', 'V2']]);
  });

  it('boolean cells answer yes/no inputs', async () => {
    const json = await scoreViaXlsx([{ name: 'S', rows: [HEADER, unitRow(1, 'Sở A', 'Sở', perfect({ R3: true, R7: false }))] }]);
    expect(json.units[0].criteria!.R3.points).toBe(4);
    expect(json.units[0].criteria!.R7.points).toBe(0);
  });
});

describe('the official unit list', () => {
  const list = [
    ['DANH MỤC ĐƠN VỊ'],
    ['STT', 'Tên đơn vị', 'Cấp', 'Thuộc huyện'],
    [1, 'Sở Tài chính', 'Tỉnh', null],
    [2, 'Thanh tra tỉnh', 'Tỉnh', null],
    [3, 'Xã Cao Sơn', 'Xã', 'Bạch Thông'],
    [4, 'Xã Cao Sơn', 'Xã', 'Ba Bể'],
  ];

  it('listed units with no row are missing (after the sheet units); unlisted ones are unknown_unit', async () => {
    const rows = [
      HEADER,
      unitRow(1, 'UBND Xã Cao Sơn', 'Xã', perfect({ K8: 4 })),
      unitRow(2, 'Sở Tài chính', null, perfect()),
      unitRow(3, 'Sở Lạ', 'Sở', perfect()),
      unitRow(4, 'Ban Vắng', 'Sở', {}), // not listed and no entries: ignored
    ];
    const json = await scoreViaXlsx([
      { name: 'Tổng hợp', rows },
      { name: 'Danh mục đơn vị', rows: list },
    ]);
    expect(json.units.map((u) => [u.name, u.tier, u.status, u.row])).toEqual([
      ['UBND Xã Cao Sơn', 'commune', 'scored', 2],
      ['Sở Tài chính', 'province', 'scored', 3],
      ['Sở Lạ', 'province', 'scored', 4],
      ['Thanh tra tỉnh', 'province', 'missing', null],
      ['Xã Cao Sơn', 'commune', 'missing', null],
    ]);
    expect(unitNamed(json.units, 'Sở Lạ').issues.map((i) => [i.code, i.severity, i.cell])).toEqual([
      ['unknown_unit', 'warning', 'B4'],
    ]);
  });

  it('the same unit on two submitted rows is duplicate_unit on each row', async () => {
    const rows = [HEADER, unitRow(1, 'Sở Tài chính', 'Sở', perfect()), unitRow(2, 'UBND sở tài chính', 'Sở', perfect())];
    const json = await scoreViaXlsx([{ name: 'S', rows }]);
    expect(json.units.map((u) => u.issues.map((i) => [i.code, i.cell]))).toEqual([
      [['duplicate_unit', 'B2']],
      [['duplicate_unit', 'B3']],
    ]);
    expect(json.units.every((u) => u.status === 'error' && u.rank === null)).toBe(true);
  });

  it('tone placement and decomposition do not make two units (Hoà = Hòa, Thuỷ = Thủy)', async () => {
    const rows = [
      HEADER,
      unitRow(1, 'Xã Hoà Mục', 'Xã', perfect({ K8: 4 })),
      unitRow(2, 'Xã Hòa Mục'.normalize('NFD'), 'Xã', perfect({ K8: 4 })),
    ];
    const json = await scoreViaXlsx([{ name: 'S', rows }]);
    expect(json.units.map((u) => u.issues.map((i) => i.code))).toEqual([['duplicate_unit'], ['duplicate_unit']]);
  });

  it('communes of the same name in different districts are different units', async () => {
    const rows = [
      HEADER.filter((h) => h !== 'Cấp'),
      ['III', 'CẤP XÃ'],
      ['1', 'Huyện Ba Bể'],
      [1, 'Xã Cao Sơn', ...values(perfect({ K8: 4 }))],
      ['2', 'Huyện Bạch Thông'],
      [1, 'Xã Cao Sơn', ...values(perfect({ K8: 4 }))],
    ];
    const json = await scoreViaXlsx([{ name: 'S', rows }]);
    expect(json.units.map((u) => [u.district, u.status])).toEqual([
      ['Huyện Ba Bể', 'scored'],
      ['Huyện Bạch Thông', 'scored'],
    ]);
  });

  it('a name-only row of a unit that also has a submitted row is dropped', async () => {
    const rows = [HEADER, unitRow(1, 'Sở A', 'Sở', {}), unitRow(2, 'Sở A', 'Sở', perfect())];
    const json = await scoreViaXlsx([{ name: 'S', rows }]);
    expect(json.units.map((u) => [u.row, u.status])).toEqual([[3, 'scored']]);
  });
});

describe('issues', () => {
  it('are listed in sheet order, and on one cell in the order of the codes table', async () => {
    const rows = [
      HEADER,
      ['I', 'CẤP TỈNH'],
      unitRow(1, 'Sở A', 'Cơ quan', perfect({ K8: 9, R1b: 'x', R3: 'có lẽ', K1: null })),
      unitRow(2, 'Sở A', 'Cơ quan', perfect()),
    ];
    const json = await scoreViaXlsx([{ name: 'S', rows }]);
    expect(json.units[0].issues.map((i) => [i.code, i.cell])).toEqual([
      ['duplicate_unit', 'B3'],
      ['unknown_tier', 'C3'],
      ['not_a_number', 'E3'],
      ['not_yes_no', 'H3'],
      ['missing_entry', 'N3'],
      ['out_of_range', 'W3'],
    ]);
    for (const issue of json.units[0].issues) expect(issue.message.length).toBeGreaterThan(10);
  });
});
