/**
 * Property-based, over random valid rubrics (random tiers, categories, kinds, N/A, levels,
 * grades, rank by total or percent) and random units: the totals are the sum of the categories,
 * percent and grade agree exactly with their definitions (docs/cach-cham-diem.md), ranks follow
 * the rubric's rankBy with shared places, and no output names a tier the rubric lacks.
 */
import fc from 'fast-check';
import { rankingSheetPlan } from '../src/report/rankingSheetPlan';
import { planResultBlock, rowFlags } from '../src/report/resultBlock';
import { resultJson } from '../src/report/resultJson';
import { decisionSettings } from '../src/report/settings';
import { summaryParagraph } from '../src/report/summary';
import { tierCounts } from '../src/report/tierCounts';
import { compileRubric } from '../src/rubric/compiled';
import { CriterionDef, CriterionKind, InputDef, Rubric, TierDef, maximaMayDiffer, parseRubric } from '../src/rubric/schema';
import { scoreWorkbook } from '../src/scoring/scoreWorkbook';
import type { ScoreResult, UnitResult } from '../src/scoring/types';
import type { CellValue } from '../src/sheet/grid';

/** Tiers a rubric may pick from; names, phrases and Cấp words are distinct across the pool. */
const TIER_POOL: TierDef[] = [
  { id: 'tinh', name: 'Cấp tỉnh', phrase: 'cấp tỉnh', cellValues: ['tỉnh'], sectionPhrases: ['cấp tỉnh'] },
  { id: 'huyen', name: 'Cấp huyện', phrase: 'cấp huyện', cellValues: ['huyện'], sectionPhrases: ['cấp huyện'] },
  { id: 'so', name: 'Sở, ban, ngành', phrase: 'cấp sở', cellValues: ['sở'], sectionPhrases: ['sở, ban, ngành'] },
  { id: 'xa', name: 'Xã, phường, đặc khu', phrase: 'cấp xã', cellValues: ['xã'], sectionPhrases: ['xã, phường, đặc khu'] },
  {
    id: 'sn',
    name: 'Đơn vị sự nghiệp',
    phrase: 'khối sự nghiệp',
    cellValues: ['sự nghiệp'],
    sectionPhrases: ['đơn vị sự nghiệp'],
  },
];

const KINDS: CriterionKind[] = ['ratio', 'ratioBands', 'yesno', 'bands', 'best', 'points', 'choice', 'info'];
const ANSWERS = ['Đạt', 'Đạt một phần', 'Chưa đạt'];

interface CriterionPlan {
  kind: CriterionKind;
  category: number;
  tiers: boolean[];
  max: number;
  allowNA: boolean;
  percents: number[];
}

const criterionPlan = (tiers: number, categories: number) =>
  fc.record({
    kind: fc.constantFrom(...KINDS),
    category: fc.integer({ min: 0, max: categories - 1 }),
    tiers: fc.array(fc.boolean(), { minLength: tiers, maxLength: tiers }),
    max: fc.integer({ min: 1, max: 40 }).map((n) => n / 2),
    allowNA: fc.boolean(),
    percents: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 3 }),
  });

const rubricPlan = fc
  .record({
    tiers: fc.shuffledSubarray(TIER_POOL, { minLength: 1, maxLength: 4 }),
    categories: fc.integer({ min: 1, max: 4 }),
    withLevels: fc.boolean(),
    grades: fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 4 }), { nil: null }),
    rankByPercent: fc.boolean(),
  })
  .chain((p) =>
    fc.record({
      plan: fc.constant(p),
      criteria: fc.array(criterionPlan(p.tiers.length, p.categories), { minLength: 1, maxLength: 10 }),
    }),
  )
  .map(({ plan, criteria }) => buildRubric(plan, criteria))
  .filter((r): r is Rubric => r !== null);

function buildRubric(
  plan: { tiers: TierDef[]; categories: number; withLevels: boolean; grades: number[] | null; rankByPercent: boolean },
  criteria: CriterionPlan[],
): Rubric | null {
  const inputs: InputDef[] = [];
  const defs: CriterionDef[] = [];
  criteria.forEach((c, i) => {
    const tiers: CriterionDef['tiers'] = {};
    plan.tiers.forEach((t, k) => {
      if (!c.tiers[k]) return;
      if (c.kind === 'info') tiers[t.id] = c.allowNA ? { allowNA: true } : {};
      else
        tiers[t.id] = {
          max: c.max,
          ...(c.allowNA ? { allowNA: true } : {}),
          ...(c.kind === 'bands'
            ? {
                bands: [
                  { min: 10, points: c.max },
                  { min: 1, points: Math.floor(c.max) / 2 },
                ],
              }
            : {}),
          ...(c.kind === 'ratioBands'
            ? {
                percentBands: [
                  { min: 80, percent: 100 },
                  { min: 40, percent: c.percents[1] },
                ],
              }
            : {}),
        };
    });
    if (Object.keys(tiers).length === 0) return;
    const base = { code: `C${i}`, category: `g${c.category}`, name: `Tiêu chí ${i}`, tiers };
    const input = (suffix: string, type: InputDef['type']): string => {
      const code = `I${i}${suffix}`;
      inputs.push({ code, name: `Số liệu ${i}${suffix}`, type, ...(type === 'choice' ? { answers: ANSWERS } : {}) });
      return code;
    };
    switch (c.kind) {
      case 'ratio':
      case 'ratioBands': {
        const part = input('b', 'count');
        const total = input('a', 'count');
        defs.push({ ...base, kind: c.kind, part, total });
        break;
      }
      case 'choice':
        defs.push({
          ...base,
          kind: 'choice',
          input: input('', 'choice'),
          answers: ANSWERS.map((a, j) => ({ answer: a, percent: c.percents[j] })),
        });
        break;
      case 'info':
        defs.push({ ...base, kind: 'info', input: input('', 'count') });
        break;
      case 'yesno':
        defs.push({ ...base, kind: 'yesno', input: input('', 'yesno') });
        break;
      case 'points':
        defs.push({ ...base, kind: 'points', input: input('', 'points') });
        break;
      default:
        defs.push({ ...base, kind: c.kind, input: input('', 'count') });
    }
  });
  const categories = Array.from({ length: plan.categories }, (_, g) => {
    const max: Record<string, number> = {};
    for (const t of plan.tiers) {
      const sum = defs
        .filter((d) => d.category === `g${g}` && d.kind !== 'info' && d.tiers[t.id])
        .reduce((s, d) => s + Math.round(d.tiers[t.id]!.max! * 100), 0);
      if (sum > 0) max[t.id] = sum / 100;
    }
    return { id: `g${g}`, name: `Nhóm ${g + 1}`, short: `N${g + 1}`, max };
  }).filter((c) => defs.some((d) => d.category === c.id));
  const grades = plan.grades
    ? [...plan.grades, 0].sort((a, b) => b - a).map((min, i) => ({ name: `Loại ${i + 1}`, min }))
    : undefined;
  const draft: Rubric = {
    id: 'ngau-nhien',
    name: 'Bộ tiêu chí ngẫu nhiên',
    tiers: plan.tiers,
    inputs,
    categories,
    criteria: defs,
    ...(plan.withLevels
      ? {
          levels: [
            { level: 1, categoryThreshold: 90, criterionMinimum: 70 },
            { level: 2, categoryThreshold: 60, criterionMinimum: 30 },
          ],
        }
      : {}),
    ...(grades ? { grades } : {}),
    rankBy: plan.rankByPercent ? 'percent' : 'total',
  };
  if (maximaMayDiffer(draft)) draft.rankBy = 'percent';
  const parsed = parseRubric(draft);
  // Plans that leave a tier without any scoring criterion are not rubrics: skip them.
  return parsed.ok ? parsed.rubric : null;
}

const valueOf = (type: InputDef['type'], pick: number, n: number): CellValue => {
  const options: Record<InputDef['type'], CellValue[]> = {
    count: [null, n, n % 7, 0, 'KAD', 'nhiều', -1],
    yesno: [null, 'Có', 'Không', 'x', 'KAD', 'hmm'],
    points: [null, n / 4, 0, 'KAD', 1000],
    choice: [null, ...ANSWERS, 'đạt.', 'KAD', 'khác'],
  };
  const list = options[type];
  return list[pick % list.length];
};

const sheetFor = (rubric: Rubric) =>
  fc
    .array(
      fc.tuple(
        fc.integer({ min: 0, max: rubric.tiers.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 60 })), {
          minLength: rubric.inputs.length,
          maxLength: rubric.inputs.length,
        }),
      ),
      { minLength: 1, maxLength: 12 },
    )
    .map((units) => {
      const header: CellValue[] = ['STT', 'Tên đơn vị', ...rubric.inputs.map((i) => i.code)];
      const rows: CellValue[][] = [header];
      rubric.tiers.forEach((t, k) => {
        rows.push([null, `${k + 1}. ${t.sectionPhrases[0].toLocaleUpperCase('vi')}`]);
        units.forEach(([tier, values], u) => {
          if (tier !== k) return;
          rows.push([
            u + 1,
            `Đơn vị số ${u + 1}`,
            ...rubric.inputs.map((inp, j) => valueOf(inp.type, values[j][0], values[j][1])),
          ]);
        });
      });
      return { name: 'Tổng hợp', rows, merges: [] };
    });

const roundHalfUp = (p: number, q: number) => Math.floor((2 * p + q) / (2 * q));

function checkFigures(result: ScoreResult): void {
  const rubric = result.rubric;
  for (const u of result.units) {
    if (u.status === 'missing' || u.tier === null) {
      expect([u.totalCents, u.maxCents, u.percentHundredths, u.grade, u.rank]).toEqual([null, null, null, null, null]);
      continue;
    }
    const tier = rubric.tiers[u.tier];
    expect(u.categories.map((c) => c.id)).toEqual(tier.categories.map((c) => c.id));
    const applicable = u.categories.filter((c) => c.applicable);
    // Each category: the criteria that count, converted to the category's maximum.
    for (const cat of u.categories) {
      const counted = u.criteria!.filter((c) => c.category === cat.id && c.scores && c.applicable);
      if (!cat.applicable) {
        expect(counted).toEqual([]);
        continue;
      }
      const achieved = counted.reduce((s, c) => s + c.cents!, 0);
      const possible = counted.reduce((s, c) => s + c.maxCents, 0);
      expect(cat.scoreCents).toBe(roundHalfUp(achieved * cat.maxCents, possible));
    }
    if (applicable.length === 0) {
      expect([u.totalCents, u.maxCents, u.percentHundredths, u.grade, u.rank]).toEqual([null, null, null, null, null]);
      continue;
    }
    const total = applicable.reduce((s, c) => s + c.scoreCents!, 0);
    const max = applicable.reduce((s, c) => s + c.maxCents, 0);
    expect([u.totalCents, u.maxCents]).toEqual([total, max]);
    expect(u.percentHundredths).toBe(roundHalfUp(total * 10000, max));
    const grade = rubric.grades.find((g) => u.percentHundredths! >= g.min * 100)?.name ?? null;
    expect(u.grade).toBe(u.status === 'scored' ? grade : null);
    if (!rubric.levels.length) expect(u.categories.every((c) => c.level === null)).toBe(true);
  }
  // Rank: one more than the number of the tier's scored units strictly ahead on the rubric's figure.
  const figure = (u: UnitResult) => (rubric.rankBy === 'percent' ? u.percentHundredths : u.totalCents);
  for (const u of result.units) {
    const ranked = u.status === 'scored' && figure(u) !== null;
    if (!ranked) {
      expect(u.rank).toBeNull();
      continue;
    }
    const ahead = result.units.filter(
      (o) => o.tier === u.tier && o.status === 'scored' && figure(o) !== null && figure(o)! > figure(u)!,
    );
    expect(u.rank).toBe(ahead.length + 1);
  }
}

/** Every text the outputs show, for looking for tiers the rubric lacks. */
function outputText(result: ScoreResult): string {
  const settings = decisionSettings({ year: 2025 }, result.rubric.rubric);
  const plan = rankingSheetPlan(result, settings);
  const block = planResultBlock(result, { existing: null, isOccupied: () => false });
  return [
    JSON.stringify(resultJson(result)),
    summaryParagraph(result),
    JSON.stringify(plan.rows.map((r) => r.values)),
    JSON.stringify(tierCounts(result)),
    block.ok ? JSON.stringify(block.plan.values) : block.message,
  ].join('\n');
}

describe('random rubrics', () => {
  it('score every sheet keeping the figures exact and naming only their own tiers', () => {
    fc.assert(
      fc.property(
        rubricPlan.chain((rubric) => fc.tuple(fc.constant(rubric), sheetFor(rubric))),
        ([rubric, grid]) => {
          const out = scoreWorkbook({ sheets: [grid], rubric: compileRubric(rubric) });
          if (!out.ok) throw new Error(out.message);
          checkFigures(out.result);
          const text = outputText(out.result).toLocaleLowerCase('vi');
          for (const other of TIER_POOL.filter((t) => !rubric.tiers.some((x) => x.id === t.id))) {
            expect(text).not.toContain(other.name.toLocaleLowerCase('vi'));
            expect(text).not.toContain(other.phrase);
          }
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 200) },
    );
  });

  it('mark the same highlight flags from the compact storage as from the unit views', () => {
    // A sheet with no unit to highlight is possible (one blank unit); the runs as a whole must have some.
    let flagged = 0;
    fc.assert(
      fc.property(
        rubricPlan.chain((rubric) => fc.tuple(fc.constant(rubric), sheetFor(rubric))),
        ([rubric, grid]) => {
          const out = scoreWorkbook({ sheets: [grid], rubric: compileRubric(rubric) });
          if (!out.ok) throw new Error(out.message);
          const width = out.result.table.lastUsedCol + 1;
          // First from the compact storage (no view read yet), then from plain copies holding the views.
          const compact = out.result.units.map((u) => rowFlags(u, width, null));
          const viewed = out.result.units.map((u) => rowFlags({ ...u, inputs: u.inputs, criteria: u.criteria }, width, null));
          expect(compact).toEqual(viewed);
          if (compact.some((f) => f !== null)) flagged += 1;
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 100) },
    );
    expect(flagged).toBeGreaterThan(0);
  });
});
