/**
 * Where things are on the "Tiêu chí" sheet (docs/trang-tieu-chi.md, "Bố cục"): the rows of one
 * label and its value at the top, then titled sections — a row holding only the title, a row of
 * column names (after any note rows), one row per item. Sections and columns may come in any
 * order (columns are matched by name); blank rows and columns the sheet does not know are ignored.
 */
import { Grid, a1, cellAt } from '../../sheet/grid';
import { isBlankCell } from '../../sheet/typedValues';
import { Cell, SheetReader, cellText } from './sheetReader';
import { TierRefs } from './tierRefs';
import {
  COLUMNS,
  KEYS,
  KEY_ORDER,
  KeyId,
  SECTIONS,
  SectionId,
  TIER_COLUMNS,
  TableId,
  TierColumnSpec,
  columnName,
  labelKey,
} from './vocabulary';

export interface SectionRows {
  title: Cell;
  /** Its non-blank rows below the title: the column names (after any note rows), then the items. */
  rows: number[];
}

/** A section's columns (field → column; tier columns as "max.<tier id>") and its item rows. */
export interface SectionTable {
  cols: Map<string, number>;
  items: number[];
  header: number;
}

export interface Layout {
  sections: Partial<Record<SectionId, SectionRows>>;
  /** Each key row's label cell and value cell. */
  keys: Partial<Record<KeyId, { label: Cell; value: Cell }>>;
}

const SECTION_ORDER = Object.keys(SECTIONS) as SectionId[];
const TITLE_BY_KEY = new Map<string, SectionId>();
for (const id of SECTION_ORDER) for (const a of SECTIONS[id].aliases) TITLE_BY_KEY.set(labelKey(a), id);

const KEY_BY_LABEL = new Map<string, KeyId>();
for (const id of KEY_ORDER) for (const a of KEYS[id].aliases) KEY_BY_LABEL.set(labelKey(a), id);

/** Columns of the row's non-blank cells. */
function filledColumns(grid: Grid, r: number): number[] {
  const row = grid.rows[r] ?? [];
  const cols: number[] = [];
  for (let c = 0; c < row.length; c++) if (!isBlankCell(row[c])) cols.push(c);
  return cols;
}

/** A section title is a row holding nothing but a known title (notes go in its parentheses). */
function titleOf(grid: Grid, cols: number[], r: number): SectionId | null {
  if (cols.length !== 1) return null;
  return TITLE_BY_KEY.get(labelKey(cellText(cellAt(grid, r, cols[0])))) ?? null;
}

function keyOf(grid: Grid, cols: number[], r: number): KeyId | null {
  if (cols.length === 0) return null;
  return KEY_BY_LABEL.get(labelKey(cellText(cellAt(grid, r, cols[0])))) ?? null;
}

export function findLayout(rd: SheetReader): Layout {
  const { grid } = rd;
  const layout: Layout = { sections: {}, keys: {} };
  let current: SectionRows | null = null;
  let currentId: SectionId | null = null;
  for (let r = 0; r < grid.rows.length; r++) {
    const cols = filledColumns(grid, r);
    if (cols.length === 0) continue;
    const title = titleOf(grid, cols, r);
    // Inside its own section, a title is a column name left alone ("Xếp loại" under "XẾP LOẠI").
    if (title && title !== currentId) {
      current = { title: { r, c: cols[0] }, rows: [] };
      currentId = title;
      const first = layout.sections[title];
      if (first) {
        rd.fail(
          current.title,
          `phần "${SECTIONS[title].title}" đã có ở ô ${a1(first.title.r, first.title.c)}; xóa hoặc gộp một trong hai`,
        );
      } else {
        layout.sections[title] = current;
      }
      continue;
    }
    // Notes are free text: nothing in them is read.
    const key = currentId === 'notes' ? null : keyOf(grid, cols, r);
    if (key) {
      const label = { r, c: cols[0] };
      const value = { r, c: cols[1] ?? cols[0] + 1 };
      if (layout.keys[key]) {
        const first = layout.keys[key]!.label;
        rd.fail(label, `dòng "${KEYS[key].label}" đã có ở ô ${a1(first.r, first.c)}; xóa một trong hai`);
      } else {
        layout.keys[key] = { label, value };
      }
      continue;
    }
    if (current) current.rows.push(r); // above the first section: the sheet title, left alone
  }
  return layout;
}

function columnKeys(id: TableId): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const spec of COLUMNS[id]) for (const a of spec.aliases) if (!byKey.has(labelKey(a))) byKey.set(labelKey(a), spec.field);
  return byKey;
}

type NamedColumn = { c: number; field: string } | { c: number; unknownTier: string; ambiguous: boolean; spec: TierColumnSpec };

/** What a column name means in this section: a field, a tier column, or a tier column of no known tier. */
function nameColumn(
  text: string,
  byKey: Map<string, string>,
  tierSpecs: TierColumnSpec[],
  tiers: TierRefs,
  c: number,
): NamedColumn | null {
  const key = labelKey(text);
  const field = byKey.get(key);
  if (field) return { c, field };
  for (const spec of tierSpecs) {
    const bare = spec.bare ? tiers.resolve(key) : null;
    if (bare && bare !== 'ambiguous') return { c, field: `${spec.field}.${bare}` };
    // Longest prefix first: "các mức điểm" before "các mức".
    for (const prefix of [...spec.prefixes].sort((a, b) => b.length - a.length)) {
      if (!key.startsWith(`${prefix} `)) continue;
      const rest = key.slice(prefix.length + 1);
      const tier = tiers.resolve(rest);
      if (tier && tier !== 'ambiguous') return { c, field: `${spec.field}.${tier}` };
      return { c, unknownTier: rest, ambiguous: tier === 'ambiguous', spec };
    }
  }
  return null; // staff's own columns (ghi chú, STT) are left alone
}

function namedColumns(rd: SheetReader, r: number, id: TableId, tiers: TierRefs): NamedColumn[] {
  const byKey = columnKeys(id);
  const specs = TIER_COLUMNS[id] ?? [];
  const found: NamedColumn[] = [];
  for (const c of filledColumns(rd.grid, r)) {
    const named = nameColumn(rd.text(r, c), byKey, specs, tiers, c);
    if (named) found.push(named);
  }
  return found;
}

/** The column names a section needs, for messages. */
function expectedColumns(id: TableId, tiers: TierRefs): string[] {
  const fixed = COLUMNS[id].filter((s) => s.required).map((s) => `"${columnName(id, s.field)}"`);
  const perTier = (TIER_COLUMNS[id] ?? []).filter((s) => s.required);
  return [...fixed, ...perTier.flatMap((s) => tiers.tiers.map((t) => `"${s.label} ${tiers.refOf(t)}"`))];
}

/**
 * The section's row of column names (the first row naming one of its columns) and the item rows
 * below it; null, with the problem said, when the columns cannot be read. `tiersKnown` is false
 * when "CẤP ĐÁNH GIÁ" could not be read: tier columns are then not judged (its problem is said).
 */
export function findTable(
  rd: SheetReader,
  id: TableId,
  sec: SectionRows,
  tiers: TierRefs,
  tiersKnown: boolean,
): SectionTable | null {
  const name = SECTIONS[id].title;
  const at = sec.rows.findIndex((r) => namedColumns(rd, r, id, tiers).length > 0);
  if (at < 0) {
    rd.fail(sec.title, `phần "${name}" chưa có dòng tên cột (${expectedColumns(id, tiers).join(', ')})`);
    return null;
  }
  const header = sec.rows[at];
  const cols = new Map<string, number>();
  const unknown: { c: number; text: string; ambiguous: boolean; spec: TierColumnSpec }[] = [];
  for (const named of namedColumns(rd, header, id, tiers)) {
    if ('unknownTier' in named) {
      unknown.push({ c: named.c, text: rd.text(header, named.c), ambiguous: named.ambiguous, spec: named.spec });
      continue;
    }
    const first = cols.get(named.field);
    if (first === undefined) cols.set(named.field, named.c);
    else
      rd.fail(
        { r: header, c: named.c },
        `phần "${name}" có hai cột "${rd.text(header, first)}" (ô ${a1(header, first)} và ô ${a1(header, named.c)})`,
      );
  }
  if (!tiersKnown) {
    rd.silence(sec.title);
    return null;
  }
  for (const u of unknown) {
    const example = `${u.spec.label} ${tiers.refOf(tiers.tiers[0])}`;
    rd.fail(
      { r: header, c: u.c },
      u.ambiguous
        ? `cột "${u.text}" ứng với nhiều cấp có cùng cách gọi; đặt tên cột theo mã cấp (ví dụ "${u.spec.label} ${tiers.tiers[0].id}")`
        : `cột "${u.text}" không ứng với cấp nào: ${tiers.describe()}; sửa tên cột theo cách gọi của một cấp (ví dụ "${example}")`,
    );
  }
  const missing = [
    ...COLUMNS[id].filter((s) => s.required && !cols.has(s.field)).map((s) => `"${columnName(id, s.field)}"`),
    ...(TIER_COLUMNS[id] ?? [])
      .filter((s) => s.required)
      .flatMap((s) => tiers.tiers.filter((t) => !cols.has(`${s.field}.${t.id}`)).map((t) => `"${s.label} ${tiers.refOf(t)}"`)),
  ];
  if (missing.length) {
    // A column of an unknown tier is most often the missing one misspelt: that one message is enough.
    if (unknown.length === 0) rd.failRow(header, `phần "${name}" thiếu cột ${missing.join(', ')}`);
    return null;
  }
  // Item rows: those with something in the section's columns.
  const items = sec.rows.slice(at + 1).filter((r) => [...cols.values()].some((c) => !rd.isBlank(r, c)));
  return { cols, items, header };
}
