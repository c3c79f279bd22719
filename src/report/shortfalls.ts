/**
 * Where the province falls short (docs/lo-trinh.md, "Tiêu chí còn yếu"): per tier, each
 * criterion's average share of its maximum over the scored units it counts for, and the share of
 * those units under its minimum — the lowest level's minimum for a rubric with levels, half the
 * maximum otherwise — weakest first. Exact: shares are compared as fractions, shown as whole
 * percents (docs/cach-cham-diem.md, bước 6).
 */
import type { CompiledCriterion } from '../rubric/compiled';
import type { Tier } from '../rubric/schema';
import type { ScoreResult } from '../scoring/types';
import { wholePercent } from './wholePercent';

export interface CriterionShortfall {
  code: string;
  name: string;
  /** The criterion's category. */
  category: { id: string; name: string };
  /** Scored units the criterion counts for. */
  counted: number;
  /** Their points and maxima, summed (cents): the average share is points / possible. */
  points: number;
  possible: number;
  /** Units under the minimum (or under half the maximum without levels). */
  under: number;
  /** Whole percents for people. */
  averagePercent: number;
  underPercent: number;
}

export interface TierShortfalls {
  tier: Tier;
  name: string;
  phrase: string;
  /** "dưới mức tối thiểu" with levels, "dưới một nửa điểm tối đa" otherwise. */
  underWhat: string;
  criteria: CriterionShortfall[];
}

/** What "under" means for a rubric: below the lowest level's minimum, or below half the maximum. */
function underTest(result: ScoreResult): { test: (cents: number, c: CompiledCriterion) => boolean; words: string } {
  const levels = result.rubric.levels;
  if (levels.length) {
    const minimum = levels[levels.length - 1].criterionMinimum;
    return { test: (cents, c) => cents * 100 < minimum * c.maxCents, words: 'dưới mức tối thiểu' };
  }
  return { test: (cents, c) => cents * 2 < c.maxCents, words: 'dưới một nửa điểm tối đa' };
}

/** Weaker first: lower average share, then more units under, then rubric order. */
function weakerFirst(a: CriterionShortfall & { order: number }, b: CriterionShortfall & { order: number }): number {
  const byAverage = a.points * b.possible - b.points * a.possible;
  if (byAverage !== 0) return byAverage;
  const byUnder = b.under * a.counted - a.under * b.counted;
  return byUnder !== 0 ? byUnder : a.order - b.order;
}

export function shortfalls(result: ScoreResult): TierShortfalls[] {
  const { test, words } = underTest(result);
  const out: TierShortfalls[] = [];
  for (const tier of result.rubric.tierList) {
    const units = result.units.filter((u) => u.tier === tier.id && u.status === 'scored' && u.criteria);
    if (units.length === 0) continue;
    // Unit by unit (each unit's criteria are made once), summed per criterion.
    const n = tier.criteria.length;
    const counted = new Array<number>(n).fill(0);
    const points = new Array<number>(n).fill(0);
    const under = new Array<number>(n).fill(0);
    for (const u of units) {
      const criteria = u.criteria!;
      for (let k = 0; k < n; k++) {
        const c = tier.criteria[k];
        const cents = criteria[k].cents;
        if (!c.scores || cents === null) continue;
        counted[k]++;
        points[k] += cents;
        if (test(cents, c)) under[k]++;
      }
    }
    const rows = tier.criteria
      .map((c, k) => ({ c, k }))
      .filter(({ c }) => c.scores)
      .map(({ c, k }) => {
        const category = tier.categories.find((x) => x.id === c.category)!;
        return {
          code: c.code,
          name: c.def.name,
          category: { id: category.id, name: category.name },
          counted: counted[k],
          points: points[k],
          possible: counted[k] * c.maxCents,
          under: under[k],
          averagePercent: counted[k] ? wholePercent(points[k], counted[k] * c.maxCents) : 0,
          underPercent: counted[k] ? wholePercent(under[k], counted[k]) : 0,
          order: k,
        };
      })
      .filter((r) => r.counted > 0)
      .sort(weakerFirst);
    out.push({
      tier: tier.id,
      name: tier.name,
      phrase: tier.phrase,
      underWhat: words,
      criteria: rows.map(({ order: _order, ...r }) => r),
    });
  }
  return out;
}
