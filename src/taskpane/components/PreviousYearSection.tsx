/**
 * "So sánh năm trước": pick last year's RESULT.json or scored workbook; then, per tier, how
 * many units moved up or down a level in each category, and the units that could not be
 * matched by name (listed, never guessed).
 */
import { Button } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { YearComparison } from '../../scoring/compareYears';
import type { ScoreResult } from '../../scoring/types';
import type { Strings } from '../strings';
import { FilePickButton } from './FilePickButton';

export interface PreviousYearSectionProps {
  result: ScoreResult;
  comparison: YearComparison | null;
  busy: boolean;
  onFile: (file: File) => void;
  onDrop: () => void;
  strings: Strings;
  /** What the section's last action said. */
  children?: ReactNode;
}

const unquote = (source: string) => source.replace(/^"(.*)"$/, '$1');

export function PreviousYearSection(props: PreviousYearSectionProps) {
  const { result, comparison, busy, onFile, onDrop, strings } = props;
  const categories = result.rubric.rubric.categories;
  return (
    <section aria-labelledby="previous-title" className="panel">
      <h2 id="previous-title">{strings.previousTitle}</h2>
      <p className="muted small">{strings.previousHint}</p>
      <div className="actions">
        <FilePickButton
          accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={busy}
          onFile={onFile}
          testId="previous-file"
        >
          {strings.previousChoose}
        </FilePickButton>
        {comparison && (
          <Button size="small" onClick={onDrop} disabled={busy}>
            {strings.previousDrop}
          </Button>
        )}
      </div>
      {props.children}

      {comparison && (
        <div data-testid="comparison">
          <p>
            <strong>{strings.previousSource(unquote(comparison.source), comparison.year)}</strong>
          </p>
          <p>{strings.matched(comparison.byUnit.size, result.units.length)}</p>
          {comparison.moves.map((m) => {
            const tier = result.rubric.tiers[m.tier]?.name ?? m.tier;
            return (
              <table key={m.tier} className="moves" data-tier={m.tier}>
                <caption>{strings.movesCaption(tier)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{strings.moves.category}</th>
                    <th scope="col">{strings.moves.up}</th>
                    <th scope="col">{strings.moves.down}</th>
                  </tr>
                </thead>
                <tbody>
                  {categories.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">{c.name}</th>
                      <td>{m.up[c.id]?.length ?? 0}</td>
                      <td>{m.down[c.id]?.length ?? 0}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            );
          })}
          {comparison.unmatchedCurrent.length === 0 && comparison.unmatchedPrevious.length === 0 ? (
            <p className="muted">{strings.unmatchedNone}</p>
          ) : (
            <>
              {comparison.unmatchedCurrent.length > 0 && (
                <details data-testid="unmatched-current">
                  <summary>{strings.unmatchedCurrent(comparison.unmatchedCurrent.length)}</summary>
                  <ul>
                    {comparison.unmatchedCurrent.map((u) => (
                      <li key={`${u.row}-${u.name}`}>
                        {u.name}
                        {u.district ? ` – ${u.district}` : ''}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
              {comparison.unmatchedPrevious.length > 0 && (
                <details data-testid="unmatched-previous">
                  <summary>{strings.unmatchedPrevious(comparison.unmatchedPrevious.length)}</summary>
                  <ul>
                    {comparison.unmatchedPrevious.map((p, i) => (
                      <li key={i}>
                        {p.name}
                        {p.district ? ` – ${p.district}` : ''}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </>
          )}
        </div>
      )}
    </section>
  );
}
