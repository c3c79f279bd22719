/**
 * Per-tier counts after scoring, the level charts and the weakest criteria, drawn from the
 * summary view (summaryView.ts): every label comes from the data.
 */
import { formatCount } from '../../scoring/viFormat';
import type { Strings } from '../strings';
import type { TierView } from '../summaryView';
import { LevelChart } from './LevelChart';
import { WeakestChart } from './WeakestChart';

export function TierSummary({ tiers, strings }: { tiers: TierView[]; strings: Strings }) {
  return (
    <section aria-labelledby="summary-title" className="tiers">
      <h2 id="summary-title">{strings.summaryTitle}</h2>
      {tiers.map((t) => {
        const id = `tier-${t.key}`;
        return (
          <div className="tier" key={id}>
            <h3 id={id}>{t.label}</h3>
            <table className="counts" aria-labelledby={id}>
              <tbody>
                {t.rows.map((row) => (
                  <tr key={row.label}>
                    <th scope="row">{row.label}</th>
                    <td>{formatCount(row.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {t.charts.map((chart) => (
              <LevelChart key={chart.id} chart={chart} />
            ))}
            {t.weakest && <WeakestChart view={t.weakest} />}
          </div>
        );
      })}
    </section>
  );
}
