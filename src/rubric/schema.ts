/**
 * The rubric as data (rubric.md): inputs, categories, criteria of five kinds, consistency rules
 * and the level table. Types are inferred from this schema; `checkRubric` refuses a rubric that
 * does not add up, naming what is wrong.
 */
import { z } from 'zod';
import { decimalFromNumber, exactCents } from '../sheet/decimal';

// Validation messages in Vietnamese for every check zod makes itself.
z.config(z.locales.vi());

export const TIERS = ['province', 'district', 'commune'] as const;
export const tierSchema = z.enum(TIERS);
export type Tier = z.infer<typeof tierSchema>;

export const TIER_NAMES: Record<Tier, string> = {
  province: 'Cấp tỉnh',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
};

/** The tier inside a sentence: "cấp tỉnh". */
export const TIER_WORDS: Record<Tier, string> = {
  province: 'cấp tỉnh',
  district: 'cấp huyện',
  commune: 'cấp xã',
};

const code = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'Mã chỉ gồm chữ cái không dấu và chữ số, bắt đầu bằng chữ cái');

/** Points with at most two decimals (whole hundredths). */
const points = z
  .number()
  .nonnegative('Điểm không được âm')
  .refine((n) => {
    const d = decimalFromNumber(n);
    return d !== null && exactCents(d) !== null;
  }, 'Điểm chỉ được có tối đa 2 chữ số thập phân');

const percent = z.number().int('Tỷ lệ phải là số nguyên').min(0).max(100);

export const inputSchema = z.object({
  code,
  name: z.string().min(1),
  type: z.enum(['count', 'yesno', 'points']),
});

export const categorySchema = z.object({
  id: code,
  name: z.string().min(1),
  /** Short name used in result column titles: "Điểm ĐKSS", "Mức ĐKSS". */
  short: z.string().min(1),
  max: z.object({ province: points, district: points, commune: points }),
});

export const bandSchema = z.object({
  /** Lower bound the value must reach. */
  min: z.number().int().nonnegative(),
  points,
});

/** How a criterion applies in one tier; a tier without an entry does not use the criterion. */
export const criterionTierSchema = z.object({
  max: points,
  bands: z.array(bandSchema).optional(),
  allowNA: z.boolean().optional(),
});

const criterionTiers = z.object({
  province: criterionTierSchema.optional(),
  district: criterionTierSchema.optional(),
  commune: criterionTierSchema.optional(),
});

const criterionBase = {
  code,
  category: z.string(),
  name: z.string().min(1),
  tiers: criterionTiers,
};

export const criterionSchema = z.discriminatedUnion('kind', [
  z.object({ ...criterionBase, kind: z.literal('ratio'), part: z.string(), total: z.string() }),
  z.object({ ...criterionBase, kind: z.literal('yesno'), input: z.string() }),
  z.object({ ...criterionBase, kind: z.literal('bands'), input: z.string() }),
  z.object({ ...criterionBase, kind: z.literal('best'), input: z.string() }),
  z.object({ ...criterionBase, kind: z.literal('points'), input: z.string() }),
]);

export const ruleSchema = z.object({ part: z.string(), total: z.string() });

export const levelSchema = z.object({
  level: z.number().int().min(1),
  categoryThreshold: percent,
  criterionMinimum: percent,
});

const rubricShape = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  inputs: z.array(inputSchema).min(1),
  categories: z.array(categorySchema).min(1),
  criteria: z.array(criterionSchema).min(1),
  /** Consistency rules beyond the a ≤ b every ratio implies. */
  rules: z.array(ruleSchema).optional(),
  levels: z.array(levelSchema).min(1),
});

export type Rubric = z.infer<typeof rubricShape>;
export type InputDef = z.infer<typeof inputSchema>;
export type CategoryDef = z.infer<typeof categorySchema>;
export type CriterionDef = z.infer<typeof criterionSchema>;
export type CriterionTier = z.infer<typeof criterionTierSchema>;
export type CriterionKind = CriterionDef['kind'];
export type LevelDef = z.infer<typeof levelSchema>;

/** Inputs a criterion reads, in order (ratio: part, then total). */
export function criterionInputs(c: CriterionDef): string[] {
  return c.kind === 'ratio' ? [c.part, c.total] : [c.input];
}

/** How staff call the kinds of criterion and the types of input (also used by the "Tiêu chí" sheet). */
export const KIND_WORDS: Record<CriterionKind, string> = {
  ratio: 'tỷ lệ',
  yesno: 'có/không',
  bands: 'theo mức',
  best: 'so với đơn vị cao nhất',
  points: 'điểm tự chấm',
};
export const TYPE_WORDS: Record<InputDef['type'], string> = { count: 'số lượng', yesno: 'có/không', points: 'điểm' };

/** The input type each kind of criterion reads. */
export const REQUIRED_INPUT_TYPE: Record<CriterionKind, InputDef['type']> = {
  ratio: 'count',
  yesno: 'yesno',
  bands: 'count',
  best: 'count',
  points: 'points',
};

const cents = (n: number) => exactCents(decimalFromNumber(n)!) ?? NaN;
const fmt = (c: number) => (c / 100).toLocaleString('vi-VN', { maximumFractionDigits: 2 });

/** The rubric's own checks: that it adds up and refers only to what it defines. */
function checkRubric(r: Rubric, fail: (path: (string | number)[], message: string) => void): void {
  const inputs = new Map<string, InputDef>();
  r.inputs.forEach((inp, i) => {
    const key = inp.code.toLowerCase();
    if (inputs.has(key)) fail(['inputs', i, 'code'], `Mã số liệu ${inp.code} bị trùng`);
    inputs.set(key, inp);
  });
  const categories = new Set<string>();
  r.categories.forEach((cat, i) => {
    if (categories.has(cat.id)) fail(['categories', i, 'id'], `Mã hạng mục ${cat.id} bị trùng`);
    categories.add(cat.id);
  });
  const criterionCodes = new Set<string>();
  r.criteria.forEach((crit, i) => {
    const key = crit.code.toLowerCase();
    if (criterionCodes.has(key)) fail(['criteria', i, 'code'], `Mã tiêu chí ${crit.code} bị trùng`);
    criterionCodes.add(key);
    if (crit.kind === 'ratio' && crit.part.toLowerCase() === crit.total.toLowerCase()) {
      fail(['criteria', i, 'total'], `Tiêu chí ${crit.code}: số liệu phần và số liệu tổng phải khác nhau`);
    }
    if (!categories.has(crit.category)) {
      fail(['criteria', i, 'category'], `Tiêu chí ${crit.code}: không có hạng mục "${crit.category}"`);
    }
    const fields: [string, string][] =
      crit.kind === 'ratio'
        ? [
            ['part', crit.part],
            ['total', crit.total],
          ]
        : [['input', crit.input]];
    for (const [field, inputCode] of fields) {
      const inp = inputs.get(inputCode.toLowerCase());
      if (!inp) {
        fail(['criteria', i, field], `Tiêu chí ${crit.code}: không có số liệu mã "${inputCode}"`);
      } else if (inp.type !== REQUIRED_INPUT_TYPE[crit.kind]) {
        fail(
          ['criteria', i, field],
          `Tiêu chí ${crit.code} (cách tính "${KIND_WORDS[crit.kind]}") cần số liệu kiểu "${TYPE_WORDS[REQUIRED_INPUT_TYPE[crit.kind]]}", nhưng ${inp.code} là "${TYPE_WORDS[inp.type]}"`,
        );
      }
    }
    for (const tier of TIERS) {
      const t = crit.tiers[tier];
      if (!t) continue;
      const where = ['criteria', i, 'tiers', tier];
      if (cents(t.max) <= 0) fail([...where, 'max'], `Tiêu chí ${crit.code}, ${TIER_NAMES[tier]}: điểm tối đa phải lớn hơn 0`);
      if (crit.kind === 'bands') {
        if (!t.bands || t.bands.length === 0) {
          fail([...where, 'bands'], `Tiêu chí ${crit.code}, ${TIER_NAMES[tier]}: thiếu các mức điểm`);
        } else {
          t.bands.forEach((b, j) => {
            if (j > 0 && b.min >= t.bands![j - 1].min) {
              fail(
                [...where, 'bands', j],
                `Tiêu chí ${crit.code}, ${TIER_NAMES[tier]}: các mức điểm phải xếp từ ngưỡng cao xuống thấp (≥${b.min} đứng sau ≥${t.bands![j - 1].min})`,
              );
            }
            if (cents(b.points) > cents(t.max)) {
              fail(
                [...where, 'bands', j],
                `Tiêu chí ${crit.code}, ${TIER_NAMES[tier]}: mức ≥${b.min} cho ${fmt(cents(b.points))} điểm, vượt điểm tối đa ${fmt(cents(t.max))}`,
              );
            }
          });
        }
      } else if (t.bands) {
        fail([...where, 'bands'], `Tiêu chí ${crit.code}: chỉ cách tính "${KIND_WORDS.bands}" mới có các mức điểm`);
      }
    }
  });

  // Category maxima must equal the sum of their criteria, tier by tier.
  r.categories.forEach((cat, i) => {
    for (const tier of TIERS) {
      let sum = 0;
      for (const crit of r.criteria) {
        const t = crit.tiers[tier];
        if (crit.category === cat.id && t) sum += cents(t.max);
      }
      const max = cents(cat.max[tier]);
      if (sum !== max) {
        fail(
          ['categories', i, 'max', tier],
          `Hạng mục "${cat.name}", ${TIER_NAMES[tier]}: điểm tối đa ghi ${fmt(max)} nhưng tổng điểm các tiêu chí là ${fmt(sum)}`,
        );
      }
    }
  });

  (r.rules ?? []).forEach((rule, i) => {
    if (rule.part.toLowerCase() === rule.total.toLowerCase()) {
      fail(['rules', i], `Quy tắc ${rule.part} ≤ ${rule.total}: số liệu phần và số liệu tổng phải khác nhau`);
    }
    for (const field of ['part', 'total'] as const) {
      const inp = inputs.get(rule[field].toLowerCase());
      if (!inp) fail(['rules', i, field], `Quy tắc ${rule.part} ≤ ${rule.total}: không có số liệu mã "${rule[field]}"`);
      else if (inp.type !== 'count')
        fail(['rules', i, field], `Quy tắc ${rule.part} ≤ ${rule.total}: ${inp.code} không phải số lượng`);
    }
  });

  r.levels.forEach((lvl, i) => {
    if (lvl.level !== i + 1) fail(['levels', i, 'level'], `Bảng mức: dòng thứ ${i + 1} phải là Mức ${i + 1}`);
    const prev = r.levels[i - 1];
    if (prev && !(lvl.categoryThreshold < prev.categoryThreshold)) {
      fail(['levels', i, 'categoryThreshold'], `Bảng mức: ngưỡng hạng mục của Mức ${lvl.level} phải thấp hơn Mức ${prev.level}`);
    }
    if (prev && lvl.criterionMinimum > prev.criterionMinimum) {
      fail(
        ['levels', i, 'criterionMinimum'],
        `Bảng mức: tối thiểu mỗi tiêu chí của Mức ${lvl.level} không được cao hơn Mức ${prev.level}`,
      );
    }
  });
}

export const rubricSchema = rubricShape.superRefine((r, ctx) =>
  checkRubric(r, (path, message) => ctx.addIssue({ code: 'custom', path, message })),
);

export interface RubricProblem {
  /** Where in the rubric (JSON path), e.g. "criteria[3].tiers.province.max". */
  path: string;
  /** The same path as keys, for locating the cell a rubric sheet row came from. */
  pathParts: (string | number)[];
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

/** Validates unknown data as a rubric: the rubric, or every problem with its path. */
export function parseRubric(data: unknown): { ok: true; rubric: Rubric } | { ok: false; problems: RubricProblem[] } {
  // The shape first, then the sums: the checks assume well-typed data.
  const parsed = rubricShape.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((iss) => {
        const pathParts = iss.path.filter((p): p is string | number => typeof p !== 'symbol');
        return { path: formatPath(pathParts), pathParts, message: iss.message };
      }),
    };
  }
  const problems: RubricProblem[] = [];
  checkRubric(parsed.data, (pathParts, message) => problems.push({ path: formatPath(pathParts), pathParts, message }));
  return problems.length ? { ok: false, problems } : { ok: true, rubric: parsed.data };
}
