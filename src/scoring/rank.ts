/**
 * Rank within the tier (rubric.md, step 5): scored units by total descending, equal totals share
 * a rank and the next rank skips (1, 2, 2, 4). Display order for ties: Vietnamese collation.
 */
import type { UnitResult } from './types';
import { compareVietnamese } from './viFormat';

export function assignRanks(units: UnitResult[]): void {
  const byTier = new Map<string, UnitResult[]>();
  for (const u of units) {
    u.rank = null;
    if (u.status !== 'scored' || u.tier === null || u.totalCents === null) continue;
    const group = byTier.get(u.tier);
    if (group) group.push(u);
    else byTier.set(u.tier, [u]);
  }
  for (const group of byTier.values()) {
    const sorted = [...group].sort((a, b) => b.totalCents! - a.totalCents!);
    sorted.forEach((u, i) => {
      const prev = sorted[i - 1];
      u.rank = prev && prev.totalCents === u.totalCents ? prev.rank : i + 1;
    });
  }
}

/** Ranked units of one tier in display order: rank, then name. */
export function displayOrder(units: UnitResult[]): UnitResult[] {
  return [...units].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || compareVietnamese(a.name, b.name));
}
