/**
 * A validated rubric turned into what scoring needs per tier: maxima in whole cents, bands in
 * cents, the inputs each tier reads, the consistency rules, which inputs may be N/A, and how the
 * sheet names each tier (docs/cach-cham-diem.md, docs/bang-tong-hop.md).
 */
import { decimalFromNumber, exactCents } from '../sheet/decimal';
import { normLabel, normText } from '../sheet/normalize';
import { AnswerIndex, answerKey } from '../sheet/typedValues';
import { CriterionDef, GradeDef, InputDef, LevelDef, Rubric, TierDef, Tier, criterionInputs, maximaMayDiffer } from './schema';

export interface CompiledCriterion {
  def: CriterionDef;
  code: string;
  category: string;
  /** Input codes as the rubric's inputs spell them (ratio: part, total). */
  inputs: string[];
  /** Their positions in rubric.inputs. */
  inputIndexes: number[];
  /** 0 for info criteria, which score nothing. */
  maxCents: number;
  /** Whether the criterion scores (every kind but info). */
  scores: boolean;
  bands: { min: bigint; cents: number }[];
  /** ratioBands: bounds and whole percents of the maximum, highest first. */
  percentBands: { min: bigint; percent: number }[];
  /** choice: whole percent of the maximum per answer index of the input. */
  answerPercents: number[];
  allowNA: boolean;
}

export interface CompiledCategory {
  id: string;
  name: string;
  short: string;
  maxCents: number;
}

/** A consistency rule part ≤ total, with the inputs' positions in rubric.inputs. */
export interface Rule {
  part: string;
  total: string;
  partIndex: number;
  totalIndex: number;
}

export interface CompiledTier {
  id: Tier;
  def: TierDef;
  name: string;
  /** Inside a sentence: "cấp tỉnh". */
  phrase: string;
  /** How counts name its units: "đơn vị cấp tỉnh", "xã". */
  noun: string;
  /** The categories this tier has (at least one scoring criterion here), in rubric order. */
  categories: CompiledCategory[];
  /** Every criterion of the tier, info criteria included, in rubric order. */
  criteria: CompiledCriterion[];
  /** Per category (same order), the positions of its scoring criteria in `criteria`. */
  categoryIndexes: number[][];
  /** The tier's total when every category applies. */
  maxCents: number;
  /** Per input code: whether an N/A entry is allowed in this tier. */
  naAllowed: Map<string, boolean>;
  /** Per input (rubric order): read by some criterion of the tier (info included). */
  reads: boolean[];
  /** Per input (rubric order): read only by info criteria here, so its problems are warnings. */
  infoOnly: boolean[];
  /** Consistency rules (part ≤ total) checked in this tier. */
  rules: Rule[];
}

/** A choice input's answers, for reading cells. */
export interface ChoiceAnswers extends AnswerIndex {
  answers: string[];
}

export interface CompiledRubric {
  rubric: Rubric;
  inputs: InputDef[];
  inputByCode: Map<string, InputDef>;
  /** Normalised input name → code, for finding columns by name. */
  inputByName: Map<string, string>;
  /** Per input (rubric order): its answers when it is a choice input, else null. */
  choices: (ChoiceAnswers | null)[];
  /** Tiers in rubric order. */
  tierList: CompiledTier[];
  tiers: Record<Tier, CompiledTier>;
  /** Rules for a row whose tier is unknown: those that hold in every tier. */
  tierlessRules: Rule[];
  /** Empty when the rubric has no levels. */
  levels: LevelDef[];
  /** Empty when the rubric has no grades. */
  grades: GradeDef[];
  rankBy: 'total' | 'percent';
  /** Units of one tier may have different maxima: the "Điểm tối đa" column is shown. */
  showsMax: boolean;
  /** Normalised "Cấp" cell → tier. */
  tierByCell: Map<string, Tier>;
  /** Section phrases (normalised), longest first. */
  sectionPhrases: { phrase: string; tier: Tier }[];
  /** Normalised group words of every grouped tier ("huyện", "tp."), longest first. */
  groupWords: string[];
  /** Tiers whose rows are grouped under area rows. */
  groupedTiers: Tier[];
}

export function toCents(n: number): number {
  const c = exactCents(decimalFromNumber(n)!);
  if (c === null) throw new Error(`${n} has more than two decimals`);
  return c;
}

const byLength = (a: string, b: string) => b.length - a.length;

export function compileRubric(rubric: Rubric): CompiledRubric {
  const inputByCode = new Map<string, InputDef>();
  const inputByName = new Map<string, string>();
  for (const inp of rubric.inputs) {
    inputByCode.set(inp.code, inp);
    inputByName.set(normLabel(inp.name), inp.code);
  }
  const choices = rubric.inputs.map((inp): ChoiceAnswers | null =>
    inp.type === 'choice' && inp.answers
      ? { answers: inp.answers, byKey: new Map(inp.answers.map((a, i) => [answerKey(a), i])) }
      : null,
  );
  // Criteria may spell codes in another case than the inputs table: use the table's spelling.
  const canonical = new Map(rubric.inputs.map((i) => [i.code.toLowerCase(), i.code]));
  const canon = (c: string) => canonical.get(c.toLowerCase()) ?? c;
  const indexOf = new Map(rubric.inputs.map((inp, i) => [inp.code, i]));
  const rule = (part: string, total: string): Rule => ({
    part,
    total,
    partIndex: indexOf.get(part)!,
    totalIndex: indexOf.get(total)!,
  });

  const ruleKey = (r: { part: string; total: string }) => `${r.part}≤${r.total}`;
  const explicitRules = (rubric.rules ?? []).map((r) => rule(canon(r.part), canon(r.total)));

  const tiers: Record<Tier, CompiledTier> = {};
  const tierList = rubric.tiers.map((def) => {
    const tier = compileTier(rubric, def, canon, indexOf, explicitRules, rule, ruleKey);
    tiers[def.id] = tier;
    return tier;
  });

  const inEveryTier = tierList[0].rules.filter((r) => tierList.every((t) => t.rules.some((x) => ruleKey(x) === ruleKey(r))));
  const tierless = new Map(inEveryTier.map((r) => [ruleKey(r), r]));
  for (const r of explicitRules) tierless.set(ruleKey(r), r);

  const tierByCell = new Map<string, Tier>();
  const sectionPhrases: { phrase: string; tier: Tier }[] = [];
  const groupWords = new Set<string>();
  for (const t of rubric.tiers) {
    for (const v of t.cellValues) tierByCell.set(normText(v), t.id);
    for (const p of t.sectionPhrases) sectionPhrases.push({ phrase: normText(p), tier: t.id });
    for (const w of t.groups?.words ?? []) groupWords.add(normText(w));
  }
  sectionPhrases.sort((a, b) => byLength(a.phrase, b.phrase));

  return {
    rubric,
    inputs: rubric.inputs,
    inputByCode,
    inputByName,
    choices,
    tierList,
    tiers,
    tierlessRules: [...tierless.values()],
    levels: rubric.levels ?? [],
    grades: rubric.grades ?? [],
    rankBy: rubric.rankBy ?? 'total',
    showsMax: maximaMayDiffer(rubric) !== null,
    tierByCell,
    sectionPhrases,
    groupWords: [...groupWords].sort(byLength),
    groupedTiers: rubric.tiers.filter((t) => t.groups).map((t) => t.id),
  };
}

function compileTier(
  rubric: Rubric,
  def: TierDef,
  canon: (c: string) => string,
  indexOf: Map<string, number>,
  explicitRules: Rule[],
  rule: (part: string, total: string) => Rule,
  ruleKey: (r: { part: string; total: string }) => string,
): CompiledTier {
  const criteria: CompiledCriterion[] = [];
  for (const c of rubric.criteria) {
    const t = c.tiers[def.id];
    if (!t) continue;
    const inputs = criterionInputs(c).map(canon);
    const inputIndexes = inputs.map((code) => indexOf.get(code)!);
    let answerPercents: number[] = [];
    if (c.kind === 'choice') {
      const answers = rubric.inputs[inputIndexes[0]].answers ?? [];
      const percentOf = new Map(c.answers.map((a) => [answerKey(a.answer), a.percent]));
      answerPercents = answers.map((a) => percentOf.get(answerKey(a)) ?? 0);
    }
    criteria.push({
      def: c,
      code: c.code,
      category: c.category,
      inputs,
      inputIndexes,
      maxCents: t.max === undefined ? 0 : toCents(t.max),
      scores: c.kind !== 'info',
      bands: (t.bands ?? []).map((b) => ({ min: BigInt(b.min), cents: toCents(b.points) })),
      percentBands: (t.percentBands ?? []).map((b) => ({ min: BigInt(b.min), percent: b.percent })),
      answerPercents,
      allowNA: t.allowNA === true,
    });
  }
  const categories: CompiledCategory[] = [];
  const categoryIndexes: number[][] = [];
  for (const cat of rubric.categories) {
    const indexes = criteria.flatMap((c, i) => (c.category === cat.id && c.scores ? [i] : []));
    if (indexes.length === 0) continue;
    categories.push({
      id: cat.id,
      name: cat.name,
      short: cat.short,
      maxCents: toCents(cat.max[def.id] ?? 0),
    });
    categoryIndexes.push(indexes);
  }
  // An input may be N/A only if every criterion of the tier that reads it allows N/A.
  const naAllowed = new Map<string, boolean>();
  const reads = rubric.inputs.map(() => false);
  const scoredBy = rubric.inputs.map(() => false);
  for (const c of criteria) {
    for (const code of c.inputs) naAllowed.set(code, (naAllowed.get(code) ?? true) && c.allowNA);
    for (const i of c.inputIndexes) {
      reads[i] = true;
      if (c.scores) scoredBy[i] = true;
    }
  }
  const rules = new Map<string, Rule>();
  for (const c of criteria) {
    if (c.inputs.length === 2) rules.set(ruleKey({ part: c.inputs[0], total: c.inputs[1] }), rule(c.inputs[0], c.inputs[1]));
  }
  // An explicit rule holds where the tier reads both of its inputs.
  for (const r of explicitRules) if (reads[r.partIndex] && reads[r.totalIndex]) rules.set(ruleKey(r), r);
  return {
    id: def.id,
    def,
    name: def.name,
    phrase: def.phrase,
    noun: def.noun ?? `đơn vị ${def.phrase}`,
    categories,
    criteria,
    categoryIndexes,
    maxCents: categories.reduce((s, c) => s + c.maxCents, 0),
    naAllowed,
    reads,
    infoOnly: reads.map((r, i) => r && !scoredBy[i]),
    rules: [...rules.values()],
  };
}

/** The tier a "Cấp" cell names, or null when it names none. */
export function tierOfCell(rubric: CompiledRubric, text: string): Tier | null {
  return rubric.tierByCell.get(normText(text)) ?? null;
}

/** The tier a section label (normalised row label) announces, longest phrase first, or null. */
export function tierOfSection(rubric: CompiledRubric, label: string): Tier | null {
  for (const { phrase, tier } of rubric.sectionPhrases) if (label.includes(phrase)) return tier;
  return null;
}

/** A tier's name, or the words for an unknown tier. */
export function tierName(rubric: CompiledRubric, tier: Tier | null): string {
  return tier ? (rubric.tiers[tier]?.name ?? tier) : 'Chưa xác định cấp';
}
