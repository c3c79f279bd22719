/**
 * "Chấm điểm": what will be scored, the Score button with its progress in words, what went
 * wrong if anything — and after Score the result, which takes the focus, with the first
 * problems right under it, then the counts and charts of each tier.
 */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Spinner } from '@fluentui/react-components';
import type { ReactNode, Ref } from 'react';
import type { ScoreProgress, WorkbookDescription } from '../../workbook/gateway';
import type { Strings } from '../strings';
import type { TierView } from '../summaryView';
import { TechnicalDetails } from './TechnicalDetails';
import { TierSummary } from './TierSummary';

export interface ScoreTabProps {
  description: WorkbookDescription | null;
  loading: boolean;
  busy: boolean;
  canScore: boolean;
  progress: ScoreProgress | null;
  /** The sheet being scored, for the progress words. */
  progressSheet: string | null;
  onScore: () => void;
  onRefresh: () => void;
  /** What the last action here said. */
  messages: ReactNode;
  /** The result and its first problems, after a Score. */
  result: ReactNode;
  tiers: TierView[] | null;
  strings: Strings;
}

/** Reading fills the first half of the bar, writing the last third. */
function progressValue(p: ScoreProgress): number {
  const share = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
  if (p.stage === 'reading') return 0.05 + 0.5 * share;
  if (p.stage === 'scoring') return 0.6;
  return 0.65 + 0.35 * share;
}

export function ScoreTab(props: ScoreTabProps) {
  const { description: d, loading, busy, progress, strings } = props;
  const rubric = d?.rubric ?? null;
  const progressText = progress ? strings.progress(progress, props.progressSheet) : '';
  return (
    <>
      <section aria-labelledby="status-title" className="status">
        <h2 id="status-title" className="visually-hidden">
          {strings.sheetLabel}
        </h2>
        {loading && !d ? (
          <Spinner size="tiny" label={strings.loading} />
        ) : (
          <dl>
            <dt>{strings.sheetLabel}</dt>
            <dd data-testid="sheet">
              {d?.sheet ? <strong>{d.sheet}</strong> : <span>{strings.sheetNone}</span>}
              {d && d.sheet !== d.activeSheet && <div className="muted small">{strings.activeSheetNote(d.activeSheet)}</div>}
            </dd>
            <dt>{strings.rubricLabel}</dt>
            <dd data-testid="rubric-short">{rubric ? `${strings.rubricSource[rubric.source]} (${rubric.id})` : '—'}</dd>
          </dl>
        )}
        {d?.problem && (
          <MessageBar intent={d.activeSheetEmpty ? 'info' : 'warning'} className="message" layout="multiline">
            <MessageBarBody>
              {d.activeSheetEmpty && <MessageBarTitle>{strings.emptySheetTitle}</MessageBarTitle>}
              {d.problem.message}
              {d.problem.detail && <TechnicalDetails detail={d.problem.detail} strings={strings} />}
            </MessageBarBody>
          </MessageBar>
        )}
      </section>

      <div className="score">
        <Button appearance="primary" size="large" disabled={!props.canScore} onClick={props.onScore} data-testid="score">
          {busy && progress ? strings.scoring : strings.score}
        </Button>
        <Button appearance="subtle" size="small" onClick={props.onRefresh} disabled={busy}>
          {strings.refresh}
        </Button>
      </div>
      {progress && (
        <div className="progress">
          <ProgressBar value={progressValue(progress)} max={1} aria-label={progressText} thickness="large" />
          <p className="small" data-testid="progress-text">
            {progressText}
          </p>
        </div>
      )}
      {!props.result && !progress && d?.sheet && <p className="hint">{strings.scoreHint}</p>}
      {props.messages}
      {props.result}
      {props.tiers && <TierSummary tiers={props.tiers} strings={strings} />}
    </>
  );
}

export interface ResultSummaryProps {
  sentence: string;
  line: string;
  /** The first problems, as buttons. */
  first: ReactNode;
  problemUnits: number;
  onShowAll: () => void;
  notices: ReactNode;
  strings: Strings;
  focusRef: Ref<HTMLElement>;
}

export function ResultSummary(props: ResultSummaryProps) {
  const { strings } = props;
  return (
    <section aria-labelledby="result-title" className="result" tabIndex={-1} ref={props.focusRef} data-testid="result">
      <h2 id="result-title">{strings.resultTitle}</h2>
      <p>
        <strong>{props.sentence}</strong> {props.line}
      </p>
      {props.problemUnits === 0 ? (
        <p>{strings.noProblems}</p>
      ) : (
        <>
          <h3 id="first-problems-title">{strings.firstProblemsTitle}</h3>
          <ul className="issues first-problems" aria-labelledby="first-problems-title">
            {props.first}
          </ul>
          <Button appearance="secondary" size="small" onClick={props.onShowAll} data-testid="all-problems">
            {strings.allProblems(props.problemUnits)}
          </Button>
        </>
      )}
      {props.notices}
    </section>
  );
}
