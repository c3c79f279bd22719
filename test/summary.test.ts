/**
 * The summary paragraph (docs/du-thao-quyet-dinh.md, "Đoạn tóm tắt"): hand-made sheets scored by
 * the engine, and the sentences a reader of the decision would check.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { BUILTIN_RUBRIC } from '../src/rubric/builtin';
import { compileRubric } from '../src/rubric/compiled';
import type { CellValue } from '../src/sheet/grid';
import { communeParts, districtInSentence, summaryParagraph, tierFigures } from '../src/report/summary';
import { wholePercent } from '../src/report/wholePercent';
import { Entries, HEADER, grid, perfect, readGrids, score, unitRow, section } from './support/sheets';
import { DTI, DTI_FULL, DTI_HEADER, dtiRow } from './support/dtiRubric';
import { parseRubric } from '../src/rubric/schema';
import { scoreWorkbook } from '../src/scoring/scoreWorkbook';

/** Full marks for a commune (K8's maximum is 4 there). */
const perfectCommune = (o: Entries = {}) => perfect({ K8: 4, ...o });
/** R3 "Không" (0 of 4) and K8 0 (0 of 6): both categories below the Mức 4 minimum. */
const notRankedEntries = { R3: 'Không', K8: 0 };
const summarise = (rows: CellValue[][]) => summaryParagraph(score(grid([HEADER, ...rows])));

describe('whole percent (docs/cach-cham-diem.md, bước 6)', () => {
  it('rounds half up from the exact counts and cents', () => {
    expect(wholePercent(11, 19)).toBe(58); // 57,89…
    expect(wholePercent(7, 8)).toBe(88); // 87,5 exactly
    expect(wholePercent(9605, 10800)).toBe(89); // 88,94…
    expect(wholePercent(5053, 9000)).toBe(56); // 56,14…
    expect(wholePercent(1, 8)).toBe(13); // 12,5 exactly
  });
});

describe('names in the notice style', () => {
  const compiled = compileRubric(BUILTIN_RUBRIC);
  const kinds = compiled.tiers.commune.def.kinds!;

  it("splits the commune kind (the rubric tier's kinds) from the name, whatever the case and a leading UBND", () => {
    expect(communeParts('Xã Dương Quang', kinds)).toEqual({ kind: 'xã', bare: 'Dương Quang' });
    expect(communeParts('UBND Thị trấn Chợ Mới', kinds)).toEqual({ kind: 'thị trấn', bare: 'Chợ Mới' });
    expect(communeParts('PHƯỜNG Sông Cầu', kinds)).toEqual({ kind: 'phường', bare: 'Sông Cầu' });
    expect(communeParts('Cao Sơn', kinds)).toEqual({ kind: null, bare: 'Cao Sơn' });
    // A kind the rubric does not declare is part of the name.
    expect(communeParts('Đặc khu Cô Tô', kinds)).toEqual({ kind: null, bare: 'Đặc khu Cô Tô' });
    expect(communeParts('Đặc khu Cô Tô', ['xã', 'phường', 'đặc khu'])).toEqual({ kind: 'đặc khu', bare: 'Cô Tô' });
  });

  it('writes the district with a lower-case first word, abbreviations written out', () => {
    expect(districtInSentence('Thành phố Bắc Kạn', compiled.groupWords)).toBe('thành phố Bắc Kạn');
    expect(districtInSentence('Huyện Ba Bể', compiled.groupWords)).toBe('huyện Ba Bể');
    expect(districtInSentence('TP. Bắc Kạn', compiled.groupWords)).toBe('thành phố Bắc Kạn');
  });
});

describe('summaryParagraph', () => {
  it('all units ranked: no missing sentence, full counts, the best total and its share', () => {
    const text = summarise([
      section('I. CẤP TỈNH'),
      unitRow(1, 'Sở Tài chính', null, perfect()), // 108,00
      unitRow(2, 'Sở Nội vụ', null, perfect({ K7: 250 })), // K7 250/500 of 4 → 2: 106,00
      section('II. CẤP HUYỆN'),
      unitRow(1, 'Huyện Ba Bể', null, perfect({ K7: 250 })), // 100 − 2 = 98,00
    ]);
    expect(text).toContain('Tất cả 3 đơn vị đã gửi báo cáo.');
    expect(text).not.toContain('không gửi báo cáo nên');
    expect(text).toContain('Với cấp tỉnh, 2/2 đơn vị được xếp hạng ở cả 2 hạng mục (tỷ lệ 100%)');
    expect(text).toContain('đơn vị điểm cao nhất là Sở Tài chính, đạt 108,00 điểm (tương đương 100% tổng điểm)');
    // 9800 of 10000 cents for a district.
    expect(text).toContain('Với cấp huyện, 1/1 đơn vị được xếp hạng ở cả 2 hạng mục (tỷ lệ 100%)');
    expect(text).toContain('Huyện Ba Bể, đạt 98,00 điểm (tương đương 98% tổng điểm)');
    expect(text).toContain('không có đơn vị nào bị đánh giá “Không xếp hạng”');
    expect(text).not.toContain('cấp xã');
  });

  it('no unit reported: every unit named, each tier says nothing was scored', () => {
    const text = summarise([
      section('I. CẤP TỈNH'),
      unitRow(1, 'Sở Y tế', null, {}),
      unitRow(2, 'Thanh tra tỉnh', null, {}),
      section('II. CẤP HUYỆN'),
      unitRow(1, 'Huyện Pác Nặm', null, {}),
    ]);
    expect(text).toBe(
      '3/3 đơn vị không gửi báo cáo nên không thể đánh giá, gồm: Sở Y tế, Thanh tra tỉnh và Huyện Pác Nặm. ' +
        'Với cấp tỉnh, không có đơn vị nào được chấm. Với cấp huyện, không có đơn vị nào được chấm.',
    );
  });

  it('units with errors are counted and named apart, and left out of every figure', () => {
    const result = score(
      grid([
        HEADER,
        section('I. CẤP TỈNH'),
        unitRow(1, 'Sở Tài chính', null, perfect(notRankedEntries)), // 108 − 4 − 6 = 98,00, not ranked
        // K2b, K4b, K6 at 30% of their totals: results 8 + 3 + 6 + 2,4 + 8 + 3 + 4 + 6 = 40,40 (Mức 3).
        unitRow(2, 'Sở Xây dựng', null, perfect({ K2b: 300, K4b: 150, K6: 150 })), // 88,40
        unitRow(3, 'Sở Công Thương', null, perfect({ K2b: 300, K4b: 150, K6: 150, K8: 5 })), // 87,40
        // R1b > R1a is an error; otherwise full marks but R1 (8): 100,00 — more than any scored unit.
        unitRow(4, 'Sở Lỗi Số Liệu', null, perfect({ R1b: 101 })),
      ]),
    );
    expect(result.units.map((u) => u.status)).toEqual(['scored', 'scored', 'scored', 'error']);
    const text = summaryParagraph(result);
    expect(text).toContain('Có 1 đơn vị có số liệu cần sửa, chưa được tính: Sở Lỗi Số Liệu.');
    expect(text).toContain('Trong số 4 đơn vị được đánh giá');
    // Denominators are the 3 scored units, not 4.
    expect(text).toContain('1/3 đơn vị cấp tỉnh (tỷ lệ 33%)');
    expect(text).toContain('2/3 đơn vị được xếp hạng ở cả 2 hạng mục (tỷ lệ 67%)');
    // The best is the scored unit's 98,00 (9800/10800 → 91%), not the erroneous 100,00.
    expect(text).toContain('đơn vị điểm cao nhất là Sở Tài chính, đạt 98,00 điểm (tương đương 91% tổng điểm)');
    expect(text).not.toContain('100,00');
  });

  it('a unit entered on two rows is named with each row, so staff know which entries are meant', () => {
    const result = score(
      grid([
        HEADER,
        section('I. CẤP TỈNH'),
        unitRow(1, 'Sở Tài chính', null, perfect()),
        unitRow(2, 'Sở Xây dựng', null, perfect()),
        unitRow(3, 'Sở Tài chính', null, perfect({ K8: 5 })),
      ]),
    );
    expect(summaryParagraph(result)).toContain(
      'Có 2 đơn vị có số liệu cần sửa, chưa được tính: Sở Tài chính (dòng 3), Sở Tài chính (dòng 5).',
    );
  });

  it('ties for the best total name every unit that has it, in sheet order', () => {
    const text = summarise([
      section('I. CẤP TỈNH'),
      unitRow(1, 'Sở Xây dựng', null, perfect()),
      unitRow(2, 'Sở Công Thương', null, perfect()),
      unitRow(3, 'Sở Nội vụ', null, perfect({ K7: 250 })),
    ]);
    expect(text).toContain('các đơn vị điểm cao nhất là Sở Xây dựng và Sở Công Thương, cùng đạt 108,00 điểm');
    expect(text).toContain('3/3 đơn vị được xếp hạng ở cả 2 hạng mục');
  });

  it('a unit ranked in one category only is named with its level and category', () => {
    // Readiness at 30% on R1, R2, R4, R6 and one IT officer (3 of 5): 23,30 of 40 = 58,25% → Mức 4;
    // K8 0 leaves results not ranked. Total 23,30 + 54,00 = 77,30.
    const naRi = perfect({ R1b: 30, R2b: 30, R4: 30, R6: 30, R5: 1, K8: 0 });
    const result = score(
      grid([
        HEADER,
        section('II. CẤP HUYỆN'),
        unitRow(1, 'Huyện Ba Bể', null, perfect(notRankedEntries)), // 100 − 4 − 6 = 90,00
        unitRow(2, 'Huyện Na Rì', null, naRi),
        unitRow(3, 'Huyện Ngân Sơn', null, perfect(notRankedEntries)),
      ]),
    );
    const text = summaryParagraph(result);
    expect(text).toContain('2/3 đơn vị cấp huyện (tỷ lệ 67%) được đánh giá “Không xếp hạng” đối với cả 2 hạng mục');
    expect(text).toContain('chỉ có Huyện Na Rì được xếp Mức 4 đối với hạng mục Điều kiện sẵn sàng');
    expect(text).toContain('điểm cao nhất là Huyện Ba Bể và Huyện Ngân Sơn, cùng đạt 90,00 điểm (tương đương 90% tổng điểm)');
    const [district] = tierFigures(result);
    expect(district).toMatchObject({ tier: 'district', scored: 3, rankedInNone: 2, rankedInAll: 0 });
    expect(district.partlyRanked.map((p) => p.unit.name)).toEqual(['Huyện Na Rì']);
  });

  it('nobody ranked in any category: the notice’s sentence for communes', () => {
    const text = summarise([
      section('III. CẤP XÃ'),
      unitRow(1, 'Xã Đồng Lạc', null, perfectCommune(notRankedEntries)), // 90 − 4 − 4 = 82,00
      unitRow(2, 'Xã Nam Cường', null, perfectCommune({ ...notRankedEntries, K7: 250 })), // K7 2 → 1: 81,00
    ]);
    expect(text).toContain('2/2 xã (tỷ lệ 100%) được đánh giá “Không xếp hạng” đối với cả 2 hạng mục');
    // 8200 / 9000 = 91,1% → 91%.
    expect(text).toContain(
      'Với cấp xã, không có đơn vị nào đủ điểm xếp hạng cho 1 trong 2 hạng mục; đơn vị điểm cao nhất là Xã Đồng Lạc, đạt 82,00 điểm (tương đương 91% tổng điểm).',
    );
  });

  it('leaves out a tier with no units and says so for a tier with no scored unit', () => {
    const text = summarise([
      section('I. CẤP TỈNH'),
      unitRow(1, 'Sở Tài chính', null, perfect()),
      section('II. CẤP HUYỆN'),
      unitRow(1, 'Huyện Chợ Đồn', null, {}), // no report
      unitRow(2, 'Huyện Bạch Thông', null, perfect({ K4b: 501 })), // K4b > K4a: error
    ]);
    expect(text).toContain('Với cấp huyện, không có đơn vị nào được chấm.');
    expect(text).toContain('Có 1 đơn vị có số liệu cần sửa, chưa được tính: Huyện Bạch Thông.');
    expect(text).toContain('1/3 đơn vị không gửi báo cáo nên không thể đánh giá, gồm: Huyện Chợ Đồn.');
    expect(text).not.toContain('cấp xã');
  });

  it('groups missing communes by district, repeating xã/phường/thị trấn only when it changes', () => {
    const text = summarise([
      section('I. CẤP TỈNH'),
      unitRow(1, 'Sở Tài chính', null, perfect()),
      unitRow(2, 'Thanh tra tỉnh', null, {}),
      section('III. CẤP XÃ'),
      section('Thành phố Bắc Kạn'),
      unitRow(1, 'Xã Dương Quang', null, {}),
      unitRow(2, 'Xã Nông Thượng', null, {}),
      unitRow(3, 'Phường Sông Cầu', null, perfectCommune()),
      section('Huyện Ba Bể'),
      unitRow(4, 'Xã Chu Hương', null, {}),
      section('Huyện Chợ Mới'),
      unitRow(5, 'Thị trấn Chợ Mới', null, {}),
      unitRow(6, 'Xã Quảng Chu', null, {}),
      unitRow(7, 'Xã Thanh Bình', null, {}),
      unitRow(8, 'Xã Yên Đĩnh', null, perfectCommune()),
    ]);
    // 10 units: 1 + 1 provincial, 8 communes; 7 sent nothing.
    expect(text).toContain(
      '7/10 đơn vị không gửi báo cáo nên không thể đánh giá, gồm: Thanh tra tỉnh và 6 xã, phường, thị trấn ' +
        '(UBND xã Dương Quang, Nông Thượng - thành phố Bắc Kạn; UBND xã Chu Hương - huyện Ba Bể; ' +
        'UBND thị trấn Chợ Mới, xã Quảng Chu, Thanh Bình - huyện Chợ Mới).',
    );
    expect(text).toContain('Trong số 3 đơn vị được đánh giá');
  });
});

describe('the best unit’s share of the maximum', () => {
  it('is over the tier’s maximum, even when a category does not apply to the unit', () => {
    // The test rubric with levels: "Kinh tế số" wholly not applicable to Sở A, whose own maximum
    // is 80 of the tier's 100.
    const parsed = parseRubric({
      ...DTI,
      levels: [
        { level: 1, categoryThreshold: 90, criterionMinimum: 70 },
        { level: 2, categoryThreshold: 60, criterionMinimum: 30 },
      ],
    });
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('; '));
    const rows = [DTI_HEADER, [null, 'I. SỞ, BAN, NGÀNH'], dtiRow(1, 'Sở A', null, { ...DTI_FULL, C1: 'KAD' })];
    const out = scoreWorkbook({ sheets: [{ name: 'Tổng hợp', rows, merges: [] }], rubric: compileRubric(parsed.rubric) });
    if (!out.ok) throw new Error(out.message);
    const unit = out.result.units[0];
    expect([unit.totalCents, unit.maxCents, out.result.rubric.tiers.so.maxCents]).toEqual([8000, 8000, 10000]);
    // 8000 / 10000 → 80%, not the unit's 100%.
    expect(summaryParagraph(out.result)).toContain('đạt 80,00 điểm (tương đương 80% tổng điểm)');
    expect(tierFigures(out.result)[0].best!.sharePercent).toBe(80);
  });
});

describe('the bundled 2018 sample reproduces the notice', () => {
  const sample = path.join(__dirname, '..', 'examples', 'bac-kan-2018.xlsx');
  const run = existsSync(sample) ? it : it.skip;

  run('states the figures of the 2019 notice', async () => {
    const text = summaryParagraph(score(await readGrids(sample)));
    expect(text).toContain('14/150 đơn vị không gửi báo cáo');
    expect(text).toContain('11/19 đơn vị cấp tỉnh (tỷ lệ 58%)');
    expect(text).toContain('7/8 đơn vị cấp huyện (tỷ lệ 88%)');
    expect(text).toContain('109/109 xã (tỷ lệ 100%)');
    expect(text).toContain('4/19 đơn vị được xếp hạng ở cả 2 hạng mục');
    expect(text).toMatch(/96,05 điểm \(tương đương 89% tổng điểm\)/);
    expect(text).toMatch(/50,53 điểm \(tương đương 56% tổng điểm\)/);
    expect(text).toMatch(/Na Rì được xếp Mức 4 đối với hạng mục Điều kiện sẵn sàng/);
  });
});
