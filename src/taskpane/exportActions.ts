/**
 * What the export section's buttons do: the add-in's own sheets through the gateway; the
 * decision draft and the result letters (their Word writer loaded on demand), the CSV and the
 * JSON made from the result and downloaded; the summary copied. Each says how it went in the
 * export section.
 */
import { rankingCsvBytes, rankingJsonText } from '../export/rankingExport';
import type { DecisionSettings } from '../report/settings';
import type { ScoreResult } from '../scoring/types';
import type { Outcome, WorkbookGateway } from '../workbook/gateway';
import type { DownloadKind } from './components/ExportSection';
import type { Intent, MessagePlace } from './components/MessageList';
import { copyText } from './clipboard';
import { MIME, downloadFile, fileNames } from './download';
import { loadDecisionDraft, loadUnitLetters } from './lazyParts';
import type { Strings } from './strings';

/** How an action talks to the pane: messages, and the busy state that disables the buttons. */
export interface Speaker {
  say: (intent: Intent, text: string, options?: { title?: string; place?: MessagePlace; detail?: string | null }) => void;
  clear: () => void;
  setBusy: (busy: boolean) => void;
}

const HERE: MessagePlace = 'export';

export async function writeOwnSheets(
  gateway: WorkbookGateway,
  result: ScoreResult,
  settings: DecisionSettings,
  strings: Strings,
  speaker: Speaker,
): Promise<void> {
  speaker.clear();
  speaker.setBusy(true);
  const out = await gateway.writeOwnSheets(result, settings);
  speaker.setBusy(false);
  if (!out.ok) return speaker.say('error', out.message, { place: HERE, detail: out.detail });
  const { sheets, notices } = out.value;
  speaker.say('success', strings.sheetsWritten(sheets.map((s) => s.sheet)), { place: HERE });
  for (const n of [...sheets.flatMap((s) => (s.notice ? [s.notice] : [])), ...notices])
    speaker.say('warning', n, { title: strings.noticesTitle, place: HERE });
}

/** Where the pane runs: desktop Excel may block downloads, which the message then says. */
export type Platform = 'desktop' | 'web';

function save(
  data: Uint8Array | string,
  fileName: string,
  type: string,
  strings: Strings,
  speaker: Speaker,
  platform: Platform,
): void {
  const out = downloadFile(data, fileName, type);
  if (!out.ok) return speaker.say('error', strings.downloadFailed(fileName), { place: HERE, detail: out.message });
  const text =
    platform === 'desktop' ? `${strings.downloaded(fileName)} ${strings.downloadDesktopHint}` : strings.downloaded(fileName);
  speaker.say(platform === 'desktop' ? 'info' : 'success', text, { place: HERE });
}

type WordWriter = (result: ScoreResult, settings: DecisionSettings) => Promise<Uint8Array>;

/** The Word writer of the draft or of the letters, fetched on demand. */
async function wordWriter(kind: 'docx' | 'letters'): Promise<Outcome<WordWriter>> {
  if (kind === 'docx') {
    const part = await loadDecisionDraft();
    return part.ok ? { ok: true, value: part.value.decisionDraftBytes } : part;
  }
  const part = await loadUnitLetters();
  return part.ok ? { ok: true, value: part.value.unitLettersBytes } : part;
}

/** A Word file's bytes, or what went wrong in words (the part not fetched, the writer failing). */
async function wordFile(
  kind: 'docx' | 'letters',
  result: ScoreResult,
  settings: DecisionSettings,
  strings: Strings,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; message: string; detail: string }> {
  const writer = await wordWriter(kind);
  if (!writer.ok) return { ok: false, message: strings.partFailed(strings.parts.docx), detail: writer.message };
  try {
    return { ok: true, bytes: await writer.value(result, settings) };
  } catch (e) {
    return {
      ok: false,
      message: strings.downloadFailed(fileNames[kind](settings.year)),
      detail: e instanceof Error ? e.message : String(e),
    };
  }
}

export async function downloadExport(
  kind: DownloadKind,
  result: ScoreResult,
  settings: DecisionSettings,
  strings: Strings,
  speaker: Speaker,
  platform: Platform,
): Promise<void> {
  speaker.clear();
  const year = settings.year;
  if (kind === 'csv') return save(rankingCsvBytes(result, year), fileNames.csv(year), MIME.csv, strings, speaker, platform);
  if (kind === 'json') return save(rankingJsonText(result, year), fileNames.json(year), MIME.json, strings, speaker, platform);
  speaker.setBusy(true);
  speaker.say('info', kind === 'docx' ? strings.preparingDocx : strings.preparingLetters, { place: HERE });
  const file = await wordFile(kind, result, settings, strings);
  speaker.setBusy(false);
  speaker.clear();
  if (file.ok) save(file.bytes, fileNames[kind](year), MIME.docx, strings, speaker, platform);
  else speaker.say('error', file.message, { place: HERE, detail: file.detail });
}

export async function copySummary(text: string, strings: Strings, speaker: Speaker): Promise<void> {
  speaker.clear();
  if (await copyText(text)) speaker.say('success', strings.copied, { place: HERE });
  else speaker.say('warning', strings.copyFailed, { place: HERE });
}
