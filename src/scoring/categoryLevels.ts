/**
 * Category scores, levels, total and percent (rubric.md, "Exact arithmetic" steps 2–4).
 */
import type { CompiledTier } from '../rubric/compiled';
import type { LevelDef } from '../rubric/schema';
import { roundHalfUp } from '../sheet/decimal';
import type { CategoryResult, CriterionResult } from './types';

/** Score cents converted to the category maximum; null when no criterion counts. */
export function categoryScore(criteria: CriterionResult[], categoryMaxCents: number): number | null {
  let achieved = 0;
  let applicableMax = 0;
  for (const c of criteria) {
    if (!c.applicable) continue;
    achieved += c.cents!;
    applicableMax += c.maxCents;
  }
  if (applicableMax === 0) return null;
  return Number(roundHalfUp(BigInt(achieved) * BigInt(categoryMaxCents), BigInt(applicableMax)));
}

/** The best level whose category threshold and per-criterion minimum both hold, or null (Không xếp hạng). */
export function categoryLevel(
  scoreCents: number,
  categoryMaxCents: number,
  criteria: CriterionResult[],
  levels: LevelDef[],
): number | null {
  for (const lvl of levels) {
    if (scoreCents * 100 < lvl.categoryThreshold * categoryMaxCents) continue;
    const allMeetMinimum = criteria.every((c) => !c.applicable || c.cents! * 100 >= lvl.criterionMinimum * c.maxCents);
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

export function scoreCategories(tier: CompiledTier, criteria: CriterionResult[], levels: LevelDef[]): Totals {
  let total = 0;
  let max = 0;
  let any = false;
  const categories = tier.categories.map((cat): CategoryResult => {
    const own = criteria.filter((c) => c.category === cat.id);
    const score = categoryScore(own, cat.maxCents);
    if (score === null) return { id: cat.id, scoreCents: null, level: null, maxCents: cat.maxCents, applicable: false };
    any = true;
    total += score;
    max += cat.maxCents;
    return {
      id: cat.id,
      scoreCents: score,
      level: categoryLevel(score, cat.maxCents, own, levels),
      maxCents: cat.maxCents,
      applicable: true,
    };
  });
  if (!any) return { categories, totalCents: null, maxCents: null, percentHundredths: null };
  return {
    categories,
    totalCents: total,
    maxCents: max,
    percentHundredths: Number(roundHalfUp(BigInt(total) * 10000n, BigInt(max))),
  };
}
