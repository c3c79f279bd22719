/**
 * The summary paragraph of the decision draft (docs/du-thao-quyet-dinh.md), as it will read in Word,
 * with a button that copies it for a report or an e-mail.
 */
import { Button } from '@fluentui/react-components';
import type { Strings } from '../strings';

export interface SummaryParagraphProps {
  text: string;
  onCopy: (text: string) => void;
  strings: Strings;
}

export function SummaryParagraph({ text, onCopy, strings }: SummaryParagraphProps) {
  return (
    <div className="summary-paragraph">
      <h3 id="summary-paragraph-title">{strings.summaryParagraphTitle}</h3>
      <p aria-labelledby="summary-paragraph-title" data-testid="summary-paragraph">
        {text}
      </p>
      <Button size="small" onClick={() => onCopy(text)}>
        {strings.copy}
      </Button>
    </div>
  );
}
