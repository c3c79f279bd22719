/**
 * Category scores, levels, total and percent (rubric.md, "Exact arithmetic" steps 2–4).
 * Criterion points come as an array of cents in the tier's criterion order, NOT_APPLICABLE (-1)
 * for criteria that do not count.
 */
import type { CompiledCriterion, CompiledTier } from '../rubric/compiled';
import type { LevelDef } from '../rubric/schema';
import { roundHalfUpNumber } from '../sheet/decimal';
import { NOT_APPLICABLE } from './criterionPoints';
import type { CategoryResult } from './types';

/** Score cents converted to the category maximum; null when no criterion counts. */
export function categoryScore(
  criteria: CompiledCriterion[],
  cents: number[],
  indexes: number[],
  categoryMaxCents: number,
): number | null {
  let achieved = 0;
  let applicableMax = 0;
  for (const i of indexes) {
    if (cents[i] === NOT_APPLICABLE) continue;
    achieved += cents[i];
    applicableMax += criteria[i].maxCents;
  }
  if (applicableMax === 0) return null;
  return roundHalfUpNumber(achieved * categoryMaxCents, applicableMax);
}

/** The best level whose category threshold and per-criterion minimum both hold, or null (Không xếp hạng). */
export function categoryLevel(
  scoreCents: number,
  categoryMaxCents: number,
  criteria: CompiledCriterion[],
  cents: number[],
  indexes: number[],
  levels: LevelDef[],
): number | null {
  for (const lvl of levels) {
    if (scoreCents * 100 < lvl.categoryThreshold * categoryMaxCents) continue;
    const allMeetMinimum = indexes.every(
      (i) => cents[i] === NOT_APPLICABLE || cents[i] * 100 >= lvl.criterionMinimum * criteria[i].maxCents,
    );
    if (allMeetMinimum) return lvl.level;
  }
  return null;
}

/** Whether a counted criterion is below the lowest level's minimum (it keeps its category unranked). */
export function isBelowMinimum(cents: number, maxCents: number, levels: LevelDef[]): boolean {
  const lowest = levels[levels.length - 1];
  return cents * 100 < lowest.criterionMinimum * maxCents;
}

export interface Totals {
  categories: CategoryResult[];
  totalCents: number | null;
  maxCents: number | null;
  percentHundredths: number | null;
}

export function scoreCategories(tier: CompiledTier, cents: number[], levels: LevelDef[]): Totals {
  let total = 0;
  let max = 0;
  let any = false;
  const categories = tier.categories.map((cat, c): CategoryResult => {
    const indexes = tier.categoryIndexes[c];
    const score = categoryScore(tier.criteria, cents, indexes, cat.maxCents);
    if (score === null) return { id: cat.id, scoreCents: null, level: null, maxCents: cat.maxCents, applicable: false };
    any = true;
    total += score;
    max += cat.maxCents;
    return {
      id: cat.id,
      scoreCents: score,
      level: categoryLevel(score, cat.maxCents, tier.criteria, cents, indexes, levels),
      maxCents: cat.maxCents,
      applicable: true,
    };
  });
  if (!any) return { categories, totalCents: null, maxCents: null, percentHundredths: null };
  return { categories, totalCents: total, maxCents: max, percentHundredths: roundHalfUpNumber(total * 10000, max) };
}
