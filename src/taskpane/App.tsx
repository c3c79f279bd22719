/**
 * The task pane: what will be scored, the Score button with its progress, then the per-tier
 * summary, the filters, export (ranking sheet, decision draft, CSV/JSON), the comparison with
 * last year, appraisal, and the problems by unit. Every workbook action goes through the
 * gateway it is given; every outcome ends as a message on screen, beside the action.
 */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { summaryParagraph } from '../report/summary';
import { tierCounts } from '../report/tierCounts';
import { BUILTIN_RUBRIC } from '../rubric/builtin';
import { rubricFromJsonText } from '../rubric/loadRubric';
import { rubricToRows } from '../rubric/rubricSheet';
import { PreviousYear, compareYears } from '../scoring/compareYears';
import type { ScoreResult } from '../scoring/types';
import { a1 } from '../sheet/grid';
import type {
  CorrectionEntry,
  FilterKind,
  ImportedRubric,
  ScoreProgress,
  ScoreReport,
  SelectedCell,
  WorkbookDescription,
  WorkbookGateway,
} from '../workbook/gateway';
import { parseSheetReference } from '../workbook/office/references';
import { choiceAt, unitAfterAppraisal } from './appraisalForm';
import { AppraisalSection } from './components/AppraisalSection';
import { DownloadKind, ExportSection } from './components/ExportSection';
import { FilterBar } from './components/FilterBar';
import { Intent, Message, MessageList, MessagePlace } from './components/MessageList';
import { PreviousYearSection } from './components/PreviousYearSection';
import { ProblemList } from './components/ProblemList';
import { TierSummary } from './components/TierSummary';
import { WorkbookStatus } from './components/WorkbookStatus';
import { INITIAL_SETTINGS, SettingsInput, settingsFromInput } from './decisionSettingsInput';
import { Speaker, copySummary, downloadExport, writeRankingSheet } from './exportActions';
import { readPreviousFile } from './previousYearFile';
import { problemsByUnit } from './problems';
import type { Strings } from './strings';

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
  // Kept for the session: the decision settings, last year's result, the reviewer's name.
  const [settingsInput, setSettingsInput] = useState<SettingsInput>(INITIAL_SETTINGS);
  const [previous, setPrevious] = useState<PreviousYear | null>(null);
  const [reviewer, setReviewer] = useState('');
  const [selected, setSelected] = useState<SelectedCell | null>(null);
  const nextId = useRef(1);

  const say = useCallback((intent: Intent, text: string, title?: string, place: MessagePlace = 'top') => {
    const id = nextId.current++;
    setMessages((list) => [...list, { id, intent, text, title, place }]);
  }, []);
  /** Each action's outcome replaces what the previous action said. */
  const clear = () => setMessages([]);
  const dismiss = (id: number) => setMessages((l) => l.filter((x) => x.id !== id));

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

  /** Scores and says so where the user is: at the top, or in the section that asked. */
  async function runScore(place: MessagePlace = 'top'): Promise<ScoreReport | null> {
    setBusy(true);
    setProgress({ stage: 'reading', done: 0, total: 1 });
    const out = await gateway.score({ rubric: imported, onProgress: setProgress });
    setBusy(false);
    setProgress(null);
    if (!out.ok) {
      say('error', out.message, strings.command.failedTitle, place);
      return null;
    }
    setReport(out.value);
    setFilter(null);
    const { result, notices } = out.value;
    say('success', strings.scoredAt(result.sheet, result.units.length), undefined, place);
    for (const n of notices) say('warning', n, strings.noticesTitle, place);
    void refresh();
    return out.value;
  }

  async function score() {
    clear();
    await runScore();
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

  /** Selects a cell given with its sheet: "'Thẩm định'!E5". */
  async function selectReference(reference: string, place: MessagePlace) {
    const at = parseSheetReference(reference);
    if (!at) return;
    const out = await gateway.selectCell(at.sheet, a1(at.area.top, at.area.left));
    if (!out.ok) say('error', out.message, undefined, place);
  }

  // ---- Export: the result with last year's comparison when one was chosen.

  const exportResult = useMemo((): ScoreResult | null => {
    if (!report) return null;
    return previous ? { ...report.result, comparison: compareYears(report.result, previous) } : report.result;
  }, [report, previous]);
  const summary = useMemo(() => (exportResult ? summaryParagraph(exportResult) : ''), [exportResult]);

  const speaker: Speaker = { say, clear, setBusy };
  const exportSettings = () => (report ? settingsFromInput(settingsInput, report.defaultYear) : null);

  async function writeRanking() {
    const settings = exportSettings();
    if (exportResult && settings) await writeRankingSheet(gateway, exportResult, settings, strings, speaker);
  }

  async function download(kind: DownloadKind) {
    const settings = exportSettings();
    if (exportResult && settings) await downloadExport(kind, exportResult, settings, strings, speaker);
  }

  // ---- Last year's result.

  async function loadPrevious(file: File) {
    if (!report) return;
    clear();
    setBusy(true);
    say('info', strings.previousReading(file.name), undefined, 'previous');
    const categoryIds = report.result.rubric.rubric.categories.map((c) => c.id);
    const out = await readPreviousFile(file, categoryIds, strings);
    setBusy(false);
    clear();
    if (!out.ok) {
      say('error', out.message, undefined, 'previous');
      return;
    }
    setPrevious(out.value);
    say('success', strings.previousLoaded(file.name, out.value.year), undefined, 'previous');
  }

  // ---- Appraisal.

  const choice = useMemo(() => (report && selected ? choiceAt(report.result, selected) : null), [report, selected]);

  async function takeSelection() {
    clear();
    const out = await gateway.selectedInputCell();
    if (out.ok) setSelected(out.value);
    else say('error', out.message, undefined, 'appraisal');
  }

  async function submitCorrection(entry: CorrectionEntry): Promise<boolean> {
    const row = choice?.kind === 'input' ? choice.unit.row : null;
    if (!report) return false;
    clear();
    setBusy(true);
    const out = await gateway.appendCorrection(entry, report.result.rubric);
    setBusy(false);
    if (!out.ok) {
      say('error', out.message, undefined, 'appraisal');
      return false;
    }
    const trips = strings.roundTripsShort(out.value.roundTrips.reads, out.value.roundTrips.writes);
    say('success', strings.appended(out.value.row, out.value.sheet, entry.unit, trips), undefined, 'appraisal');
    const next = await runScore('appraisal');
    const unit = next?.result.units.find((u) => u.row === row);
    if (unit) say('info', unitAfterAppraisal(unit, strings), undefined, 'appraisal');
    return true;
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

      <MessageList messages={messages} place="top" onDismiss={dismiss} strings={strings} />

      {report && exportResult && (
        <>
          <TierSummary tiers={tiers} strings={strings} />
          <p className="muted small">{strings.roundTrips(report.roundTrips.reads, report.roundTrips.writes)}</p>
          <FilterBar active={filter} disabled={busy} onFilter={(k) => void applyFilter(k)} strings={strings} />
          <ExportSection
            settings={settingsInput}
            defaultYear={report.defaultYear}
            onSettings={setSettingsInput}
            summary={summary}
            busy={busy}
            onWriteRanking={() => void writeRanking()}
            onDownload={(k) => void download(k)}
            onCopy={(t) => void copySummary(t, strings, speaker)}
            strings={strings}
          >
            <MessageList messages={messages} place="export" onDismiss={dismiss} strings={strings} />
          </ExportSection>
          <PreviousYearSection
            result={report.result}
            comparison={exportResult.comparison}
            busy={busy}
            onFile={(f) => void loadPrevious(f)}
            onDrop={() => setPrevious(null)}
            strings={strings}
          >
            <MessageList messages={messages} place="previous" onDismiss={dismiss} strings={strings} />
          </PreviousYearSection>
          <AppraisalSection
            result={report.result}
            choice={choice}
            reviewer={reviewer}
            onReviewer={setReviewer}
            busy={busy}
            onUseSelection={() => void takeSelection()}
            onSubmit={submitCorrection}
            onSelect={(ref) => void selectReference(ref, 'appraisal')}
            strings={strings}
          >
            <MessageList messages={messages} place="appraisal" onDismiss={dismiss} strings={strings} />
          </AppraisalSection>
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
