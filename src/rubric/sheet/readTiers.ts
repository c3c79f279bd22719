/**
 * The "CẤP ĐÁNH GIÁ" section (docs/trang-tieu-chi.md): the tiers the rubric evaluates, with the
 * words that name them in sentences and recognise them in the summary table. A sheet of the
 * first layout has no such section and takes the three tiers of the 2018 rubric.
 */
import { BAC_KAN_2018 } from '../builtin';
import { a1 } from '../../sheet/grid';
import { normText } from '../../sheet/normalize';
import { SectionTable } from './layout';
import { SheetReader, compact, optionalList, optionalText, requiredText } from './sheetReader';
import { TierRefs } from './tierRefs';

export interface TiersRead {
  /** The tiers as read (possibly incomplete: the rubric's check names what is wrong). */
  tiers: Record<string, unknown>[];
  refs: TierRefs;
}

/** The tiers of a sheet without "CẤP ĐÁNH GIÁ": those of the built-in 2018 rubric. */
export function legacyTiers(): TiersRead {
  const tiers = structuredClone(BAC_KAN_2018.tiers);
  return { tiers, refs: new TierRefs(tiers, false) };
}

export function readTiers(rd: SheetReader, { cols, items }: SectionTable): TiersRead {
  const tiers = items.map((r, i) => {
    const path = ['tiers', i];
    rd.place(path, r, cols.get('id')!);
    const list = (field: string, key: string, what: string) => {
      const items = optionalList(rd, r, cols.get(field), [...path, key]);
      if (!items) requiredText(rd, r, cols.get(field), [...path, key], what); // says it is missing
      return items;
    };
    const tier: Record<string, unknown> = {
      id: requiredText(rd, r, cols.get('id'), [...path, 'id'], 'mã cấp'),
      name: requiredText(rd, r, cols.get('name'), [...path, 'name'], 'tên cấp'),
      phrase: requiredText(rd, r, cols.get('phrase'), [...path, 'phrase'], 'cách gọi trong câu'),
      noun: optionalText(rd, r, cols.get('noun'), [...path, 'noun']),
      audience: optionalText(rd, r, cols.get('audience'), [...path, 'audience']),
      kinds: optionalList(rd, r, cols.get('kinds'), [...path, 'kinds']),
      cellValues: list('cellValues', 'cellValues', 'giá trị cột "Cấp" của cấp này'),
      sectionPhrases: list('sectionPhrases', 'sectionPhrases', 'cụm từ dòng mục của cấp này'),
    };
    return compact(tier);
  });
  checkTierWords(rd, tiers, items, cols);
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const named = tiers.flatMap((t) => (typeof t.id === 'string' ? [{ id: t.id, name: str(t.name), phrase: str(t.phrase) }] : []));
  const refs = new TierRefs(named);
  // Groups last: "Cấp của nhóm" names another tier.
  items.forEach((r, i) => {
    const groups = readGroups(rd, r, cols, ['tiers', i, 'groups'], refs, tiers[i].id);
    if (groups) tiers[i].groups = groups;
  });
  return { tiers, refs };
}

/** Rows grouped under area rows: present when any of its three cells is filled. */
function readGroups(
  rd: SheetReader,
  r: number,
  cols: Map<string, number>,
  path: (string | number)[],
  refs: TierRefs,
  ownId: unknown,
) {
  const filled = ['groupWords', 'groupTitle', 'groupParent'].filter((f) => !rd.isBlank(r, cols.get(f)));
  if (filled.length === 0) return undefined;
  rd.place(path, r, cols.get(filled[0])!);
  const words = optionalList(rd, r, cols.get('groupWords'), [...path, 'words']);
  if (!words && cols.has('groupWords')) requiredText(rd, r, cols.get('groupWords'), [...path, 'words'], 'từ mở đầu dòng nhóm');
  const title = cols.has('groupTitle')
    ? requiredText(rd, r, cols.get('groupTitle'), [...path, 'title'], 'tên cột nhóm')
    : undefined;
  const parentText = optionalText(rd, r, cols.get('groupParent'), [...path, 'parent']);
  let parent: string | undefined;
  if (parentText !== undefined) {
    const id = refs.resolve(parentText);
    const at = { r, c: cols.get('groupParent')! };
    if (id === 'ambiguous') rd.fail(at, `"${parentText}" trùng với nhiều cấp; ghi mã cấp`);
    else if (id === null) rd.fail(at, `"${parentText}" không phải cấp nào của bộ tiêu chí; ${refs.describe()}`);
    else if (id === ownId) rd.fail(at, `cấp của nhóm phải là một cấp khác (cấp có đơn vị đứng ở dòng nhóm), hoặc để trống`);
    else parent = id;
  }
  if (!cols.has('groupWords') || !cols.has('groupTitle')) {
    const missing = !cols.has('groupWords') ? 'Từ mở đầu dòng nhóm' : 'Tên cột nhóm';
    rd.fail({ r, c: cols.get(filled[0])! }, `cấp có dòng nhóm cần thêm cột "${missing}" ở phần "CẤP ĐÁNH GIÁ"`);
  }
  return compact({ words, title, parent });
}

/**
 * A "Cấp" value or a section phrase belongs to one tier only; said here with both cells, in
 * the sheet's words (the rubric's own check says it by tier id).
 */
function checkTierWords(rd: SheetReader, tiers: Record<string, unknown>[], rows: number[], cols: Map<string, number>): void {
  for (const [field, what] of [
    ['cellValues', 'Giá trị cột “Cấp”'],
    ['sectionPhrases', 'Cụm từ dòng mục'],
  ] as const) {
    const owner = new Map<string, number>();
    tiers.forEach((t, i) => {
      const words = Array.isArray(t[field]) ? (t[field] as string[]) : [];
      for (const w of words) {
        const first = owner.get(normText(w));
        if (first !== undefined && first !== i) {
          const other = tiers[first];
          rd.fail(
            { r: rows[i], c: cols.get(field)! },
            `${what} "${w}" đã dùng cho cấp "${String(other.name ?? other.id)}" (ô ${a1(rows[first], cols.get(field)!)}); mỗi giá trị chỉ thuộc một cấp`,
          );
        }
        if (first === undefined) owner.set(normText(w), i);
      }
    });
  }
}
