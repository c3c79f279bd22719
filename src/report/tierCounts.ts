/**
 * Per-tier counts for the command line's summary and the task pane: how many units were scored,
 * need fixing, sent no report, are not ranked, and how the levels are spread.
 */
import { TIERS, TIER_NAMES, Tier } from '../rubric/schema';
import type { ScoreResult } from '../scoring/types';

export interface CategoryCounts {
  id: string;
  name: string;
  /** Scored units per level: index 0 is Mức 1. */
  byLevel: number[];
  /** Scored units not ranked in this category. */
  notRanked: number;
}

export interface TierCounts {
  tier: Tier | null;
  label: string;
  units: number;
  scored: number;
  error: number;
  missing: number;
  categories: CategoryCounts[];
  /** Scored units not ranked in any applicable category. */
  notRankedInAll: number;
  /** Best total among scored units, in cents. */
  bestCents: number | null;
}

export function tierCounts(result: ScoreResult): TierCounts[] {
  const levels = result.rubric.levels.length;
  const groups: (Tier | null)[] = [...TIERS, null];
  const out: TierCounts[] = [];
  for (const tier of groups) {
    const units = result.units.filter((u) => u.tier === tier);
    if (units.length === 0) continue;
    const scored = units.filter((u) => u.status === 'scored');
    const categories = result.rubric.rubric.categories.map((cat): CategoryCounts => {
      const byLevel = new Array<number>(levels).fill(0);
      let notRanked = 0;
      for (const u of scored) {
        const c = u.categories.find((x) => x.id === cat.id);
        if (!c || !c.applicable) continue;
        if (c.level === null) notRanked++;
        else byLevel[c.level - 1]++;
      }
      return { id: cat.id, name: cat.name, byLevel, notRanked };
    });
    let best: number | null = null;
    for (const u of scored) if (u.totalCents !== null && (best === null || u.totalCents > best)) best = u.totalCents;
    out.push({
      tier,
      label: tier ? TIER_NAMES[tier] : 'Chưa xác định cấp',
      units: units.length,
      scored: scored.length,
      error: units.filter((u) => u.status === 'error').length,
      missing: units.filter((u) => u.status === 'missing').length,
      categories,
      notRankedInAll: scored.filter((u) => u.categories.every((c) => !c.applicable || c.level === null)).length,
      bestCents: best,
    });
  }
  return out;
}
