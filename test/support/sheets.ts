/**
 * Building submission sheets for tests: rows typed the way staff type them, real .xlsx files
 * written with ExcelJS, and scoring through the same path as the command line.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUILTIN_RUBRIC } from '../../src/rubric/builtin';
import { CategoryJson, ResultJson, resultJson, UnitJson } from '../../src/report/resultJson';
import { scoreWorkbook, WorkbookInput } from '../../src/scoring/scoreWorkbook';
import type { ScoreResult } from '../../src/scoring/types';
import type { CellValue, Grid } from '../../src/sheet/grid';
import { openXlsx, readAllGrids } from '../../src/workbook/xlsx/readXlsx';

export const CODES = BUILTIN_RUBRIC.inputs.map((i) => i.code);
export const HEADER = ['STT', 'Tên đơn vị', 'Cấp', ...CODES];

export type Entries = Partial<Record<string, CellValue>>;

/** A provincial agency's entries that earn every point (108 of 108). */
export const PERFECT: Record<string, CellValue> = {
  R1a: 100,
  R1b: 100,
  R2a: 100,
  R2b: 100,
  R3: 'Có',
  R4: 100,
  R5: 2,
  R6: 100,
  R7: 'Có',
  R8: 'Có',
  K1: 200,
  K2a: 1000,
  K2b: 1000,
  K3: 100,
  K4a: 500,
  K4b: 500,
  K5: 10,
  K6: 500,
  K7: 500,
  K8: 6,
};

/** A section row: its label in the name column ("I. CẤP TỈNH"). */
export const section = (label: string): CellValue[] => [null, label];

/** A data row in HEADER's layout. */
export function unitRow(stt: CellValue, name: CellValue, tier: CellValue, entries: Entries): CellValue[] {
  return [stt, name, tier, ...CODES.map((c) => (c in entries ? entries[c] : null))];
}

export function perfect(overrides: Entries = {}): Entries {
  return { ...PERFECT, ...overrides };
}

export function grid(rows: CellValue[][], name = 'Tổng hợp', merges: Grid['merges'] = []): Grid {
  return { name, rows, merges };
}

export function score(sheets: Grid[] | Grid, options: Omit<WorkbookInput, 'sheets'> = {}): ScoreResult {
  const out = scoreWorkbook({ sheets: Array.isArray(sheets) ? sheets : [sheets], ...options });
  if (!out.ok) throw new Error(out.message);
  return out.result;
}

/** A category as the 2018 tests read it: its score and level ({null, null} when nothing was computed). */
export type CategoryView = Pick<CategoryJson, 'score' | 'level'>;

/** A unit of the built-in rubric's JSON, with its two categories at hand. */
export type BuiltinUnitJson = UnitJson & { readiness: CategoryView; results: CategoryView };
export type BuiltinResultJson = Omit<ResultJson, 'units'> & { units: BuiltinUnitJson[] };

/** RESULT.json (format 2) with each unit's two 2018 categories also at hand, for short assertions. */
export function withCategoryViews(json: ResultJson): BuiltinResultJson {
  const view = (u: UnitJson, id: string): CategoryView => {
    const c = u.categories[id];
    return { score: c?.score ?? null, level: c?.level ?? null };
  };
  return { ...json, units: json.units.map((u) => ({ ...u, readiness: view(u, 'readiness'), results: view(u, 'results') })) };
}

export function scoreJson(sheets: Grid[] | Grid, options: Omit<WorkbookInput, 'sheets'> = {}): BuiltinResultJson {
  return withCategoryViews(resultJson(score(sheets, options)));
}

export function unitNamed(units: BuiltinUnitJson[], name: string): BuiltinUnitJson {
  const u = units.find((x) => x.name === name);
  if (!u) throw new Error(`no unit ${name} in ${units.map((x) => x.name).join(', ')}`);
  return u;
}

export function tempDir(prefix = 'cqdt-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface SheetSpec {
  name: string;
  rows: CellValue[][];
  /** Merged ranges like "A1:A2". */
  merges?: string[];
  /** Notes by A1 address. */
  notes?: Record<string, string>;
  /** Cells written as formulas: address → [formula, cached result]. */
  formulas?: Record<string, [string, CellValue]>;
}

function toExcelValue(v: CellValue): ExcelJS.CellValue {
  if (v === undefined) return null;
  return v as ExcelJS.CellValue;
}

/** Writes sheets to a real .xlsx file and returns its path. */
export async function writeXlsx(sheets: SheetSpec[], file = path.join(tempDir(), 'input.xlsx')): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        ws.getCell(r + 1, c + 1).value = toExcelValue(v);
      });
    });
    for (const m of s.merges ?? []) ws.mergeCells(m);
    for (const [address, [formula, result]] of Object.entries(s.formulas ?? {})) {
      ws.getCell(address).value = { formula, result: toExcelValue(result) } as ExcelJS.CellFormulaValue;
    }
    for (const [address, note] of Object.entries(s.notes ?? {})) ws.getCell(address).note = note;
  }
  await wb.xlsx.writeFile(file);
  return file;
}

/** Reads an .xlsx back into grids through the command line's reader. */
export async function readGrids(file: string): Promise<Grid[]> {
  const loaded = openXlsx(new Uint8Array(readFileSync(file)));
  if (!loaded.ok) throw new Error(loaded.message);
  const read = readAllGrids(loaded.book);
  if (!read.ok) throw new Error(read.message);
  // Plain grids: the reader's are read on first use.
  return read.grids.map((g) => ({ name: g.name, rows: g.rows, merges: g.merges }));
}

/** Writes the sheets to .xlsx, reads them back and scores them: the whole file path. */
export async function scoreViaXlsx(sheets: SheetSpec[], options: Omit<WorkbookInput, 'sheets'> = {}) {
  const file = await writeXlsx(sheets);
  return withCategoryViews(resultJson(score(await readGrids(file), options)));
}
