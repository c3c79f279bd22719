/**
 * The task pane, laid out for Excel's narrow column: five tabs — Chấm điểm · Cần xử lý · Xuất
 * kết quả · Thẩm định · Tiêu chí. After Score the focus goes to the result, with the first
 * problems right under it; a unit's path to its next level is in Cần xử lý. Every workbook action goes through the gateway it is given; every
 * outcome ends as a message beside the action that caused it (docs/huong-dan-su-dung.md).
 */
import { ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ownSheetKinds } from '../report/ownSheets';
import { shortfalls } from '../report/shortfalls';
import { summaryParagraph } from '../report/summary';
import { tierCounts } from '../report/tierCounts';
import { defaultSettings } from '../report/settings';
import { StoredSettings, sameStoredSettings } from '../report/storedSettings';
import { BUILTIN_RUBRIC } from '../rubric/builtin';
import { BUILTIN_RUBRICS, builtinRubric } from '../rubric/builtins';
import { rubricFromJsonText } from '../rubric/loadRubric';
import { rubricToRows } from '../rubric/rubricSheet';
import { PreviousYear, compareYears } from '../scoring/compareYears';
import type { ScoreResult } from '../scoring/types';
import { formatCount } from '../scoring/viFormat';
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
import { failureText } from '../workbook/gateway';
import { parseSheetReference } from '../sheet/grid';
import { choiceAt, unitAfterAppraisal } from './appraisalForm';
import { AppraisalSection } from './components/AppraisalSection';
import { DownloadKind, ExportSection } from './components/ExportSection';
import { FilterBar } from './components/FilterBar';
import { Intent, Message, MessageList, MessagePlace } from './components/MessageList';
import { PreviousYearSection } from './components/PreviousYearSection';
import { ProblemItemButton } from './components/ProblemItemButton';
import { PaneTabs } from './components/PaneTabs';
import { ProblemList } from './components/ProblemList';
import { RubricTab } from './components/RubricTab';
import { ResultSummary, ScoreTab } from './components/ScoreTab';
import { SheetIssues } from './components/SheetIssues';
import { UnitPathSection } from './components/UnitPathSection';
import { INITIAL_SETTINGS, SettingsInput, settingsFromInput } from './decisionSettingsInput';
import { Platform, Speaker, copySummary, downloadExport, writeOwnSheets } from './exportActions';
import { readPreviousFile } from './previousYearFile';
import { problemsByUnit } from './problems';
import type { Strings } from './strings';
import { summaryView } from './summaryView';

export type TabId = 'score' | 'problems' | 'export' | 'appraisal' | 'rubric';
const TABS: TabId[] = ['score', 'problems', 'export', 'appraisal', 'rubric'];

/** The built-in rubrics offered for the "Tiêu chí" sheet, the default first. */
const BUILTIN_CHOICES = BUILTIN_RUBRICS.map((r) => ({ id: r.id, name: r.name }));

/** Problems listed under the result, before "see all". */
const FIRST_PROBLEMS = 3;
/** How long after the pane's own Score a change to the block is taken as that Score's. */
const OWN_ECHO_MS = 3000;
/** Typing in the decision settings is saved once it pauses. */
const SAVE_DELAY_MS = 600;

export interface AppProps {
  gateway: WorkbookGateway;
  strings: Strings;
  /** Desktop Excel may block downloads from the pane: the messages say so there. */
  platform?: Platform;
}

/** What tells two results apart for the pane: the block and each unit's outcome. */
function fingerprint(report: ScoreReport): string {
  return JSON.stringify([
    report.block,
    report.result.units.map((u) => [u.row, u.status, u.totalCents, u.rank, u.issues.map((i) => i.code + i.cell)]),
  ]);
}

function storedFrom(input: SettingsInput, reviewer: string): StoredSettings {
  return { ...input, reviewer };
}

export function App({ gateway, strings, platform = 'web' }: AppProps) {
  const [tab, setTab] = useState<TabId>('score');
  const [description, setDescription] = useState<WorkbookDescription | null>(null);
  const [loading, setLoading] = useState(true);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ScoreProgress | null>(null);
  const [report, setReport] = useState<ScoreReport | null>(null);
  const [filter, setFilter] = useState<FilterKind | null>(null);
  const [imported, setImported] = useState<ImportedRubric | null>(null);
  const [messages, setMessages] = useState<Message[]>([]);
  const [notices, setNotices] = useState<string[]>([]);
  // Saved with the workbook: the decision settings and the reviewer's name.
  const [settingsInput, setSettingsInput] = useState<SettingsInput>(INITIAL_SETTINGS);
  const [reviewer, setReviewer] = useState('');
  const [settingsSaved, setSettingsSaved] = useState(false);
  const [previous, setPrevious] = useState<PreviousYear | null>(null);
  const [selected, setSelected] = useState<SelectedCell | null>(null);
  const nextId = useRef(1);
  const resultRef = useRef<HTMLElement>(null);
  const focusResult = useRef(false);
  const busyRef = useRef(false);
  const importedRef = useRef<ImportedRubric | null>(null);
  const settingsLoaded = useRef(false);
  /** What the document holds now (read when the pane opened, or last saved; blank when nothing); null: not known. */
  const settingsStored = useRef<{ value: StoredSettings; inFile: boolean } | null>(null);

  const say = useCallback(
    (intent: Intent, text: string, options: { title?: string; place?: MessagePlace; detail?: string | null } = {}) => {
      const id = nextId.current++;
      setMessages((list) => [
        ...list,
        { id, intent, text, title: options.title, detail: options.detail, place: options.place ?? 'score' },
      ]);
    },
    [],
  );
  /** Each action's outcome replaces what the previous action said. */
  const clear = () => setMessages([]);
  const dismiss = (id: number) => setMessages((l) => l.filter((x) => x.id !== id));
  const working = (on: boolean) => {
    busyRef.current = on;
    setBusy(on);
  };

  const refresh = useCallback(
    async (rubric: ImportedRubric | null = importedRef.current) => {
      setLoading(true);
      const out = await gateway.describe({ rubric });
      setLoading(false);
      if (out.ok) setDescription(out.value);
      else say('error', out.message, { detail: out.detail });
    },
    [gateway, say],
  );

  /** A new result on screen: its view, no filter chosen yet. */
  const fingerprintRef = useRef('');
  const showReport = useCallback((next: ScoreReport) => {
    fingerprintRef.current = fingerprint(next);
    setReport(next);
    setFilter(null);
  }, []);

  /** When the pane's own Score last wrote the block. */
  const ownScoreAt = useRef(0);
  /**
   * What the ribbon wrote, read with the workbook's own rubric; null when it is the result on
   * screen. The pane's own Score comes back too when Excel is slow to tell: read again it is the
   * same result, unless a rubric file is in use, when only the moment tells it apart.
   */
  const ribbonResult = useCallback(async (): Promise<ScoreReport | null> => {
    if (importedRef.current && Date.now() - ownScoreAt.current < OWN_ECHO_MS) return null;
    const out = await gateway.currentResult({ rubric: null });
    return out.ok && fingerprint(out.value) !== fingerprintRef.current ? out.value : null;
  }, [gateway]);

  useEffect(() => {
    void refresh();
    const stops: (() => Promise<void>)[] = [];
    let cancelled = false;
    const keep = (stop: () => Promise<void>) => (cancelled ? void stop() : stops.push(stop));
    void gateway
      .onActiveSheetChanged(() => void refresh())
      .then((out) => {
        if (!out.ok) say('warning', out.message, { detail: out.detail });
        else keep(out.value);
      });
    // The ribbon's Score writes the same block: the pane shows what it wrote. The ribbon knows no
    // imported file, only the workbook's "Tiêu chí" sheet or the built-in rubric (docs/trang-tieu-chi.md):
    // the pane reads the sheet with that rubric and leaves the import, so that its next Score agrees.
    void gateway
      .onResultsWritten((written) => {
        if (busyRef.current) return;
        void ribbonResult().then((out) => {
          if (!out || busyRef.current) return;
          const dropped = importedRef.current;
          showReport(out);
          setNotices([]);
          setMessages([
            { id: nextId.current++, intent: 'info', text: strings.refreshedFromRibbon(written.sheet), place: 'score' },
            ...(dropped
              ? [
                  {
                    id: nextId.current++,
                    intent: 'info' as const,
                    text: strings.importLeftForRibbon(dropped.fileName),
                    place: 'score' as const,
                  },
                ]
              : []),
          ]);
          if (dropped) {
            importedRef.current = null;
            setImported(null);
            void refresh(null);
          }
        });
      })
      .then((out) => {
        if (out.ok) keep(out.value);
      });
    void gateway.loadDecisionSettings().then((out) => {
      settingsLoaded.current = true;
      if (!out.ok) return;
      settingsStored.current = { value: out.value ?? {}, inFile: out.value !== null };
      if (!out.value) return;
      const stored = out.value;
      setSettingsInput((s) => ({
        province: stored.province ?? s.province,
        year: stored.year ?? s.year,
        decisionNumber: stored.decisionNumber ?? s.decisionNumber,
        committee: stored.committee ?? s.committee,
        department: stored.department ?? s.department,
      }));
      if (stored.reviewer) setReviewer(stored.reviewer);
      setSettingsSaved(true);
    });
    return () => {
      cancelled = true;
      for (const stop of stops) void stop();
    };
    // Subscribing once per gateway.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [gateway]);

  // What staff type for the decision is saved with the workbook once they pause.
  const firstSettings = useRef(true);
  useEffect(() => {
    if (firstSettings.current) {
      firstSettings.current = false;
      return;
    }
    if (!settingsLoaded.current) return;
    const next = storedFrom(settingsInput, reviewer);
    // What was just read (or saved) is not written again: opening the pane leaves the file as it is.
    const stored = settingsStored.current;
    if (stored && sameStoredSettings(next, stored.value)) {
      setSettingsSaved(stored.inFile);
      return;
    }
    setSettingsSaved(false);
    const timer = setTimeout(() => {
      void gateway.saveDecisionSettings(next).then((out) => {
        if (out.ok) {
          settingsStored.current = { value: next, inFile: true };
          setSettingsSaved(true);
        } else say('warning', out.message, { place: 'export', detail: out.detail });
      });
    }, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [gateway, settingsInput, reviewer, say]);

  // After Score, the result takes the focus, and with it the view.
  useEffect(() => {
    if (!focusResult.current || !report) return;
    focusResult.current = false;
    // Focusing scrolls only as far as needed: the tabs stay in view above the result.
    resultRef.current?.focus();
  }, [report]);

  /** Scores and says so where the user is: the Score tab, or the tab that asked. */
  async function runScore(place: MessagePlace = 'score'): Promise<ScoreReport | null> {
    working(true);
    setProgress({ stage: 'reading', done: 0, total: 1 });
    const out = await gateway.score({ rubric: imported, onProgress: setProgress });
    ownScoreAt.current = Date.now();
    working(false);
    setProgress(null);
    if (!out.ok) {
      // Stopped part-way: what the sheet holds now, then why Excel stopped, as the ribbon says it.
      say('error', failureText(out, strings.gateway), {
        title: out.interrupted ? strings.interruptedTitle : strings.failedTitle,
        place,
        detail: out.detail,
      });
      return null;
    }
    if (place === 'score') focusResult.current = true;
    showReport(out.value);
    setNotices(out.value.notices);
    // What Score read is what the workbook now is: the description follows without reading it again.
    const scored = out.value;
    setDescription((d) => d && { ...d, sheet: scored.result.sheet, rubric: scored.rubric, problem: null, scoredBefore: true });
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
      say('info', strings.filterApplied(strings.filters[kind]), { place: 'problems' });
    } else say('error', out.message, { place: 'problems', detail: out.detail });
  }

  async function select(cell: string, place: MessagePlace) {
    if (!report) return;
    const out = await gateway.selectCell(report.result.sheet, cell);
    if (!out.ok) say('error', out.message, { place, detail: out.detail });
  }

  /** Selects a cell given with its sheet: "'Thẩm định'!E5". */
  async function selectReference(reference: string, place: MessagePlace) {
    const at = parseSheetReference(reference);
    if (!at) return;
    const out = await gateway.selectCell(at.sheet, a1(at.area.top, at.area.left));
    if (!out.ok) say('error', out.message, { place, detail: out.detail });
  }

  // ---- Export: the result with last year's comparison when one was chosen.

  const exportResult = useMemo((): ScoreResult | null => {
    if (!report) return null;
    return previous ? { ...report.result, comparison: compareYears(report.result, previous) } : report.result;
  }, [report, previous]);
  const summary = useMemo(() => (exportResult ? summaryParagraph(exportResult) : ''), [exportResult]);

  const speaker: Speaker = {
    say: (intent, text, options) => say(intent, text, options),
    clear,
    setBusy: working,
  };
  // The draft's province, department and "Nơi nhận" default from the rubric the result was scored with.
  const exportSettings = () =>
    report ? settingsFromInput(settingsInput, report.defaultYear, report.result.rubric.rubric) : null;
  const settingsDefaults = useMemo(
    () => (report ? defaultSettings(report.defaultYear, report.result.rubric.rubric) : null),
    [report],
  );

  async function writeSheets() {
    const settings = exportSettings();
    if (exportResult && settings) await writeOwnSheets(gateway, exportResult, settings, strings, speaker);
  }

  async function download(kind: DownloadKind) {
    const settings = exportSettings();
    if (exportResult && settings) await downloadExport(kind, exportResult, settings, strings, speaker, platform);
  }

  // ---- Last year's result.

  async function loadPrevious(file: File) {
    if (!report) return;
    clear();
    working(true);
    say('info', strings.previousReading(file.name), { place: 'previous' });
    const categoryIds = report.result.rubric.rubric.categories.map((c) => c.id);
    const out = await readPreviousFile(file, categoryIds, strings);
    working(false);
    clear();
    if (!out.ok) {
      say('error', out.message, { place: 'previous', detail: out.detail });
      return;
    }
    setPrevious(out.value);
    say('success', strings.previousLoaded(file.name, out.value.year), { place: 'previous' });
  }

  // ---- Appraisal.

  const choice = useMemo(() => (report && selected ? choiceAt(report.result, selected) : null), [report, selected]);

  async function takeSelection() {
    clear();
    const out = await gateway.selectedInputCell();
    if (out.ok) setSelected(out.value);
    else say('error', out.message, { place: 'appraisal', detail: out.detail });
  }

  async function submitCorrection(entry: CorrectionEntry): Promise<boolean> {
    const row = choice?.kind === 'input' ? choice.unit.row : null;
    if (!report) return false;
    clear();
    working(true);
    const out = await gateway.appendCorrection(entry, report.result.rubric);
    working(false);
    if (!out.ok) {
      say('error', out.message, { place: 'appraisal', detail: out.detail });
      return false;
    }
    say('success', strings.appended(out.value.row, out.value.sheet, entry.unit), { place: 'appraisal' });
    const next = await runScore('appraisal');
    const unit = next?.result.units.find((u) => u.row === row);
    if (unit) say('info', unitAfterAppraisal(unit, strings), { place: 'appraisal' });
    return true;
  }

  // ---- Rubric.

  async function importRubric(file: File) {
    clear();
    let text: string;
    try {
      text = await file.text();
    } catch {
      say('error', strings.rubricReadFailed(file.name), { place: 'rubric' });
      return;
    }
    const loaded = rubricFromJsonText(text, `"${file.name}"`);
    if (!loaded.ok) {
      // The engine's reason names the field in the file: for whoever prepared it, behind the disclosure.
      say('error', strings.rubricImportFailed(file.name), { place: 'rubric', detail: loaded.message });
      return;
    }
    const next = { rubric: loaded.rubric, fileName: file.name };
    importedRef.current = next;
    setImported(next);
    say('success', strings.rubricImported(file.name), { place: 'rubric' });
    await refresh(next);
  }

  async function dropImport() {
    importedRef.current = null;
    setImported(null);
    await refresh(null);
  }

  async function writeRubric(id: string) {
    clear();
    working(true);
    const out = await gateway.writeRubricSheet(rubricToRows(builtinRubric(id) ?? BUILTIN_RUBRIC));
    working(false);
    if (out.ok) say('success', strings.rubricWritten(out.value.sheet), { place: 'rubric' });
    else say('error', out.message, { place: 'rubric', detail: out.detail });
    await refresh();
  }

  const counts = useMemo(() => (report ? tierCounts(report.result) : []), [report]);
  const tiers = useMemo(
    () => (report ? summaryView(counts, strings, shortfalls(report.result), report.result.rubric.levels.length > 0) : null),
    [report, counts, strings],
  );
  const groups = useMemo(() => (report ? problemsByUnit(report.result) : []), [report]);
  const canScore = !busy && !loading && description !== null && description.sheet !== null;
  const messagesAt = (place: MessagePlace) => (
    <MessageList messages={messages} place={place} onDismiss={dismiss} strings={strings} />
  );

  /** What the engine says about the sheet as a whole (a value far below the table), as on the command line. */
  function sheetIssues(place: MessagePlace) {
    if (!report) return null;
    return (
      <SheetIssues
        issues={report.result.sheetIssues}
        rubric={report.result.rubric}
        onSelect={(c) => void select(c, place)}
        strings={strings}
      />
    );
  }

  function resultSummary() {
    if (!report) return null;
    const { result } = report;
    const total = (key: 'scored' | 'error' | 'missing') => formatCount(counts.reduce((n, t) => n + t[key], 0));
    const first: { key: string; node: ReactNode }[] = [];
    for (const g of groups) {
      if (first.length >= FIRST_PROBLEMS) break;
      if (g.items.length === 0 && g.nameCell) {
        first.push({
          key: `${g.row}-missing`,
          node: (
            <ProblemItemButton
              issue={{ code: 'missing', severity: 'warning', cell: g.nameCell, message: strings.missingUnit }}
              text={strings.missingUnit}
              unit={g.unit}
              rubric={result.rubric}
              cellLabel={g.nameCell}
              unitName={g.name}
              onSelect={() => void select(g.nameCell!, 'score')}
              strings={strings}
            />
          ),
        });
      }
      for (const item of g.items) {
        if (first.length >= FIRST_PROBLEMS) break;
        first.push({
          key: `${g.row}-${first.length}`,
          node: (
            <ProblemItemButton
              issue={item.issue}
              unit={g.unit}
              rubric={result.rubric}
              cellLabel={item.cell}
              unitName={g.name}
              onSelect={() => item.cell && void select(item.cell, 'score')}
              strings={strings}
            />
          ),
        });
      }
    }
    return (
      <ResultSummary
        sentence={strings.scoredAt(result.sheet, result.units.length)}
        line={strings.resultLine(total('scored'), total('error'), total('missing'))}
        first={first.map((f) => (
          <li key={f.key}>{f.node}</li>
        ))}
        problemUnits={groups.length}
        onShowAll={() => setTab('problems')}
        notices={
          <>
            {sheetIssues('score')}
            {notices.map((n, i) => (
              <p key={i} className="notice small">
                {n}
              </p>
            ))}
          </>
        }
        strings={strings}
        focusRef={resultRef}
      />
    );
  }

  const needsScore = <p className="muted">{strings.scoreFirst}</p>;
  const tabLabel = (id: TabId) =>
    id === 'problems' && report ? `${strings.tabs.problems} (${groups.length})` : strings.tabs[id];

  return (
    <main className="app" aria-busy={busy}>
      <header className="pane-header">
        <h1>{strings.appTitle}</h1>
      </header>
      <PaneTabs
        tabs={TABS.map((id) => ({ id, label: tabLabel(id) }))}
        selected={tab}
        onSelect={setTab}
        label={strings.tabsLabel}
      />

      <div role="tabpanel" id="panel-score" aria-labelledby="tab-score" hidden={tab !== 'score'} className="panel">
        <ScoreTab
          description={description}
          loading={loading}
          busy={busy}
          canScore={canScore}
          progress={progress}
          progressSheet={description?.sheet ?? null}
          onScore={() => void score()}
          onRefresh={() => void refresh()}
          messages={messagesAt('score')}
          result={resultSummary()}
          tiers={tiers}
          strings={strings}
        />
      </div>

      <div role="tabpanel" id="panel-problems" aria-labelledby="tab-problems" hidden={tab !== 'problems'} className="panel">
        {report ? (
          <>
            <FilterBar active={filter} disabled={busy} onFilter={(k) => void applyFilter(k)} strings={strings}>
              {messagesAt('problems')}
            </FilterBar>
            {sheetIssues('problems')}
            <UnitPathSection result={report.result} onSelect={(c) => void select(c, 'problems')} strings={strings} />
            <ProblemList
              key={report.block + report.result.units.length}
              groups={groups}
              rubric={report.result.rubric}
              onSelect={(c) => void select(c, 'problems')}
              strings={strings}
            />
          </>
        ) : (
          needsScore
        )}
      </div>

      <div role="tabpanel" id="panel-export" aria-labelledby="tab-export" hidden={tab !== 'export'} className="panel">
        {report && exportResult && settingsDefaults ? (
          <>
            <ExportSection
              settings={settingsInput}
              defaults={settingsDefaults}
              onSettings={setSettingsInput}
              summary={summary}
              busy={busy}
              ownSheets={ownSheetKinds(report.result.rubric).map((k) => k.preferred)}
              onWriteOwnSheets={() => void writeSheets()}
              onDownload={(k) => void download(k)}
              onCopy={(t) => void copySummary(t, strings, speaker)}
              saved={settingsSaved}
              strings={strings}
            >
              {messagesAt('export')}
            </ExportSection>
            <PreviousYearSection
              result={report.result}
              comparison={exportResult.comparison}
              busy={busy}
              onFile={(f) => void loadPrevious(f)}
              onDrop={() => setPrevious(null)}
              strings={strings}
            >
              {messagesAt('previous')}
            </PreviousYearSection>
          </>
        ) : (
          needsScore
        )}
      </div>

      <div role="tabpanel" id="panel-appraisal" aria-labelledby="tab-appraisal" hidden={tab !== 'appraisal'} className="panel">
        {report ? (
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
            {messagesAt('appraisal')}
          </AppraisalSection>
        ) : (
          needsScore
        )}
      </div>

      <div role="tabpanel" id="panel-rubric" aria-labelledby="tab-rubric" hidden={tab !== 'rubric'} className="panel">
        <RubricTab
          description={description}
          busy={busy}
          imported={imported}
          onImport={(f) => void importRubric(f)}
          onDropImport={() => void dropImport()}
          builtins={BUILTIN_CHOICES}
          onWriteRubric={(id) => void writeRubric(id)}
          strings={strings}
        >
          {messagesAt('rubric')}
        </RubricTab>
      </div>
    </main>
  );
}

/** Shown instead of the app: opened outside Excel, or in an Excel too old for the add-in. */
export function PaneNotice({ title, text }: { title: string; text: string }) {
  return (
    <main className="app">
      <header className="pane-header">
        <h1>{title}</h1>
      </header>
      <p role="alert" className="notice-text">
        {text}
      </p>
    </main>
  );
}
