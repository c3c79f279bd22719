/**
 * The words of the "Tiêu chí" sheet (docs/trang-tieu-chi.md): row labels, section titles, column
 * names, and the words staff may type for kinds, types and the rank rule. The first word of each
 * list is the one written out; the others are understood when read.
 */
import { normLabel, normText } from '../../sheet/normalize';
import { CriterionKind, InputType, KIND_WORDS as KIND_WORD, TYPE_WORDS as TYPE_WORD } from '../schema';

export const RUBRIC_SHEET = 'Tiêu chí';
export const SHEET_TITLE = 'BỘ TIÊU CHÍ CHẤM ĐIỂM';

/** Comparison key of a label, column name or title: normalised, quotes dropped, dashes and colons as spaces. */
export function labelKey(text: string): string {
  return normLabel(text)
    .replace(/["“”‘’'«»]/g, '')
    .replace(/[-–—:]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Comparison key of a word typed in a cell ("Có / Không" = "có/không", "Tỷ lệ (%)" = "tỷ lệ (%)"). */
export function wordKey(text: string): string {
  return normText(text)
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s*([()])\s*/g, '$1')
    .replace(/\.$/, '');
}

// --- Rows at the top: one label and its value -------------------------------------------------

export type KeyId = 'id' | 'name' | 'note' | 'rankBy' | 'subject' | 'department' | 'province' | 'recipients';

interface KeySpec {
  /** Written in the label cell (a note in parentheses after it is ignored when read). */
  label: string;
  aliases: string[];
}

export const KEYS: Record<KeyId, KeySpec> = {
  id: { label: 'Mã bộ tiêu chí', aliases: ['mã bộ tiêu chí'] },
  name: { label: 'Tên bộ tiêu chí', aliases: ['tên bộ tiêu chí'] },
  note: { label: 'Ghi chú bộ tiêu chí', aliases: ['ghi chú bộ tiêu chí'] },
  rankBy: { label: 'Xếp thứ hạng theo', aliases: ['xếp thứ hạng theo', 'xếp hạng theo', 'thứ hạng theo'] },
  subject: { label: 'Nội dung đánh giá', aliases: ['nội dung đánh giá'] },
  department: { label: 'Cơ quan chấm điểm', aliases: ['cơ quan chấm điểm', 'cơ quan đánh giá', 'cơ quan trình'] },
  province: { label: 'Tỉnh', aliases: ['tỉnh', 'tên tỉnh'] },
  recipients: { label: 'Nơi nhận', aliases: ['nơi nhận'] },
};

export const KEY_ORDER: KeyId[] = ['id', 'name', 'note', 'rankBy', 'subject', 'department', 'province', 'recipients'];
export const DECISION_KEYS = ['subject', 'department', 'province', 'recipients'] as const;

// --- Sections ---------------------------------------------------------------------------------

export type SectionId = 'tiers' | 'categories' | 'inputs' | 'criteria' | 'rules' | 'levels' | 'grades' | 'notes';
export type TableId = Exclude<SectionId, 'notes'>;

export const SECTIONS: Record<SectionId, { title: string; hint: string; aliases: string[] }> = {
  tiers: {
    title: 'CẤP ĐÁNH GIÁ',
    hint: 'mỗi dòng một cấp; các danh sách cách nhau bằng dấu ;',
    aliases: ['cấp đánh giá', 'các cấp đánh giá'],
  },
  categories: {
    title: 'HẠNG MỤC',
    hint: 'điểm tối đa mỗi cấp bằng tổng điểm tối đa các tiêu chí của hạng mục; để trống ở cấp không có hạng mục',
    aliases: ['hạng mục', 'các hạng mục', 'nhóm chỉ số'],
  },
  inputs: {
    title: 'SỐ LIỆU ĐẦU VÀO',
    hint: 'mỗi số liệu là một cột trong bảng tổng hợp; kiểu: số lượng, có/không, điểm, lựa chọn',
    aliases: ['số liệu đầu vào', 'các số liệu đầu vào'],
  },
  criteria: {
    title: 'TIÊU CHÍ',
    hint: 'để trống điểm tối đa ở cấp không dùng tiêu chí',
    aliases: ['tiêu chí', 'các tiêu chí', 'chỉ số', 'các chỉ số'],
  },
  rules: {
    title: 'QUY TẮC KIỂM TRA',
    hint: 'ngoài tử số ≤ mẫu số của mỗi tỷ lệ',
    aliases: ['quy tắc kiểm tra', 'quy tắc', 'các quy tắc kiểm tra'],
  },
  levels: {
    title: 'MỨC XẾP HẠNG',
    hint: 'Mức 1 là cao nhất; tỷ lệ tính theo %; xóa cả phần nếu không xếp mức',
    aliases: ['mức xếp hạng', 'bảng mức', 'bảng xếp mức'],
  },
  grades: {
    title: 'XẾP LOẠI',
    hint: 'loại cao nhất trước; loại cuối cùng từ 0%; xóa cả phần nếu không xếp loại',
    aliases: ['xếp loại', 'bảng xếp loại'],
  },
  notes: { title: 'GHI CHÚ', hint: '', aliases: ['ghi chú', 'hướng dẫn'] },
};

export const sectionTitleText = (id: SectionId) =>
  SECTIONS[id].hint ? `${SECTIONS[id].title} (${SECTIONS[id].hint})` : SECTIONS[id].title;

/** Sections every rubric needs; "CẤP ĐÁNH GIÁ" too, except in a sheet of the first layout (docs/trang-tieu-chi.md). */
export const REQUIRED_SECTIONS: TableId[] = ['categories', 'inputs', 'criteria'];

// --- Columns ----------------------------------------------------------------------------------

export interface ColumnSpec {
  field: string;
  /** The column name written; the part in parentheses is a hint, ignored when read. */
  label: string;
  aliases: string[];
  required: boolean;
}

/** A column per tier: "Điểm tối đa cấp xã", found by a prefix and the tier's phrase, name or id. */
export interface TierColumnSpec {
  field: string;
  /** The words before the tier: "Điểm tối đa". */
  label: string;
  hint: string;
  /** Prefixes understood (labelKey form). */
  prefixes: string[];
  required: boolean;
  /** A column named by the tier alone ("Cấp tỉnh") also means this field. */
  bare?: boolean;
}

const col = (field: string, label: string, aliases: string[], required = true): ColumnSpec => ({
  field,
  label,
  aliases,
  required,
});

export const COLUMNS: Record<TableId, ColumnSpec[]> = {
  tiers: [
    col('id', 'Mã cấp (chữ không dấu)', ['mã cấp', 'mã']),
    col('name', 'Tên cấp (tên bảng xếp hạng)', ['tên cấp', 'tên']),
    col('phrase', 'Cách gọi trong câu (ví dụ: cấp xã)', ['cách gọi trong câu', 'gọi trong câu']),
    col('noun', 'Cách gọi khi đếm (ví dụ: đơn vị cấp xã)', ['cách gọi khi đếm', 'gọi khi đếm'], false),
    col(
      'audience',
      'Cách gọi trong quyết định (ví dụ: Ủy ban nhân dân các xã, phường)',
      ['cách gọi trong quyết định', 'gọi trong quyết định'],
      false,
    ),
    col('cellValues', 'Giá trị cột “Cấp” (cách nhau bằng dấu ;)', ['giá trị cột cấp', 'giá trị ô cấp', 'cột cấp ghi']),
    col('sectionPhrases', 'Cụm từ dòng mục (dòng tiêu đề nhóm đơn vị chứa cụm từ này)', ['cụm từ dòng mục', 'dòng mục']),
    col('kinds', 'Loại đơn vị (từ mở đầu tên đơn vị; cách nhau bằng dấu ;)', ['loại đơn vị'], false),
    col('groupWords', 'Từ mở đầu dòng nhóm (cách nhau bằng dấu ;)', ['từ mở đầu dòng nhóm', 'dòng nhóm'], false),
    col('groupTitle', 'Tên cột nhóm (ví dụ: Thuộc huyện)', ['tên cột nhóm', 'cột nhóm'], false),
    col('groupParent', 'Cấp của nhóm (cấp của các đơn vị đứng ở dòng nhóm)', ['cấp của nhóm'], false),
  ],
  categories: [
    col('id', 'Mã hạng mục', ['mã hạng mục', 'mã']),
    col('name', 'Tên hạng mục', ['tên hạng mục', 'tên', 'hạng mục']),
    col('short', 'Tên viết tắt (dùng trong tên cột kết quả)', ['tên viết tắt', 'viết tắt', 'tên ngắn']),
  ],
  inputs: [
    col('code', 'Mã số liệu', ['mã số liệu', 'mã']),
    col('name', 'Tên số liệu', ['tên số liệu', 'tên', 'số liệu']),
    col('type', 'Kiểu số liệu (số lượng, có/không, điểm, lựa chọn)', ['kiểu số liệu', 'kiểu', 'loại số liệu', 'loại']),
    col('answers', 'Các phương án (chỉ với lựa chọn; cách nhau bằng dấu ;)', ['các phương án', 'phương án'], false),
  ],
  criteria: [
    col('code', 'Mã tiêu chí', ['mã tiêu chí', 'mã']),
    col('category', 'Hạng mục', ['hạng mục', 'thuộc hạng mục']),
    col('name', 'Tên tiêu chí', ['tên tiêu chí', 'tên', 'tiêu chí']),
    col('kind', 'Cách tính', ['cách tính', 'cách tính điểm', 'cách chấm']),
    col('input', 'Số liệu (tử số nếu là tỷ lệ)', ['số liệu', 'tử số']),
    col('total', 'Số liệu tổng (mẫu số, chỉ với tỷ lệ)', ['số liệu tổng', 'mẫu số'], false),
    col(
      'answers',
      'Điểm theo phương án (chỉ với lựa chọn: phương án: % điểm tối đa; …)',
      ['điểm theo phương án', 'điểm các phương án', 'điểm từng phương án'],
      false,
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
  grades: [
    col('name', 'Xếp loại', ['xếp loại', 'loại', 'tên loại']),
    col('min', 'Từ (% điểm tối đa, theo cột Tỷ lệ)', ['từ', 'từ tỷ lệ', 'tỷ lệ từ', 'ngưỡng', 'tối thiểu']),
  ],
};

export const TIER_COLUMNS: Partial<Record<TableId, TierColumnSpec[]>> = {
  categories: [{ field: 'max', label: 'Điểm tối đa', hint: '', prefixes: ['điểm tối đa', 'tối đa'], required: true, bare: true }],
  criteria: [
    { field: 'max', label: 'Điểm tối đa', hint: 'trống = không dùng', prefixes: ['điểm tối đa', 'tối đa'], required: true },
    {
      field: 'bands',
      label: 'Các mức',
      hint: 'theo mức: ≥200: 8; ≥100: 6 — tỷ lệ theo ngưỡng: ≥80%: 100%; ≥50%: 50%',
      prefixes: ['các mức điểm', 'các mức', 'mức điểm', 'các ngưỡng', 'ngưỡng'],
      required: false,
    },
    {
      field: 'na',
      label: 'Cho phép KAD',
      hint: 'Có/Không',
      prefixes: ['cho phép kad', 'cho phép không áp dụng', 'kad'],
      required: false,
    },
  ],
};

/** The column name of a tier column as written: "Điểm tối đa cấp xã (trống = không dùng)". */
export const tierColumnLabel = (spec: TierColumnSpec, ref: string) => `${spec.label} ${ref}${spec.hint ? ` (${spec.hint})` : ''}`;

/** A column's name without its hint, for messages. */
export function columnName(id: TableId, field: string): string {
  const spec = COLUMNS[id].find((s) => s.field === field);
  return spec ? spec.label.replace(/\s*\(.*$/, '') : field;
}

// --- Words typed in cells ---------------------------------------------------------------------

/** Kinds of criterion: the schema's word first (written out), then what staff may type. */
export const KIND_WORDS: Record<CriterionKind, string[]> = {
  ratio: [KIND_WORD.ratio, 'tỉ lệ', 'ratio'],
  ratioBands: [
    KIND_WORD.ratioBands,
    'tỉ lệ theo ngưỡng',
    'tỷ lệ theo mức',
    'tỉ lệ theo mức',
    'theo ngưỡng tỷ lệ',
    'theo ngưỡng tỉ lệ',
    'ratiobands',
  ],
  yesno: [KIND_WORD.yesno, 'có hoặc không', 'yesno'],
  bands: [KIND_WORD.bands, 'mức', 'các mức', 'theo mức điểm', 'bands'],
  best: [KIND_WORD.best, 'so với cao nhất', 'so với đơn vị tốt nhất', 'best'],
  points: [KIND_WORD.points, 'tự chấm', 'điểm', 'points'],
  choice: [KIND_WORD.choice, 'theo phương án', 'chọn phương án', 'choice'],
  info: [KIND_WORD.info, 'không chấm điểm', 'chỉ thu thập', 'thông tin', 'info'],
};

export const TYPE_WORDS: Record<InputType, string[]> = {
  count: [TYPE_WORD.count, 'số', 'count'],
  yesno: [TYPE_WORD.yesno, 'có hoặc không', 'yesno'],
  points: [TYPE_WORD.points, 'điểm tự chấm', 'points'],
  choice: [TYPE_WORD.choice, 'phương án', 'chọn', 'choice'],
};

export const RANK_WORDS: Record<'total' | 'percent', string[]> = {
  total: ['tổng điểm', 'tổng', 'điểm', 'total'],
  percent: ['tỷ lệ (%)', 'tỷ lệ', 'tỉ lệ', 'tỉ lệ (%)', 'tỷ lệ %', 'tỉ lệ %', '%', 'phần trăm', 'percent'],
};

/** A "Điểm tối đa" cell saying the criterion is not used in that tier (a blank cell says it too). */
export const NOT_USED_WORDS = new Set(['-', '–', '—', 'không', 'không dùng', 'không áp dụng']);
/** Written in the "Điểm tối đa" cell of a tier that collects a criterion scoring nothing. */
export const INFO_MAX_WORD = KIND_WORD.info;

export function wordLookup<K extends string>(words: Record<K, string[]>): Map<string, K> {
  const map = new Map<string, K>();
  for (const [key, list] of Object.entries(words) as [K, string[]][]) for (const w of list) map.set(wordKey(w), key);
  return map;
}

/** The words to suggest in a message: `"tỷ lệ", "có/không", …`. */
export const suggestWords = (words: Record<string, string[]>) =>
  Object.values(words)
    .map((w) => `"${w[0]}"`)
    .join(', ');
