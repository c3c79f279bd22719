/**
 * Scoring a whole workbook given as grids (docs/bang-tong-hop.md, "Trang nào được chấm", "Danh
 * mục đơn vị", "Trang Tiêu chí"): which rubric, which unit list, which sheet — then the sheet's
 * scores. Both the add-in and the command line call this.
 */
import { BUILTIN_RUBRIC } from '../rubric/builtin';
import { CompiledRubric, compileRubric } from '../rubric/compiled';
import { RUBRIC_SHEET, rubricFromGrid } from '../rubric/rubricSheet';
import { findHeader } from '../sheet/findHeader';
import { readAppraisalSheet } from '../sheet/appraisalSheet';
import { Grid, quoteSheetName } from '../sheet/grid';
import { planAppraisal } from './appraisal';
import { RawUnitList, UNIT_LIST_SHEET, resolveUnitList, unitListFromGrid } from '../sheet/unitList';
import { exampleCodes } from '../sheet/findHeader';
import { ScoreSheetInput, scoreSheet } from './scoreSheet';
import type { RubricSource, ScoreResult } from './types';

export const RANKING_SHEET = 'Xếp hạng';
/** The ranking sheet's name when staff have a sheet called "Xếp hạng" of their own. */
export const RANKING_SHEET_ALTERNATIVE = 'Xếp hạng (CQĐT)';
export const APPRAISAL_SHEET = 'Thẩm định';
/** The roadmap sheet: what each unit must change to reach the next level or grade. */
export const ROADMAP_SHEET = 'Lộ trình';
export const ROADMAP_SHEET_ALTERNATIVE = 'Lộ trình (CQĐT)';
/** The criteria that hold each tier back. */
export const SHORTFALL_SHEET = 'Tiêu chí còn yếu';
export const SHORTFALL_SHEET_ALTERNATIVE = 'Tiêu chí còn yếu (CQĐT)';
/** Sheets the add-in reads or writes itself, never scored as submissions. */
export const OWN_SHEETS = [
  RANKING_SHEET,
  RANKING_SHEET_ALTERNATIVE,
  RUBRIC_SHEET,
  APPRAISAL_SHEET,
  UNIT_LIST_SHEET,
  ROADMAP_SHEET,
  ROADMAP_SHEET_ALTERNATIVE,
  SHORTFALL_SHEET,
  SHORTFALL_SHEET_ALTERNATIVE,
];

export interface WorkbookInput {
  /** Sheets in workbook order (at least the candidates for scoring and the add-in's own sheets). */
  sheets: Grid[];
  /** The sheet to score (--sheet); otherwise the active sheet if it has a header, else the first that does. */
  sheetName?: string | null;
  activeSheet?: string | null;
  /** An explicit rubric (--rubric, or imported in the task pane): wins over the "Tiêu chí" sheet. */
  rubric?: CompiledRubric | null;
  /** Where the explicit rubric came from (a file unless said otherwise). */
  rubricSource?: RubricSource;
  /** An explicit unit list (--units): wins over the "Danh mục đơn vị" sheet. */
  unitList?: RawUnitList | null;
  /** Where the result block already stands (from the defined name), to leave it out of the table. */
  resultBlock?: { sheet: string; from: number; to: number } | null;
}

export type WorkbookOutcome = { ok: true; result: ScoreResult } | { ok: false; message: string };

/** Whether two sheet names are the same to Excel (case and Unicode composition aside). */
export const sameName = (a: string, b: string) => a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();

export function findSheet(sheets: Grid[], name: string): Grid | undefined {
  return sheets.find((s) => sameName(s.name, name));
}

/** The name the add-in gives a sheet while writing it, before it takes the sheet's place. */
export const workingSheetName = (preferred: string): string => `${preferred} (đang ghi)`;

/**
 * One of the add-in's own sheets, also under the names it takes on the way: "Xếp hạng (CQĐT 2)"
 * when both usual names are taken, "… (đang ghi)" left behind by a write Excel stopped.
 */
export function isOwnSheet(name: string): boolean {
  const bare = name
    .normalize('NFC')
    .replace(/ \(đang ghi\)$/iu, '')
    .replace(/ \(CQĐT \d+\)$/iu, '');
  return OWN_SHEETS.some((own) => sameName(own, bare));
}

/** The rubric in use: explicit, else the "Tiêu chí" sheet, else the built-in one. */
export function chooseRubric(
  input: Pick<WorkbookInput, 'sheets' | 'rubric' | 'rubricSource'>,
): { ok: true; rubric: CompiledRubric; source: RubricSource } | { ok: false; message: string } {
  if (input.rubric) return { ok: true, rubric: input.rubric, source: input.rubricSource ?? 'file' };
  const sheet = findSheet(input.sheets, RUBRIC_SHEET);
  if (sheet) {
    const read = rubricFromGrid(sheet);
    if (!read.ok) return read;
    return { ok: true, rubric: compileRubric(read.rubric), source: 'sheet' };
  }
  return { ok: true, rubric: compileRubric(BUILTIN_RUBRIC), source: 'builtin' };
}

/** The sheet to score, or a message saying why none can be. */
export function chooseSheet(
  input: WorkbookInput,
  rubric: CompiledRubric,
): { ok: true; grid: Grid } | { ok: false; message: string } {
  if (input.sheetName) {
    const grid = findSheet(input.sheets, input.sheetName);
    if (!grid) {
      const names = input.sheets.map((s) => `"${s.name}"`).join(', ');
      return { ok: false, message: `Không có trang "${input.sheetName}" trong tệp (các trang: ${names})` };
    }
    return { ok: true, grid };
  }
  const candidates = input.sheets.filter((s) => !isOwnSheet(s.name));
  const active = input.activeSheet ? candidates.find((s) => sameName(s.name, input.activeSheet!)) : undefined;
  if (active && findHeader(active, rubric, blockColumnsOn(input, active.name)).ok) return { ok: true, grid: active };
  let firstProblem: string | null = null;
  for (const s of candidates) {
    const header = findHeader(s, rubric, blockColumnsOn(input, s.name));
    if (header.ok) return { ok: true, grid: s };
    // A sheet whose header was found but whose columns do not fit says more than "no header".
    if (header.reason === 'columns' && firstProblem === null) firstProblem = header.message;
  }
  return {
    ok: false,
    message:
      firstProblem ??
      `Không tìm thấy bảng tổng hợp để chấm: cần một dòng tiêu đề có cột "Tên đơn vị" và các cột số liệu (${exampleCodes(rubric)})`,
  };
}

/** The result block's columns when it stands on the named sheet. */
export function blockColumnsOn(input: Pick<WorkbookInput, 'resultBlock'>, sheet: string): { from: number; to: number } | null {
  const block = input.resultBlock;
  return block && sameName(block.sheet, sheet) ? { from: block.from, to: block.to } : null;
}

export function scoreWorkbook(input: WorkbookInput): WorkbookOutcome {
  const rubric = chooseRubric(input);
  if (!rubric.ok) return rubric;

  let rawList: RawUnitList | null = input.unitList ?? null;
  if (!rawList) {
    const listSheet = findSheet(input.sheets, UNIT_LIST_SHEET);
    if (listSheet) {
      const read = unitListFromGrid(listSheet, rubric.rubric);
      if (!read.ok) return read;
      rawList = read.list;
    }
  }
  let unitList = null;
  if (rawList) {
    const resolved = resolveUnitList(rawList, rubric.rubric);
    if (!resolved.ok) return resolved;
    unitList = resolved.units;
  }

  const sheet = chooseSheet(input, rubric.rubric);
  if (!sheet.ok) return sheet;

  const request: ScoreSheetInput = {
    grid: sheet.grid,
    rubric: rubric.rubric,
    rubricSource: rubric.source,
    unitList,
    resultBlockCols: blockColumnsOn(input, sheet.grid.name),
  };
  const base = scoreSheet(request);
  const appraisalGrid = findSheet(input.sheets, APPRAISAL_SHEET);
  if (!base.ok || !appraisalGrid) return base;
  return applyAppraisal(base.result, request, appraisalGrid);
}

/**
 * Scores again with the verified values where the "Thẩm định" sheet has valid corrections; the
 * totals from the units' own figures stay beside them.
 */
function applyAppraisal(base: ScoreResult, request: ScoreSheetInput, grid: Grid): WorkbookOutcome {
  const read = readAppraisalSheet(grid, base.rubric);
  if (!read.ok) {
    const at = { row: 0, col: 0 };
    const issue = {
      code: 'appraisal_header_missing' as const,
      severity: 'error' as const,
      cell: `${quoteSheetName(grid.name)}!${read.cell}`,
      message: read.message,
      at,
    };
    return { ok: true, result: { ...base, appraisal: { sheet: grid.name, issues: [issue] } } };
  }
  const plan = planAppraisal(read.rows, base.units, base.rubric, grid.name);
  const appraisal = { sheet: grid.name, issues: plan.issues };
  if (plan.byRow.size === 0) return { ok: true, result: { ...base, appraisal } };

  const corrected = scoreSheet({
    ...request,
    overrideValues: (draft, values) => {
      const corrections = draft.source ? plan.byRow.get(draft.source.row) : undefined;
      return corrections ? values.map((v, i) => (corrections.has(i) ? corrections.get(i)!.verified : v)) : values;
    },
  });
  if (!corrected.ok) return corrected;
  const selfTotals = new Map(base.units.map((u) => [u.row, u.totalCents]));
  for (const u of corrected.result.units) {
    if (u.row === null) continue;
    u.selfTotalCents = selfTotals.get(u.row) ?? null;
    u.corrections = [...(plan.byRow.get(u.row - 1)?.values() ?? [])];
  }
  return { ok: true, result: { ...corrected.result, appraisal } };
}
