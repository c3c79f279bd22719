/**
 * Rank within the tier (docs/cach-cham-diem.md, "Thứ hạng"): scored units by total cents — or by
 * the percent as shown when the rubric ranks by percent — descending; equal figures share a rank
 * and the next rank skips (1, 2, 2, 4). Display order for ties: Vietnamese collation.
 */
import type { UnitResult } from './types';
import { compareVietnamese } from './viFormat';

export function assignRanks(units: UnitResult[], rankBy: 'total' | 'percent' = 'total'): void {
  const figure = (u: UnitResult) => (rankBy === 'percent' ? u.percentHundredths : u.totalCents);
  const byTier = new Map<string, UnitResult[]>();
  for (const u of units) {
    u.rank = null;
    if (u.status !== 'scored' || u.tier === null || figure(u) === null) continue;
    const group = byTier.get(u.tier);
    if (group) group.push(u);
    else byTier.set(u.tier, [u]);
  }
  for (const group of byTier.values()) {
    const sorted = [...group].sort((a, b) => figure(b)! - figure(a)!);
    sorted.forEach((u, i) => {
      const prev = sorted[i - 1];
      u.rank = prev && figure(prev) === figure(u) ? prev.rank : i + 1;
    });
  }
}

/** Ranked units of one tier in display order: rank, then name. */
export function displayOrder(units: UnitResult[]): UnitResult[] {
  return [...units].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || compareVietnamese(a.name, b.name));
}
