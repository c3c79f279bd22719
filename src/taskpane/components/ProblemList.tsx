/**
 * Problems grouped by unit; each problem is a button that selects its cell on the sheet.
 * Long lists are shown a page at a time so the pane stays quick on large workbooks.
 */
import { Badge, Button } from '@fluentui/react-components';
import { useState } from 'react';
import type { CompiledRubric } from '../../rubric/compiled';
import type { Strings } from '../strings';
import { UnitProblems, issueCount } from '../problems';
import { ProblemItemButton } from './ProblemItemButton';

const PAGE = 60;

export interface ProblemListProps {
  groups: UnitProblems[];
  rubric: CompiledRubric;
  onSelect: (cell: string) => void;
  strings: Strings;
}

export function ProblemList({ groups, rubric, onSelect, strings }: ProblemListProps) {
  const [shown, setShown] = useState(PAGE);
  const visible = groups.slice(0, shown);
  return (
    <section aria-labelledby="problems-title">
      <h2 id="problems-title">{strings.problemsTitle}</h2>
      {groups.length === 0 ? (
        <p>{strings.problemsNone}</p>
      ) : (
        <p className="muted">
          {strings.problemsCount(groups.length, issueCount(groups))}. {strings.problemsHint}
        </p>
      )}
      <ul className="units">
        {visible.map((g) => (
          <li key={`${g.row}-${g.name}`} className="unit">
            <div className="unit-head">
              <h3>{g.name}</h3>
              <Badge
                appearance="tint"
                color={g.status === 'error' ? 'danger' : g.status === 'missing' ? 'informative' : 'warning'}
              >
                {strings.status[g.status]}
              </Badge>
            </div>
            <p className="muted small">{g.row !== null ? strings.unitRow(g.row) : strings.unitNoRow}</p>
            <ul className="issues">
              {g.status === 'missing' && g.items.length === 0 && (
                <li>
                  {g.nameCell ? (
                    <Button appearance="subtle" size="small" className="issue" onClick={() => onSelect(g.nameCell!)}>
                      <span className="cell">{g.nameCell}</span>
                      <span>{strings.missingUnit}</span>
                    </Button>
                  ) : (
                    <span>{strings.missingUnit}</span>
                  )}
                </li>
              )}
              {g.items.map((item, i) => (
                <li key={i} className={item.severity}>
                  <ProblemItemButton
                    issue={item.issue}
                    unit={g.unit}
                    rubric={rubric}
                    cellLabel={item.cell}
                    onSelect={() => item.cell && onSelect(item.cell)}
                    strings={strings}
                  />
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {groups.length > shown && (
        <Button onClick={() => setShown(shown + PAGE)}>{strings.showMore(Math.min(PAGE, groups.length - shown))}</Button>
      )}
    </section>
  );
}
