/**
 * Problems grouped by unit; each problem is a button that selects its cell on the sheet.
 * Long lists are shown a page at a time so the pane stays quick on large workbooks.
 */
import { Badge, Button } from '@fluentui/react-components';
import { useState } from 'react';
import type { Strings } from '../strings';
import { UnitProblems, issueCount } from '../problems';

const PAGE = 60;

export interface ProblemListProps {
  groups: UnitProblems[];
  onSelect: (cell: string) => void;
  strings: Strings;
}

export function ProblemList({ groups, onSelect, strings }: ProblemListProps) {
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
        {visible.map((g) => {
          const headingId = `unit-${g.row ?? g.name}`;
          return (
            <li key={`${g.row}-${g.name}`} className="unit">
              <div className="unit-head">
                <h3 id={headingId}>{g.name}</h3>
                <Badge
                  appearance="tint"
                  color={g.status === 'error' ? 'danger' : g.status === 'missing' ? 'informative' : 'warning'}
                >
                  {strings.status[g.status]}
                </Badge>
              </div>
              <p className="muted">{g.row !== null ? strings.unitRow(g.row) : strings.unitNoRow}</p>
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
                    {item.cell ? (
                      <Button appearance="subtle" size="small" className="issue" onClick={() => onSelect(item.cell!)}>
                        <span className="cell">{item.cell}</span>
                        <span>
                          <span className="sev">{strings.severity[item.severity]}:</span> {item.message}
                        </span>
                      </Button>
                    ) : (
                      <span>
                        <span className="sev">{strings.severity[item.severity]}:</span> {item.message}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
      {groups.length > shown && (
        <Button onClick={() => setShown(shown + PAGE)}>{strings.showMore(Math.min(PAGE, groups.length - shown))}</Button>
      )}
    </section>
  );
}
