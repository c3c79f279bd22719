/**
 * The summary paragraph (decision-draft.md, "The summary"): the sentences the Steering
 * Committee's notice writes by hand, built from the result. Figures first (`summaryFigures`,
 * also for the task pane), then one small function per sentence.
 */
import { TIERS, TIER_WORDS, type Tier } from '../rubric/schema';
import type { YearComparison } from '../scoring/compareYears';
import type { ScoreResult, UnitResult } from '../scoring/types';
import { formatCents } from '../scoring/viFormat';
import { roundHalfUp } from '../sheet/decimal';
import { normDistrictName } from '../sheet/normalize';

export interface CategoryRef {
  id: string;
  name: string;
}

/** A unit ranked in some categories but not all, with the levels it got. */
export interface PartlyRanked {
  unit: UnitResult;
  levels: { category: CategoryRef; level: number }[];
}

export interface TierFigures {
  tier: Tier;
  /** Every unit of the tier (missing and with errors included). */
  units: number;
  missing: number;
  errors: number;
  /** Units with status `scored`: the denominator of every count below. */
  scored: number;
  /** Scored units ranked in no category ("Không xếp hạng" in all). */
  rankedInNone: number;
  /** Scored units ranked in every category that applies to them. */
  rankedInAll: number;
  partlyRanked: PartlyRanked[];
  /** The best total among scored units (ties: every unit with it, in result order). */
  best: { units: UnitResult[]; totalCents: number; maxCents: number; sharePercent: number } | null;
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
  categories: CategoryRef[];
  /** Tiers that have at least one unit, in tier order. */
  tiers: TierFigures[];
}

/** roundHalfUp(100 · a / b) from exact whole numbers (rubric.md, step 6). */
export function wholePercent(a: number, b: number): number {
  return Number(roundHalfUp(BigInt(a) * 100n, BigInt(b)));
}

function rankedCategories(u: UnitResult): number {
  return u.categories.filter((c) => c.level !== null).length;
}

function applicableCategories(u: UnitResult): number {
  return u.categories.filter((c) => c.applicable).length;
}

function bestOf(scored: UnitResult[], maxCents: number): TierFigures['best'] {
  const withTotal = scored.filter((u) => u.totalCents !== null);
  if (withTotal.length === 0) return null;
  const top = Math.max(...withTotal.map((u) => u.totalCents!));
  return {
    units: withTotal.filter((u) => u.totalCents === top),
    totalCents: top,
    maxCents,
    sharePercent: wholePercent(top, maxCents),
  };
}

function figuresOfTier(result: ScoreResult, tier: Tier, categories: CategoryRef[]): TierFigures | null {
  const units = result.units.filter((u) => u.tier === tier);
  if (units.length === 0) return null;
  const scored = units.filter((u) => u.status === 'scored');
  const partlyRanked: PartlyRanked[] = [];
  let rankedInNone = 0;
  let rankedInAll = 0;
  for (const u of scored) {
    const ranked = rankedCategories(u);
    if (ranked === 0) rankedInNone++;
    else if (ranked === applicableCategories(u)) rankedInAll++;
    else partlyRanked.push({ unit: u, levels: levelsOf(u, categories) });
  }
  return {
    tier,
    units: units.length,
    missing: units.filter((u) => u.status === 'missing').length,
    errors: units.filter((u) => u.status === 'error').length,
    scored: scored.length,
    rankedInNone,
    rankedInAll,
    partlyRanked,
    best: bestOf(scored, result.rubric.tiers[tier].maxCents),
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

export function tierFigures(result: ScoreResult): TierFigures[] {
  const categories = categoryRefs(result);
  return TIERS.map((t) => figuresOfTier(result, t, categories)).filter((f): f is TierFigures => f !== null);
}

function categoryRefs(result: ScoreResult): CategoryRef[] {
  return result.rubric.rubric.categories.map((c) => ({ id: c.id, name: c.name }));
}

export function summaryFigures(result: ScoreResult): SummaryFigures {
  return {
    total: result.units.length,
    missing: result.units.filter((u) => u.status === 'missing'),
    errors: result.units.filter((u) => u.status === 'error'),
    evaluated: result.units.filter((u) => u.status !== 'missing').length,
    categories: categoryRefs(result),
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
const COMMUNE_KIND = /^(xã|phường|thị trấn)\s+/iu;
const DISTRICT_WORD = /^(huyện|thành phố|thị xã|tp\.|tx\.)\s*/iu;

/** "UBND Xã Dương Quang" → { kind: "xã", bare: "Dương Quang" }; kind null when not written. */
export function communeParts(name: string): { kind: string | null; bare: string } {
  const t = name.normalize('NFC').trim().replace(UBND, '');
  const m = COMMUNE_KIND.exec(t);
  if (!m) return { kind: null, bare: t };
  return { kind: m[1].toLocaleLowerCase('vi'), bare: t.slice(m[0].length).trim() };
}

/** "Thành phố Bắc Kạn" → "thành phố Bắc Kạn"; "TP. Bắc Kạn" → "thành phố Bắc Kạn". */
export function districtInSentence(district: string): string {
  const t = district.normalize('NFC').trim().replace(UBND, '');
  const m = DISTRICT_WORD.exec(t);
  if (!m) return t;
  const word = m[1].toLocaleLowerCase('vi');
  const full = word === 'tp.' ? 'thành phố' : word === 'tx.' ? 'thị xã' : word;
  return `${full} ${t.slice(m[0].length).trim()}`;
}

/** "Xã Dương Quang, Nông Thượng": the kind word only where it changes. */
function communeList(units: UnitResult[]): string {
  let current: string | null = null;
  const items = units.map((u) => {
    const { kind, bare } = communeParts(u.name);
    const changed = kind !== current;
    current = kind;
    return kind && changed ? `${kind} ${bare}` : bare;
  });
  return items.join(', ');
}

/** Communes grouped by district, groups in order of first appearance. */
function groupByDistrict(units: UnitResult[]): { district: string | null; units: UnitResult[] }[] {
  const groups = new Map<string, { district: string | null; units: UnitResult[] }>();
  for (const u of units) {
    const key = u.district ? normDistrictName(u.district) : '';
    const group = groups.get(key);
    if (group) group.units.push(u);
    else groups.set(key, { district: u.district, units: [u] });
  }
  return [...groups.values()];
}

/** "UBND xã Dương Quang, Nông Thượng - thành phố Bắc Kạn; UBND xã Chu Hương - huyện Ba Bể". */
export function communesByDistrict(units: UnitResult[]): string {
  return groupByDistrict(units)
    .map((g) => `UBND ${communeList(g.units)}${g.district ? ` - ${districtInSentence(g.district)}` : ''}`)
    .join('; ');
}

/** "13 xã, phường, thị trấn", or "2 xã" when they are all of one kind. */
function communeCount(units: UnitResult[]): string {
  const kinds = new Set(units.map((u) => communeParts(u.name).kind));
  const only = kinds.size === 1 ? [...kinds][0] : null;
  return `${units.length} ${only ?? 'xã, phường, thị trấn'}`;
}

/** A unit as named in a sentence; communes with their district. */
function unitInSentence(u: UnitResult): string {
  return u.tier === 'commune' && u.district ? `${u.name} - ${districtInSentence(u.district)}` : u.name;
}

// ---------------------------------------------------------------- sentences

/** What the counts count, as the notice says it ("11/19 đơn vị cấp tỉnh", "109/109 xã"). */
const TIER_NOUN: Record<Tier, string> = { province: 'đơn vị cấp tỉnh', district: 'đơn vị cấp huyện', commune: 'xã' };

const NOT_RANKED = '“Không xếp hạng”';

/** "cả 2 hạng mục", or the category's name when the rubric has one. */
function allCategories(categories: CategoryRef[]): string {
  return categories.length === 1 ? `hạng mục ${categories[0].name}` : `cả ${categories.length} hạng mục`;
}

/** "1 trong 2 hạng mục", or the category's name when the rubric has one. */
function anyCategory(categories: CategoryRef[]): string {
  return categories.length === 1 ? `hạng mục ${categories[0].name}` : `1 trong ${categories.length} hạng mục`;
}

function openingSentence(f: SummaryFigures): string {
  if (f.total === 0) return 'Không có đơn vị nào trong bảng tổng hợp.';
  if (f.missing.length === 0) return `Tất cả ${f.total} đơn vị đã gửi báo cáo.`;
  const communes = f.missing.filter((u) => u.tier === 'commune');
  const others = f.missing.filter((u) => u.tier !== 'commune').map((u) => u.name);
  const communePart = communes.length ? `${communeCount(communes)} (${communesByDistrict(communes)})` : null;
  const list = joinVi(communePart ? [...others, communePart] : others);
  return `${f.missing.length}/${f.total} đơn vị không gửi báo cáo nên không thể đánh giá, gồm: ${list}.`;
}

function errorsSentence(f: SummaryFigures): string | null {
  if (f.errors.length === 0) return null;
  return `Có ${f.errors.length} đơn vị có số liệu cần sửa, chưa được tính: ${f.errors.map(unitInSentence).join(', ')}.`;
}

function notRankedSentence(f: SummaryFigures): string | null {
  if (f.evaluated === 0) return null;
  const opening = `Trong số ${f.evaluated} đơn vị được đánh giá`;
  const parts = f.tiers
    .filter((t) => t.scored > 0 && t.rankedInNone > 0)
    .map((t) => `${t.rankedInNone}/${t.scored} ${TIER_NOUN[t.tier]} (tỷ lệ ${wholePercent(t.rankedInNone, t.scored)}%)`);
  if (parts.length) {
    return `${opening}, có ${parts.join(', ')} được đánh giá ${NOT_RANKED} đối với ${allCategories(f.categories)}.`;
  }
  if (f.tiers.some((t) => t.scored > 0)) {
    return `${opening}, không có đơn vị nào bị đánh giá ${NOT_RANKED} đối với ${allCategories(f.categories)}.`;
  }
  return `Có ${f.evaluated} đơn vị được đánh giá.`;
}

/** "Mức 4 đối với hạng mục Điều kiện sẵn sàng" (and more, joined by "và"). */
function levelsPhrase(p: PartlyRanked): string {
  return joinVi(p.levels.map((l) => `Mức ${l.level} đối với hạng mục ${l.category.name}`));
}

function partlyRankedClause(t: TierFigures, categories: CategoryRef[]): string | null {
  const list = t.partlyRanked; // result order, as every list of names
  if (list.length === 0) return null;
  if (list.length === 1) {
    const p = list[0];
    const only = t.rankedInAll === 0 ? 'chỉ có ' : '';
    return `${only}${unitInSentence(p.unit)} được xếp ${levelsPhrase(p)}`;
  }
  const where = categories.length === 2 ? '1 trong 2 hạng mục' : 'một số hạng mục';
  const named = list.map((p) => `${unitInSentence(p.unit)} (${levelsPhrase(p)})`).join(', ');
  return `${list.length}/${t.scored} đơn vị được xếp hạng ở ${where}: ${named}`;
}

/** "đơn vị" even for communes: the best may be a phường or a thị trấn. */
function bestClause(t: TierFigures): string | null {
  if (!t.best) return null;
  const names = joinVi(t.best.units.map(unitInSentence));
  const tied = t.best.units.length > 1;
  const who = `${tied ? 'các ' : ''}đơn vị điểm cao nhất là ${names}`;
  return `${who}, ${tied ? 'cùng ' : ''}đạt ${formatCents(t.best.totalCents)} điểm (tương đương ${t.best.sharePercent}% tổng điểm)`;
}

/** Clauses for one tier, each only when it has something to say. */
function tierClauses(t: TierFigures, categories: CategoryRef[]): string[] {
  if (t.scored === 0) return ['không có đơn vị nào được chấm'];
  const clauses: (string | null)[] = [];
  if (t.rankedInAll > 0) {
    const share = wholePercent(t.rankedInAll, t.scored);
    clauses.push(`${t.rankedInAll}/${t.scored} đơn vị được xếp hạng ở ${allCategories(categories)} (tỷ lệ ${share}%)`);
  }
  clauses.push(partlyRankedClause(t, categories));
  if (t.rankedInAll === 0 && t.partlyRanked.length === 0) {
    clauses.push(`không có đơn vị nào đủ điểm xếp hạng cho ${anyCategory(categories)}`);
  }
  clauses.push(bestClause(t));
  return clauses.filter((c): c is string => c !== null);
}

function tierSentence(t: TierFigures, categories: CategoryRef[]): string {
  return `Với ${TIER_WORDS[t.tier]}, ${tierClauses(t, categories).join('; ')}.`;
}

// ---------------------------------------------------------------- change since last year

/** "3 đơn vị lên mức, 1 đơn vị xuống mức" for one category, or null when nobody moved. */
function movesPhrase(up: number, down: number): string | null {
  const parts = [up ? `${up} đơn vị lên mức` : null, down ? `${down} đơn vị xuống mức` : null].filter((p) => p !== null);
  return parts.length ? parts.join(', ') : null;
}

/** Per tier, who moved up or down a level in each category (appraisal.md: counted per category). */
function movesSentences(c: YearComparison, categories: CategoryRef[]): string[] {
  const since = c.year ? `so với năm ${c.year}` : 'so với năm trước';
  return c.moves.map((m) => {
    const parts = categories
      .map((cat) => {
        const phrase = movesPhrase(m.up[cat.id]?.length ?? 0, m.down[cat.id]?.length ?? 0);
        return phrase ? `hạng mục ${cat.name} có ${phrase}` : null;
      })
      .filter((p): p is string => p !== null);
    const body = parts.length ? parts.join('; ') : 'không có đơn vị nào thay đổi mức xếp hạng';
    return `Với ${TIER_WORDS[m.tier]}, ${since}: ${body}.`;
  });
}

/** Units that could not be matched with last year's, listed rather than guessed. */
function unmatchedSentence(c: YearComparison): string | null {
  const parts: string[] = [];
  if (c.unmatchedCurrent.length) {
    parts.push(`năm nay có ${c.unmatchedCurrent.map(unitInSentence).join(', ')} không đối chiếu được với kết quả năm trước`);
  }
  if (c.unmatchedPrevious.length) {
    parts.push(`kết quả năm trước có ${c.unmatchedPrevious.map((p) => p.name).join(', ')} không có trong bảng năm nay`);
  }
  return parts.length ? `Chưa so sánh được: ${parts.join('; ')}.` : null;
}

/** The sentences in order: missing units, units with errors, not ranked, one per tier, then the change since last year. */
export function summarySentences(result: ScoreResult): string[] {
  const f = summaryFigures(result);
  const sentences = [
    openingSentence(f),
    errorsSentence(f),
    notRankedSentence(f),
    ...f.tiers.map((t) => tierSentence(t, f.categories)),
    ...(result.comparison ? movesSentences(result.comparison, f.categories) : []),
    result.comparison ? unmatchedSentence(result.comparison) : null,
  ];
  return sentences.filter((s): s is string => s !== null);
}

export function summaryParagraph(result: ScoreResult): string {
  return summarySentences(result).join(' ');
}
