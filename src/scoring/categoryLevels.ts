/**
 * Category scores, levels, total, percent and grade (docs/cach-cham-diem.md, "Tính chính xác
 * đến phần trăm điểm", bước 2–4, and "Xếp loại"). Criterion points come as an array of cents in
 * the tier's criterion order, NOT_APPLICABLE (-1) for criteria that do not count.
 */
import type { CompiledCriterion, CompiledTier } from '../rubric/compiled';
import type { GradeDef, LevelDef } from '../rubric/schema';
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
    let allMeetMinimum = true;
    for (const i of indexes) {
      if (cents[i] !== NOT_APPLICABLE && cents[i] * 100 < lvl.criterionMinimum * criteria[i].maxCents) {
        allMeetMinimum = false;
        break;
      }
    }
    if (allMeetMinimum) return lvl.level;
  }
  return null;
}

/** Whether a counted criterion is below the lowest level's minimum (it keeps its category unranked); never without levels. */
export function isBelowMinimum(cents: number, maxCents: number, levels: LevelDef[]): boolean {
  const lowest = levels[levels.length - 1];
  return lowest !== undefined && cents * 100 < lowest.criterionMinimum * maxCents;
}

/**
 * The grade of a percent as shown (hundredths of a percent): the first grade whose lower bound it
 * reaches, so 89,996 % shows 90,00 and is graded as 90. Null without grades.
 */
export function gradeOf(percentHundredths: number, grades: GradeDef[]): string | null {
  for (const g of grades) if (percentHundredths >= g.min * 100) return g.name;
  return null;
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
      level: levels.length ? categoryLevel(score, cat.maxCents, tier.criteria, cents, indexes, levels) : null,
      maxCents: cat.maxCents,
      applicable: true,
    };
  });
  if (!any) return { categories, totalCents: null, maxCents: null, percentHundredths: null };
  return { categories, totalCents: total, maxCents: max, percentHundredths: roundHalfUpNumber(total * 10000, max) };
}
