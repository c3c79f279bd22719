/**
 * The summary paragraph (docs/du-thao-quyet-dinh.md, "Đoạn tóm tắt"): the sentences the Steering
 * Committee's notice writes by hand, built from the result and worded from the rubric — the
 * 2018 notice's wording for a rubric with levels, one sentence per tier with the grade counts for
 * a rubric with grades, both when it has both, the counts and the extremes when it has neither.
 * Figures first (`summaryFigures`, built on the per-tier counts of ./tierCounts that the command
 * line and the task pane show), then one small function per sentence.
 */
import type { CompiledRubric, CompiledTier } from '../rubric/compiled';
import type { Tier } from '../rubric/schema';
import type { YearComparison } from '../scoring/compareYears';
import type { ScoreResult, UnitResult } from '../scoring/types';
import { formatCents } from '../scoring/viFormat';
import { normGroupName, normText } from '../sheet/normalize';
import { NOT_RANKED, levelName } from './levelWords';
import { shortfalls } from './shortfalls';
import { TierCounts, tierCounts } from './tierCounts';
import { wholePercent } from './wholePercent';

export interface CategoryRef {
  id: string;
  name: string;
}

/** A unit ranked in some categories but not all, with the levels it got. */
export interface PartlyRanked {
  unit: UnitResult;
  levels: { category: CategoryRef; level: number }[];
}

/** Units sharing the best (or the lowest) figure of a tier, in result order. */
export interface Extreme {
  units: UnitResult[];
  totalCents: number;
  percentHundredths: number;
  /**
   * Whole percent of the total over the tier's maximum (docs/du-thao-quyet-dinh.md, "Cách viết số
   * và tỷ lệ"; docs/cach-cham-diem.md, bước 6).
   */
  sharePercent: number;
}

export interface TierFigures {
  tier: Tier;
  compiled: CompiledTier;
  /** Every unit of the tier (missing and with errors included). */
  units: number;
  /** Units with status `scored`: the denominator of every count below. */
  scored: number;
  /** The tier's categories. */
  categories: CategoryRef[];
  /** Scored units ranked in no category ("Không xếp hạng" in all); rubrics with levels. */
  rankedInNone: number;
  /** Scored units ranked in every category that applies to them. */
  rankedInAll: number;
  partlyRanked: PartlyRanked[];
  /** Scored units per grade, best first (empty without grades). */
  grades: { name: string; count: number }[];
  /** The best unit(s) by the rubric's rank figure (ties: every unit with it, in result order). */
  best: Extreme | null;
  /** The lowest. */
  worst: Extreme | null;
}

export interface SummaryFigures {
  /** Every unit of the result, rows and listed units alike. */
  total: number;
  /** Result order. */
  missing: UnitResult[];
  /** Result order. */
  errors: UnitResult[];
  /** Units `scored` + `error`. */
  evaluated: number;
  /** Tiers that have at least one unit, in the rubric's order. */
  tiers: TierFigures[];
}

function rankedCategories(u: UnitResult): number {
  return u.categories.filter((c) => c.level !== null).length;
}

function applicableCategories(u: UnitResult): number {
  return u.categories.filter((c) => c.applicable).length;
}

/** The units with the highest (or lowest) figure the rubric ranks by. */
function extremeOf(scored: UnitResult[], rubric: CompiledRubric, tier: CompiledTier, highest: boolean): Extreme | null {
  const figure = (u: UnitResult) => (rubric.rankBy === 'percent' ? u.percentHundredths : u.totalCents);
  const withFigure = scored.filter((u) => figure(u) !== null && u.maxCents !== null);
  if (withFigure.length === 0) return null;
  const values = withFigure.map((u) => figure(u)!);
  const top = highest ? Math.max(...values) : Math.min(...values);
  const units = withFigure.filter((u) => figure(u) === top);
  const first = units[0];
  return {
    units,
    totalCents: first.totalCents!,
    percentHundredths: first.percentHundredths!,
    sharePercent: wholePercent(first.totalCents!, tier.maxCents),
  };
}

/** One tier's figures: its counts (./tierCounts), then who is partly ranked and the extremes. */
function figuresOfTier(result: ScoreResult, counts: TierCounts, tier: CompiledTier): TierFigures {
  const scored = result.units.filter((u) => u.tier === tier.id && u.status === 'scored');
  const categories = counts.categories.map((c) => ({ id: c.id, name: c.name }));
  const partlyRanked: PartlyRanked[] = [];
  let rankedInAll = 0;
  if (result.rubric.levels.length) {
    for (const u of scored) {
      const ranked = rankedCategories(u);
      if (ranked === 0) continue; // counted in notRankedInAll
      if (ranked === applicableCategories(u)) rankedInAll++;
      else partlyRanked.push({ unit: u, levels: levelsOf(u, categories) });
    }
  }
  return {
    tier: tier.id,
    compiled: tier,
    units: counts.units,
    scored: counts.scored,
    categories,
    rankedInNone: counts.notRankedInAll,
    rankedInAll,
    partlyRanked,
    grades: counts.grades,
    best: extremeOf(scored, result.rubric, tier, true),
    worst: extremeOf(scored, result.rubric, tier, false),
  };
}

function levelsOf(u: UnitResult, categories: CategoryRef[]): PartlyRanked['levels'] {
  const out: PartlyRanked['levels'] = [];
  for (const c of u.categories) {
    const category = categories.find((k) => k.id === c.id);
    if (c.level !== null && category) out.push({ category, level: c.level });
  }
  return out;
}

/** Tiers that have at least one unit, in the rubric's order (units of unknown tier left out). */
export function tierFigures(result: ScoreResult): TierFigures[] {
  return tierCounts(result)
    .filter((c) => c.tier !== null)
    .map((c) => figuresOfTier(result, c, result.rubric.tiers[c.tier!]));
}

export function summaryFigures(result: ScoreResult): SummaryFigures {
  return {
    total: result.units.length,
    missing: result.units.filter((u) => u.status === 'missing'),
    errors: result.units.filter((u) => u.status === 'error'),
    evaluated: result.units.filter((u) => u.status !== 'missing').length,
    tiers: tierFigures(result),
  };
}

// ---------------------------------------------------------------- names in the notice's style

/** "A", "A và B", "A, B và C". */
export function joinVi(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} và ${items[items.length - 1]}`;
}

const UBND = /^(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s*[:\-–]?\s*/iu;
/** Abbreviations of area words, written out in sentences. */
const ABBREVIATIONS: Record<string, string> = { 'tp.': 'thành phố', 'tx.': 'thị xã' };

/**
 * "UBND Xã Dương Quang" → { kind: "xã", bare: "Dương Quang" } for a tier whose units' names begin
 * with one of its kinds ("xã", "phường", "thị trấn"); kind null when not written.
 */
export function communeParts(name: string, kinds: readonly string[]): { kind: string | null; bare: string } {
  const t = name.normalize('NFC').trim().replace(UBND, '');
  const lower = normText(t);
  const kind = [...kinds]
    .map((k) => normText(k))
    .sort((a, b) => b.length - a.length)
    .find((k) => lower.startsWith(`${k} `));
  if (!kind) return { kind: null, bare: t };
  return { kind, bare: t.slice(kind.length).trim() };
}

/** "Thành phố Bắc Kạn" → "thành phố Bắc Kạn"; "TP. Bắc Kạn" → "thành phố Bắc Kạn". */
export function districtInSentence(district: string, words: readonly string[]): string {
  const t = district.normalize('NFC').trim().replace(UBND, '');
  const lower = normText(t);
  const word = words.find((w) => lower.startsWith(w) && (w.endsWith('.') || lower.charAt(w.length) === ' '));
  if (!word) return t;
  return `${ABBREVIATIONS[word] ?? word} ${t.slice(word.length).trim()}`;
}

/** How sentences name units: the notice's style for tiers whose units have kinds and areas. */
class Namer {
  constructor(private readonly rubric: CompiledRubric) {}

  private kinds(u: UnitResult): string[] {
    return (u.tier && this.rubric.tiers[u.tier]?.def.kinds) || [];
  }

  /** A unit as named in a sentence; units of a grouped tier with their area. */
  unit(u: UnitResult): string {
    return u.district ? `${u.name} - ${districtInSentence(u.district, this.rubric.groupWords)}` : u.name;
  }

  /** "Xã Dương Quang, Nông Thượng": the kind word only where it changes. */
  private kindList(units: UnitResult[]): string {
    let current: string | null = null;
    return units
      .map((u) => {
        const { kind, bare } = communeParts(u.name, this.kinds(u));
        const changed = kind !== current;
        current = kind;
        return kind && changed ? `${kind} ${bare}` : bare;
      })
      .join(', ');
  }

  /** "UBND xã Dương Quang, Nông Thượng - thành phố Bắc Kạn; UBND xã Chu Hương - huyện Ba Bể". */
  byArea(units: UnitResult[]): string {
    const groups = new Map<string, { district: string | null; units: UnitResult[] }>();
    for (const u of units) {
      const key = u.district ? normGroupName(u.district, this.rubric.groupWords) : '';
      const group = groups.get(key);
      if (group) group.units.push(u);
      else groups.set(key, { district: u.district, units: [u] });
    }
    return [...groups.values()]
      .map(
        (g) =>
          `UBND ${this.kindList(g.units)}${g.district ? ` - ${districtInSentence(g.district, this.rubric.groupWords)}` : ''}`,
      )
      .join('; ');
  }

  /** "13 xã, phường, thị trấn", or "2 xã" when they are all of one kind. */
  count(units: UnitResult[], tier: CompiledTier): string {
    const kinds = new Set(units.map((u) => communeParts(u.name, this.kinds(u)).kind));
    const only = kinds.size === 1 ? [...kinds][0] : null;
    return `${units.length} ${only ?? (tier.def.kinds ?? []).join(', ')}`;
  }
}

// ---------------------------------------------------------------- sentences

const NOT_RANKED_QUOTED = `“${NOT_RANKED}”`;

/** "hạng mục X", "cả 2 hạng mục", or "tất cả các hạng mục". */
function allCategories(count: number, only: CategoryRef | null): string {
  if (count === 1 && only) return `hạng mục ${only.name}`;
  return count === 2 ? 'cả 2 hạng mục' : 'tất cả các hạng mục';
}

/** "hạng mục X", "1 trong 2 hạng mục", or "bất kỳ hạng mục nào". */
function anyCategory(categories: CategoryRef[]): string {
  if (categories.length === 1) return `hạng mục ${categories[0].name}`;
  return categories.length === 2 ? '1 trong 2 hạng mục' : 'bất kỳ hạng mục nào';
}

function openingSentence(f: SummaryFigures, rubric: CompiledRubric, names: Namer): string {
  if (f.total === 0) return 'Không có đơn vị nào trong bảng tổng hợp.';
  if (f.missing.length === 0) return `Tất cả ${f.total} đơn vị đã gửi báo cáo.`;
  // Units of a tier with kinds ("xã, phường, thị trấn") are counted and listed the notice's way.
  const parts: string[] = [];
  const byKind = new Map<string, UnitResult[]>();
  for (const u of f.missing) {
    const tier = u.tier ? rubric.tiers[u.tier] : undefined;
    if (tier?.def.kinds?.length) {
      const list = byKind.get(tier.id);
      if (list) list.push(u);
      else byKind.set(tier.id, [u]);
    } else {
      parts.push(u.name);
    }
  }
  for (const [tier, units] of byKind) parts.push(`${names.count(units, rubric.tiers[tier])} (${names.byArea(units)})`);
  return `${f.missing.length}/${f.total} đơn vị không gửi báo cáo nên không thể đánh giá, gồm: ${joinVi(parts)}.`;
}

function errorsSentence(f: SummaryFigures, names: Namer): string | null {
  if (f.errors.length === 0) return null;
  // A name entered twice is itself an error; the row tells staff which of the two entries is meant.
  const named = f.errors.map((u) => names.unit(u));
  const listed = named.map((n, i) => {
    const row = f.errors[i].row;
    return named.indexOf(n) !== named.lastIndexOf(n) && row !== null ? `${n} (dòng ${row})` : n;
  });
  return `Có ${f.errors.length} đơn vị có số liệu cần sửa, chưa được tính: ${listed.join(', ')}.`;
}

/** How many categories "all categories" means across tiers: their common count, else 0. */
function commonCategoryCount(f: SummaryFigures): number {
  const counts = new Set(f.tiers.map((t) => t.categories.length));
  return counts.size === 1 ? [...counts][0] : 0;
}

function notRankedSentence(f: SummaryFigures): string | null {
  if (f.evaluated === 0) return null;
  const opening = `Trong số ${f.evaluated} đơn vị được đánh giá`;
  const count = commonCategoryCount(f);
  const all = allCategories(count, count === 1 ? (f.tiers[0]?.categories[0] ?? null) : null);
  const parts = f.tiers
    .filter((t) => t.scored > 0 && t.rankedInNone > 0)
    .map((t) => `${t.rankedInNone}/${t.scored} ${t.compiled.noun} (tỷ lệ ${wholePercent(t.rankedInNone, t.scored)}%)`);
  if (parts.length) return `${opening}, có ${parts.join(', ')} được đánh giá ${NOT_RANKED_QUOTED} đối với ${all}.`;
  if (f.tiers.some((t) => t.scored > 0))
    return `${opening}, không có đơn vị nào bị đánh giá ${NOT_RANKED_QUOTED} đối với ${all}.`;
  return `Có ${f.evaluated} đơn vị được đánh giá.`;
}

/** "Mức 4 đối với hạng mục Điều kiện sẵn sàng" (and more, joined by "và"). */
function levelsPhrase(p: PartlyRanked): string {
  return joinVi(p.levels.map((l) => `${levelName(l.level)} đối với hạng mục ${l.category.name}`));
}

function partlyRankedClause(t: TierFigures, names: Namer): string | null {
  const list = t.partlyRanked; // result order, as every list of names
  if (list.length === 0) return null;
  if (list.length === 1) {
    const p = list[0];
    const only = t.rankedInAll === 0 ? 'chỉ có ' : '';
    return `${only}${names.unit(p.unit)} được xếp ${levelsPhrase(p)}`;
  }
  const where = t.categories.length === 2 ? '1 trong 2 hạng mục' : 'một số hạng mục';
  const named = list.map((p) => `${names.unit(p.unit)} (${levelsPhrase(p)})`).join(', ');
  return `${list.length}/${t.scored} đơn vị được xếp hạng ở ${where}: ${named}`;
}

/** "đơn vị" even for communes: the best may be a phường or a thị trấn. */
function bestClause(t: TierFigures, names: Namer): string | null {
  if (!t.best) return null;
  const list = joinVi(t.best.units.map((u) => names.unit(u)));
  const tied = t.best.units.length > 1;
  const who = `${tied ? 'các ' : ''}đơn vị điểm cao nhất là ${list}`;
  return `${who}, ${tied ? 'cùng ' : ''}đạt ${formatCents(t.best.totalCents)} điểm (tương đương ${t.best.sharePercent}% tổng điểm)`;
}

/** The 2018 clauses for one tier, each only when it has something to say. */
function levelClauses(t: TierFigures, names: Namer): string[] {
  if (t.scored === 0) return ['không có đơn vị nào được chấm'];
  const clauses: (string | null)[] = [];
  const only = t.categories.length === 1 ? t.categories[0] : null;
  if (t.rankedInAll > 0) {
    const share = wholePercent(t.rankedInAll, t.scored);
    clauses.push(
      `${t.rankedInAll}/${t.scored} đơn vị được xếp hạng ở ${allCategories(t.categories.length, only)} (tỷ lệ ${share}%)`,
    );
  }
  clauses.push(partlyRankedClause(t, names));
  if (t.rankedInAll === 0 && t.partlyRanked.length === 0) {
    clauses.push(`không có đơn vị nào đủ điểm xếp hạng cho ${anyCategory(t.categories)}`);
  }
  clauses.push(bestClause(t, names));
  return clauses.filter((c): c is string => c !== null);
}

function levelSentence(t: TierFigures, names: Namer): string {
  return `Với ${t.compiled.phrase}, ${levelClauses(t, names).join('; ')}.`;
}

const percentText = (hundredths: number) => `${formatCents(hundredths)}%`;

/** "Sở A (96,04%)" or "Sở A và Sở B (cùng 96,04%)". */
function extremeText(e: Extreme, names: Namer): string {
  const list = joinVi(e.units.map((u) => names.unit(u)));
  return `${list} (${e.units.length > 1 ? 'cùng ' : ''}${percentText(e.percentHundredths)})`;
}

/** "cao nhất Sở A (96,04%), thấp nhất Sở B (41,20%)"; one unit alone is both. */
function extremesClause(t: TierFigures, names: Namer): string | null {
  if (!t.best || !t.worst) return null;
  if (t.scored === 1) return `đơn vị duy nhất được chấm là ${extremeText(t.best, names)}`;
  return `cao nhất ${extremeText(t.best, names)}, thấp nhất ${extremeText(t.worst, names)}`;
}

/** "Với cấp sở: 3/20 đơn vị (tỷ lệ 15%) xếp loại Tốt, 9/20 (45%) Khá, …; cao nhất …, thấp nhất …". */
function gradeSentence(t: TierFigures, names: Namer): string {
  if (t.scored === 0) return `Với ${t.compiled.phrase}, không có đơn vị nào được chấm.`;
  const counts = t.grades.map((g, i) =>
    i === 0
      ? `${g.count}/${t.scored} đơn vị (tỷ lệ ${wholePercent(g.count, t.scored)}%) xếp loại ${g.name}`
      : `${g.count}/${t.scored} (${wholePercent(g.count, t.scored)}%) ${g.name}`,
  );
  const extremes = extremesClause(t, names);
  return `Với ${t.compiled.phrase}: ${counts.join(', ')}${extremes ? `; ${extremes}` : ''}.`;
}

/** Neither levels nor grades: how many were scored, and the extremes. */
function plainSentence(t: TierFigures, names: Namer): string {
  if (t.scored === 0) return `Với ${t.compiled.phrase}, không có đơn vị nào được chấm.`;
  const extremes = extremesClause(t, names);
  return `Với ${t.compiled.phrase}: ${t.scored}/${t.units} đơn vị được chấm${extremes ? `; ${extremes}` : ''}.`;
}

// ---------------------------------------------------------------- change since last year

/** "3 đơn vị lên mức, 1 đơn vị xuống mức" for one category, or null when nobody moved. */
function movesPhrase(up: number, down: number): string | null {
  const parts = [up ? `${up} đơn vị lên mức` : null, down ? `${down} đơn vị xuống mức` : null].filter((p) => p !== null);
  return parts.length ? parts.join(', ') : null;
}

/** Per tier, who moved up or down a level in each category (docs/tham-dinh.md, "Đếm lên mức, xuống mức"). */
function movesSentences(c: YearComparison, rubric: CompiledRubric): string[] {
  const since = c.year ? `so với năm ${c.year}` : 'so với năm trước';
  return c.moves.map((m) => {
    const tier = rubric.tiers[m.tier];
    const parts = tier.categories
      .map((cat) => {
        const phrase = movesPhrase(m.up[cat.id]?.length ?? 0, m.down[cat.id]?.length ?? 0);
        return phrase ? `hạng mục ${cat.name} có ${phrase}` : null;
      })
      .filter((p): p is string => p !== null);
    const body = parts.length ? parts.join('; ') : 'không có đơn vị nào thay đổi mức xếp hạng';
    return `Với ${tier.phrase}, ${since}: ${body}.`;
  });
}

/** Units that could not be matched with last year's, listed rather than guessed. */
function unmatchedSentence(c: YearComparison, names: Namer): string | null {
  const parts: string[] = [];
  if (c.unmatchedCurrent.length) {
    parts.push(
      `năm nay có ${c.unmatchedCurrent.map((u) => names.unit(u)).join(', ')} không đối chiếu được với kết quả năm trước`,
    );
  }
  if (c.unmatchedPrevious.length) {
    parts.push(`kết quả năm trước có ${c.unmatchedPrevious.map((p) => p.name).join(', ')} không có trong bảng năm nay`);
  }
  return parts.length ? `Chưa so sánh được: ${parts.join('; ')}.` : null;
}

/** How many of the weakest criteria a tier's sentence names. */
const WEAKEST = 3;

/**
 * Per tier, the criteria that hold it back, weakest first (docs/lo-trinh.md, "Tiêu chí còn yếu"):
 * "Với cấp xã, các tiêu chí còn yếu nhất là Tỷ lệ hồ sơ trực tuyến mức 3, 4 (bình quân đạt 8%
 * điểm tối đa; 95/109 đơn vị dưới mức tối thiểu), …".
 */
function weakestSentences(result: ScoreResult): string[] {
  return shortfalls(result).map((t) => {
    const named = t.criteria
      .slice(0, WEAKEST)
      .map((c) => `${c.name} (bình quân đạt ${c.averagePercent}% điểm tối đa; ${c.under}/${c.counted} đơn vị ${t.underWhat})`);
    const which = named.length > 1 ? 'các tiêu chí còn yếu nhất là' : 'tiêu chí còn yếu nhất là';
    return `Với ${t.phrase}, ${which} ${joinVi(named)}.`;
  });
}

/**
 * The sentences in order: missing units, units with errors, then per tier the levels (2018
 * wording) and the grades, the weakest criteria, then the change since last year.
 */
export function summarySentences(result: ScoreResult): string[] {
  const rubric = result.rubric;
  const names = new Namer(rubric);
  const f = summaryFigures(result);
  const hasLevels = rubric.levels.length > 0;
  const hasGrades = rubric.grades.length > 0;
  const sentences = [
    openingSentence(f, rubric, names),
    errorsSentence(f, names),
    hasLevels ? notRankedSentence(f) : null,
    ...(hasLevels ? f.tiers.map((t) => levelSentence(t, names)) : []),
    ...(hasGrades ? f.tiers.map((t) => gradeSentence(t, names)) : []),
    ...(!hasLevels && !hasGrades ? f.tiers.map((t) => plainSentence(t, names)) : []),
    ...weakestSentences(result),
    ...(result.comparison && hasLevels ? movesSentences(result.comparison, rubric) : []),
    result.comparison ? unmatchedSentence(result.comparison, names) : null,
  ];
  return sentences.filter((s): s is string => s !== null);
}

export function summaryParagraph(result: ScoreResult): string {
  return summarySentences(result).join(' ');
}
