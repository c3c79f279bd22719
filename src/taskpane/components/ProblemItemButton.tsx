/**
 * One problem: a button that selects its cell on the sheet, with the cell, the severity and the
 * sentence in the pane's language (issueText.ts); a detail, if any, folded beside it.
 */
import { Button } from '@fluentui/react-components';
import type { CompiledRubric } from '../../rubric/compiled';
import type { UnitResult } from '../../scoring/types';
import { IssueLike, issueFacts, issueText } from '../issueText';
import type { Strings } from '../strings';
import { TechnicalDetails } from './TechnicalDetails';

export interface ProblemItemButtonProps {
  issue: IssueLike;
  unit: UnitResult | null;
  rubric: CompiledRubric;
  /** What is shown as the cell (the sheet's A1 address, or 'Thẩm định'!E5). */
  cellLabel: string | null;
  onSelect: () => void;
  strings: Strings;
  /** Prefix the unit's name (the short list on the Score tab). */
  unitName?: string;
  /** The sentence, when the problem is not an issue of the engine (a unit without a report). */
  text?: string;
}

export function ProblemItemButton(props: ProblemItemButtonProps) {
  const { issue, unit, rubric, cellLabel, onSelect, strings, unitName } = props;
  const shown =
    props.text !== undefined
      ? { text: props.text, detail: null }
      : issueText(issue, issueFacts(issue, rubric, unit), strings.issue);
  const body = (
    <span>
      {unitName && <span className="unit-name">{unitName}: </span>}
      <span className="sev">{strings.issue.severity[issue.severity]}:</span> {shown.text}
    </span>
  );
  return (
    <>
      {cellLabel ? (
        <Button appearance="subtle" size="small" className="issue" onClick={onSelect}>
          <span className="cell">{cellLabel}</span>
          {body}
        </Button>
      ) : (
        <span className="issue-text">{body}</span>
      )}
      {shown.detail && <TechnicalDetails detail={shown.detail} strings={strings} />}
    </>
  );
}
