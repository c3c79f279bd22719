/**
 * The per-tier summary as the pane draws it, from whatever `tierCounts` returns: one group per
 * tier with the rubric's label, its counts, one chart per category of how its scored units
 * spread over the levels (when the rubric has levels) and one of how they spread over the grades
 * (when it has grades), and its weakest criteria. Components draw this and name nothing
 * themselves: tiers, categories, criteria, the number of levels and the grades' names all come
 * from the data.
 */
import type { TierShortfalls } from '../report/shortfalls';
import type { TierCounts } from '../report/tierCounts';
import type { Strings } from './strings';

export interface CountRow {
  label: string;
  value: number;
}

export interface ChartBar {
  key: string;
  label: string;
  short: string;
  value: number;
  /** 0 is the best band; the last is "not ranked". */
  rank: number;
}

export interface ChartView {
  id: string;
  title: string;
  /** The chart in one sentence, for screen readers. */
  spoken: string;
  bars: ChartBar[];
}

/** A tier's weakest criteria (docs/lo-trinh.md, "Tiêu chí còn yếu"): average share of the maximum, units under the minimum. */
export interface WeakestView {
  id: string;
  title: string;
  rows: { key: string; label: string; percent: number; average: string; under: string }[];
}

export interface TierView {
  key: string;
  label: string;
  rows: CountRow[];
  charts: ChartView[];
  weakest: WeakestView | null;
}

/** How many of a tier's weakest criteria the pane shows. */
export const WEAKEST_SHOWN = 5;

function weakestView(key: string, tier: TierShortfalls | undefined, levels: boolean, strings: Strings): WeakestView | null {
  if (!tier || tier.criteria.length === 0) return null;
  const shown = tier.criteria.slice(0, WEAKEST_SHOWN);
  return {
    id: `weakest-${key}`,
    title: strings.weakest.title(shown.length),
    rows: shown.map((c) => ({
      key: c.code,
      label: strings.weakest.criterion(c.code, c.name),
      percent: c.averagePercent,
      average: strings.weakest.average(c.averagePercent),
      under: strings.weakest.under(c.under, c.counted, levels),
    })),
  };
}

/** `weak`: each tier's criteria weakest first (../report/shortfalls); `levels`: the rubric has levels (what "under" means). */
export function summaryView(tiers: TierCounts[], strings: Strings, weak: TierShortfalls[], levels: boolean): TierView[] {
  return tiers.map((t) => {
    const key = t.tier ?? 'unknown';
    const rows: CountRow[] = [
      { label: strings.counts.units, value: t.units },
      { label: strings.counts.scored, value: t.scored },
      { label: strings.counts.error, value: t.error },
      { label: strings.counts.missing, value: t.missing },
      ...t.categories
        .filter((c) => c.byLevel.length > 0)
        .map((c) => ({ label: strings.counts.notRanked(c.name), value: c.notRanked })),
    ];
    const charts: ChartView[] =
      t.scored === 0
        ? []
        : t.categories
            .filter((c) => c.byLevel.length > 0)
            .map((c) => {
              const bars: ChartBar[] = [
                ...c.byLevel.map((n, i) => ({
                  key: `level-${i + 1}`,
                  label: strings.levelName(i + 1),
                  short: strings.levelShort(i + 1),
                  value: n,
                  rank: i,
                })),
                {
                  key: 'not-ranked',
                  label: strings.notRankedLong,
                  short: strings.notRankedShort,
                  value: c.notRanked,
                  rank: c.byLevel.length,
                },
              ];
              const spoken = bars.map((b) => `${b.label}: ${b.value}`).join(', ');
              return {
                id: `${key}-${c.id}`,
                title: strings.levelChartTitle(c.name),
                spoken: strings.levelChartLabel(c.name, spoken),
                bars,
              };
            });
    if (t.scored > 0 && t.grades.length > 0) {
      const bars: ChartBar[] = t.grades.map((g, i) => ({
        key: `grade-${i}`,
        label: g.name,
        short: g.name,
        value: g.count,
        rank: i,
      }));
      charts.push({
        id: `${key}-grades`,
        title: strings.gradeChartTitle,
        spoken: strings.gradeChartLabel(bars.map((b) => `${b.label}: ${b.value}`).join(', ')),
        bars,
      });
    }
    return {
      key,
      label: t.tier === null ? strings.tierUnknown : t.label,
      rows,
      charts,
      weakest: weakestView(
        key,
        weak.find((w) => w.tier === t.tier),
        levels,
        strings,
      ),
    };
  });
}
