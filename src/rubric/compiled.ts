/**
 * A validated rubric turned into what scoring needs per tier: maxima in whole cents, bands in
 * cents, the inputs each tier reads, the consistency rules, and which inputs may be N/A.
 */
import { decimalFromNumber, exactCents } from '../sheet/decimal';
import { normLabel } from '../sheet/normalize';
import { CriterionDef, InputDef, LevelDef, Rubric, TIERS, Tier, criterionInputs } from './schema';

export interface CompiledCriterion {
  def: CriterionDef;
  code: string;
  category: string;
  /** Input codes as the rubric's inputs spell them (ratio: part, total). */
  inputs: string[];
  /** Their positions in rubric.inputs. */
  inputIndexes: number[];
  maxCents: number;
  bands: { min: bigint; cents: number }[];
  allowNA: boolean;
}

export interface CompiledCategory {
  id: string;
  name: string;
  short: string;
  maxCents: number;
  criteria: CompiledCriterion[];
}

/** A consistency rule part ≤ total, with the inputs' positions in rubric.inputs. */
export interface Rule {
  part: string;
  total: string;
  partIndex: number;
  totalIndex: number;
}

export interface CompiledTier {
  tier: Tier;
  categories: CompiledCategory[];
  criteria: CompiledCriterion[];
  /** Per category (same order), the positions of its criteria in `criteria`. */
  categoryIndexes: number[][];
  maxCents: number;
  /** Per input code: whether an N/A entry is allowed in this tier. */
  naAllowed: Map<string, boolean>;
  /** Consistency rules (part ≤ total) checked in this tier. */
  rules: Rule[];
}

export interface CompiledRubric {
  rubric: Rubric;
  inputs: InputDef[];
  inputByCode: Map<string, InputDef>;
  /** Normalised input name → code, for finding columns by name. */
  inputByName: Map<string, string>;
  tiers: Record<Tier, CompiledTier>;
  /** Rules for a row whose tier is unknown: those that hold in every tier. */
  tierlessRules: Rule[];
  levels: LevelDef[];
}

export function toCents(n: number): number {
  const c = exactCents(decimalFromNumber(n)!);
  if (c === null) throw new Error(`${n} has more than two decimals`);
  return c;
}

export function compileRubric(rubric: Rubric): CompiledRubric {
  const inputByCode = new Map<string, InputDef>();
  const inputByName = new Map<string, string>();
  for (const inp of rubric.inputs) {
    inputByCode.set(inp.code, inp);
    inputByName.set(normLabel(inp.name), inp.code);
  }
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

  const tiers = {} as Record<Tier, CompiledTier>;
  for (const tier of TIERS) {
    const criteria: CompiledCriterion[] = [];
    for (const def of rubric.criteria) {
      const t = def.tiers[tier];
      if (!t) continue;
      const inputs = criterionInputs(def).map(canon);
      criteria.push({
        def,
        code: def.code,
        category: def.category,
        inputs,
        inputIndexes: inputs.map((c) => indexOf.get(c)!),
        maxCents: toCents(t.max),
        bands: (t.bands ?? []).map((b) => ({ min: BigInt(b.min), cents: toCents(b.points) })),
        allowNA: t.allowNA === true,
      });
    }
    const categories = rubric.categories.map((cat) => ({
      id: cat.id,
      name: cat.name,
      short: cat.short,
      maxCents: toCents(cat.max[tier]),
      criteria: criteria.filter((c) => c.category === cat.id),
    }));
    // An input may be N/A only if every criterion of the tier that reads it allows N/A.
    const naAllowed = new Map<string, boolean>();
    for (const c of criteria) {
      for (const code of c.inputs) naAllowed.set(code, (naAllowed.get(code) ?? true) && c.allowNA);
    }
    const rules = new Map<string, Rule>();
    for (const c of criteria) {
      if (c.def.kind === 'ratio') rules.set(ruleKey({ part: c.inputs[0], total: c.inputs[1] }), rule(c.inputs[0], c.inputs[1]));
    }
    for (const r of explicitRules) rules.set(ruleKey(r), r);
    tiers[tier] = {
      tier,
      categories,
      criteria,
      categoryIndexes: categories.map((cat) => criteria.flatMap((c, i) => (c.category === cat.id ? [i] : []))),
      maxCents: categories.reduce((s, c) => s + c.maxCents, 0),
      naAllowed,
      rules: [...rules.values()],
    };
  }
  const inEveryTier = tiers.province.rules.filter((r) =>
    TIERS.every((t) => tiers[t].rules.some((x) => ruleKey(x) === ruleKey(r))),
  );
  const tierless = new Map(inEveryTier.map((r) => [ruleKey(r), r]));
  for (const r of explicitRules) tierless.set(ruleKey(r), r);

  return {
    rubric,
    inputs: rubric.inputs,
    inputByCode,
    inputByName,
    tiers,
    tierlessRules: [...tierless.values()],
    levels: rubric.levels,
  };
}
