/**
 * The rubric as data (docs/cach-cham-diem.md, "Bộ tiêu chí là gì"): the tiers it evaluates, its
 * inputs, categories, criteria of eight kinds, consistency rules, and how units are classified
 * (levels, grades) and ranked. Types are inferred from this schema; `checkRubric` refuses a rubric
 * that does not add up, naming what is wrong. Nothing outside the rubric names a tier, a category or a level.
 */
import { z } from 'zod';
import { decimalFromNumber, exactCents } from '../sheet/decimal';
import { normText } from '../sheet/normalize';
import { NA_TOKENS, answerKey } from '../sheet/typedValues';

// Validation messages in Vietnamese for every check zod makes itself.
z.config(z.locales.vi());

/** A tier id declared by the rubric ("province", "so", …). */
export type Tier = string;

const code = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'Mã chỉ gồm chữ cái không dấu, chữ số và dấu _, bắt đầu bằng chữ cái');
const words = z.array(z.string().trim().min(1)).min(1);

/** Points with at most two decimals (whole hundredths). */
const points = z
  .number()
  .nonnegative('Điểm không được âm')
  .refine((n) => {
    const d = decimalFromNumber(n);
    return d !== null && exactCents(d) !== null;
  }, 'Điểm chỉ được có tối đa 2 chữ số thập phân');

const percent = z.number().int('Tỷ lệ phải là số nguyên').min(0).max(100);

/** Rows of a tier grouped under area rows ("Huyện Ba Bể" above its communes). */
export const tierGroupsSchema = z.object({
  /** Words a group row's label starts with: "huyện", "thành phố", "thị xã", "tp.", "tx.". */
  words,
  /** Title of the group column in lists and tables: "Thuộc huyện". */
  title: z.string().trim().min(1),
  /** The tier whose units are the areas (2018: the districts), when the rubric has it. */
  parent: code.optional(),
});

export const tierSchema = z.object({
  id: code,
  /** "Cấp tỉnh", "Sở, ban, ngành": table titles, the task pane, the unit list. */
  name: z.string().trim().min(1),
  /** Inside a sentence: "cấp tỉnh", "cấp sở". */
  phrase: z.string().trim().min(1),
  /** How a count names the tier's units: "đơn vị cấp tỉnh", "xã" (default: "đơn vị" + phrase). */
  noun: z.string().trim().min(1).optional(),
  /** How the decision addresses its units: "các sở, ban, ngành", "Ủy ban nhân dân các xã, phường, thị trấn". */
  audience: z.string().trim().min(1).optional(),
  /** Words that begin its units' names, for the notice's lists: "xã", "phường", "thị trấn". */
  kinds: z.array(z.string().trim().min(1)).optional(),
  /** Whole "Cấp" cells that name this tier (normalised): "sở", "ban", "ngành", "cấp tỉnh". */
  cellValues: words,
  /** Phrases that make a label a section row when it contains one: "sở, ban, ngành", "cấp tỉnh". */
  sectionPhrases: words,
  groups: tierGroupsSchema.optional(),
});

export const INPUT_TYPES = ['count', 'yesno', 'points', 'choice'] as const;

export const inputSchema = z.object({
  code,
  name: z.string().trim().min(1),
  type: z.enum(INPUT_TYPES),
  /** The answers of a choice input, as written in cells ("Chủ tịch UBND", "Không có"). */
  answers: z.array(z.string().trim().min(1)).optional(),
});

export const categorySchema = z.object({
  id: code,
  name: z.string().trim().min(1),
  /** Short name used in result column titles: "Điểm ĐKSS", "Mức ĐKSS". */
  short: z.string().trim().min(1),
  /** Maximum per tier id; a tier without one does not have the category. */
  max: z.record(z.string(), points),
});

export const bandSchema = z.object({
  /** Lower bound the value must reach. */
  min: z.number().int().nonnegative(),
  points,
});

export const percentBandSchema = z.object({
  /** Lower bound of the ratio, in whole percent: a × 100 ≥ min × b. */
  min: percent,
  /** Whole percent of the criterion's maximum. */
  percent,
});

/** How a criterion applies in one tier; a tier without an entry does not use the criterion. */
export const criterionTierSchema = z.object({
  /** Absent only for info criteria, which score nothing. */
  max: points.optional(),
  bands: z.array(bandSchema).optional(),
  percentBands: z.array(percentBandSchema).optional(),
  allowNA: z.boolean().optional(),
});

export const answerScoreSchema = z.object({ answer: z.string().trim().min(1), percent });

const criterionBase = {
  code,
  category: z.string(),
  name: z.string().trim().min(1),
  tiers: z.record(z.string(), criterionTierSchema),
};

export const criterionSchema = z.discriminatedUnion('kind', [
  z.object({ ...criterionBase, kind: z.literal('ratio'), part: z.string(), total: z.string() }),
  z.object({ ...criterionBase, kind: z.literal('ratioBands'), part: z.string(), total: z.string() }),
  z.object({ ...criterionBase, kind: z.literal('yesno'), input: z.string() }),
  z.object({ ...criterionBase, kind: z.literal('bands'), input: z.string() }),
  z.object({ ...criterionBase, kind: z.literal('best'), input: z.string() }),
  z.object({ ...criterionBase, kind: z.literal('points'), input: z.string() }),
  z.object({ ...criterionBase, kind: z.literal('choice'), input: z.string(), answers: z.array(answerScoreSchema).min(1) }),
  z.object({ ...criterionBase, kind: z.literal('info'), input: z.string() }),
]);

export const ruleSchema = z.object({ part: z.string(), total: z.string() });

export const levelSchema = z.object({
  level: z.number().int().min(1),
  categoryThreshold: percent,
  criterionMinimum: percent,
});

export const gradeSchema = z.object({
  name: z.string().trim().min(1),
  /** Lower bound of the unit's percent as shown, in whole percent. */
  min: percent,
});

/** Words of the decision draft that belong to the rubric rather than to the code. */
export const decisionSchema = z.object({
  /** What is evaluated, in the decision's title: "đánh giá, xếp loại mức độ xây dựng Chính quyền điện tử các cấp". */
  subject: z.string().trim().min(1),
  /** The department that scores and proposes the decision: "Sở Thông tin và Truyền thông". */
  department: z.string().trim().min(1),
  /** The province, without "tỉnh": "Bắc Kạn". */
  province: z.string().trim().min(1),
  /** Lines of "Nơi nhận" (defaults to a generic list). */
  recipients: z.array(z.string().trim().min(1)).min(1).optional(),
});

const rubricShape = z.object({
  id: z.string().trim().min(1),
  name: z.string().trim().min(1),
  /** A note shown wherever the rubric is named, e.g. that it is an example to adapt. */
  note: z.string().trim().min(1).optional(),
  tiers: z.array(tierSchema).min(1).max(6),
  inputs: z.array(inputSchema).min(1),
  categories: z.array(categorySchema).min(1).max(12),
  criteria: z.array(criterionSchema).min(1),
  /** Consistency rules beyond the a ≤ b every ratio implies. */
  rules: z.array(ruleSchema).optional(),
  /** Levels per category (Mức 1 the best); absent when the rubric has none. */
  levels: z.array(levelSchema).min(1).optional(),
  /** Grades on the unit's percent, best first; absent when the rubric has none. */
  grades: z.array(gradeSchema).min(1).optional(),
  rankBy: z.enum(['total', 'percent']).optional(),
  decision: decisionSchema.optional(),
});

export type Rubric = z.infer<typeof rubricShape>;
export type TierDef = z.infer<typeof tierSchema>;
export type InputDef = z.infer<typeof inputSchema>;
export type InputType = InputDef['type'];
export type CategoryDef = z.infer<typeof categorySchema>;
export type CriterionDef = z.infer<typeof criterionSchema>;
export type CriterionTier = z.infer<typeof criterionTierSchema>;
export type CriterionKind = CriterionDef['kind'];
export type LevelDef = z.infer<typeof levelSchema>;
export type GradeDef = z.infer<typeof gradeSchema>;
export type DecisionWords = z.infer<typeof decisionSchema>;

/** Inputs a criterion reads, in order (ratio: part, then total). */
export function criterionInputs(c: CriterionDef): string[] {
  return c.kind === 'ratio' || c.kind === 'ratioBands' ? [c.part, c.total] : [c.input];
}

export const isRatioKind = (kind: CriterionKind) => kind === 'ratio' || kind === 'ratioBands';

/** How staff call the kinds of criterion and the types of input (also used by the "Tiêu chí" sheet). */
export const KIND_WORDS: Record<CriterionKind, string> = {
  ratio: 'tỷ lệ',
  ratioBands: 'tỷ lệ theo ngưỡng',
  yesno: 'có/không',
  bands: 'theo mức',
  best: 'so với đơn vị cao nhất',
  points: 'điểm tự chấm',
  choice: 'lựa chọn',
  info: 'không tính điểm',
};
export const TYPE_WORDS: Record<InputType, string> = {
  count: 'số lượng',
  yesno: 'có/không',
  points: 'điểm',
  choice: 'lựa chọn',
};

/** The input types each kind of criterion may read. */
export const ALLOWED_INPUT_TYPES: Record<CriterionKind, InputType[]> = {
  ratio: ['count'],
  ratioBands: ['count'],
  yesno: ['yesno'],
  bands: ['count'],
  best: ['count'],
  points: ['points'],
  choice: ['choice'],
  info: ['count', 'yesno', 'choice'],
};

const cents = (n: number) => exactCents(decimalFromNumber(n)!) ?? NaN;
const fmt = (c: number) => (c / 100).toLocaleString('vi-VN', { maximumFractionDigits: 2 });

type Fail = (path: (string | number)[], message: string) => void;

function checkTiers(r: Rubric, fail: Fail): Map<string, Rubric['tiers'][number]> {
  const tiers = new Map<string, Rubric['tiers'][number]>();
  const cellOwner = new Map<string, string>();
  const phraseOwner = new Map<string, string>();
  r.tiers.forEach((t, i) => {
    if (tiers.has(t.id)) fail(['tiers', i, 'id'], `Mã cấp ${t.id} bị trùng`);
    tiers.set(t.id, t);
    t.cellValues.forEach((v, j) => {
      const key = normText(v);
      const owner = cellOwner.get(key);
      if (owner !== undefined && owner !== t.id) {
        fail(['tiers', i, 'cellValues', j], `Giá trị cột "Cấp" "${v}" đã dùng cho cấp ${owner}; mỗi giá trị chỉ thuộc một cấp`);
      }
      cellOwner.set(key, t.id);
    });
    t.sectionPhrases.forEach((p, j) => {
      const key = normText(p);
      const owner = phraseOwner.get(key);
      if (owner !== undefined && owner !== t.id) {
        fail(['tiers', i, 'sectionPhrases', j], `Cụm từ dòng mục "${p}" đã dùng cho cấp ${owner}`);
      }
      phraseOwner.set(key, t.id);
    });
  });
  r.tiers.forEach((t, i) => {
    const parent = t.groups?.parent;
    if (parent !== undefined && (!tiers.has(parent) || parent === t.id)) {
      fail(['tiers', i, 'groups', 'parent'], `Cấp ${t.name}: cấp chứa "${parent}" không có trong bộ tiêu chí`);
    }
  });
  return tiers;
}

function checkInputs(r: Rubric, fail: Fail): Map<string, InputDef> {
  const inputs = new Map<string, InputDef>();
  r.inputs.forEach((inp, i) => {
    const key = inp.code.toLowerCase();
    if (inputs.has(key)) fail(['inputs', i, 'code'], `Mã số liệu ${inp.code} bị trùng`);
    inputs.set(key, inp);
    if (inp.type !== 'choice') {
      if (inp.answers) fail(['inputs', i, 'answers'], `Số liệu ${inp.code}: chỉ số liệu kiểu "lựa chọn" mới có các phương án`);
      return;
    }
    if (!inp.answers || inp.answers.length < 2) {
      fail(['inputs', i, 'answers'], `Số liệu ${inp.code} kiểu "lựa chọn" cần ít nhất 2 phương án trả lời`);
      return;
    }
    const seen = new Set<string>();
    inp.answers.forEach((a, j) => {
      const key = answerKey(a);
      if (NA_TOKENS.has(normText(a)) || NA_TOKENS.has(key)) {
        fail(['inputs', i, 'answers', j], `Số liệu ${inp.code}: phương án "${a}" trùng với cách ghi "không áp dụng"`);
      } else if (seen.has(key)) {
        fail(['inputs', i, 'answers', j], `Số liệu ${inp.code}: phương án "${a}" bị trùng`);
      }
      seen.add(key);
    });
  });
  return inputs;
}

function checkBands(crit: CriterionDef, tierName: string, t: CriterionTier, where: (string | number)[], fail: Fail): void {
  const label = `Tiêu chí ${crit.code}, ${tierName}`;
  if (crit.kind === 'bands') {
    if (!t.bands || t.bands.length === 0) {
      fail([...where, 'bands'], `${label}: thiếu các mức điểm`);
      return;
    }
    t.bands.forEach((b, j) => {
      const prev = t.bands![j - 1];
      if (prev && b.min >= prev.min) {
        fail(
          [...where, 'bands', j],
          `${label}: các mức điểm phải xếp từ ngưỡng cao xuống thấp (≥${b.min} đứng sau ≥${prev.min})`,
        );
      }
      if (t.max !== undefined && cents(b.points) > cents(t.max)) {
        fail(
          [...where, 'bands', j],
          `${label}: mức ≥${b.min} cho ${fmt(cents(b.points))} điểm, vượt điểm tối đa ${fmt(cents(t.max))}`,
        );
      }
      // A lower band never pays more: every criterion grows with its input (docs/lo-trinh.md).
      if (prev && b.min < prev.min && cents(b.points) > cents(prev.points)) {
        fail([...where, 'bands', j], `${label}: mức ≥${b.min} cho nhiều điểm hơn mức ≥${prev.min} ở trên`);
      }
    });
  } else if (t.bands) {
    fail([...where, 'bands'], `Tiêu chí ${crit.code}: chỉ cách tính "${KIND_WORDS.bands}" mới có các mức điểm`);
  }
  if (crit.kind === 'ratioBands') {
    if (!t.percentBands || t.percentBands.length === 0) {
      fail([...where, 'percentBands'], `${label}: thiếu các ngưỡng tỷ lệ`);
      return;
    }
    t.percentBands.forEach((b, j) => {
      const prev = t.percentBands![j - 1];
      if (prev && b.min >= prev.min) {
        fail(
          [...where, 'percentBands', j],
          `${label}: các ngưỡng tỷ lệ phải xếp từ cao xuống thấp (≥${b.min}% đứng sau ≥${prev.min}%)`,
        );
      }
      if (prev && b.min < prev.min && b.percent > prev.percent) {
        fail([...where, 'percentBands', j], `${label}: ngưỡng ≥${b.min}% cho nhiều điểm hơn ngưỡng ≥${prev.min}% ở trên`);
      }
    });
  } else if (t.percentBands) {
    fail([...where, 'percentBands'], `Tiêu chí ${crit.code}: chỉ cách tính "${KIND_WORDS.ratioBands}" mới có các ngưỡng tỷ lệ`);
  }
}

function checkChoiceScores(crit: CriterionDef, i: number, inputs: Map<string, InputDef>, fail: Fail): void {
  if (crit.kind !== 'choice') return;
  const inp = inputs.get(crit.input.toLowerCase());
  if (!inp || inp.type !== 'choice' || !inp.answers) return;
  const known = new Map(inp.answers.map((a) => [answerKey(a), a]));
  const given = new Set<string>();
  crit.answers.forEach((a, j) => {
    const key = answerKey(a.answer);
    if (!known.has(key)) {
      fail(['criteria', i, 'answers', j, 'answer'], `Tiêu chí ${crit.code}: "${a.answer}" không phải phương án của ${inp.code}`);
    } else if (given.has(key)) {
      fail(['criteria', i, 'answers', j, 'answer'], `Tiêu chí ${crit.code}: phương án "${a.answer}" được cho điểm hai lần`);
    }
    given.add(key);
  });
  const missing = [...known].filter(([key]) => !given.has(key)).map(([, a]) => `"${a}"`);
  if (missing.length) {
    fail(['criteria', i, 'answers'], `Tiêu chí ${crit.code}: chưa cho điểm phương án ${missing.join(', ')} của ${inp.code}`);
  }
}

/** The rubric's own checks: that it adds up and refers only to what it defines. */
function checkRubric(r: Rubric, fail: Fail): void {
  const tiers = checkTiers(r, fail);
  const tierName = (id: string) => tiers.get(id)?.name ?? id;
  const inputs = checkInputs(r, fail);
  const categories = new Set<string>();
  r.categories.forEach((cat, i) => {
    if (categories.has(cat.id)) fail(['categories', i, 'id'], `Mã hạng mục ${cat.id} bị trùng`);
    categories.add(cat.id);
    for (const t of Object.keys(cat.max)) {
      if (!tiers.has(t)) fail(['categories', i, 'max', t], `Hạng mục "${cat.name}": không có cấp "${t}" trong bộ tiêu chí`);
    }
  });
  const criterionCodes = new Set<string>();
  r.criteria.forEach((crit, i) => {
    const key = crit.code.toLowerCase();
    if (criterionCodes.has(key)) fail(['criteria', i, 'code'], `Mã tiêu chí ${crit.code} bị trùng`);
    criterionCodes.add(key);
    if (isRatioKind(crit.kind)) {
      const c = crit as Extract<CriterionDef, { part: string }>;
      if (c.part.toLowerCase() === c.total.toLowerCase()) {
        fail(['criteria', i, 'total'], `Tiêu chí ${crit.code}: số liệu phần và số liệu tổng phải khác nhau`);
      }
    }
    if (!categories.has(crit.category)) {
      fail(['criteria', i, 'category'], `Tiêu chí ${crit.code}: không có hạng mục "${crit.category}"`);
    }
    const fields: [string, string][] =
      crit.kind === 'ratio' || crit.kind === 'ratioBands'
        ? [
            ['part', crit.part],
            ['total', crit.total],
          ]
        : [['input', crit.input]];
    for (const [field, inputCode] of fields) {
      const inp = inputs.get(inputCode.toLowerCase());
      const allowed = ALLOWED_INPUT_TYPES[crit.kind];
      if (!inp) {
        fail(['criteria', i, field], `Tiêu chí ${crit.code}: không có số liệu mã "${inputCode}"`);
      } else if (!allowed.includes(inp.type)) {
        const need = allowed.map((t) => `"${TYPE_WORDS[t]}"`).join(' hoặc ');
        fail(
          ['criteria', i, field],
          `Tiêu chí ${crit.code} (cách tính "${KIND_WORDS[crit.kind]}") cần số liệu kiểu ${need}, nhưng ${inp.code} là "${TYPE_WORDS[inp.type]}"`,
        );
      }
    }
    checkChoiceScores(crit, i, inputs, fail);
    if (Object.keys(crit.tiers).length === 0) {
      fail(['criteria', i, 'tiers'], `Tiêu chí ${crit.code}: chưa dùng ở cấp nào`);
    }
    for (const [tier, t] of Object.entries(crit.tiers)) {
      const where = ['criteria', i, 'tiers', tier];
      if (!tiers.has(tier)) {
        fail(where, `Tiêu chí ${crit.code}: không có cấp "${tier}" trong bộ tiêu chí`);
        continue;
      }
      if (crit.kind === 'info') {
        if (t.max !== undefined) fail([...where, 'max'], `Tiêu chí ${crit.code} không tính điểm nên không có điểm tối đa`);
      } else if (t.max === undefined || cents(t.max) <= 0) {
        fail([...where, 'max'], `Tiêu chí ${crit.code}, ${tierName(tier)}: điểm tối đa phải lớn hơn 0`);
      }
      checkBands(crit, tierName(tier), t, where, fail);
    }
  });

  // Category maxima must equal the sum of their criteria, tier by tier.
  r.categories.forEach((cat, i) => {
    for (const tier of tiers.keys()) {
      let sum = 0;
      for (const crit of r.criteria) {
        const t = crit.tiers[tier];
        if (crit.category === cat.id && t?.max !== undefined) sum += cents(t.max);
      }
      const given = cat.max[tier];
      const max = given === undefined ? 0 : cents(given);
      if (sum !== max) {
        fail(
          ['categories', i, 'max', tier],
          given === undefined
            ? `Hạng mục "${cat.name}", ${tierName(tier)}: chưa ghi điểm tối đa nhưng các tiêu chí cộng lại ${fmt(sum)} điểm`
            : `Hạng mục "${cat.name}", ${tierName(tier)}: điểm tối đa ghi ${fmt(max)} nhưng tổng điểm các tiêu chí là ${fmt(sum)}`,
        );
      }
    }
  });
  for (const tier of tiers.values()) {
    const i = r.tiers.indexOf(tier);
    if (!r.categories.some((c) => (c.max[tier.id] ?? 0) > 0)) {
      fail(['tiers', i], `Cấp ${tier.name}: không có tiêu chí tính điểm nào`);
    }
  }

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

  (r.levels ?? []).forEach((lvl, i) => {
    if (lvl.level !== i + 1) fail(['levels', i, 'level'], `Bảng mức: dòng thứ ${i + 1} phải là Mức ${i + 1}`);
    const prev = r.levels![i - 1];
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

  const grades = r.grades ?? [];
  const gradeNames = new Set<string>();
  grades.forEach((g, i) => {
    const prev = grades[i - 1];
    if (prev && !(g.min < prev.min)) {
      fail(['grades', i, 'min'], `Xếp loại: ngưỡng của "${g.name}" phải thấp hơn của "${prev.name}"`);
    }
    if (gradeNames.has(normText(g.name))) fail(['grades', i, 'name'], `Xếp loại "${g.name}" bị trùng`);
    gradeNames.add(normText(g.name));
  });
  if (grades.length && grades[grades.length - 1].min !== 0) {
    fail(['grades', grades.length - 1, 'min'], `Xếp loại: loại cuối cùng ("${grades[grades.length - 1].name}") phải có ngưỡng 0`);
  }

  if ((r.rankBy ?? 'total') === 'total') {
    const why = maximaMayDiffer(r);
    if (why) {
      fail(
        ['rankBy'],
        `Bộ tiêu chí phải xếp thứ hạng theo tỷ lệ (%): ${why}, nên điểm tối đa của các đơn vị cùng cấp có thể khác nhau`,
      );
    }
  }
}

/**
 * Whether some category can be wholly not applicable for a unit of some tier: every scoring
 * criterion of it there allows N/A or is a ratio (b = 0 and a blank or 0 is not applicable).
 * Then units of one tier may have different maxima (the "Điểm tối đa" column, rank by percent).
 * Returns the reason in words, or null.
 */
export function maximaMayDiffer(r: Pick<Rubric, 'tiers' | 'categories' | 'criteria'>): string | null {
  for (const tier of r.tiers) {
    for (const cat of r.categories) {
      const scoring = r.criteria.filter((c) => c.category === cat.id && c.kind !== 'info' && c.tiers[tier.id] !== undefined);
      if (scoring.length === 0) continue;
      if (scoring.every((c) => c.tiers[tier.id]!.allowNA === true || isRatioKind(c.kind))) {
        return `hạng mục "${cat.name}" có thể không áp dụng toàn bộ với đơn vị ${tier.phrase}`;
      }
    }
  }
  return null;
}

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
