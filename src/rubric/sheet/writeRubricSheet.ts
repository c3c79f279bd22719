/**
 * A rubric written out as the "Tiêu chí" sheet (docs/trang-tieu-chi.md): what rubricFromGrid
 * reads back unchanged, laid out for staff to read and edit in Excel.
 */
import type { CellValue } from '../../sheet/grid';
import type { CriterionDef, Rubric } from '../schema';
import { RUBRIC_NOTES } from './notes';
import { resolveCategory } from './readCriteria';
import { answerScoresText, bandsText, percentBandsText } from './scoreText';
import { TierRefs } from './tierRefs';
import {
  COLUMNS,
  INFO_MAX_WORD,
  KIND_WORDS,
  RANK_WORDS,
  SHEET_TITLE,
  TIER_COLUMNS,
  TYPE_WORDS,
  TableId,
  KEYS,
  KeyId,
  sectionTitleText,
  tierColumnLabel,
} from './vocabulary';

const label = (key: KeyId) => KEYS[key].label;
const list = (items: string[] | undefined) => (items && items.length ? items.join('; ') : null);

/** What the "Hạng mục" cell of a criterion says: the short name when it reads back as the same category. */
function categoryLabel(id: string, categories: Rubric['categories']): string {
  const cat = categories.find((c) => c.id === id);
  if (!cat) return id;
  const back = resolveCategory(cat.short, categories);
  return back.ok && back.id === id ? cat.short : id;
}

function section(id: TableId, tiers: TierRefs, rows: CellValue[][]): CellValue[][] {
  const perTier = (TIER_COLUMNS[id] ?? []).flatMap((spec) => tiers.tiers.map((t) => tierColumnLabel(spec, tiers.refOf(t))));
  return [[sectionTitleText(id)], [...COLUMNS[id].map((c) => c.label), ...perTier], ...rows, []];
}

function tierRow(t: Rubric['tiers'][number], tiers: TierRefs): CellValue[] {
  const parent = t.groups?.parent;
  const parentTier = parent === undefined ? undefined : tiers.tiers.find((x) => x.id === parent);
  return [
    t.id,
    t.name,
    t.phrase,
    t.noun ?? null,
    t.audience ?? null,
    list(t.cellValues),
    list(t.sectionPhrases),
    list(t.kinds),
    list(t.groups?.words),
    t.groups?.title ?? null,
    parentTier ? tiers.refOf(parentTier) : (parent ?? null),
  ];
}

function criterionRow(c: CriterionDef, rubric: Rubric): CellValue[] {
  const [input, total] = c.kind === 'ratio' || c.kind === 'ratioBands' ? [c.part, c.total] : [c.input, null];
  const entries = rubric.tiers.map((t) => c.tiers[t.id]);
  const bands = (e: CriterionDef['tiers'][string]) =>
    c.kind === 'bands' && e.bands
      ? bandsText(e.bands)
      : c.kind === 'ratioBands' && e.percentBands
        ? percentBandsText(e.percentBands)
        : null;
  return [
    c.code,
    categoryLabel(c.category, rubric.categories),
    c.name,
    KIND_WORDS[c.kind][0],
    input,
    total,
    c.kind === 'choice' ? answerScoresText(c.answers) : null,
    ...entries.map((e) => (e ? (c.kind === 'info' ? INFO_MAX_WORD : (e.max ?? null)) : null)),
    ...entries.map((e) => (e ? bands(e) : null)),
    ...entries.map((e) => (e ? (e.allowNA ? 'Có' : 'Không') : null)),
  ];
}

/** The rubric as the sheet's rows, starting at A1. */
export function rubricToRows(rubric: Rubric): CellValue[][] {
  const tiers = new TierRefs(rubric.tiers);
  const d = rubric.decision;
  const rows: CellValue[][] = [
    [SHEET_TITLE],
    [label('id'), rubric.id],
    [label('name'), rubric.name],
    // Optional rows are written even when blank, so that staff see where they go.
    [label('note'), rubric.note ?? null],
    [label('rankBy'), rubric.rankBy ? RANK_WORDS[rubric.rankBy][0] : null],
    [label('subject'), d?.subject ?? null],
    [label('department'), d?.department ?? null],
    [label('province'), d?.province ?? null],
    [label('recipients'), d?.recipients ? d.recipients.join('\n') : null],
    [],
    ...section(
      'tiers',
      tiers,
      rubric.tiers.map((t) => tierRow(t, tiers)),
    ),
    ...section(
      'categories',
      tiers,
      rubric.categories.map((c) => [c.id, c.name, c.short, ...rubric.tiers.map((t) => c.max[t.id] ?? null)]),
    ),
    ...section(
      'inputs',
      tiers,
      rubric.inputs.map((i) => [i.code, i.name, TYPE_WORDS[i.type][0], list(i.answers)]),
    ),
    ...section(
      'criteria',
      tiers,
      rubric.criteria.map((c) => criterionRow(c, rubric)),
    ),
  ];
  // An empty rules section says "no extra rules"; no section says the rubric leaves them unsaid.
  if (rubric.rules)
    rows.push(
      ...section(
        'rules',
        tiers,
        rubric.rules.map((r) => [r.part, r.total]),
      ),
    );
  if (rubric.levels) {
    rows.push(
      ...section(
        'levels',
        tiers,
        rubric.levels.map((l) => [`Mức ${l.level}`, l.categoryThreshold, l.criterionMinimum]),
      ),
    );
  }
  if (rubric.grades)
    rows.push(
      ...section(
        'grades',
        tiers,
        rubric.grades.map((g) => [g.name, g.min]),
      ),
    );
  rows.push([sectionTitleText('notes')], ...RUBRIC_NOTES.map((n) => [n]));
  return rows;
}
