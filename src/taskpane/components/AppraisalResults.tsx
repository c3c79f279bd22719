/**
 * After scoring: the problems of the "Thẩm định" sheet (each selects its cell there) and the
 * verified values in use, per unit, with the unit's total beside its self-assessed one.
 */
import { Button } from '@fluentui/react-components';
import type { ScoreResult } from '../../scoring/types';
import { formatCents } from '../../scoring/viFormat';
import { displayValue } from '../appraisalForm';
import type { Strings } from '../strings';
import { ProblemItemButton } from './ProblemItemButton';

export interface AppraisalResultsProps {
  result: ScoreResult;
  onSelect: (reference: string) => void;
  strings: Strings;
}

const cents = (c: number | null) => (c === null ? '—' : formatCents(c));

export function AppraisalResults({ result, onSelect, strings }: AppraisalResultsProps) {
  const issues = result.appraisal?.issues ?? [];
  const corrected = result.units.filter((u) => u.corrections.length > 0);
  return (
    <>
      {issues.length > 0 && (
        <div aria-labelledby="appraisal-issues-title">
          <h3 id="appraisal-issues-title">{strings.appraisalIssuesTitle}</h3>
          <p className="muted small">{strings.appraisalIssuesHint}</p>
          <ul className="issues" data-testid="appraisal-issues">
            {issues.map((issue, i) => (
              <li key={i} className={issue.severity}>
                <ProblemItemButton
                  issue={issue}
                  unit={null}
                  rubric={result.rubric}
                  cellLabel={issue.cell}
                  onSelect={() => onSelect(issue.cell)}
                  strings={strings}
                />
              </li>
            ))}
          </ul>
        </div>
      )}
      <h3 id="corrections-title">{strings.correctionsTitle}</h3>
      {corrected.length === 0 ? (
        <p className="muted">{strings.correctionsNone}</p>
      ) : (
        <ul className="units" aria-labelledby="corrections-title" data-testid="corrections">
          {corrected.map((u) => (
            <li key={`${u.row}-${u.name}`} className="unit">
              <div className="unit-head">
                <h4>{u.name}</h4>
                <span className="muted small">{strings.correctionTotals(cents(u.totalCents), cents(u.selfTotalCents))}</span>
              </div>
              <ul className="issues">
                {u.corrections.map((c) => (
                  <li key={c.cell}>
                    <Button appearance="subtle" size="small" className="issue" onClick={() => onSelect(c.cell)}>
                      <span className="cell">{c.cell}</span>
                      <span>
                        {strings.correction(c.input, displayValue(c.reported) || strings.cell.blank, displayValue(c.verified))}
                        {c.reason ? ` — ${c.reason}` : ''}
                        {c.reviewer ? ` (${[c.reviewer, displayValue(c.date)].filter(Boolean).join(', ')})` : ''}
                      </span>
                    </Button>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
