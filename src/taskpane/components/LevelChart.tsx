/**
 * How scored units spread over the bands of a chart view (a category's levels and "not ranked",
 * or the rubric's grades): plain SVG bars in Fluent's palette tokens, best band first, the last
 * band in red; read out to screen readers as one sentence.
 */
import { tokens } from '@fluentui/react-components';
import type { ChartView } from '../summaryView';

/** Best to worst; the last bar (not ranked) always takes the last colour. */
const BAR_COLOURS = [
  tokens.colorPaletteGreenForeground1,
  tokens.colorPaletteLightGreenForeground1,
  tokens.colorPaletteMarigoldForeground1,
  tokens.colorPaletteDarkOrangeForeground1,
  tokens.colorNeutralForeground3,
];
const NOT_RANKED_COLOUR = tokens.colorPaletteRedForeground1;
const ROW = 22;
const WIDTH = 260;
/** Room for the bands' names: grades such as "Trung bình" need more than "M1". */
const labelWidth = (chart: ChartView) => Math.max(44, Math.min(110, 7 * Math.max(...chart.bars.map((b) => b.short.length)) + 8));

export function LevelChart({ chart }: { chart: ChartView }) {
  const max = Math.max(1, ...chart.bars.map((b) => b.value));
  const LABEL = labelWidth(chart);
  const barSpace = WIDTH - LABEL - 36;
  const last = chart.bars.length - 1;
  return (
    <figure className="chart">
      <figcaption className="chart-title">{chart.title}</figcaption>
      <svg role="img" aria-label={chart.spoken} width="100%" viewBox={`0 0 ${WIDTH} ${chart.bars.length * ROW}`}>
        {chart.bars.map((b, i) => {
          const w = Math.round((b.value / max) * barSpace);
          const fill = i === last ? NOT_RANKED_COLOUR : BAR_COLOURS[Math.min(b.rank, BAR_COLOURS.length - 2)];
          return (
            <g key={b.key} transform={`translate(0, ${i * ROW})`}>
              <text x={0} y={15} fontSize={12} style={{ fill: tokens.colorNeutralForeground1 }}>
                {b.short}
              </text>
              <rect x={LABEL} y={4} width={Math.max(w, b.value > 0 ? 2 : 0)} height={14} rx={2} style={{ fill }} />
              <text x={LABEL + w + 6} y={15} fontSize={12} style={{ fill: tokens.colorNeutralForeground1 }}>
                {b.value}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
