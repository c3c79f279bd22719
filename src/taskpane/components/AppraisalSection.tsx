/**
 * "Thẩm định": the reviewer takes the selected cell (its unit, input and reported value are
 * shown), enters the verified value, a reason (required), their name and the date, and records
 * it — a row on the "Thẩm định" sheet, then a new score. The button stays disabled, and says
 * why, until the entry is complete and valid by the engine's own rules.
 */
import { Button, Field, Input, Textarea } from '@fluentui/react-components';
import { ReactNode, useState } from 'react';
import type { ScoreResult } from '../../scoring/types';
import type { CorrectionEntry } from '../../workbook/gateway';
import { CellChoice, dateFromInput, displayValue, todayForInput, verifiedValue } from '../appraisalForm';
import { issueText } from '../issueText';
import type { Strings } from '../strings';
import { AppraisalResults } from './AppraisalResults';

export interface AppraisalSectionProps {
  result: ScoreResult;
  choice: CellChoice | null;
  reviewer: string;
  onReviewer: (name: string) => void;
  busy: boolean;
  onUseSelection: () => void;
  /** Resolves true when the row was written and the workbook scored again. */
  onSubmit: (entry: CorrectionEntry) => Promise<boolean>;
  /** Selects a cell given as "'Thẩm định'!E5". */
  onSelect: (reference: string) => void;
  strings: Strings;
  /** What the section's last action said. */
  children?: ReactNode;
}

export function AppraisalSection(props: AppraisalSectionProps) {
  const { result, choice, strings, busy } = props;
  const [verified, setVerified] = useState('');
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(todayForInput());

  const input = choice?.kind === 'input' ? choice : null;
  const checked = input ? verifiedValue(result, input.unit, input.input, verified) : null;
  const day = dateFromInput(date);
  // The engine's reason in the pane's language (issueText.ts).
  const invalid =
    input && checked && !checked.ok
      ? issueText(
          { code: checked.code, severity: 'error', cell: null, input: input.input.code, message: checked.message },
          { input: { code: input.input.code, name: input.input.name }, typed: verified.trim() },
          strings.issue,
        ).text
      : '';
  const why = !input
    ? strings.why.cell
    : checked === null
      ? strings.why.verified
      : !checked.ok
        ? strings.why.invalid(invalid)
        : reason.trim() === ''
          ? strings.why.reason
          : day === null
            ? strings.why.date
            : null;

  async function submit() {
    if (why || !input || !checked?.ok || !day) return;
    const entry: CorrectionEntry = {
      unit: input.unit.name,
      district: input.unit.district,
      code: input.input.code,
      reported: input.cell.value,
      verified: checked.value,
      reason: reason.trim(),
      reviewer: props.reviewer.trim(),
      date: day,
    };
    if (await props.onSubmit(entry)) {
      setVerified('');
      setReason('');
    }
  }

  return (
    <section aria-labelledby="appraisal-title">
      <h2 id="appraisal-title">{strings.appraisalTitle}</h2>
      <p className="muted small">{strings.appraisalHint}</p>
      <Button size="small" onClick={props.onUseSelection} disabled={busy} data-testid="use-selection">
        {strings.useSelection}
      </Button>

      <div role="status" aria-live="polite" data-testid="appraisal-cell">
        {choice === null && <p className="muted">{strings.noCellYet}</p>}
        {choice?.kind === 'other' && (
          <p className="warning-text">{strings.notInputCell(choice.cell.address, choice.cell.sheet, result.sheet)}</p>
        )}
        {choice?.kind === 'missing' && <p className="warning-text">{strings.missingUnitCell(choice.unit.name)}</p>}
        {input && (
          <dl className="facts">
            <dt>{strings.cell.unit}</dt>
            <dd>
              {input.unit.name}
              {input.unit.district ? ` – ${input.unit.district}` : ''}
            </dd>
            <dt>{strings.cell.input}</dt>
            <dd>
              {input.input.code} – {input.input.name}
            </dd>
            <dt>{strings.cell.reported}</dt>
            <dd>{displayValue(input.cell.value) || strings.cell.blank}</dd>
            <dt>{strings.cell.address}</dt>
            <dd>
              {input.cell.sheet}!{input.cell.address}
            </dd>
          </dl>
        )}
      </div>

      <div className="form">
        <Field label={strings.verified} required>
          <Input value={verified} onChange={(_, d) => setVerified(d.value)} data-field="verified" />
        </Field>
        <Field label={strings.reason} required>
          <Textarea value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" data-field="reason" />
        </Field>
        <Field label={strings.reviewer} hint={strings.reviewerHint}>
          <Input value={props.reviewer} onChange={(_, d) => props.onReviewer(d.value)} data-field="reviewer" />
        </Field>
        <Field label={strings.date} hint={strings.dateHint} required>
          <Input
            value={date}
            onChange={(_, d) => setDate(d.value)}
            inputMode="numeric"
            placeholder="dd/mm/yyyy"
            data-field="date"
          />
        </Field>
      </div>
      <Button
        appearance="primary"
        disabledFocusable={busy || why !== null}
        aria-describedby="appraisal-why"
        onClick={() => void submit()}
        data-testid="submit-appraisal"
      >
        {strings.submitAppraisal}
      </Button>
      <p id="appraisal-why" className="muted small" data-testid="appraisal-why">
        {why ?? ''}
      </p>
      {props.children}

      <AppraisalResults result={result} onSelect={props.onSelect} strings={strings} />
    </section>
  );
}
