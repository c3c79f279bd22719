/**
 * The "Tiêu chí" sheet: a rubric staff can read and edit in Excel (docs/trang-tieu-chi.md). The
 * built-in rubric written out and read back is unchanged.
 *
 * Layout, top to bottom on one sheet:
 *   a title row; "Mã bộ tiêu chí" | id; "Tên bộ tiêu chí" | name;
 *   then titled sections, each a title row (one cell), a row of column names, one row per item:
 *     HẠNG MỤC          Mã hạng mục | Tên hạng mục | Tên viết tắt | Điểm tối đa cấp tỉnh | … cấp huyện | … cấp xã
 *     SỐ LIỆU ĐẦU VÀO   Mã số liệu | Tên số liệu | Kiểu số liệu
 *     TIÊU CHÍ          Mã tiêu chí | Hạng mục | Tên tiêu chí | Cách tính | Số liệu | Số liệu tổng |
 *                       Điểm tối đa cấp tỉnh/huyện/xã | Các mức cấp tỉnh/huyện/xã | Cho phép KAD cấp tỉnh/huyện/xã
 *     QUY TẮC KIỂM TRA  Số liệu | Không được lớn hơn
 *     MỨC XẾP HẠNG      Mức | Ngưỡng hạng mục | Tối thiểu mỗi tiêu chí
 *     GHI CHÚ           free text, ignored when reading
 * Sections may come in any order and columns in any order (matched by name); blank rows and
 * unknown columns are ignored. A blank "Điểm tối đa" means the criterion is not used in that tier.
 */
import { CellValue, Grid, a1, cellAt, isCellError } from '../sheet/grid';
import { Decimal, isInteger, isNegative, toInteger } from '../sheet/decimal';
import { normLabel, normText } from '../sheet/normalize';
import { cellDisplayText, isBlankCell, parseTypedNumber } from '../sheet/typedValues';
import {
  CriterionKind,
  InputDef,
  KIND_WORDS as KIND_WORD,
  Rubric,
  TYPE_WORDS as TYPE_WORD,
  Tier,
  formatPath,
  parseRubric,
} from './schema';

// Interim: the 2018 tiers, until this sheet declares its own.
const TIERS = ['province', 'district', 'commune'];
const TIER_WORDS: Record<string, string> = { province: 'cấp tỉnh', district: 'cấp huyện', commune: 'cấp xã' };
const TIER_NAMES: Record<string, string> = { province: 'Cấp tỉnh', district: 'Cấp huyện', commune: 'Cấp xã' };
const REQUIRED_INPUT_TYPE: Record<string, string> = {
  ratio: 'count',
  yesno: 'yesno',
  bands: 'count',
  best: 'count',
  points: 'points',
};

export const RUBRIC_SHEET = 'Tiêu chí';

export type RubricSheetResult = { ok: true; rubric: Rubric } | { ok: false; message: string };

// ---------------------------------------------------------------------------------------------
// Vocabulary: what the sheet writes (first word of each list) and what it also accepts.

type InputType = InputDef['type'];
type SectionId = 'categories' | 'inputs' | 'criteria' | 'rules' | 'levels' | 'notes';
type Path = (string | number)[];

const SHEET_TITLE = 'BỘ TIÊU CHÍ CHẤM ĐIỂM CHÍNH QUYỀN ĐIỆN TỬ';
const ID_LABEL = 'Mã bộ tiêu chí';
const NAME_LABEL = 'Tên bộ tiêu chí';

/** Words accepted for each kind: the schema's word first (written out), then what staff may type. */
const KIND_WORDS: Record<string, string[]> = {
  ratio: [KIND_WORD.ratio, 'tỉ lệ', 'ratio'],
  yesno: [KIND_WORD.yesno, 'có hoặc không', 'yesno'],
  bands: [KIND_WORD.bands, 'mức', 'các mức', 'bands'],
  best: [KIND_WORD.best, 'so với cao nhất', 'so với đơn vị tốt nhất', 'best'],
  points: [KIND_WORD.points, 'tự chấm', 'điểm', 'points'],
};

const TYPE_WORDS: Record<string, string[]> = {
  count: [TYPE_WORD.count, 'số', 'count'],
  yesno: [TYPE_WORD.yesno, 'có hoặc không', 'yesno'],
  points: [TYPE_WORD.points, 'điểm tự chấm', 'points'],
};

const YES_WORDS = new Set(['có', 'c', 'x', '1', 'yes', 'true']);
const NO_WORDS = new Set(['không', 'k', '0', 'no', 'false']);
/** A "Điểm tối đa" cell saying the criterion is not used in that tier (a blank cell says it too). */
const NOT_USED_WORDS = new Set(['-', '–', '—', 'không', 'không dùng', 'không áp dụng']);

const SECTION_TITLES: Record<SectionId, { text: string; hint: string; aliases: string[] }> = {
  categories: {
    text: 'HẠNG MỤC',
    hint: 'điểm tối đa mỗi cấp phải bằng tổng điểm tối đa các tiêu chí của hạng mục',
    aliases: ['hạng mục', 'các hạng mục'],
  },
  inputs: {
    text: 'SỐ LIỆU ĐẦU VÀO',
    hint: 'mỗi số liệu là một cột trong bảng tổng hợp; kiểu: số lượng, có/không, điểm',
    aliases: ['số liệu đầu vào', 'các số liệu đầu vào'],
  },
  criteria: {
    text: 'TIÊU CHÍ',
    hint: 'để trống điểm tối đa ở cấp không dùng tiêu chí',
    aliases: ['tiêu chí', 'các tiêu chí'],
  },
  rules: {
    text: 'QUY TẮC KIỂM TRA',
    hint: 'ngoài tử số ≤ mẫu số của mỗi tỷ lệ',
    aliases: ['quy tắc kiểm tra', 'quy tắc', 'các quy tắc kiểm tra'],
  },
  levels: {
    text: 'MỨC XẾP HẠNG',
    hint: 'Mức 1 là cao nhất; tỷ lệ tính theo %',
    aliases: ['mức xếp hạng', 'bảng mức', 'bảng xếp mức'],
  },
  notes: { text: 'GHI CHÚ', hint: '', aliases: ['ghi chú', 'hướng dẫn'] },
};

const SECTION_ORDER: SectionId[] = ['categories', 'inputs', 'criteria', 'rules', 'levels', 'notes'];
/** Sections a rubric cannot do without; "QUY TẮC KIỂM TRA" may be left out (no extra rules). */
const REQUIRED_SECTIONS: SectionId[] = ['categories', 'inputs', 'criteria', 'levels'];

interface ColumnSpec {
  field: string;
  /** The column name written, with a hint in parentheses (ignored when reading). */
  label: string;
  aliases: string[];
  required: boolean;
}

const col = (field: string, label: string, aliases: string[], required = true): ColumnSpec => ({
  field,
  label,
  aliases,
  required,
});

const perTier = (make: (tier: Tier, word: string) => ColumnSpec): ColumnSpec[] => TIERS.map((t) => make(t, TIER_WORDS[t]));

const COLUMNS: Record<Exclude<SectionId, 'notes'>, ColumnSpec[]> = {
  categories: [
    col('id', 'Mã hạng mục', ['mã hạng mục', 'mã']),
    col('name', 'Tên hạng mục', ['tên hạng mục', 'tên', 'hạng mục']),
    col('short', 'Tên viết tắt (dùng trong tên cột kết quả)', ['tên viết tắt', 'viết tắt', 'tên ngắn']),
    ...perTier((t, w) => col(`max.${t}`, `Điểm tối đa ${w}`, [`điểm tối đa ${w}`, `tối đa ${w}`, w])),
  ],
  inputs: [
    col('code', 'Mã số liệu', ['mã số liệu', 'mã']),
    col('name', 'Tên số liệu', ['tên số liệu', 'tên', 'số liệu']),
    col('type', 'Kiểu số liệu (số lượng, có/không, điểm)', ['kiểu số liệu', 'kiểu', 'loại số liệu', 'loại']),
  ],
  criteria: [
    col('code', 'Mã tiêu chí', ['mã tiêu chí', 'mã']),
    col('category', 'Hạng mục', ['hạng mục', 'thuộc hạng mục']),
    col('name', 'Tên tiêu chí', ['tên tiêu chí', 'tên', 'tiêu chí']),
    col('kind', 'Cách tính', ['cách tính', 'cách tính điểm', 'cách chấm']),
    col('input', 'Số liệu (tử số nếu là tỷ lệ)', ['số liệu', 'tử số']),
    col('total', 'Số liệu tổng (mẫu số, chỉ với tỷ lệ)', ['số liệu tổng', 'mẫu số'], false),
    ...perTier((t, w) => col(`max.${t}`, `Điểm tối đa ${w} (trống = không dùng)`, [`điểm tối đa ${w}`, `tối đa ${w}`])),
    ...perTier((t, w) =>
      col(`bands.${t}`, `Các mức ${w} (≥ngưỡng: điểm; …)`, [`các mức ${w}`, `mức điểm ${w}`, `các mức điểm ${w}`], false),
    ),
    ...perTier((t, w) =>
      col(`na.${t}`, `Cho phép KAD ${w} (Có/Không)`, [`cho phép kad ${w}`, `kad ${w}`, `cho phép không áp dụng ${w}`], false),
    ),
  ],
  rules: [
    col('part', 'Số liệu (phần)', ['số liệu', 'số liệu phần', 'phần']),
    col('total', 'Không được lớn hơn (tổng)', ['không được lớn hơn', 'không lớn hơn', 'không vượt quá', 'số liệu tổng', 'tổng']),
  ],
  levels: [
    col('level', 'Mức', ['mức', 'mức xếp hạng']),
    col('categoryThreshold', 'Ngưỡng hạng mục (% điểm tối đa)', ['ngưỡng hạng mục', 'ngưỡng điểm hạng mục', 'ngưỡng']),
    col('criterionMinimum', 'Tối thiểu mỗi tiêu chí (% điểm tối đa)', [
      'tối thiểu mỗi tiêu chí',
      'tối thiểu của mỗi tiêu chí',
      'tối thiểu',
    ]),
  ],
};

const NOTES = [
  'Cách tính: "tỷ lệ" = số liệu ÷ số liệu tổng × điểm tối đa; "có/không" = có được điểm tối đa, không được 0; "theo mức" = điểm của mức cao nhất mà số liệu đạt tới; "so với đơn vị cao nhất" = số liệu ÷ số liệu lớn nhất trong cùng cấp × điểm tối đa; "điểm tự chấm" = đơn vị tự ghi điểm, từ 0 đến điểm tối đa.',
  'Các mức ghi từ ngưỡng cao xuống thấp, cách nhau bằng dấu ";", ví dụ: ≥200: 8; ≥100: 6; ≥0: 0. Số thập phân viết với dấu phẩy (4,5).',
  'Điểm tối đa để trống: cấp đó không dùng tiêu chí. "Cho phép KAD": đơn vị được ghi KAD (không áp dụng) thay cho số liệu.',
  'Mỗi tỷ lệ đã tự kiểm tra tử số không lớn hơn mẫu số; phần "Quy tắc kiểm tra" ghi thêm các cặp số liệu khác cần kiểm tra như vậy.',
];

/** Comparison key of a column name or title: normalised label, dashes and colons as spaces. */
function labelKey(text: string): string {
  return normLabel(text)
    .replace(/[-–—:]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Comparison key of a word typed in a cell ("Có / Không" = "có/không"). */
function wordKey(text: string): string {
  return normText(text).replace(/\s*\/\s*/g, '/');
}

function wordLookup<K extends string>(words: Record<K, string[]>): Map<string, K> {
  const map = new Map<string, K>();
  for (const [key, list] of Object.entries(words) as [K, string[]][]) for (const w of list) map.set(wordKey(w), key);
  return map;
}

const KIND_BY_WORD = wordLookup(KIND_WORDS);
const TYPE_BY_WORD = wordLookup(TYPE_WORDS);

// ---------------------------------------------------------------------------------------------
// Writing

/** A number as Vietnamese text (4.5 → "4,5"), for the bands cell. */
function viNumber(n: number): string {
  return String(n).replace('.', ',');
}

function bandsText(bands: { min: number; points: number }[]): string {
  return bands.map((b) => `≥${viNumber(b.min)}: ${viNumber(b.points)}`).join('; ');
}

function sectionTitle(id: SectionId): string {
  const { text, hint } = SECTION_TITLES[id];
  return hint ? `${text} (${hint})` : text;
}

/** What the "Hạng mục" cell of a criterion says: the short name when it reads back as the same category. */
function categoryLabel(id: string, categories: Rubric['categories']): string {
  const cat = categories.find((c) => c.id === id);
  if (!cat) return id;
  const back = resolveCategory(cat.short, categories);
  return back.ok && back.id === id ? cat.short : id;
}

function criterionRow(c: Rubric['criteria'][number], rubric: Rubric): CellValue[] {
  const [input, total] = c.kind === 'ratio' ? [c.part, c.total] : [c.input, null];
  const tiers = TIERS.map((t) => c.tiers[t]);
  return [
    c.code,
    categoryLabel(c.category, rubric.categories),
    c.name,
    KIND_WORDS[c.kind][0],
    input,
    total,
    ...tiers.map((t) => (t ? t.max : null)),
    ...tiers.map((t) => (t && c.kind === 'bands' && t.bands ? bandsText(t.bands) : null)),
    ...tiers.map((t) => (t ? (t.allowNA ? 'Có' : 'Không') : null)),
  ];
}

function section(id: Exclude<SectionId, 'notes'>, rows: CellValue[][]): CellValue[][] {
  return [[sectionTitle(id)], COLUMNS[id].map((c) => c.label), ...rows, []];
}

/** The rubric as the sheet's rows, starting at A1. */
export function rubricToRows(rubric: Rubric): CellValue[][] {
  return [
    [SHEET_TITLE],
    [ID_LABEL, rubric.id],
    [NAME_LABEL, rubric.name],
    [],
    ...section(
      'categories',
      rubric.categories.map((c) => [c.id, c.name, c.short, ...TIERS.map((t) => c.max[t])]),
    ),
    ...section(
      'inputs',
      rubric.inputs.map((i) => [i.code, i.name, TYPE_WORDS[i.type][0]]),
    ),
    ...section(
      'criteria',
      rubric.criteria.map((c) => criterionRow(c, rubric)),
    ),
    // Written even when empty, so that staff see where extra rules go.
    ...section(
      'rules',
      (rubric.rules ?? []).map((r) => [r.part, r.total]),
    ),
    ...section(
      'levels',
      rubric.levels.map((l) => [`Mức ${l.level}`, l.categoryThreshold, l.criterionMinimum]),
    ),
    [sectionTitle('notes')],
    ...NOTES.map((n) => [n]),
  ];
}

// ---------------------------------------------------------------------------------------------
// Reading: every value remembers the cell it came from, so that the rubric's own checks
// (schema.ts, by JSON path) can be named at a cell.

interface Cell {
  r: number;
  c: number;
}

interface Problem {
  cell: Cell | null;
  /** 0-based row, when the problem is a whole row (a row of column names). */
  row: number | null;
  message: string;
}

class SheetReader {
  readonly problems: Problem[] = [];
  private readonly cells = new Map<string, Cell>();
  /** Cells already reported by the reader: the schema's complaints about them add nothing. */
  private readonly reported = new Set<string>();

  constructor(readonly grid: Grid) {}

  value(r: number, c: number | undefined): CellValue {
    return c === undefined ? undefined : cellAt(this.grid, r, c);
  }

  /** Records that the rubric's `path` was read from this cell. */
  place(path: Path, r: number, c: number): void {
    this.cells.set(formatPath(path), { r, c });
  }

  /** The cell a path was read from, or that of its nearest recorded parent. */
  cellOf(path: Path): Cell | null {
    for (let n = path.length; n >= 0; n--) {
      const cell = this.cells.get(formatPath(path.slice(0, n)));
      if (cell) return cell;
    }
    return null;
  }

  fail(cell: Cell | null, message: string): void {
    this.problems.push({ cell, row: null, message });
    if (cell) this.reported.add(`${cell.r},${cell.c}`);
  }

  failRow(row: number, message: string): void {
    this.problems.push({ cell: null, row, message });
  }

  /** A cell whose content could not be read at all (a section without its columns). */
  silence(cell: Cell): void {
    this.reported.add(`${cell.r},${cell.c}`);
  }

  isReported(cell: Cell): boolean {
    return this.reported.has(`${cell.r},${cell.c}`);
  }
}

/** A cell's text: trimmed, accents composed; '' when blank. */
function cellText(v: CellValue): string {
  return isBlankCell(v) ? '' : cellDisplayText(v).normalize('NFC').trim();
}

type NumberRead = { kind: 'blank' } | { kind: 'number'; value: number } | { kind: 'bad'; text: string };

function decimalToNumber(d: Decimal): number {
  return Number(`${d.units}e-${d.scale}`);
}

/** A number typed as a number or as Vietnamese text ("4,5"); a trailing "%" is allowed for percents. */
function readNumber(v: CellValue, percent = false): NumberRead {
  if (isBlankCell(v)) return { kind: 'blank' };
  if (typeof v === 'number') {
    // Excel keeps 15 significant digits: a formula's 6.300000000000001 is the 6,3 it shows.
    return Number.isFinite(v) ? { kind: 'number', value: Number(v.toPrecision(15)) } : { kind: 'bad', text: String(v) };
  }
  if (typeof v !== 'string') return { kind: 'bad', text: cellDisplayText(v) };
  let text = normText(v);
  if (percent) text = text.replace(/\s*%$/, '');
  const d = parseTypedNumber(text);
  return d ? { kind: 'number', value: decimalToNumber(d) } : { kind: 'bad', text: v.trim() };
}

function notANumber(v: CellValue, text: string): string {
  if (isCellError(v)) return `ô có lỗi công thức ${v.error}`;
  return `"${text}" không phải là số (số thập phân viết với dấu phẩy, ví dụ 4,5)`;
}

/** Required text: the cell's text, or a problem naming what is missing. */
function requiredText(rd: SheetReader, r: number, c: number | undefined, path: Path, what: string): string | undefined {
  if (c === undefined) return undefined;
  rd.place(path, r, c);
  const text = cellText(rd.value(r, c));
  if (text === '') {
    rd.fail({ r, c }, `chưa ghi ${what}`);
    return undefined;
  }
  return text;
}

/** Required number (points, percents): the value, or a problem. */
function requiredNumber(rd: SheetReader, r: number, c: number | undefined, path: Path, what: string): number | undefined {
  if (c === undefined) return undefined;
  rd.place(path, r, c);
  const v = rd.value(r, c);
  const read = readNumber(v);
  if (read.kind === 'number') return read.value;
  rd.fail({ r, c }, read.kind === 'blank' ? `chưa ghi ${what}` : notANumber(v, read.text));
  return undefined;
}

/** A whole percent 0–100 (level table). */
function requiredPercent(rd: SheetReader, r: number, c: number | undefined, path: Path, what: string): number | undefined {
  if (c === undefined) return undefined;
  rd.place(path, r, c);
  const v = rd.value(r, c);
  const read = readNumber(v, true);
  if (read.kind === 'number' && Number.isInteger(read.value) && read.value >= 0 && read.value <= 100) return read.value;
  // A cell formatted as a percentage holds 0.9 for 90%: say what is expected.
  const why =
    read.kind === 'blank'
      ? `chưa ghi ${what}`
      : read.kind === 'bad'
        ? notANumber(v, read.text)
        : `${what} phải là số nguyên từ 0 đến 100 (ví dụ 90 nghĩa là 90%), ô đang ghi ${viNumber(read.value)}`;
  rd.fail({ r, c }, why);
  return undefined;
}

/** A yes/no cell (N/A allowed): Có/x/1 yes, Không/blank/0 no; null when unreadable. */
function readYesNo(v: CellValue): boolean | null {
  if (isBlankCell(v)) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : null;
  if (typeof v !== 'string') return null;
  const key = normText(v);
  return YES_WORDS.has(key) ? true : NO_WORDS.has(key) ? false : null;
}

// --- Finding sections ------------------------------------------------------------------------

interface SectionRows {
  title: Cell;
  /** Its non-blank rows below the title: the column names (after any note rows), then the items. */
  rows: number[];
}

/** A section's columns (field → column) and its item rows. */
interface SectionTable {
  cols: Map<string, number>;
  items: number[];
}

interface Layout {
  sections: Partial<Record<SectionId, SectionRows>>;
  keys: Partial<Record<'id' | 'name', { r: number; c: number }>>;
}

const TITLE_BY_KEY = new Map<string, SectionId>();
for (const id of SECTION_ORDER) for (const a of SECTION_TITLES[id].aliases) TITLE_BY_KEY.set(labelKey(a), id);

const KEY_LABELS = new Map<string, 'id' | 'name'>([
  [labelKey(ID_LABEL), 'id'],
  [labelKey(NAME_LABEL), 'name'],
]);

/** Columns of the row's non-blank cells. */
function filledColumns(grid: Grid, r: number): number[] {
  const row = grid.rows[r] ?? [];
  const cols: number[] = [];
  for (let c = 0; c < row.length; c++) if (!isBlankCell(row[c])) cols.push(c);
  return cols;
}

/** A section title is a row holding nothing but a known title (notes go in its parentheses). */
function titleOf(grid: Grid, r: number): SectionId | null {
  const cols = filledColumns(grid, r);
  if (cols.length !== 1) return null;
  return TITLE_BY_KEY.get(labelKey(cellText(cellAt(grid, r, cols[0])))) ?? null;
}

function keyOf(grid: Grid, r: number): 'id' | 'name' | null {
  const cols = filledColumns(grid, r);
  if (cols.length === 0) return null;
  return KEY_LABELS.get(labelKey(cellText(cellAt(grid, r, cols[0])))) ?? null;
}

function findLayout(rd: SheetReader): Layout {
  const { grid } = rd;
  const layout: Layout = { sections: {}, keys: {} };
  let current: SectionRows | null = null;
  for (let r = 0; r < grid.rows.length; r++) {
    const cols = filledColumns(grid, r);
    if (cols.length === 0) continue;
    const title = titleOf(grid, r);
    if (title) {
      current = { title: { r, c: cols[0] }, rows: [] };
      if (layout.sections[title]) {
        rd.fail(
          current.title,
          `phần "${SECTION_TITLES[title].text}" đã có ở ô ${a1(layout.sections[title]!.title.r, layout.sections[title]!.title.c)}; xóa hoặc gộp một trong hai`,
        );
      } else {
        layout.sections[title] = current;
      }
      continue;
    }
    const key = keyOf(grid, r);
    if (key) {
      // The value is the next filled cell, or the cell right of the label when there is none.
      layout.keys[key] ??= { r, c: cols[1] ?? cols[0] + 1 };
      continue;
    }
    if (current) current.rows.push(r); // above the first section: the sheet title, left alone
  }
  return layout;
}

function columnKeys(id: Exclude<SectionId, 'notes'>): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const spec of COLUMNS[id]) for (const a of spec.aliases) if (!byKey.has(labelKey(a))) byKey.set(labelKey(a), spec.field);
  return byKey;
}

/** Column → field for the row's cells that name a column of the section. */
function namedColumns(grid: Grid, r: number, byKey: Map<string, string>): [number, string][] {
  const found: [number, string][] = [];
  for (const c of filledColumns(grid, r)) {
    const field = byKey.get(labelKey(cellText(cellAt(grid, r, c))));
    if (field) found.push([c, field]); // staff's own columns (ghi chú, STT) are left alone
  }
  return found;
}

/** The section's row of column names (the first row naming one) and the item rows below it. */
function findTable(rd: SheetReader, id: Exclude<SectionId, 'notes'>, sec: SectionRows): SectionTable | null {
  const name = SECTION_TITLES[id].text;
  const byKey = columnKeys(id);
  const at = sec.rows.findIndex((r) => namedColumns(rd.grid, r, byKey).length > 0);
  if (at < 0) {
    rd.fail(sec.title, `phần "${name}" chưa có dòng tên cột (${COLUMNS[id].map((c) => `"${c.label}"`).join(', ')})`);
    return null;
  }
  const header = sec.rows[at];
  const cols = new Map<string, number>();
  for (const [c, field] of namedColumns(rd.grid, header, byKey)) {
    const first = cols.get(field);
    if (first === undefined) cols.set(field, c);
    else
      rd.fail(
        { r: header, c },
        `phần "${name}" có hai cột "${labelOf(id, field)}" (ô ${a1(header, first)} và ô ${a1(header, c)})`,
      );
  }
  const missing = COLUMNS[id].filter((spec) => spec.required && !cols.has(spec.field));
  if (missing.length) {
    rd.failRow(header, `phần "${name}" thiếu cột ${missing.map((spec) => `"${labelOf(id, spec.field)}"`).join(', ')}`);
    return null;
  }
  // Item rows: those with something in the section's columns.
  const items = sec.rows.slice(at + 1).filter((r) => [...cols.values()].some((c) => !isBlankCell(rd.value(r, c))));
  return { cols, items };
}

function labelOf(id: Exclude<SectionId, 'notes'>, field: string): string {
  return COLUMNS[id].find((s) => s.field === field)!.label.replace(/\s*\(.*$/, '');
}

// --- Sections --------------------------------------------------------------------------------

type Cols = Map<string, number>;

function readKeys(rd: SheetReader, layout: Layout): { id?: string; name?: string } {
  const out: { id?: string; name?: string } = {};
  for (const [key, label, what] of [
    ['id', ID_LABEL, 'mã bộ tiêu chí'],
    ['name', NAME_LABEL, 'tên bộ tiêu chí'],
  ] as const) {
    const at = layout.keys[key];
    if (!at) rd.fail(null, `thiếu dòng "${label}" (ô đầu dòng ghi "${label}", ô bên cạnh ghi ${what})`);
    else out[key] = requiredText(rd, at.r, at.c, [key], what);
  }
  return out;
}

function readCategories(rd: SheetReader, { cols, items }: SectionTable): Record<string, unknown>[] {
  return items.map((r, i) => {
    const path = ['categories', i];
    rd.place(path, r, cols.get('id')!);
    const max: Record<string, number | undefined> = {};
    for (const t of TIERS)
      max[t] = requiredNumber(rd, r, cols.get(`max.${t}`), [...path, 'max', t], `điểm tối đa ${TIER_WORDS[t]}`);
    return {
      id: requiredText(rd, r, cols.get('id'), [...path, 'id'], 'mã hạng mục'),
      name: requiredText(rd, r, cols.get('name'), [...path, 'name'], 'tên hạng mục'),
      short: requiredText(rd, r, cols.get('short'), [...path, 'short'], 'tên viết tắt'),
      max,
    };
  });
}

function readInputs(rd: SheetReader, { cols, items }: SectionTable): Record<string, unknown>[] {
  return items.map((r, i) => {
    const path = ['inputs', i];
    rd.place(path, r, cols.get('code')!);
    return {
      code: requiredText(rd, r, cols.get('code'), [...path, 'code'], 'mã số liệu'),
      name: requiredText(rd, r, cols.get('name'), [...path, 'name'], 'tên số liệu'),
      type: readWord(rd, r, cols.get('type'), [...path, 'type'], TYPE_BY_WORD, TYPE_WORDS, 'kiểu số liệu'),
    };
  });
}

/** A word from a closed list (kind, type), written in Vietnamese or as the English id. */
function readWord<K extends string>(
  rd: SheetReader,
  r: number,
  c: number | undefined,
  path: Path,
  lookup: Map<string, K>,
  words: Record<K, string[]>,
  what: string,
): K | undefined {
  const text = requiredText(rd, r, c, path, what);
  if (text === undefined) return undefined;
  const found = lookup.get(wordKey(text));
  if (!found) {
    const choices = Object.values<string[]>(words).map((w) => `"${w[0]}"`);
    rd.fail({ r, c: c! }, `${what} "${text}" không rõ; ghi một trong: ${choices.join(', ')}`);
  }
  return found;
}

type CategoryRef = { ok: true; id: string } | { ok: false; ambiguous: boolean };

/** The category a criterion names: by id, else by name, else by short name. */
function resolveCategory(text: string, categories: { id?: unknown; name?: unknown; short?: unknown }[]): CategoryRef {
  const key = normText(text);
  for (const field of ['id', 'name', 'short'] as const) {
    const hits = categories.filter((c) => typeof c[field] === 'string' && normText(c[field] as string) === key);
    if (hits.length === 1) return { ok: true, id: hits[0].id as string };
    if (hits.length > 1) return { ok: false, ambiguous: true };
  }
  return { ok: false, ambiguous: false };
}

function readCriterionCategory(rd: SheetReader, r: number, cols: Cols, path: Path, categories: Record<string, unknown>[]) {
  const text = requiredText(rd, r, cols.get('category'), path, 'hạng mục');
  if (text === undefined) return undefined;
  const ref = resolveCategory(text, categories);
  if (ref.ok) return ref.id;
  if (ref.ambiguous) rd.fail({ r, c: cols.get('category')! }, `"${text}" trùng tên với nhiều hạng mục; ghi mã hạng mục`);
  return text; // unknown: the rubric's check names it
}

/** The cells of one criterion row that concern one tier. */
interface TierCells {
  r: number;
  tier: Tier;
  maxCol: number;
  bandsCol: number | undefined;
  naCol: number | undefined;
}

/** The "Cho phép KAD" cell: true, false, or null when unreadable (reported). */
function readNaCell(rd: SheetReader, { r, naCol }: TierCells): boolean | null {
  const na = readYesNo(rd.value(r, naCol));
  if (naCol !== undefined && na === null) {
    rd.fail({ r, c: naCol }, `"${cellText(rd.value(r, naCol))}" không rõ; ghi "Có" hoặc "Không"`);
  }
  return na;
}

/** A tier that does not use the criterion must not give it bands or N/A either. */
function checkUnusedTier(rd: SheetReader, { r, tier, bandsCol, naCol }: TierCells, na: boolean | null): void {
  const unused = `${TIER_NAMES[tier]} không dùng tiêu chí này (điểm tối đa để trống)`;
  if (!isBlankCell(rd.value(r, bandsCol))) {
    rd.fail({ r, c: bandsCol! }, `${unused} nhưng lại ghi các mức; ghi điểm tối đa hoặc xóa các mức`);
  }
  if (na === true) rd.fail({ r, c: naCol! }, `${unused} nhưng lại cho phép KAD; ghi điểm tối đa hoặc ghi "Không"`);
}

/** The bands of a tier: read for a "theo mức" criterion, refused for any other kind. */
function readTierBands(rd: SheetReader, at: TierCells, kind: CriterionKind | undefined, tierPath: Path) {
  const { r, tier, maxCol, bandsCol } = at;
  if (kind === 'bands') {
    if (bandsCol === undefined) {
      rd.fail({ r, c: maxCol }, `tiêu chí tính theo mức cần cột "${labelOf('criteria', `bands.${tier}`)}"`);
      return undefined;
    }
    rd.place([...tierPath, 'bands'], r, bandsCol);
    return readBands(rd, r, bandsCol);
  }
  if (kind !== undefined && !isBlankCell(rd.value(r, bandsCol))) {
    rd.fail({ r, c: bandsCol! }, `chỉ tiêu chí tính "theo mức" mới có các mức; xóa ô này hoặc đổi cách tính thành "theo mức"`);
  }
  return undefined;
}

/** How a criterion applies in one tier, or undefined when the tier does not use it (blank maximum). */
function readCriterionTier(rd: SheetReader, r: number, cols: Cols, tier: Tier, kind: CriterionKind | undefined, path: Path) {
  const at: TierCells = {
    r,
    tier,
    maxCol: cols.get(`max.${tier}`)!,
    bandsCol: cols.get(`bands.${tier}`),
    naCol: cols.get(`na.${tier}`),
  };
  const na = readNaCell(rd, at);
  const maxValue = rd.value(r, at.maxCol);
  if (isBlankCell(maxValue) || NOT_USED_WORDS.has(normText(cellText(maxValue)))) {
    checkUnusedTier(rd, at, na);
    return undefined;
  }
  const tierPath = [...path, 'tiers', tier];
  rd.place(tierPath, r, at.maxCol);
  // Keys only when set: the rubric omits bands and allowNA where they do not apply.
  const out: Record<string, unknown> = {
    max: requiredNumber(rd, r, at.maxCol, [...tierPath, 'max'], `điểm tối đa ${TIER_WORDS[tier]}`),
  };
  const bands = readTierBands(rd, at, kind, tierPath);
  if (bands) out.bands = bands;
  if (na === true) out.allowNA = true;
  return out;
}

const BAND = /^(?:≥|>=|từ)?\s*([-\d., ]+?)\s*(?::|→|->)\s*([-\d., ]+?)\s*(?:điểm|đ)?$/u;

/** "≥200: 8; ≥100: 6; ≥0: 0" → bands, in the order written (the rubric's check wants highest first). */
function readBands(rd: SheetReader, r: number, c: number): { min: number; points: number }[] | undefined {
  const v = rd.value(r, c);
  if (isBlankCell(v)) return undefined; // the rubric's check says the bands are missing
  const parts = cellText(v)
    .split(/[;\n]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const bands: { min: number; points: number }[] = [];
  for (const part of parts) {
    const band = readBand(part);
    if (typeof band === 'string') {
      rd.fail({ r, c }, band);
      return undefined;
    }
    bands.push(band);
  }
  return bands;
}

function readBand(part: string): { min: number; points: number } | string {
  const m = BAND.exec(normText(part));
  const min = m ? parseTypedNumber(m[1].trim()) : null;
  const points = m ? parseTypedNumber(m[2].trim()) : null;
  if (!min || !points) {
    return `không đọc được mức "${part}"; viết mỗi mức dạng ≥ngưỡng: điểm, các mức cách nhau bằng dấu ";" (ví dụ ≥200: 8; ≥100: 6; ≥0: 0)`;
  }
  if (!isInteger(min) || isNegative(min)) return `mức "${part}": ngưỡng phải là số nguyên không âm`;
  return { min: Number(toInteger(min)), points: decimalToNumber(points) };
}

function readCriteria(
  rd: SheetReader,
  { cols, items }: SectionTable,
  categories: Record<string, unknown>[],
): Record<string, unknown>[] {
  return items.map((r, i) => {
    const path = ['criteria', i];
    rd.place(path, r, cols.get('code')!);
    const kind = readWord(rd, r, cols.get('kind'), [...path, 'kind'], KIND_BY_WORD, KIND_WORDS, 'cách tính');
    const out: Record<string, unknown> = {
      code: requiredText(rd, r, cols.get('code'), [...path, 'code'], 'mã tiêu chí'),
      category: readCriterionCategory(rd, r, cols, [...path, 'category'], categories),
      name: requiredText(rd, r, cols.get('name'), [...path, 'name'], 'tên tiêu chí'),
      kind,
      ...readCriterionInputs(rd, r, cols, kind, path),
    };
    const tiers: Record<string, unknown> = {};
    for (const t of TIERS) {
      const tier = readCriterionTier(rd, r, cols, t, kind, path);
      if (tier) tiers[t] = tier;
    }
    out.tiers = tiers;
    return out;
  });
}

/** The input(s) a criterion reads: part and total for a ratio, otherwise one. */
function readCriterionInputs(rd: SheetReader, r: number, cols: Cols, kind: CriterionKind | undefined, path: Path) {
  const inputCol = cols.get('input');
  const totalCol = cols.get('total');
  if (kind !== 'ratio') {
    if (totalCol !== undefined && kind !== undefined && !isBlankCell(rd.value(r, totalCol))) {
      rd.fail({ r, c: totalCol }, `chỉ tiêu chí tính "tỷ lệ" mới có số liệu tổng; xóa ô này hoặc đổi cách tính thành "tỷ lệ"`);
    }
    return { input: requiredText(rd, r, inputCol, [...path, 'input'], 'mã số liệu') };
  }
  if (totalCol === undefined)
    rd.fail({ r, c: cols.get('kind')! }, `tiêu chí tính theo tỷ lệ cần cột "${labelOf('criteria', 'total')}"`);
  return {
    part: requiredText(rd, r, inputCol, [...path, 'part'], 'mã số liệu (tử số)'),
    total: requiredText(rd, r, totalCol, [...path, 'total'], 'mã số liệu tổng (mẫu số)'),
  };
}

function readRules(rd: SheetReader, { cols, items }: SectionTable): Record<string, unknown>[] {
  return items.map((r, i) => {
    const path = ['rules', i];
    rd.place(path, r, cols.get('part')!);
    return {
      part: requiredText(rd, r, cols.get('part'), [...path, 'part'], 'mã số liệu'),
      total: requiredText(rd, r, cols.get('total'), [...path, 'total'], 'mã số liệu không được vượt quá'),
    };
  });
}

/** "Mức 2", "2" → 2; null when the cell does not say a level. */
function levelNumber(v: CellValue): number | null {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1 ? v : null;
  const m = /^(?:mức\s*)?(\d+)$/u.exec(normText(cellText(v)));
  return m && Number(m[1]) >= 1 ? Number(m[1]) : null;
}

function readLevels(rd: SheetReader, { cols, items }: SectionTable): Record<string, unknown>[] {
  const levelCol = cols.get('level')!;
  // Staff may list the levels in any order; the rubric lists them from Mức 1 down.
  const rows = items.map((r) => ({ r, level: levelNumber(rd.value(r, levelCol)) ?? Infinity })).sort((a, b) => a.level - b.level);
  return rows.map(({ r, level }, i) => {
    const path = ['levels', i];
    rd.place(path, r, levelCol);
    rd.place([...path, 'level'], r, levelCol);
    if (level === Infinity)
      rd.fail({ r, c: levelCol }, `"${cellText(rd.value(r, levelCol))}" không phải là mức; ghi "Mức 1", "Mức 2", …`);
    return {
      level: level === Infinity ? undefined : level,
      categoryThreshold: requiredPercent(rd, r, cols.get('categoryThreshold'), [...path, 'categoryThreshold'], 'ngưỡng hạng mục'),
      criterionMinimum: requiredPercent(
        rd,
        r,
        cols.get('criterionMinimum'),
        [...path, 'criterionMinimum'],
        'tối thiểu mỗi tiêu chí',
      ),
    };
  });
}

/** Criteria must read inputs of the type their kind needs; said here in the sheet's own words. */
function checkInputTypes(rd: SheetReader, inputs: Record<string, unknown>[], criteria: Record<string, unknown>[]): void {
  const typeOf = new Map<string, InputType>();
  for (const inp of inputs)
    if (typeof inp.code === 'string' && inp.type) typeOf.set(inp.code.toLowerCase(), inp.type as InputType);
  criteria.forEach((crit, i) => {
    const kind = crit.kind as CriterionKind | undefined;
    if (!kind) return;
    for (const field of kind === 'ratio' ? ['part', 'total'] : ['input']) {
      const code = crit[field];
      const type = typeof code === 'string' ? typeOf.get(code.toLowerCase()) : undefined;
      if (!type || type === REQUIRED_INPUT_TYPE[kind]) continue;
      rd.fail(
        rd.cellOf(['criteria', i, field]),
        `tiêu chí ${String(crit.code)} tính "${KIND_WORDS[kind][0]}" cần số liệu kiểu "${TYPE_WORDS[REQUIRED_INPUT_TYPE[kind]][0]}", nhưng ${code as string} có kiểu "${TYPE_WORDS[type][0]}"`,
      );
    }
  });
}

// --- Putting it together ---------------------------------------------------------------------

function readSection<T>(
  rd: SheetReader,
  layout: Layout,
  id: Exclude<SectionId, 'notes'>,
  read: (table: SectionTable) => T[],
): T[] | undefined {
  const sec = layout.sections[id];
  const title = SECTION_TITLES[id].text;
  if (!sec) {
    if (REQUIRED_SECTIONS.includes(id)) {
      rd.fail(null, `thiếu phần "${title}" (một dòng chỉ ghi "${title}", tiếp theo là dòng tên cột và các dòng nội dung)`);
    }
    return id === 'rules' ? [] : undefined;
  }
  rd.place([id], sec.title.r, sec.title.c);
  const table = findTable(rd, id, sec);
  if (!table) {
    rd.silence(sec.title);
    return undefined;
  }
  const items = read(table);
  if (items.length === 0 && REQUIRED_SECTIONS.includes(id)) rd.fail(sec.title, `phần "${title}" chưa có dòng nào`);
  return items;
}

function describe(sheet: string, p: Problem): string {
  if (p.cell) return `Trang "${sheet}", ô ${a1(p.cell.r, p.cell.c)}: ${p.message}`;
  if (p.row !== null) return `Trang "${sheet}", dòng ${p.row + 1}: ${p.message}`;
  return `Trang "${sheet}": ${p.message}`;
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

/** Reads a rubric from the sheet's cells; a problem is named by its row and cell. */
export function rubricFromGrid(grid: Grid): RubricSheetResult {
  const rd = new SheetReader(grid);
  const layout = findLayout(rd);
  if (Object.keys(layout.sections).length === 0 && Object.keys(layout.keys).length === 0) {
    // Probably not a rubric at all; the sheet still replaces the built-in rubric, so say how to get out.
    const titles = REQUIRED_SECTIONS.map((id) => `"${SECTION_TITLES[id].text}"`).join(', ');
    return {
      ok: false,
      message: `Trang "${grid.name}" không chứa bộ tiêu chí (cần các phần ${titles}); đổi tên hoặc xóa trang này để dùng bộ tiêu chí có sẵn`,
    };
  }
  const { id, name } = readKeys(rd, layout);
  const categories = readSection(rd, layout, 'categories', (t) => readCategories(rd, t));
  const inputs = readSection(rd, layout, 'inputs', (t) => readInputs(rd, t));
  const criteria = readSection(rd, layout, 'criteria', (t) => readCriteria(rd, t, categories ?? []));
  const rules = readSection(rd, layout, 'rules', (t) => readRules(rd, t));
  const levels = readSection(rd, layout, 'levels', (t) => readLevels(rd, t));
  checkInputTypes(rd, inputs ?? [], criteria ?? []);

  const parsed = parseRubric({ id, name, inputs, categories, criteria, rules, levels });
  if (parsed.ok && rd.problems.length === 0) return { ok: true, rubric: parsed.rubric };
  if (!parsed.ok) {
    const readerFailed = rd.problems.length > 0;
    for (const p of parsed.problems) {
      const cell = rd.cellOf(p.pathParts);
      // Already said in the sheet's words (at that cell, or a missing part of the sheet).
      if (cell ? rd.isReported(cell) : readerFailed) continue;
      rd.problems.push({ cell, row: null, message: p.message });
    }
  }
  return { ok: false, message: problemsMessage(grid.name, rd.problems) };
}
