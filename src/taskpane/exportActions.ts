/**
 * What the export section's buttons do: the ranking sheet through the gateway; the decision
 * draft (its Word writer loaded on demand), the CSV and the JSON made from the result and
 * downloaded; the summary copied. Each says how it went in the export section.
 */
import { rankingCsvBytes, rankingJsonText } from '../export/rankingExport';
import type { DecisionSettings } from '../report/settings';
import type { ScoreResult } from '../scoring/types';
import type { WorkbookGateway } from '../workbook/gateway';
import type { DownloadKind } from './components/ExportSection';
import type { Intent, MessagePlace } from './components/MessageList';
import { copyText } from './clipboard';
import { MIME, downloadFile, fileNames } from './download';
import { loadDecisionDraft } from './lazyParts';
import type { Strings } from './strings';

/** How an action talks to the pane: messages, and the busy state that disables the buttons. */
export interface Speaker {
  say: (intent: Intent, text: string, options?: { title?: string; place?: MessagePlace; detail?: string | null }) => void;
  clear: () => void;
  setBusy: (busy: boolean) => void;
}

const HERE: MessagePlace = 'export';

export async function writeRankingSheet(
  gateway: WorkbookGateway,
  result: ScoreResult,
  settings: DecisionSettings,
  strings: Strings,
  speaker: Speaker,
): Promise<void> {
  speaker.clear();
  speaker.setBusy(true);
  const out = await gateway.writeRankingSheet(result, settings);
  speaker.setBusy(false);
  if (!out.ok) return speaker.say('error', out.message, { place: HERE, detail: out.detail });
  const { sheet, notice, notices } = out.value;
  speaker.say('success', strings.rankingWritten(sheet), { place: HERE });
  for (const n of notice ? [notice, ...notices] : notices)
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

/** The draft's bytes, or what went wrong in words (the part not fetched, the writer failing). */
async function decisionDraft(
  result: ScoreResult,
  settings: DecisionSettings,
  strings: Strings,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; message: string; detail: string }> {
  const part = await loadDecisionDraft();
  if (!part.ok) return { ok: false, message: strings.partFailed(strings.parts.docx), detail: part.message };
  try {
    return { ok: true, bytes: await part.value.decisionDraftBytes(result, settings) };
  } catch (e) {
    return {
      ok: false,
      message: strings.downloadFailed(fileNames.docx(settings.year)),
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
  speaker.say('info', strings.preparingDocx, { place: HERE });
  const draft = await decisionDraft(result, settings, strings);
  speaker.setBusy(false);
  speaker.clear();
  if (draft.ok) save(draft.bytes, fileNames.docx(year), MIME.docx, strings, speaker, platform);
  else speaker.say('error', draft.message, { place: HERE, detail: draft.detail });
}

export async function copySummary(text: string, strings: Strings, speaker: Speaker): Promise<void> {
  speaker.clear();
  if (await copyText(text)) speaker.say('success', strings.copied, { place: HERE });
  else speaker.say('warning', strings.copyFailed, { place: HERE });
}
