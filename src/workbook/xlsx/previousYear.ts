/**
 * Last year's figures for the change since last year (compareYears): from last year's
 * RESULT.json, or from its scored workbook, which is scored again here by its own rubric. The
 * command line (--previous) and the task pane's file picker both come through here; the pane
 * loads this module on demand (the package reader runs in the browser too).
 */
import { blockInput } from '../../sheet/grid';
import { RESULT_BLOCK_NAME } from '../../report/resultBlock';
import { defaultYear } from '../../report/settings';
import { PreviousYear, previousFromJson, previousFromResult } from '../../scoring/compareYears';
import { scoreWorkbook } from '../../scoring/scoreWorkbook';
import { definedNameArea, openXlsx, readFailure } from './readXlsx';

export type PreviousSource = { kind: 'xlsx'; bytes: Uint8Array; name: string } | { kind: 'json'; data: unknown; name: string };

export type PreviousOutcome = { ok: true; previous: PreviousYear } | { ok: false; message: string };

/** Last year's scored workbook, scored again; its year from its title rows (else the year before `today`'s). */
export async function previousFromXlsx(bytes: Uint8Array, name: string, today: Date): Promise<PreviousOutcome> {
  const loaded = openXlsx(bytes);
  if (!loaded.ok) return { ok: false, message: `Tệp năm trước "${name}": ${loaded.message}` };
  const book = loaded.book;
  const block = definedNameArea(book, RESULT_BLOCK_NAME);
  let scored: ReturnType<typeof scoreWorkbook>;
  try {
    scored = scoreWorkbook({
      sheets: book.grids,
      resultBlock: blockInput(block),
    });
  } catch (e) {
    return { ok: false, message: `Tệp năm trước "${name}": ${readFailure(e)}` };
  }
  if (!scored.ok) return { ok: false, message: `Tệp năm trước "${name}": ${scored.message}` };
  const grid = book.grids.find((g) => g.name === scored.result.sheet)!;
  const year = defaultYear(grid, new Date(today.getFullYear() - 1, 0, 1), scored.result.table.layout.headerRows[0]);
  return { ok: true, previous: previousFromResult(scored.result, `"${name}"`, year) };
}

/** Last year's units, from either kind of file; categories are read for the ids given. */
export async function readPrevious(source: PreviousSource, categoryIds: string[], today: Date): Promise<PreviousOutcome> {
  if (source.kind === 'json') return previousFromJson(source.data, `"${source.name}"`, categoryIds);
  return previousFromXlsx(source.bytes, source.name, today);
}
