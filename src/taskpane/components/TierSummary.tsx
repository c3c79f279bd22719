/**
 * Per-tier counts after scoring: units, scored, needing fixes, without a report, not ranked per
 * category — and the level distribution of each category.
 */
import type { TierCounts } from '../../report/tierCounts';
import { formatCount } from '../../scoring/viFormat';
import type { Strings } from '../strings';
import { LevelChart } from './LevelChart';

export function TierSummary({ tiers, strings }: { tiers: TierCounts[]; strings: Strings }) {
  return (
    <section aria-labelledby="summary-title">
      <h2 id="summary-title">{strings.summaryTitle}</h2>
      {tiers.map((t) => {
        // The tier's name is the rubric's own; only "tier unknown" is the pane's.
        const title = t.tier ? t.label : strings.tiers.unknown;
        const id = `tier-${t.tier ?? 'unknown'}`;
        const rows: [string, number][] = [
          [strings.counts.units, t.units],
          [strings.counts.scored, t.scored],
          [strings.counts.error, t.error],
          [strings.counts.missing, t.missing],
          ...t.categories.map((c): [string, number] => [strings.counts.notRanked(c.name), c.notRanked]),
        ];
        return (
          <div className="tier" key={id}>
            <h3 id={id}>{title}</h3>
            <table className="counts" aria-labelledby={id}>
              <tbody>
                {rows.map(([label, n]) => (
                  <tr key={label}>
                    <th scope="row">{label}</th>
                    <td>{formatCount(n)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {t.scored > 0 && t.categories.map((c) => <LevelChart key={c.id} category={c} strings={strings} />)}
          </div>
        );
      })}
    </section>
  );
}
