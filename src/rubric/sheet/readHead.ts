/**
 * The rows at the top of the "Tiêu chí" sheet, one label and its value (docs/trang-tieu-chi.md,
 * "Phần đầu trang"): the rubric's id, name and note, the rank rule, and the words of the decision.
 */
import { BAC_KAN_2018 } from '../builtin';
import { Layout } from './layout';
import { SheetReader, compact, requiredText, splitList } from './sheetReader';
import { DECISION_KEYS, KEYS, KeyId, RANK_WORDS, suggestWords, wordKey, wordLookup } from './vocabulary';

const RANK_BY_WORD = wordLookup(RANK_WORDS);

/** What the value cell of a decision row holds, for messages. */
const WHAT = {
  subject: 'nội dung đánh giá trong tên quyết định',
  department: 'tên cơ quan trình quyết định',
  province: 'tên tỉnh',
};

export interface Head {
  id?: string;
  name?: string;
  note?: string;
  rankBy?: 'total' | 'percent';
  decision?: Record<string, unknown>;
}

/** The value cell of a key row, with its path placed; undefined when the row is absent. */
function keyCell(rd: SheetReader, layout: Layout, key: KeyId, path: (string | number)[]) {
  const at = layout.keys[key];
  if (!at) return undefined;
  rd.place(path, at.value.r, at.value.c);
  return at.value;
}

function missingRow(key: KeyId, what: string): string {
  const label = KEYS[key].label;
  return `thiếu dòng "${label}" (ô đầu dòng ghi "${label}", ô bên cạnh ghi ${what})`;
}

/**
 * `legacy`: a sheet of the first layout, written before rubrics declared their tiers; what it
 * cannot say (the rank rule, the decision's words) is that of the 2018 rubric it was made from.
 */
export function readHead(rd: SheetReader, layout: Layout, legacy: boolean): Head {
  const head: Head = {};
  for (const [key, what] of [
    ['id', 'mã bộ tiêu chí'],
    ['name', 'tên bộ tiêu chí'],
  ] as const) {
    const at = keyCell(rd, layout, key, [key]);
    if (!at) rd.fail(null, missingRow(key, what));
    else head[key] = requiredText(rd, at.r, at.c, [key], what);
  }
  const note = keyCell(rd, layout, 'note', ['note']);
  if (note) head.note = rd.text(note.r, note.c) || undefined;
  head.rankBy = readRankBy(rd, layout) ?? (legacy ? 'total' : undefined);
  head.decision = readDecision(rd, layout) ?? (legacy ? structuredClone(BAC_KAN_2018.decision) : undefined);
  return compact(head as Record<string, unknown>) as Head;
}

function readRankBy(rd: SheetReader, layout: Layout): 'total' | 'percent' | undefined {
  const at = keyCell(rd, layout, 'rankBy', ['rankBy']);
  if (!at) return undefined;
  const text = rd.text(at.r, at.c);
  if (text === '') return undefined;
  const rank = RANK_BY_WORD.get(wordKey(text));
  if (!rank) rd.fail(at, `"${text}" không rõ; ghi "Xếp thứ hạng theo" là một trong: ${suggestWords(RANK_WORDS)}`);
  return rank;
}

/** The decision's words: all absent, or subject, department and province together (and recipients if any). */
function readDecision(rd: SheetReader, layout: Layout): Record<string, unknown> | undefined {
  const cells = Object.fromEntries(DECISION_KEYS.map((k) => [k, keyCell(rd, layout, k, ['decision', k])]));
  const given = DECISION_KEYS.filter((k) => cells[k] && rd.text(cells[k].r, cells[k].c) !== '');
  if (given.length === 0) return undefined;
  const need = `các dòng "${KEYS.subject.label}", "${KEYS.department.label}" và "${KEYS.province.label}" đi cùng nhau: ghi đủ cả ba hoặc để trống tất cả`;
  const out: Record<string, unknown> = {};
  for (const key of ['subject', 'department', 'province'] as const) {
    const at = cells[key];
    if (!at) {
      rd.fail(null, `${missingRow(key, WHAT[key])}; ${need}`);
      continue;
    }
    out[key] = rd.text(at.r, at.c) || undefined;
    if (out[key] === undefined) rd.fail(at, `chưa ghi ${KEYS[key].label.toLowerCase()}; ${need}`);
  }
  const recipients = cells.recipients;
  if (recipients) {
    // One recipient per line: each usually ends with ";" itself.
    const lines = splitList(rd.text(recipients.r, recipients.c), true);
    lines.forEach((_, j) => rd.place(['decision', 'recipients', j], recipients.r, recipients.c));
    if (lines.length) out.recipients = lines;
  }
  return compact(out);
}
