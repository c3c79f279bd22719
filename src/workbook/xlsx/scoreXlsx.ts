/**
 * Scoring an .xlsx file's bytes: read with ExcelJS, score with the engine, and prepare every
 * requested output in memory, so that nothing is written when any step fails.
 */
import ExcelJS from 'exceljs';
import type { CompiledRubric } from '../../rubric/compiled';
import { RESULT_BLOCK_NAME, planResultBlock } from '../../report/resultBlock';
import { ResultJson, resultJson } from '../../report/resultJson';
import { compareYears } from '../../scoring/compareYears';
import { scoreWorkbook } from '../../scoring/scoreWorkbook';
import type { ScoreResult } from '../../scoring/types';
import { mergeOwners } from '../../sheet/grid';
import { isBlankCell } from '../../sheet/typedValues';
import type { RawUnitList } from '../../sheet/unitList';
import { decisionDraftBytes } from '../../export/decisionDraft';
import { DecisionSettings, decisionSettings, defaultYear } from '../../report/settings';
import { writeRankingSheet } from './rankingSheet';
import { PreviousSource, readPrevious } from './previousYear';
import { definedNameArea, loadXlsx, workbookGrids } from './readXlsx';
import { inspectParts } from './unsupportedParts';
import { writeResultBlock } from './writeResultBlock';

export interface ScoreXlsxRequest {
  bytes: Uint8Array;
  /** Decision settings (province, year…); the year defaults to the one in the sheet's title rows. */
  settings?: Partial<DecisionSettings> | null;
  /** Prepare the decision draft (.docx). */
  decisionDraft?: boolean;
  /** Today, for the default year (tests fix it). */
  today?: Date;
  /** Last year's scored workbook or RESULT.json, for the change since last year. */
  previous?: PreviousSource | null;
  sheetName?: string | null;
  rubric?: CompiledRubric | null;
  unitList?: RawUnitList | null;
  /** Prepare the scored copy (results in place, highlights, ranking sheet). */
  scoredCopy: boolean;
}

export interface ScoreXlsxOutput {
  result: ScoreResult;
  json: ResultJson;
  settings: DecisionSettings;
  /** The scored copy's bytes, when asked for. */
  scoredCopy: Uint8Array | null;
  /** The decision draft's bytes, when asked for. */
  decisionDraft: Uint8Array | null;
  /** Things the user should know that do not stop scoring (lost parts, renamed sheets). */
  warnings: string[];
  workbook: ExcelJS.Workbook;
}

export type { PreviousSource };

export type ScoreXlsxOutcome = { ok: true; output: ScoreXlsxOutput } | { ok: false; message: string };

function loadedNoteCount(wb: ExcelJS.Workbook): number {
  let n = 0;
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.note !== undefined) n++;
      }),
    );
  }
  return n;
}

export async function scoreXlsx(request: ScoreXlsxRequest): Promise<ScoreXlsxOutcome> {
  const loaded = await loadXlsx(request.bytes);
  if (!loaded.ok) return loaded;
  const wb = loaded.workbook;
  const notesLoaded = loadedNoteCount(wb);
  const namesLoaded = new Set(wb.definedNames.model.map((n) => n.name));
  const grids = workbookGrids(wb);
  const block = definedNameArea(wb, RESULT_BLOCK_NAME);

  const scored = scoreWorkbook({
    sheets: grids,
    sheetName: request.sheetName ?? null,
    rubric: request.rubric ?? null,
    unitList: request.unitList ?? null,
    resultBlock: block ? { sheet: block.sheet, from: block.area.left, to: block.area.right } : null,
  });
  if (!scored.ok) return scored;
  let result = scored.result;
  const warnings: string[] = [];
  if (request.previous) {
    const categoryIds = result.rubric.rubric.categories.map((c) => c.id);
    const previous = await readPrevious(request.previous, categoryIds, request.today ?? new Date());
    if (!previous.ok) return previous;
    result = { ...result, comparison: compareYears(result, previous.previous) };
  }
  const grid = grids.find((g) => g.name === result.sheet)!;
  const year = request.settings?.year ?? defaultYear(grid, request.today ?? new Date(), result.table.layout.headerRows[0]);
  const settings = decisionSettings({ ...request.settings, year }, result.rubric.rubric);

  let scoredCopy: Uint8Array | null = null;
  if (request.scoredCopy) {
    const ws = wb.getWorksheet(result.sheet)!;
    const existing = block && block.sheet === result.sheet ? block.area : null;
    const merged = mergeOwners(grid.merges);
    const planned = planResultBlock(result, {
      existing,
      isOccupied: (r, c) =>
        !isBlankCell(grid.rows[r]?.[c]) || merged.has(r * 65536 + c) || ws.findCell(r + 1, c + 1)?.note !== undefined,
    });
    if (!planned.ok) return planned;
    writeResultBlock(wb, ws, planned.plan, { existing });
    const ranking = writeRankingSheet(wb, result, settings);
    if (ranking.notice) warnings.push(ranking.notice);

    const parts = await inspectParts(request.bytes);
    if (parts.unsupported.length) {
      warnings.push(
        `Tệp có ${parts.unsupported.join(', ')} mà thư viện .xlsx không chép sang được: bản đã chấm sẽ không có các phần này (tệp gốc không bị thay đổi).`,
      );
    }
    const lostNames = parts.definedNames.filter((n) => !namesLoaded.has(n));
    if (lostNames.length) {
      warnings.push(`Tên (defined name) ${lostNames.join(', ')} không trỏ tới một vùng ô nên không chép sang bản đã chấm được.`);
    }
    const lostNotes = parts.noteCount - notesLoaded;
    if (lostNotes > 0) {
      warnings.push(`${lostNotes} ghi chú (note) nằm trên ô trống sẽ không có trong bản đã chấm.`);
    }
    scoredCopy = new Uint8Array(await wb.xlsx.writeBuffer());
  }

  const decisionDraft = request.decisionDraft ? await decisionDraftBytes(result, settings) : null;
  const json = { ...resultJson(result), year: settings.year };
  return { ok: true, output: { result, json, settings, scoredCopy, decisionDraft, warnings, workbook: wb } };
}
