/**
 * Per-tier counts for the command line's summary, the task pane and the summary paragraph
 * (./summary): how many units were scored, need fixing, sent no report, are not ranked, how the
 * levels are spread (rubrics with levels) and how many units got each grade (rubrics with
 * grades). Tiers and their names come from the rubric.
 */
import { tierName } from '../rubric/compiled';
import type { Tier } from '../rubric/schema';
import type { ScoreResult } from '../scoring/types';

export interface CategoryCounts {
  id: string;
  name: string;
  /** Scored units per level: index 0 is Mức 1 (empty without levels). */
  byLevel: number[];
  /** Scored units not ranked in this category (0 without levels). */
  notRanked: number;
}

export interface GradeCount {
  name: string;
  count: number;
}

export interface TierCounts {
  tier: Tier | null;
  label: string;
  units: number;
  scored: number;
  error: number;
  missing: number;
  /** The categories this tier has. */
  categories: CategoryCounts[];
  /** Scored units not ranked in any applicable category (rubrics with levels). */
  notRankedInAll: number;
  /** Scored units per grade, best first (empty without grades). */
  grades: GradeCount[];
  /** Best total among scored units, in cents. */
  bestCents: number | null;
  /** Best percent among scored units, in hundredths of a percent. */
  bestPercent: number | null;
}

export function tierCounts(result: ScoreResult): TierCounts[] {
  const rubric = result.rubric;
  const levels = rubric.levels.length;
  const groups: (Tier | null)[] = [...rubric.tierList.map((t) => t.id), null];
  const out: TierCounts[] = [];
  for (const tier of groups) {
    const units = result.units.filter((u) => u.tier === tier);
    if (units.length === 0) continue;
    const scored = units.filter((u) => u.status === 'scored');
    const tierCategories = tier ? rubric.tiers[tier].categories : [];
    const categories = tierCategories.map((cat): CategoryCounts => {
      const byLevel = new Array<number>(levels).fill(0);
      let notRanked = 0;
      for (const u of scored) {
        const c = u.categories.find((x) => x.id === cat.id);
        if (!c || !c.applicable || !levels) continue;
        if (c.level === null) notRanked++;
        else byLevel[c.level - 1]++;
      }
      return { id: cat.id, name: cat.name, byLevel, notRanked };
    });
    let best: number | null = null;
    let bestPercent: number | null = null;
    for (const u of scored) {
      if (u.totalCents !== null && (best === null || u.totalCents > best)) best = u.totalCents;
      if (u.percentHundredths !== null && (bestPercent === null || u.percentHundredths > bestPercent)) {
        bestPercent = u.percentHundredths;
      }
    }
    out.push({
      tier,
      label: tierName(rubric, tier),
      units: units.length,
      scored: scored.length,
      error: units.filter((u) => u.status === 'error').length,
      missing: units.filter((u) => u.status === 'missing').length,
      categories,
      notRankedInAll: levels ? scored.filter((u) => u.categories.every((c) => !c.applicable || c.level === null)).length : 0,
      grades: rubric.grades.map((g) => ({ name: g.name, count: scored.filter((u) => u.grade === g.name).length })),
      bestCents: best,
      bestPercent,
    });
  }
  return out;
}
