/**
 * Last year's result from a file the user picked: the command line's RESULT.json (it carries
 * `year` and `units`), or last year's scored workbook, read by the .xlsx package reader loaded on demand. The
 * ranking JSON this pane downloads is another shape; it is recognised and explained.
 */
import { PreviousYear, previousFromJson } from '../scoring/compareYears';
import type { Outcome } from '../workbook/gateway';
import { loadPreviousWorkbook } from './lazyParts';
import type { Strings } from './strings';

const fail = (message: string, detail: string | null = null): Outcome<PreviousYear> => ({ ok: false, message, detail });

/** The engine's Vietnamese reason: as is in Vietnamese, behind an English lead sentence in English. */
const engineFail = (strings: Strings, file: string, message: string) =>
  strings.lang === 'vi' ? fail(message) : fail(strings.previousNotJson(file), message);

/** The pane's own ranking export: tiers of ranked units, no flat `units`. */
function isRankingJson(data: unknown): boolean {
  return typeof data === 'object' && data !== null && Array.isArray((data as { tiers?: unknown }).tiers) && !('units' in data);
}

async function fromJson(file: File, categoryIds: string[], strings: Strings): Promise<Outcome<PreviousYear>> {
  let text: string;
  try {
    text = await file.text();
  } catch {
    return fail(strings.previousReadFailed(file.name));
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fail(strings.previousNotJson(file.name), (e as Error).message);
  }
  if (isRankingJson(data)) return fail(strings.previousRankingJson(file.name));
  const read = previousFromJson(data, `"${file.name}"`, categoryIds);
  return read.ok ? { ok: true, value: read.previous } : engineFail(strings, file.name, read.message);
}

async function fromXlsx(file: File, strings: Strings, today: Date): Promise<Outcome<PreviousYear>> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return fail(strings.previousReadFailed(file.name));
  }
  const part = await loadPreviousWorkbook();
  if (!part.ok) return fail(strings.partFailed(strings.parts.xlsx), part.message);
  const read = await part.value.previousFromXlsx(bytes, file.name, today);
  return read.ok ? { ok: true, value: read.previous } : engineFail(strings, file.name, read.message);
}

export async function readPreviousFile(
  file: File,
  categoryIds: string[],
  strings: Strings,
  today: Date = new Date(),
): Promise<Outcome<PreviousYear>> {
  if (/\.json$/i.test(file.name)) return fromJson(file, categoryIds, strings);
  if (/\.xlsx$/i.test(file.name)) return fromXlsx(file, strings, today);
  return fail(strings.previousWrongType(file.name));
}
