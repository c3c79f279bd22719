/**
 * How one category's scored units spread over the levels (Mức 1…4 and not ranked): plain SVG
 * bars, read out to screen readers as one sentence.
 */
import type { CategoryCounts } from '../../report/tierCounts';
import type { Strings } from '../strings';

const BAR_COLOURS = ['#107C10', '#498205', '#8A8886', '#C19C00', '#D13438'];
const ROW = 22;
const LABEL = 40;
const WIDTH = 260;

export function LevelChart({ category, strings }: { category: CategoryCounts; strings: Strings }) {
  const bars = [
    ...category.byLevel.map((n, i) => ({ label: strings.levelName(i + 1), short: `M${i + 1}`, n })),
    { label: strings.notRankedLong, short: strings.notRankedShort, n: category.notRanked },
  ];
  const max = Math.max(1, ...bars.map((b) => b.n));
  const spoken = bars.map((b) => `${b.label}: ${b.n}`).join(', ');
  const barSpace = WIDTH - LABEL - 36;
  return (
    <figure className="chart">
      <figcaption className="chart-title">{strings.levelChartTitle(category.name)}</figcaption>
      <svg
        role="img"
        aria-label={strings.levelChartLabel(category.name, spoken)}
        width="100%"
        viewBox={`0 0 ${WIDTH} ${bars.length * ROW}`}
      >
        {bars.map((b, i) => {
          const w = Math.round((b.n / max) * barSpace);
          return (
            <g key={b.short} transform={`translate(0, ${i * ROW})`}>
              <text x={0} y={15} fontSize={12} fill="#323130">
                {b.short}
              </text>
              <rect
                x={LABEL}
                y={4}
                width={Math.max(w, b.n > 0 ? 2 : 0)}
                height={14}
                rx={2}
                fill={BAR_COLOURS[Math.min(i, BAR_COLOURS.length - 1)]}
              />
              <text x={LABEL + w + 6} y={15} fontSize={12} fill="#323130">
                {b.n}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
