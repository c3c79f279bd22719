/**
 * A tier's weakest criteria (docs/lo-trinh.md, "Tiêu chí còn yếu"): each criterion's average
 * share of its maximum as a bar on a 0–100% track, with the units under the minimum beside it.
 * A list of words first, so that a screen reader reads the figures; the bars are drawing only.
 */
import type { WeakestView } from '../summaryView';

export function WeakestChart({ view }: { view: WeakestView }) {
  const title = `${view.id}-title`;
  return (
    <figure className="chart weakest" aria-labelledby={title} data-testid="weakest-chart">
      <figcaption id={title} className="chart-title">
        {view.title}
      </figcaption>
      <ol className="weakest-list">
        {view.rows.map((r) => (
          <li key={r.key}>
            <span className="weakest-name">{r.label}</span>
            <span className="weakest-track" aria-hidden="true">
              <span className="weakest-bar" style={{ width: `${Math.max(0, Math.min(100, r.percent))}%` }} />
            </span>
            <span className="weakest-figures small">
              {r.average} · {r.under}
            </span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
