/**
 * The "TIÊU CHÍ" section (docs/trang-tieu-chi.md, "Phần TIÊU CHÍ"): one row per criterion, its
 * kind, the inputs it reads, the points of a choice's answers, and per tier its maximum (blank:
 * the tier does not use it), its bands and whether N/A is allowed.
 */
import { normText } from '../../sheet/normalize';
import { CriterionKind, isRatioKind } from '../schema';
import { SectionTable } from './layout';
import { parseAnswerScores, parseBands, parsePercentBands } from './scoreText';
import { Path, SheetReader, cellText, compact, notANumber, readNumber, readWord, readYesNo, requiredText } from './sheetReader';
import { TierRefs } from './tierRefs';
import { INFO_MAX_WORD, KIND_WORDS, NOT_USED_WORDS, columnName, suggestWords, wordKey, wordLookup } from './vocabulary';

type Item = Record<string, unknown>;
type Cols = Map<string, number>;
const KIND_BY_WORD = wordLookup(KIND_WORDS);
const kindWord = (kind: CriterionKind) => KIND_WORDS[kind][0];

export function readCriteria(rd: SheetReader, { cols, items }: SectionTable, categories: Item[], tiers: TierRefs): Item[] {
  return items.map((r, i) => {
    const path = ['criteria', i];
    rd.place(path, r, cols.get('code')!);
    const kind = readWord(
      rd,
      r,
      cols.get('kind'),
      [...path, 'kind'],
      KIND_BY_WORD,
      suggestWords(KIND_WORDS),
      'cách tính',
      wordKey,
    );
    const out: Item = {
      code: requiredText(rd, r, cols.get('code'), [...path, 'code'], 'mã tiêu chí'),
      category: readCategoryRef(rd, r, cols, [...path, 'category'], categories),
      name: requiredText(rd, r, cols.get('name'), [...path, 'name'], 'tên tiêu chí'),
      kind,
      ...readInputRefs(rd, r, cols, kind, path),
      answers: readAnswers(rd, r, cols, kind, [...path, 'answers']),
    };
    const perTier: Item = {};
    for (const t of tiers.tiers) {
      const entry = readCriterionTier(rd, { r, tier: t.id, ref: tiers.refOf(t), cols }, kind, [...path, 'tiers', t.id]);
      if (entry) perTier[t.id] = entry;
      // A maximum that could not be read: the category's sum for that tier would only repeat it.
      const maxCell = { r, c: cols.get(`max.${t.id}`)! };
      if (typeof out.category === 'string' && rd.isReported(maxCell)) rd.doubtSum(out.category, t.id);
    }
    out.tiers = perTier;
    return compact(out);
  });
}

type CategoryRef = { ok: true; id: string } | { ok: false; ambiguous: boolean };

/** The category a criterion names: by id, else by name, else by short name. */
export function resolveCategory(text: string, categories: { id?: unknown; name?: unknown; short?: unknown }[]): CategoryRef {
  const key = normText(text);
  for (const field of ['id', 'name', 'short'] as const) {
    const hits = categories.filter((c) => typeof c[field] === 'string' && normText(c[field] as string) === key);
    if (hits.length === 1) return { ok: true, id: hits[0].id as string };
    if (hits.length > 1) return { ok: false, ambiguous: true };
  }
  return { ok: false, ambiguous: false };
}

function readCategoryRef(rd: SheetReader, r: number, cols: Cols, path: Path, categories: Item[]) {
  const text = requiredText(rd, r, cols.get('category'), path, 'hạng mục');
  if (text === undefined) return undefined;
  const ref = resolveCategory(text, categories);
  if (ref.ok) return ref.id;
  if (ref.ambiguous) rd.fail({ r, c: cols.get('category')! }, `"${text}" trùng tên với nhiều hạng mục; ghi mã hạng mục`);
  return text; // unknown: the rubric's check names it
}

/** The input(s) a criterion reads: part and total for a ratio, otherwise one. */
function readInputRefs(rd: SheetReader, r: number, cols: Cols, kind: CriterionKind | undefined, path: Path) {
  const inputCol = cols.get('input');
  const totalCol = cols.get('total');
  if (kind === undefined || !isRatioKind(kind)) {
    if (kind !== undefined && !rd.isBlank(r, totalCol)) {
      rd.fail(
        { r, c: totalCol! },
        `chỉ tiêu chí tính "${kindWord('ratio')}" hoặc "${kindWord('ratioBands')}" mới có số liệu tổng; xóa ô này hoặc đổi cách tính`,
      );
    }
    return { input: requiredText(rd, r, inputCol, [...path, 'input'], 'mã số liệu') };
  }
  if (totalCol === undefined) {
    rd.fail({ r, c: cols.get('kind')! }, `tiêu chí tính "${kindWord(kind)}" cần cột "${columnName('criteria', 'total')}"`);
  }
  return {
    part: requiredText(rd, r, inputCol, [...path, 'part'], 'mã số liệu (tử số)'),
    total: requiredText(rd, r, totalCol, [...path, 'total'], 'mã số liệu tổng (mẫu số)'),
  };
}

/** "Điểm theo phương án": required for a choice, refused for any other kind. */
function readAnswers(rd: SheetReader, r: number, cols: Cols, kind: CriterionKind | undefined, path: Path) {
  const c = cols.get('answers');
  if (kind !== 'choice') {
    if (kind !== undefined && !rd.isBlank(r, c)) {
      rd.fail({ r, c: c! }, `chỉ tiêu chí tính "${kindWord('choice')}" mới có điểm theo phương án; xóa ô này hoặc đổi cách tính`);
    }
    return undefined;
  }
  if (c === undefined) {
    rd.fail({ r, c: cols.get('kind')! }, `tiêu chí tính "${kindWord('choice')}" cần cột "${columnName('criteria', 'answers')}"`);
    return undefined;
  }
  const text = requiredText(rd, r, c, path, 'điểm theo phương án (ví dụ Người đứng đầu: 100%; Cấp phó: 50%; Chưa có: 0%)');
  if (text === undefined) return undefined;
  const parsed = parseAnswerScores(text);
  if (!parsed.ok) {
    rd.fail({ r, c }, parsed.message);
    return undefined;
  }
  return parsed.items;
}

/** The cells of one criterion row that concern one tier. */
interface TierCells {
  r: number;
  tier: string;
  /** How the sheet names the tier: "cấp xã". */
  ref: string;
  cols: Cols;
}

/** How a criterion applies in one tier, or undefined when the tier does not use it (blank maximum). */
function readCriterionTier(rd: SheetReader, at: TierCells, kind: CriterionKind | undefined, path: Path): Item | undefined {
  const { r, tier, cols } = at;
  const maxCol = cols.get(`max.${tier}`)!;
  const naCol = cols.get(`na.${tier}`);
  const na = readYesNo(rd.value(r, naCol));
  if (naCol !== undefined && na === null) rd.fail({ r, c: naCol }, `"${rd.text(r, naCol)}" không rõ; ghi "Có" hoặc "Không"`);
  const maxText = normText(rd.text(r, maxCol));
  if (maxText === '' || NOT_USED_WORDS.has(maxText)) {
    checkUnusedTier(rd, at, na, kind);
    return undefined;
  }
  rd.place(path, r, maxCol);
  // Keys only when set: the rubric omits bands and allowNA where they do not apply.
  const out: Item = { max: readMax(rd, r, maxCol, kind, at.ref, [...path, 'max']) };
  if (kind === 'bands' || kind === 'ratioBands')
    out[kind === 'bands' ? 'bands' : 'percentBands'] = readTierBands(rd, at, kind, path);
  else if (kind !== undefined && !rd.isBlank(r, cols.get(`bands.${tier}`))) {
    rd.fail(
      { r, c: cols.get(`bands.${tier}`)! },
      `chỉ tiêu chí tính "${kindWord('bands')}" hoặc "${kindWord('ratioBands')}" mới có các mức; xóa ô này hoặc đổi cách tính`,
    );
  }
  if (na === true) out.allowNA = true;
  return compact(out);
}

/** The maximum of a scoring criterion; for a criterion scoring nothing, the cell only says the tier reads it. */
function readMax(rd: SheetReader, r: number, c: number, kind: CriterionKind | undefined, ref: string, path: Path) {
  rd.place(path, r, c);
  const v = rd.value(r, c);
  const read = readNumber(v);
  if (kind === 'info') {
    if (read.kind === 'number') {
      rd.fail(
        { r, c },
        `tiêu chí "${kindWord('info')}" không có điểm tối đa: ghi "${INFO_MAX_WORD}" ở cấp thu thập số liệu này, để trống ở cấp không thu thập`,
      );
    }
    return undefined;
  }
  if (read.kind === 'number') return read.value;
  if (kind === undefined) return undefined; // the kind's own problem is said
  const why =
    wordKey(cellText(v)) === wordKey(INFO_MAX_WORD)
      ? `"${cellText(v)}" chỉ dùng cho tiêu chí có cách tính "${kindWord('info')}"; ghi điểm tối đa ${ref} là một số`
      : notANumber(v, read.kind === 'bad' ? read.text : '');
  rd.fail({ r, c }, why);
  return undefined;
}

/** The bands of a tier: "≥200: 8; …" for "theo mức", "≥80%: 100%; …" for "tỷ lệ theo ngưỡng". */
function readTierBands(rd: SheetReader, at: TierCells, kind: 'bands' | 'ratioBands', path: Path) {
  const { r, tier, cols } = at;
  const c = cols.get(`bands.${tier}`);
  if (c === undefined) {
    rd.fail({ r, c: cols.get(`max.${tier}`)! }, `tiêu chí tính "${kindWord(kind)}" cần cột "Các mức ${at.ref}"`);
    return undefined;
  }
  const field = kind === 'bands' ? 'bands' : 'percentBands';
  rd.place([...path, field], r, c);
  const text = rd.text(r, c);
  if (text === '') return undefined; // the rubric's check says the bands are missing
  const parsed = kind === 'bands' ? parseBands(text) : parsePercentBands(text);
  if (!parsed.ok) {
    rd.fail({ r, c }, parsed.message);
    return undefined;
  }
  return parsed.items;
}

/** A tier that does not use the criterion must not give it bands or N/A either. */
function checkUnusedTier(
  rd: SheetReader,
  { r, tier, ref, cols }: TierCells,
  na: boolean | null,
  kind: CriterionKind | undefined,
): void {
  const unused =
    kind === 'info'
      ? `${ref} không thu thập số liệu của tiêu chí này (ô điểm tối đa để trống)`
      : `${ref} không dùng tiêu chí này (điểm tối đa để trống)`;
  const bandsCol = cols.get(`bands.${tier}`);
  if (!rd.isBlank(r, bandsCol)) rd.fail({ r, c: bandsCol! }, `${unused} nhưng lại ghi các mức; ghi điểm tối đa hoặc xóa các mức`);
  if (na === true)
    rd.fail({ r, c: cols.get(`na.${tier}`)! }, `${unused} nhưng lại cho phép KAD; ghi điểm tối đa hoặc ghi "Không"`);
}
