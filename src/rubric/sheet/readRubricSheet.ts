/**
 * Reading a rubric from the "Tiêu chí" sheet (docs/trang-tieu-chi.md): the sections are read in
 * the sheet's words, then the rubric's own checks (schema.ts) run and each of their complaints is
 * named at the cell it came from. A sheet of the first layout (no "CẤP ĐÁNH GIÁ") still reads.
 */
import type { Grid } from '../../sheet/grid';
import { Rubric, parseRubric } from '../schema';
import { Layout, SectionTable, findLayout, findTable } from './layout';
import { readCriteria } from './readCriteria';
import { readHead } from './readHead';
import { readCategories, readGrades, readInputs, readLevels, readRules } from './readTables';
import { TiersRead, legacyTiers, readTiers } from './readTiers';
import { Problem, SheetReader, describe } from './sheetReader';
import { TierRefs } from './tierRefs';
import { KEYS, REQUIRED_SECTIONS, SECTIONS, TIER_COLUMNS, TableId } from './vocabulary';

export type RubricSheetResult = { ok: true; rubric: Rubric } | { ok: false; message: string };

/** What an empty optional section should have said. */
const EMPTY_OPTIONAL: Partial<Record<TableId, string>> = {
  levels: 'ghi các mức hoặc xóa cả phần nếu bộ tiêu chí không xếp mức',
  grades: 'ghi các loại hoặc xóa cả phần nếu bộ tiêu chí không xếp loại',
};

interface Context {
  rd: SheetReader;
  layout: Layout;
  tiers: TierRefs;
  /** Whether the tiers could be read, so that columns per tier can be judged. */
  tiersKnown: boolean;
}

/** One section's items, or undefined when it is absent or its columns cannot be read (the problem is said). */
function readSection<T>(ctx: Context, id: TableId, read: (table: SectionTable) => T[]): T[] | undefined {
  const { rd, layout } = ctx;
  const sec = layout.sections[id];
  const title = SECTIONS[id].title;
  if (!sec) {
    if (REQUIRED_SECTIONS.includes(id) || id === 'tiers') {
      rd.fail(null, `thiếu phần "${title}" (một dòng chỉ ghi "${title}", tiếp theo là dòng tên cột và các dòng nội dung)`);
    }
    return undefined;
  }
  rd.place([id], sec.title.r, sec.title.c);
  // Only sections with a column per tier depend on the tiers having been read.
  const table = findTable(rd, id, sec, ctx.tiers, ctx.tiersKnown || !TIER_COLUMNS[id]);
  if (!table) {
    rd.silence(sec.title);
    return undefined;
  }
  const items = read(table);
  if (items.length === 0 && id !== 'rules') {
    const hint = EMPTY_OPTIONAL[id];
    rd.fail(sec.title, `phần "${title}" chưa có dòng nào${hint ? `; ${hint}` : ''}`);
    return undefined;
  }
  return items;
}

function readTierSection(ctx: Context): TiersRead | undefined {
  let read: TiersRead | undefined;
  readSection(ctx, 'tiers', (table) => {
    read = readTiers(ctx.rd, table);
    return read.tiers;
  });
  return read && read.tiers.length ? read : undefined;
}

const MAX_LISTED = 20;

/** One message for all problems, in sheet order (row, then column). */
function problemsMessage(sheet: string, problems: Problem[]): string {
  const pos = (p: Problem) => (p.cell ? [p.cell.r, p.cell.c] : p.row !== null ? [p.row, -1] : [-1, -1]);
  const sorted = problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => {
      const [ar, ac] = pos(a.p);
      const [br, bc] = pos(b.p);
      return ar - br || ac - bc || a.i - b.i;
    })
    .map(({ p }) => describe(sheet, p));
  const unique = [...new Set(sorted)];
  const shown = unique.slice(0, MAX_LISTED).join('; ');
  return unique.length > MAX_LISTED ? `${shown}; … và ${unique.length - MAX_LISTED} lỗi khác` : shown;
}

/** The rubric's own complaints, named at their cells; those already said in the sheet's words are dropped. */
function addRubricProblems(
  rd: SheetReader,
  problems: { pathParts: (string | number)[]; message: string }[],
  categories: Record<string, unknown>[] | undefined,
): void {
  const readerFailed = rd.problems.length > 0;
  for (const p of problems) {
    const [part, i, field, tier] = p.pathParts;
    if (part === 'categories' && field === 'max' && rd.isDoubtfulSum(categories?.[i as number]?.id, tier)) continue;
    if (p.pathParts[0] === 'rankBy' && !rd.hasPlace(['rankBy'])) {
      // No row to point at: say where it goes.
      const label = KEYS.rankBy.label;
      rd.fail(
        null,
        `${p.message}; thêm dòng "${label}" (ô đầu dòng ghi "${label}", ô bên cạnh ghi "tỷ lệ (%)") dưới dòng "${KEYS.name.label}"`,
      );
      continue;
    }
    const cell = rd.cellOf(p.pathParts);
    // Already said in the sheet's words (at that cell, or a missing part of the sheet).
    if (cell ? rd.isReported(cell) : readerFailed) continue;
    rd.problems.push({ cell, row: null, message: p.message });
  }
}

/** Reads a rubric from the sheet's cells; a problem is named by its row and cell. */
export function rubricFromGrid(grid: Grid): RubricSheetResult {
  const rd = new SheetReader(grid);
  const layout = findLayout(rd);
  if (Object.keys(layout.sections).length === 0 && Object.keys(layout.keys).length === 0) {
    // Probably not a rubric at all; the sheet still replaces the built-in rubric, so say how to get out.
    const titles = ['tiers', ...REQUIRED_SECTIONS].map((id) => `"${SECTIONS[id as TableId].title}"`).join(', ');
    return {
      ok: false,
      message: `Trang "${grid.name}" không chứa bộ tiêu chí (cần các phần ${titles}); đổi tên hoặc xóa trang này để dùng bộ tiêu chí có sẵn`,
    };
  }
  const legacy = layout.sections.tiers === undefined;
  const ctx: Context = { rd, layout, tiers: new TierRefs([]), tiersKnown: false };
  const tierRead = legacy ? legacyTiers() : readTierSection(ctx);
  if (tierRead) {
    ctx.tiers = tierRead.refs;
    ctx.tiersKnown = true;
  }

  const head = readHead(rd, layout, legacy);
  const categories = readSection(ctx, 'categories', (t) => readCategories(rd, t, ctx.tiers));
  const inputs = readSection(ctx, 'inputs', (t) => readInputs(rd, t));
  const criteria = readSection(ctx, 'criteria', (t) => readCriteria(rd, t, categories ?? [], ctx.tiers));
  const rules = readSection(ctx, 'rules', (t) => readRules(rd, t));
  const levels = readSection(ctx, 'levels', (t) => readLevels(rd, t));
  const grades = readSection(ctx, 'grades', (t) => readGrades(rd, t));

  const data: Record<string, unknown> = { ...head, tiers: tierRead?.tiers, inputs, categories, criteria, rules, levels, grades };
  for (const k of Object.keys(data)) if (data[k] === undefined) delete data[k];
  const parsed = parseRubric(data);
  if (parsed.ok && rd.problems.length === 0) return { ok: true, rubric: parsed.rubric };
  if (!parsed.ok) addRubricProblems(rd, parsed.problems, categories);
  return { ok: false, message: problemsMessage(grid.name, rd.problems) };
}
