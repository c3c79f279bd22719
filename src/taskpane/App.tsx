/**
 * The task pane: what will be scored, the Score button with its progress, then the per-tier
 * summary, the filters and the problems by unit. Every workbook action goes through the
 * gateway it is given; every outcome ends as a message on screen.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, ProgressBar } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { tierCounts } from '../report/tierCounts';
import { BUILTIN_RUBRIC } from '../rubric/builtin';
import { rubricFromJsonText } from '../rubric/loadRubric';
import { rubricToRows } from '../rubric/rubricSheet';
import type {
  FilterKind,
  ImportedRubric,
  ScoreProgress,
  ScoreReport,
  WorkbookDescription,
  WorkbookGateway,
} from '../workbook/gateway';
import { FilterBar } from './components/FilterBar';
import { ProblemList } from './components/ProblemList';
import { TierSummary } from './components/TierSummary';
import { WorkbookStatus } from './components/WorkbookStatus';
import { problemsByUnit } from './problems';
import type { Strings } from './strings';

type Intent = 'error' | 'warning' | 'success' | 'info';
interface Message {
  id: number;
  intent: Intent;
  title?: string;
  text: string;
}

export interface AppProps {
  gateway: WorkbookGateway;
  strings: Strings;
}

export function App({ gateway, strings }: AppProps) {
  const [description, setDescription] = useState<WorkbookDescription | null>(null);
  const [loading, setLoading] = useState(true);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ScoreProgress | null>(null);
  const [report, setReport] = useState<ScoreReport | null>(null);
  const [filter, setFilter] = useState<FilterKind | null>(null);
  const [imported, setImported] = useState<ImportedRubric | null>(null);
  const [messages, setMessages] = useState<Message[]>([]);
  const nextId = useRef(1);

  const say = useCallback((intent: Intent, text: string, title?: string) => {
    const id = nextId.current++;
    setMessages((list) => [...list, { id, intent, text, title }]);
  }, []);
  /** Each action's outcome replaces what the previous action said. */
  const clear = () => setMessages([]);

  const refresh = useCallback(
    async (rubric: ImportedRubric | null = imported) => {
      setLoading(true);
      const out = await gateway.describe({ rubric });
      setLoading(false);
      if (out.ok) setDescription(out.value);
      else say('error', out.message);
    },
    [gateway, imported, say],
  );

  useEffect(() => {
    void refresh();
    let stop: (() => Promise<void>) | null = null;
    let cancelled = false;
    void gateway
      .onActiveSheetChanged(() => void refresh())
      .then((out) => {
        if (!out.ok) say('warning', out.message);
        else if (cancelled) void out.value();
        else stop = out.value;
      });
    return () => {
      cancelled = true;
      if (stop) void stop();
    };
    // Subscribing once per gateway; refresh reads the imported rubric at call time.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [gateway]);

  async function score() {
    clear();
    setBusy(true);
    setProgress({ stage: 'reading', done: 0, total: 1 });
    const out = await gateway.score({ rubric: imported, onProgress: setProgress });
    setBusy(false);
    setProgress(null);
    if (!out.ok) {
      say('error', out.message, strings.command.failedTitle);
      return;
    }
    setReport(out.value);
    setFilter(null);
    const { result, notices } = out.value;
    say('success', strings.scoredAt(result.sheet, result.units.length));
    for (const n of notices) say('warning', n, strings.noticesTitle);
    void refresh();
  }

  async function applyFilter(kind: FilterKind) {
    clear();
    const out = await gateway.applyFilter(kind);
    if (out.ok) {
      setFilter(kind);
      say('info', strings.filterApplied(strings.filters[kind]));
    } else say('error', out.message);
  }

  async function select(cell: string) {
    if (!report) return;
    const out = await gateway.selectCell(report.result.sheet, cell);
    if (!out.ok) say('error', out.message);
  }

  async function importRubric(file: File) {
    clear();
    let text: string;
    try {
      text = await file.text();
    } catch {
      say('error', strings.rubricReadFailed(file.name));
      return;
    }
    const loaded = rubricFromJsonText(text, `"${file.name}"`);
    if (!loaded.ok) {
      say('error', loaded.message);
      return;
    }
    const next = { rubric: loaded.rubric, fileName: file.name };
    setImported(next);
    say('success', strings.rubricImported(file.name));
    await refresh(next);
  }

  async function dropImport() {
    setImported(null);
    await refresh(null);
  }

  async function writeRubric() {
    clear();
    setBusy(true);
    const out = await gateway.writeRubricSheet(rubricToRows(BUILTIN_RUBRIC));
    setBusy(false);
    if (out.ok) say('success', strings.rubricWritten(out.value.sheet));
    else say('error', out.message);
    await refresh();
  }

  const tiers = useMemo(() => (report ? tierCounts(report.result) : []), [report]);
  const groups = useMemo(() => (report ? problemsByUnit(report.result) : []), [report]);
  const canScore = !busy && !loading && description !== null && description.sheet !== null;
  const progressValue = progress
    ? progress.stage === 'writing'
      ? 0.5 + (0.5 * progress.done) / progress.total
      : progress.stage === 'scoring'
        ? 0.4
        : 0.1
    : 0;

  return (
    <main className="app" aria-busy={busy}>
      <header>
        <h1>{strings.appTitle}</h1>
        <p className="muted">{strings.appSubtitle}</p>
      </header>

      <WorkbookStatus
        description={description}
        loading={loading}
        busy={busy}
        imported={imported}
        onRefresh={() => void refresh()}
        onImport={(f) => void importRubric(f)}
        onDropImport={() => void dropImport()}
        onWriteRubric={() => void writeRubric()}
        strings={strings}
      />

      {description?.problem && (
        <MessageBar intent={description.activeSheetEmpty ? 'info' : 'warning'} className="message">
          <MessageBarBody>
            {description.activeSheetEmpty && <MessageBarTitle>{strings.emptySheetTitle}</MessageBarTitle>}
            {description.problem}
          </MessageBarBody>
        </MessageBar>
      )}

      <div className="score">
        <Button appearance="primary" size="large" disabled={!canScore} onClick={() => void score()} data-testid="score">
          {busy && progress ? strings.scoring : strings.score}
        </Button>
        {progress && (
          <ProgressBar className="progress" value={progressValue} max={1} aria-label={strings.scoring} thickness="large" />
        )}
      </div>

      <div role="status" aria-live="polite" className="messages">
        {messages.map((m) => (
          <MessageBar key={m.id} intent={m.intent} className="message">
            <MessageBarBody>
              {m.title && <MessageBarTitle>{m.title}</MessageBarTitle>}
              {m.text}
            </MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button
                  appearance="transparent"
                  size="small"
                  aria-label={strings.dismiss}
                  onClick={() => setMessages((l) => l.filter((x) => x.id !== m.id))}
                >
                  ✕
                </Button>
              }
            />
          </MessageBar>
        ))}
      </div>

      {report && (
        <>
          <TierSummary tiers={tiers} strings={strings} />
          <p className="muted small">{strings.roundTrips(report.roundTrips.reads, report.roundTrips.writes)}</p>
          <FilterBar active={filter} disabled={busy} onFilter={(k) => void applyFilter(k)} strings={strings} />
          <ProblemList
            key={report.block + report.result.units.length}
            groups={groups}
            onSelect={(c) => void select(c)}
            strings={strings}
          />
        </>
      )}
    </main>
  );
}

/** Shown when the pane is opened outside Excel (or office.js could not start). */
export function NotInExcel({ strings }: { strings: Strings }) {
  return (
    <main className="app">
      <header>
        <h1>{strings.appTitle}</h1>
      </header>
      <MessageBar intent="warning">
        <MessageBarBody>{strings.notInExcel}</MessageBarBody>
      </MessageBar>
    </main>
  );
}
