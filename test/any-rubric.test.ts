/**
 * A rubric of this year's kind (docs/cach-cham-diem.md): tiers, kinds and grades declared by the
 * rubric — choice answers, ratio bands, info entries as warnings, inputs a tier does not read,
 * a group wholly not applicable shrinking the maximum, grades on the percent as shown, rank by
 * percent with shared places — and every output worded from the rubric.
 */
import { rankingSheetPlan } from '../src/report/rankingSheetPlan';
import { planResultBlock } from '../src/report/resultBlock';
import { resultJson } from '../src/report/resultJson';
import { decisionSettings } from '../src/report/settings';
import { summaryParagraph } from '../src/report/summary';
import { tierCounts } from '../src/report/tierCounts';
import { compileRubric } from '../src/rubric/compiled';
import { parseRubric } from '../src/rubric/schema';
import { scoreWorkbook } from '../src/scoring/scoreWorkbook';
import type { ScoreResult, UnitResult } from '../src/scoring/types';
import type { CellValue, Grid } from '../src/sheet/grid';
import { DTI, DTI_FULL, DTI_HEADER, compiledDti, dtiRow } from './support/dtiRubric';
import { section } from './support/sheets';

const rubric = compiledDti();
const sheet = (rows: CellValue[][]): Grid => ({ name: 'Tổng hợp', rows: [DTI_HEADER, ...rows], merges: [] });

function score(rows: CellValue[][]): ScoreResult {
  const out = scoreWorkbook({ sheets: [sheet(rows)], rubric });
  if (!out.ok) throw new Error(out.message);
  return out.result;
}

const named = (r: ScoreResult, name: string): UnitResult => r.units.find((u) => u.name === name)!;
const points = (u: UnitResult, code: string) => u.criteria!.find((c) => c.code === code)!.cents;
const codes = (u: UnitResult) => u.issues.map((i) => [i.code, i.severity, i.cell]);

describe('choice', () => {
  const one = (a1: CellValue) =>
    named(score([section('I. SỞ, BAN, NGÀNH'), dtiRow(1, 'Sở A', null, { ...DTI_FULL, A1: a1 })]), 'Sở A');

  it('gives each answer its whole percent of the maximum, answers matched like names', () => {
    expect(points(one('Chủ tịch UBND'), 'A1')).toBe(1500);
    expect(points(one('  phó chủ tịch ubnd. '), 'A1')).toBe(750); // case, spaces, trailing dot
    expect(points(one('Không có'), 'A1')).toBe(0);
  });

  it('a blank answer counts 0 with a missing entry; any other text is not_a_choice naming the answers', () => {
    const blank = one(null);
    expect(points(blank, 'A1')).toBe(0);
    expect(codes(blank)).toEqual([['missing_entry', 'warning', 'D3']]);
    const wrong = one('Giám đốc');
    expect(wrong.status).toBe('error');
    expect(wrong.issues[0]).toMatchObject({ code: 'not_a_choice', cell: 'D3', input: 'A1' });
    expect(wrong.issues[0].message).toBe(
      'A1 - Trưởng ban chỉ đạo: "Giám đốc" không phải một phương án (ghi một trong: "Chủ tịch UBND", "Phó Chủ tịch UBND", "Không có")',
    );
  });
});

describe('ratio bands', () => {
  const with_ = (b1a: CellValue, b1b: CellValue) =>
    named(score([section('I. SỞ, BAN, NGÀNH'), dtiRow(1, 'Sở A', null, { ...DTI_FULL, B1a: b1a, B1b: b1b })]), 'Sở A');

  it('the first band the ratio reaches gives its percent: a × 100 ≥ bound × b, exactly at the bound', () => {
    expect(points(with_(100, 80), 'B1')).toBe(3000);
    expect(points(with_(100, 79), 'B1')).toBe(1500);
    expect(points(with_(3, 1), 'B1')).toBe(0); // 33% is below every band
    expect(points(with_(7, 4), 'B1')).toBe(1500); // 57,1%
  });

  it('keeps the ratio rules: blank total 0, 0 of 0 not applicable, a part above its total an error', () => {
    expect(points(with_(null, 5), 'B1')).toBe(0);
    const none = with_(0, 0);
    expect(points(none, 'B1')).toBeNull();
    // 20 of an applicable 20 in the group becomes its full 50.
    expect(none.categories.find((c) => c.id === 'chinh_quyen')!.scoreCents).toBe(5000);
    const over = with_(10, 11);
    expect(over.status).toBe('error');
    expect(over.issues.map((i) => i.code)).toEqual(['exceeds_total']);
  });
});

describe('info entries and inputs a tier does not read', () => {
  it('an invalid info entry is a warning: the unit stays scored, the entry scores nothing', () => {
    const r = score([section('II. XÃ, PHƯỜNG, ĐẶC KHU'), dtiRow(1, 'Xã A', null, { ...DTI_FULL, D1: 'nhiều' })]);
    const u = named(r, 'Xã A');
    expect(u.status).toBe('scored');
    expect(codes(u)).toEqual([['not_a_number', 'warning', 'J3']]);
    expect(u.totalCents).toBe(10000);
    const json = resultJson(r).units[0];
    expect(json.criteria!.D1).toEqual({ points: null, applicable: false, value: null });
    expect(json.criteria!.E1).toEqual({ points: null, applicable: false, value: 5000 });
  });

  it('a verified info entry that is not a number is a warning on the appraisal sheet, and the unit keeps its score', () => {
    const appraisal: Grid = {
      name: 'Thẩm định',
      rows: [
        ['Tên đơn vị', 'Mã chỉ số', 'Số liệu báo cáo', 'Số liệu thẩm định', 'Lý do'],
        ['Xã A', 'D1', 4, 'nhiều', 'hỏi lại'],
      ],
      merges: [],
    };
    const out = scoreWorkbook({
      sheets: [sheet([section('II. XÃ, PHƯỜNG, ĐẶC KHU'), dtiRow(1, 'Xã A', null, DTI_FULL)]), appraisal],
      rubric,
    });
    if (!out.ok) throw new Error(out.message);
    expect(out.result.appraisal!.issues.map((i) => [i.code, i.severity, i.cell])).toEqual([
      ['not_a_number', 'warning', "'Thẩm định'!D2"],
    ]);
    expect(named(out.result, 'Xã A').totalCents).toBe(10000);
  });

  it('a department ignores the commune-only inputs: no issue whatever they hold, and they alone do not make a report', () => {
    const r = score([
      section('I. SỞ, BAN, NGÀNH'),
      dtiRow(1, 'Sở A', null, { ...DTI_FULL, D1: 'rác', E1: -4 }),
      dtiRow(2, 'Sở B', null, { D1: 12 }),
    ]);
    expect(codes(named(r, 'Sở A'))).toEqual([]);
    expect(named(r, 'Sở A').criteria!.map((c) => c.code)).toEqual(['A1', 'A2', 'B1', 'B2', 'C1']);
    expect(named(r, 'Sở B').status).toBe('missing');
    expect(named(r, 'Sở B').issues).toEqual([]);
  });

  it('a row of unknown tier gets every type check', () => {
    const r = score([dtiRow(1, 'Trung tâm X', null, { ...DTI_FULL, D1: 'rác' })]);
    const u = named(r, 'Trung tâm X');
    expect(u.tier).toBeNull();
    expect(u.issues.map((i) => i.code)).toEqual(['unknown_tier', 'not_a_number']);
  });
});

describe('maximum, percent, grade and rank', () => {
  const result = score([
    section('I. SỞ, BAN, NGÀNH'),
    dtiRow(1, 'Sở A', null, DTI_FULL), // 100 of 100
    dtiRow(2, 'Sở B', null, { ...DTI_FULL, C1: 'KAD', B2: 18 }), // 78 of 80: 97,50%
    dtiRow(3, 'Sở C', null, { ...DTI_FULL, A1: 'Phó Chủ tịch UBND', B2: 12.5 }), // 85 - 7,5 - 7,5 → 85,00
    dtiRow(4, 'Sở D', null, { ...DTI_FULL, A2: 'Không', C1: 'KAD', B2: 13 }), // 58 of 80: 72,50%
    dtiRow(5, 'Sở E', null, { ...DTI_FULL, A2: 'Không', B2: 17.5 }), // 82,50
    dtiRow(6, 'Sở F', null, { ...DTI_FULL, A1: 'Không có', A2: 'Không', B1b: 40, C1: 0, B2: 5 }), // 5 of 100
    section('II. XÃ, PHƯỜNG, ĐẶC KHU'),
    dtiRow(1, 'Xã G', null, { ...DTI_FULL, C1: 'KAD' }), // N/A not allowed for communes
    dtiRow(2, 'Phường H', null, {}),
  ]);
  const u = (name: string) => named(result, name);

  it('a group wholly not applicable leaves the total and the unit maximum', () => {
    expect([u('Sở B').totalCents, u('Sở B').maxCents, u('Sở B').percentHundredths]).toEqual([7800, 8000, 9750]);
    expect(u('Sở B').categories.find((c) => c.id === 'kinh_te')).toMatchObject({ applicable: false, scoreCents: null });
    expect([u('Sở A').maxCents, u('Sở D').percentHundredths]).toEqual([10000, 7250]);
  });

  it('grades the percent as shown, and ranks by percent with shared places', () => {
    expect(['Sở A', 'Sở B', 'Sở C', 'Sở D', 'Sở E', 'Sở F'].map((n) => [u(n).percentHundredths, u(n).grade, u(n).rank])).toEqual([
      [10000, 'Tốt', 1],
      [9750, 'Tốt', 2],
      [8500, 'Khá', 3],
      [7250, 'Khá', 5],
      [8250, 'Khá', 4],
      [500, 'Yếu', 6],
    ]);
    // A unit with errors has no grade and no rank; its figures are still shown.
    expect(u('Xã G').status).toBe('error');
    expect([u('Xã G').grade, u('Xã G').rank]).toEqual([null, null]);
    expect(u('Phường H').status).toBe('missing');
  });

  it("counts per tier with grades, in the rubric's words", () => {
    const [so, xa] = tierCounts(result);
    expect(so).toMatchObject({ label: 'Sở, ban, ngành', units: 6, scored: 6, error: 0, missing: 0 });
    expect(so.grades).toEqual([
      { name: 'Tốt', count: 2 },
      { name: 'Khá', count: 3 },
      { name: 'Trung bình', count: 0 },
      { name: 'Yếu', count: 1 },
    ]);
    expect(so.categories.map((c) => c.byLevel)).toEqual([[], [], []]);
    expect(xa).toMatchObject({ label: 'Xã, phường, đặc khu', units: 2, scored: 0, error: 1, missing: 1 });
  });

  it('writes the block with Điểm tối đa and Xếp loại, no level columns, and "Dưới mức tối thiểu" for the lowest grade', () => {
    const planned = planResultBlock(result, { existing: null, isOccupied: () => false });
    if (!planned.ok) throw new Error(planned.message);
    const plan = planned.plan;
    expect(plan.columns.map((c) => c.title)).toEqual([
      'Điểm NTS',
      'Điểm CQS',
      'Điểm KTS',
      'Tổng điểm',
      'Điểm tối đa',
      'Tỷ lệ (%)',
      'Xếp loại',
      'Thứ hạng',
      'Trạng thái',
      'Cần chú ý',
      'Ghi chú',
      'Đánh dấu',
    ]);
    const row = (name: string) => {
      const values = plan.values[u(name).row! - 1 - plan.top];
      return Object.fromEntries(plan.columns.map((c, i) => [c.title, values[i]]));
    };
    expect(row('Sở B')).toMatchObject({
      'Điểm KTS': null,
      'Tổng điểm': 78,
      'Điểm tối đa': 80,
      'Tỷ lệ (%)': 97.5,
      'Xếp loại': 'Tốt',
    });
    expect(row('Sở F')['Cần chú ý']).toBe('Dưới mức tối thiểu');
    expect(row('Sở C')['Cần chú ý']).toBeNull();
    // The lowest grade is highlighted like "Không xếp hạng" in 2018.
    const gradeLetter = String.fromCharCode(65 + plan.left + 6);
    expect(plan.rules.some((r) => r.formula.endsWith('="Yếu"') && r.range.startsWith(gradeLetter))).toBe(true);
    expect(plan.rules.some((r) => r.formula.includes('Không xếp hạng'))).toBe(false);
  });

  it("writes the summary in the grade wording, per tier, with the tiers' own phrases", () => {
    const text = summaryParagraph(result);
    expect(text).toBe(
      '1/8 đơn vị không gửi báo cáo nên không thể đánh giá, gồm: 1 phường (UBND phường H). ' +
        'Có 1 đơn vị có số liệu cần sửa, chưa được tính: Xã G. ' +
        'Với cấp sở: 2/6 đơn vị (tỷ lệ 33%) xếp loại Tốt, 3/6 (50%) Khá, 0/6 (0%) Trung bình, 1/6 (17%) Yếu; ' +
        'cao nhất Sở A (100,00%), thấp nhất Sở F (5,00%). ' +
        'Với cấp xã, không có đơn vị nào được chấm. ' +
        // Kế hoạch năm: 3 of 6 departments at 0 of 15 (45 of 90 in all); Tự đánh giá 86 of 120 (72 %);
        // Sản phẩm trên sàn 60 of 80 (75 %), just ahead of the chair's 67,5 of 90 (75 %) for having more units under half.
        'Với cấp sở, các tiêu chí còn yếu nhất là Kế hoạch năm (bình quân đạt 50% điểm tối đa; 3/6 đơn vị dưới một nửa điểm tối đa), ' +
        'Tự đánh giá (bình quân đạt 72% điểm tối đa; 1/6 đơn vị dưới một nửa điểm tối đa) và ' +
        'Sản phẩm trên sàn (bình quân đạt 75% điểm tối đa; 1/4 đơn vị dưới một nửa điểm tối đa).',
    );
  });

  it('lays out the ranking sheet per tier, without a group column or level columns', () => {
    const plan = rankingSheetPlan(result, decisionSettings({ year: 2025 }, DTI));
    const headers = plan.rows.filter((r) => r.kind === 'header').map((r) => r.values.filter((v) => v !== null));
    expect(headers[0]).toEqual([
      'STT',
      'Tên đơn vị',
      'Điểm NTS',
      'Điểm CQS',
      'Điểm KTS',
      'Tổng điểm',
      'Điểm tối đa',
      'Tỷ lệ (%)',
      'Xếp loại',
      'Thứ hạng',
    ]);
    const titles = plan.rows.filter((r) => r.kind === 'tierTitle').map((r) => r.values[0]);
    expect(titles).toEqual([
      'I. SỞ, BAN, NGÀNH (tổng điểm tối đa: 100 điểm)',
      'II. XÃ, PHƯỜNG, ĐẶC KHU (tổng điểm tối đa: 100 điểm)',
    ]);
    // Same columns in both tables: the header row repeats on every printed page.
    expect(plan.printTitleRow).not.toBeNull();
    expect(plan.pageBreaks).toEqual([]);
  });

  it("names only the rubric's tiers in JSON and text", () => {
    const json = resultJson(result);
    expect(json).toMatchObject({
      format: 2,
      rubric: 'dti-thu',
      tiers: [
        { id: 'so', name: 'Sở, ban, ngành' },
        { id: 'xa', name: 'Xã, phường, đặc khu' },
      ],
      levels: null,
      grades: DTI.grades,
      rankBy: 'percent',
      sheetIssues: [],
    });
    expect(json.units.every((x) => x.district === null)).toBe(true);
    expect(json.units.find((x) => x.name === 'Phường H')).toMatchObject({ categories: {}, total: null, max: null, grade: null });
    const all = JSON.stringify(json) + summaryParagraph(result);
    expect(all).not.toMatch(/huyện|cấp tỉnh|Mức \d/i);
  });
});

describe('ties and grades on the percent as shown', () => {
  it('equal shown percents share a rank, whatever the totals', () => {
    // 7999 of 8000 (a department whose group KTS does not apply) is 99,9875% → 99,99;
    // 9999 of 10000 is 99,99% exactly: the same shown percent, so the same rank.
    const r = score([
      section('I. SỞ, BAN, NGÀNH'),
      dtiRow(1, 'Sở A', null, { ...DTI_FULL, B2: 19.99 }),
      dtiRow(2, 'Sở B', null, { ...DTI_FULL, C1: 'KAD', B2: 19.99 }),
      dtiRow(3, 'Sở C', null, DTI_FULL),
    ]);
    expect(
      ['Sở A', 'Sở B', 'Sở C'].map((n) => [named(r, n).totalCents, named(r, n).percentHundredths, named(r, n).rank]),
    ).toEqual([
      [9999, 9999, 2],
      [7999, 9999, 2],
      [10000, 10000, 1],
    ]);
  });

  it('89,995 % shows 90,00 and is graded Tốt, though the exact share is under 90 %', () => {
    // The same index on 1,000 points: 899,95 of 1,000.
    const tenfold = JSON.parse(JSON.stringify(DTI)) as typeof DTI;
    for (const c of tenfold.categories) for (const t of Object.keys(c.max)) c.max[t] *= 10;
    for (const c of tenfold.criteria) {
      for (const t of Object.values(c.tiers)) {
        if (t.max !== undefined) t.max *= 10;
        for (const b of t.bands ?? []) b.points *= 10;
      }
    }
    const parsed = parseRubric(tenfold);
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('; '));
    const out = scoreWorkbook({
      sheets: [
        sheet([section('I. SỞ, BAN, NGÀNH'), dtiRow(1, 'Sở D', null, { ...DTI_FULL, A1: 'Phó Chủ tịch UBND', B2: 174.95 })]),
      ],
      rubric: compileRubric(parsed.rubric),
    });
    if (!out.ok) throw new Error(out.message);
    const d = out.result.units[0];
    expect([d.totalCents, d.maxCents, d.percentHundredths, d.grade]).toEqual([89995, 100000, 9000, 'Tốt']);
  });
});

describe('what the rubric itself must satisfy', () => {
  const refuse = (patch: (r: typeof DTI) => unknown) => {
    const copy = JSON.parse(JSON.stringify(DTI));
    patch(copy);
    const parsed = parseRubric(copy);
    return parsed.ok ? [] : parsed.problems.map((p) => `${p.path}: ${p.message}`);
  };

  it('rank by total is refused when maxima may differ within a tier, saying why', () => {
    expect(refuse((r) => ((r as { rankBy: string }).rankBy = 'total'))).toEqual([
      'rankBy: Bộ tiêu chí phải xếp thứ hạng theo tỷ lệ (%): hạng mục "Kinh tế số" có thể không áp dụng toàn bộ với đơn vị cấp sở, nên điểm tối đa của các đơn vị cùng cấp có thể khác nhau',
    ]);
  });

  it('a "Cấp" value belongs to one tier; choice answers are distinct and all scored; grades end at 0', () => {
    expect(refuse((r) => r.tiers[1].cellValues.push('Sở'))).toEqual([
      'tiers[1].cellValues[4]: Giá trị cột "Cấp" "Sở" đã dùng cho cấp so; mỗi giá trị chỉ thuộc một cấp',
    ]);
    expect(refuse((r) => r.inputs[0].answers!.push('kad'))).toContain(
      'inputs[0].answers[3]: Số liệu A1: phương án "kad" trùng với cách ghi "không áp dụng"',
    );
    expect(refuse((r) => (r.criteria[0] as { answers: unknown[] }).answers.pop())).toEqual([
      'criteria[0].answers: Tiêu chí A1: chưa cho điểm phương án "Không có" của A1',
    ]);
    expect(refuse((r) => (r.grades![3].min = 10))).toEqual(['grades[3].min: Xếp loại: loại cuối cùng ("Yếu") phải có ngưỡng 0']);
  });

  it('section phrases are matched longest first: a tier split by kind still resolves', () => {
    const split = JSON.parse(JSON.stringify(DTI));
    split.tiers.splice(1, 0, {
      id: 'so_dv',
      name: 'Sở, ban, ngành có dịch vụ công',
      phrase: 'cấp sở có dịch vụ công',
      cellValues: ['sở có dịch vụ công'],
      sectionPhrases: ['sở, ban, ngành có dịch vụ công'],
    });
    for (const c of split.categories) c.max.so_dv = c.max.so;
    for (const c of split.criteria) if (c.tiers.so) c.tiers.so_dv = { ...c.tiers.so };
    const parsed = parseRubric(split);
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('; '));
    const out = scoreWorkbook({
      sheets: [
        sheet([
          section('I. SỞ, BAN, NGÀNH'),
          dtiRow(1, 'Sở A', null, DTI_FULL),
          section('II. SỞ, BAN, NGÀNH CÓ DỊCH VỤ CÔNG'),
          dtiRow(1, 'Sở B', null, DTI_FULL),
        ]),
      ],
      rubric: compileRubric(parsed.rubric),
    });
    if (!out.ok) throw new Error(out.message);
    expect(out.result.units.map((x) => [x.name, x.tier])).toEqual([
      ['Sở A', 'so'],
      ['Sở B', 'so_dv'],
    ]);
  });
});
