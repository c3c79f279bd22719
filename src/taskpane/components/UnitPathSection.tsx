/**
 * "Lộ trình nâng mức" in the Cần xử lý tab: choose a unit (the not-ranked ones first) and see
 * what it would take to reach its next level or grade (docs/lo-trinh.md) — each change with its
 * cell, a button that selects the cell on the sheet — or why there is no path.
 */
import { Button, Field, Select } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { ScoreResult } from '../../scoring/types';
import type { Strings } from '../strings';
import { PathLine, unitChoices, unitPathView } from '../unitPath';
import { ProblemItemButton } from './ProblemItemButton';

export interface UnitPathSectionProps {
  result: ScoreResult;
  onSelect: (cell: string) => void;
  strings: Strings;
}

function LineButton({ line, onSelect }: { line: PathLine; onSelect: (cell: string) => void }) {
  if (!line.cell) return <span className="issue-text">{line.text}</span>;
  return (
    <Button appearance="subtle" size="small" className="issue" onClick={() => onSelect(line.cell!)}>
      <span className="cell">{line.cell}</span>
      <span>{line.text}</span>
    </Button>
  );
}

export function UnitPathSection({ result, onSelect, strings }: UnitPathSectionProps) {
  const words = strings.path;
  const [row, setRow] = useState<number | null>(null);
  const choices = useMemo(() => unitChoices(result, strings), [result, strings]);
  const view = useMemo(() => (row === null ? null : unitPathView(result, row, strings)), [result, row, strings]);
  return (
    <section aria-labelledby="path-title" className="unit-path">
      <h2 id="path-title">{words.title}</h2>
      {choices.length === 0 ? (
        <p>{words.none}</p>
      ) : (
        <>
          <p className="muted small">{words.hint}</p>
          <Field label={words.unit}>
            <Select
              className="unit-choice"
              value={view ? String(row) : ''}
              onChange={(_, data) => setRow(data.value === '' ? null : Number(data.value))}
              data-testid="path-unit"
            >
              <option value="" disabled>
                {words.choose}
              </option>
              {choices.map((g) => (
                <optgroup key={g.key} label={g.label}>
                  {g.units.map((u) => (
                    <option key={u.row} value={u.row}>
                      {u.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </Select>
          </Field>
        </>
      )}
      {view && (
        <div className="path" data-testid="unit-path" aria-live="polite">
          <h3>{view.name}</h3>
          <p className="muted small">{view.where}</p>
          {view.fixErrors && (
            <>
              <p>{view.fixErrors.text}</p>
              <ul className="issues">
                {view.fixErrors.issues.map((issue, i) => (
                  <li key={i} className="error">
                    <ProblemItemButton
                      issue={issue}
                      unit={view.unit}
                      rubric={result.rubric}
                      cellLabel={issue.cell}
                      onSelect={() => issue.cell && onSelect(issue.cell)}
                      strings={strings}
                    />
                  </li>
                ))}
              </ul>
            </>
          )}
          {view.targets.map((t) => (
            <div className="path-target" key={t.key}>
              <h4>{t.heading}</h4>
              {t.lead && <p className="path-frame">{t.lead}</p>}
              {t.reason && <p>{t.reason}</p>}
              {t.changes.length > 0 && (
                <ul className="issues">
                  {t.changes.map((line, i) => (
                    <li key={i}>
                      <LineButton line={line} onSelect={onSelect} />
                    </li>
                  ))}
                </ul>
              )}
              {t.tail && <p className="path-frame">{t.tail}</p>}
              {t.advice.length > 0 && (
                <ul className="issues">
                  {t.advice.map((line, i) => (
                    <li key={i}>
                      <LineButton line={line} onSelect={onSelect} />
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
          {view.top && <p>{view.top}</p>}
        </div>
      )}
    </section>
  );
}
