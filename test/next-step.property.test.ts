/**
 * The path to the next level or grade (docs/lo-trinh.md), checked against the engine itself on
 * random small rubrics and units: the changes are typed into the sheet and the sheet scored
 * again. Applying a path reaches what it claims; removing any change fails; no path with fewer
 * changes exists and none of the same size gains fewer points (brute force over every value the
 * inputs may take); "unreachable" only when every input at its limit still falls short.
 */
import fc from 'fast-check';
import { compileRubric } from '../src/rubric/compiled';
import { CriterionDef, InputDef, Rubric, maximaMayDiffer, parseRubric } from '../src/rubric/schema';
import { NextStep, StepChange, UnitSteps, allSteps, unitSteps } from '../src/scoring/nextStep';
import { scoreWorkbook } from '../src/scoring/scoreWorkbook';
import type { ScoreResult, UnitResult } from '../src/scoring/types';
import { CellValue, Grid, parseA1 } from '../src/sheet/grid';

const ANSWERS = ['Đủ', 'Một phần', 'Chưa có'];
/** Counts stay small so that every value can be tried. */
const COUNT_MAX = 6;

type Kind = 'ratio' | 'ratioBands' | 'yesno' | 'bands' | 'best' | 'choice' | 'points';

interface Plan {
  /** na: the criterion may be marked "Không áp dụng", which changes its category's conversion. */
  /** shared: a bands criterion reads the count of the criterion before it, when that one reads a count. */
  criteria: { kind: Kind; category: number; max: number; percents: number[]; na: boolean; shared: boolean }[];
  categories: number;
  levels: boolean;
  grades: boolean;
}

const planArb: fc.Arbitrary<Plan> = fc.record({
  criteria: fc.array(
    fc.record({
      kind: fc.constantFrom<Kind>('ratio', 'ratioBands', 'yesno', 'bands', 'best', 'choice', 'points'),
      category: fc.integer({ min: 0, max: 1 }),
      max: fc.integer({ min: 1, max: 6 }),
      percents: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 3 }),
      na: fc.boolean(),
      shared: fc.boolean(),
    }),
    { minLength: 2, maxLength: 5 },
  ),
  categories: fc.integer({ min: 1, max: 2 }),
  levels: fc.boolean(),
  grades: fc.boolean(),
});

function rubricOf(plan: Plan): Rubric | null {
  const inputs: InputDef[] = [];
  const criteria: CriterionDef[] = [];
  plan.criteria.forEach((c, i) => {
    const base = { code: `C${i}`, category: `g${c.category % plan.categories}`, name: `Tiêu chí ${i}` };
    const input = (suffix: string, type: InputDef['type']) => {
      inputs.push({
        code: `I${i}${suffix}`,
        name: `Số liệu ${i}${suffix}`,
        type,
        ...(type === 'choice' ? { answers: ANSWERS } : {}),
      });
      return `I${i}${suffix}`;
    };
    const t = { max: c.max, ...(c.na ? { allowNA: true } : {}) };
    // One input read by two criteria (a count by bands and as the part of a ratio, say).
    const sharedCount = (c: Plan['criteria'][number]): string | null => {
      const before = criteria[criteria.length - 1];
      if (!c.shared || !before) return null;
      const read = 'part' in before ? before.part : 'input' in before ? before.input : null;
      return read !== null && inputs.find((x) => x.code === read)?.type === 'count' ? read : null;
    };
    switch (c.kind) {
      case 'ratio':
        criteria.push({ ...base, kind: 'ratio', part: input('b', 'count'), total: input('a', 'count'), tiers: { dv: t } });
        break;
      case 'ratioBands': {
        const [hi, lo] = [...c.percents].sort((a, b) => b - a);
        criteria.push({
          ...base,
          kind: 'ratioBands',
          part: input('b', 'count'),
          total: input('a', 'count'),
          tiers: {
            dv: {
              ...t,
              percentBands: [
                { min: 70, percent: hi },
                { min: 30, percent: lo },
              ],
            },
          },
        });
        break;
      }
      case 'bands':
        criteria.push({
          ...base,
          kind: 'bands',
          input: sharedCount(c) ?? input('', 'count'),
          tiers: {
            dv: {
              ...t,
              bands: [
                { min: 4, points: c.max },
                { min: 2, points: Math.floor(c.max / 2) },
              ],
            },
          },
        });
        break;
      case 'choice':
        criteria.push({
          ...base,
          kind: 'choice',
          input: input('', 'choice'),
          answers: ANSWERS.map((answer, j) => ({ answer, percent: c.percents[j] })),
          tiers: { dv: t },
        });
        break;
      case 'points':
        // Whole points only, so that every value can be tried.
        criteria.push({ ...base, kind: 'points', input: input('', 'points'), tiers: { dv: { max: Math.min(c.max, 3) } } });
        break;
      default:
        criteria.push({ ...base, kind: c.kind, input: input('', c.kind === 'yesno' ? 'yesno' : 'count'), tiers: { dv: t } });
    }
  });
  const categories = Array.from({ length: plan.categories }, (_, g) => ({
    id: `g${g}`,
    name: `Nhóm ${g}`,
    short: `N${g}`,
    max: { dv: criteria.filter((c) => c.category === `g${g}`).reduce((s, c) => s + c.tiers.dv.max!, 0) },
  })).filter((c) => c.max.dv > 0);
  const rubric: Rubric = {
    id: 'thu',
    name: 'Thử',
    tiers: [{ id: 'dv', name: 'Đơn vị', phrase: 'khối đơn vị', cellValues: ['đơn vị'], sectionPhrases: ['khối đơn vị'] }],
    inputs,
    categories,
    criteria,
    ...(plan.levels || !plan.grades
      ? {
          levels: [
            { level: 1, categoryThreshold: 85, criterionMinimum: 60 },
            { level: 2, categoryThreshold: 50, criterionMinimum: 25 },
          ],
        }
      : {}),
    ...(plan.grades
      ? {
          grades: [
            { name: 'Tốt', min: 85 },
            { name: 'Khá', min: 50 },
            { name: 'Yếu', min: 0 },
          ],
        }
      : {}),
    rankBy: 'percent',
  };
  if (!maximaMayDiffer(rubric)) rubric.rankBy = 'total';
  const parsed = parseRubric(rubric);
  return parsed.ok ? parsed.rubric : null;
}

/** A unit's entries, valid for their types (parts never above their totals). */
const entriesArb = (rubric: Rubric) =>
  fc.array(fc.tuple(fc.integer({ min: 0, max: COUNT_MAX }), fc.integer({ min: 0, max: 9 })), {
    minLength: rubric.inputs.length,
    maxLength: rubric.inputs.length,
  });

function entryFor(inp: InputDef, [n, pick]: [number, number], totals: Map<string, number>, rubric: Rubric): CellValue {
  if (pick === 0) return null; // blank
  const reader = rubric.criteria.find((c) => ('input' in c ? c.input : c.part) === inp.code);
  if (pick === 9 && reader?.tiers.dv.allowNA) return 'Không áp dụng';
  switch (inp.type) {
    case 'yesno':
      return pick % 2 ? 'Có' : 'Không';
    case 'choice':
      return ANSWERS[pick % 3];
    case 'points': {
      const c = rubric.criteria.find((x) => (x as { input?: string }).input === inp.code)!;
      return n % (c.tiers.dv.max! + 1);
    }
    default: {
      const total = totals.get(inp.code);
      return total === undefined ? n : Math.min(n, total);
    }
  }
}

function sheetOf(rubric: Rubric, units: [number, number][][]): Grid {
  const header: CellValue[] = ['Tên đơn vị', 'Cấp', ...rubric.inputs.map((i) => i.code)];
  const rows = units.map((entries, u) => {
    // Totals first, so that parts can be kept under them.
    const totals = new Map<string, number>();
    rubric.criteria.forEach((c) => {
      if (c.kind === 'ratio' || c.kind === 'ratioBands') {
        const j = rubric.inputs.findIndex((i) => i.code === c.total);
        if (entries[j][1] !== 0) totals.set(c.part, entries[j][0]);
      }
    });
    return [`Đơn vị ${u + 1}`, 'Đơn vị', ...rubric.inputs.map((inp, j) => entryFor(inp, entries[j], totals, rubric))];
  });
  return { name: 'Tổng hợp', rows: [header, ...rows], merges: [] };
}

function score(grid: Grid, rubric: Rubric): ScoreResult {
  const out = scoreWorkbook({ sheets: [grid], rubric: compileRubric(rubric) });
  if (!out.ok) throw new Error(out.message);
  return out.result;
}

/** A change as staff would type it. */
function typed(rubric: Rubric, code: string, value: StepChange['to']): CellValue {
  const inp = rubric.inputs.find((i) => i.code === code)!;
  if (inp.type === 'yesno') return value ? 'Có' : 'Không';
  return value as CellValue;
}

function withChanges(grid: Grid, rubric: Rubric, changes: { cell: string | null; input: string; to: StepChange['to'] }[]): Grid {
  const rows = grid.rows.map((r) => [...r]);
  for (const c of changes) {
    const at = parseA1(c.cell!)!;
    rows[at.row][at.col] = typed(rubric, c.input, c.to);
  }
  return { ...grid, rows };
}

type Target = { kind: 'level'; category: string; level: number } | { kind: 'grade'; grade: string };

function reached(u: UnitResult, target: Target, rubric: Rubric): boolean {
  if (target.kind === 'level') {
    const level = u.categories.find((c) => c.id === target.category)!.level;
    return level !== null && level <= target.level;
  }
  const names = rubric.grades!.map((g) => g.name);
  return u.grade !== null && names.indexOf(u.grade) <= names.indexOf(target.grade);
}

/**
 * Every value an input may take (the oracle, from docs/lo-trinh.md, written out independently):
 * a ratio's part up to its smallest total, a best input up to the tier's best, yes/no to yes,
 * a choice to any answer, points up to the maximum, any count within the small range otherwise.
 */
function domainOf(rubric: Rubric, grid: Grid, unit: UnitResult, result: ScoreResult, code: string): CellValue[] | null {
  const inp = rubric.inputs.find((i) => i.code === code)!;
  const state = unit.inputs!.find((s) => s.code === code)!;
  if (state.read.kind === 'na' || state.invalid) return null;
  const readers = rubric.criteria.filter((c) => ('input' in c ? c.input : c.part) === code);
  if (readers.length === 0) return null;
  const isTotal = rubric.criteria.some((c) => 'total' in c && c.total === code);
  if (isTotal) return null;
  if (inp.type === 'yesno') return ['Có'];
  if (inp.type === 'choice') return ANSWERS;
  if (inp.type === 'points') {
    const max = Math.min(...readers.map((c) => c.tiers.dv.max!));
    return Array.from({ length: max + 1 }, (_, v) => v);
  }
  let limit = COUNT_MAX;
  for (const c of readers) {
    if ('total' in c) {
      const total = unit.inputs!.find((s) => s.code === c.total)!;
      if (total.read.kind !== 'number') return null;
      limit = Math.min(limit, Number(total.raw));
    }
    if (c.kind === 'best') {
      // The tier's best over the entries that are numbers ("Không áp dụng" is none).
      const best = Math.max(
        0,
        ...result.units
          .filter((x) => x.status !== 'missing')
          .map((x) => x.inputs!.find((s) => s.code === code)!)
          .filter((s) => s.read.kind === 'number')
          .map((s) => Number(s.raw)),
      );
      limit = Math.min(limit, best);
    }
  }
  return Array.from({ length: limit + 1 }, (_, v) => v);
}

function* subsets<T>(items: T[], size: number, from = 0, prefix: T[] = []): Generator<T[]> {
  if (prefix.length === size) yield prefix;
  else for (let i = from; i < items.length; i++) yield* subsets(items, size, i + 1, [...prefix, items[i]]);
}

function* assignments(domains: CellValue[][], prefix: CellValue[] = []): Generator<CellValue[]> {
  if (prefix.length === domains.length) yield prefix;
  else for (const v of domains[prefix.length]) yield* assignments(domains, [...prefix, v]);
}

/** Points gained over the unit's own criteria. */
function gain(before: UnitResult, after: UnitResult): number {
  return after.criteria!.reduce((s, c, i) => s + Math.max(0, (c.cents ?? 0) - (before.criteria![i].cents ?? 0)), 0);
}

/** Each target of a unit's steps, with its step. */
function targetsOf(s: UnitSteps): { target: Target; step: NextStep }[] {
  const targets: { target: Target; step: NextStep }[] = [];
  for (const [category, t] of s.levels)
    if (t) targets.push({ target: { kind: 'level', category, level: t.level }, step: t.step });
  if (s.grade) targets.push({ target: { kind: 'grade', grade: s.grade.grade }, step: s.grade.step });
  return targets;
}

function check(rubric: Rubric, grid: Grid): void {
  const result = score(grid, rubric);
  const steps = allSteps(result);
  for (const u of result.units) {
    const s = steps.get(u);
    if (u.status !== 'scored') continue;
    const targets = targetsOf(s!);
    // With no work allowed the search still gives a path of the fewest changes, each at its limit.
    const hurried = targetsOf(unitSteps(result, u, 0)!);
    expect(hurried.map((t) => [t.target, t.step.kind])).toEqual(targets.map((t) => [t.target, t.step.kind]));
    const again = (changes: { cell: string | null; input: string; to: StepChange['to'] }[]) =>
      score(withChanges(grid, rubric, changes), rubric).units.find((x) => x.row === u.row)!;
    const codes = u.inputs!.map((i) => i.code);
    const domains = new Map(codes.map((code) => [code, domainOf(rubric, grid, u, result, code)]));
    const changeable = codes.filter((code) => domains.get(code));
    const cellOf = (code: string) => u.inputs!.find((i) => i.code === code)!.cell;
    for (const { target, step } of targets) {
      if (step.kind === 'fix_errors') throw new Error('a scored unit is never told to fix errors');
      if (step.kind === 'unreachable') {
        // Every changeable input at its largest value still falls short.
        const all = changeable.map((code) => ({
          cell: cellOf(code),
          input: code,
          to: domains.get(code)!.at(-1) as StepChange['to'],
        }));
        expect(reached(again(all), target, rubric)).toBe(false);
        continue;
      }
      const quick = hurried.find((h) => JSON.stringify(h.target) === JSON.stringify(target))!.step;
      if (quick.kind === 'path') {
        expect(quick.changes.length).toBe(step.changes.length);
        expect(reached(again(quick.changes), target, rubric)).toBe(true);
      }
      // Applying the path reaches the target, and the figures it claims are the engine's.
      const after = again(step.changes);
      expect(reached(after, target, rubric)).toBe(true);
      expect(gain(u, after)).toBe(step.gainCents);
      // Each change is necessary.
      for (let i = 0; i < step.changes.length; i++) {
        expect(reached(again(step.changes.filter((_, j) => j !== i)), target, rubric)).toBe(false);
      }
      // No fewer changes reach it: every smaller set of inputs, each at its largest value, falls short.
      const k = step.changes.length;
      const atLargest = (set: string[]) =>
        set.map((code) => ({ cell: cellOf(code), input: code, to: domains.get(code)!.at(-1) as StepChange['to'] }));
      for (let size = 0; size < k; size++) {
        for (const set of subsets(changeable, size)) expect(reached(again(atLargest(set)), target, rubric)).toBe(false);
      }
      // None of the same number of changes gains fewer points (every value tried, when that stays small).
      const sets = [...subsets(changeable, k)];
      const work = sets.reduce((s, set) => s + set.reduce((p, code) => p * domains.get(code)!.length, 1), 0);
      if (work > 3000) continue;
      for (const set of sets) {
        for (const values of assignments(set.map((code) => domains.get(code)!))) {
          const trial = again(set.map((code, i) => ({ cell: cellOf(code), input: code, to: values[i] as StepChange['to'] })));
          if (reached(trial, target, rubric)) expect(gain(u, trial)).toBeGreaterThanOrEqual(step.gainCents);
        }
      }
    }
  }
}

describe('the path to the next level or grade', () => {
  it('on random small rubrics: reaches, every change necessary, fewest changes, fewest points', () => {
    fc.assert(
      fc.property(
        planArb
          .map(rubricOf)
          .filter((r): r is Rubric => r !== null)
          .chain((rubric) => fc.tuple(fc.constant(rubric), fc.array(entriesArb(rubric), { minLength: 1, maxLength: 3 }))),
        ([rubric, units]) => check(rubric, sheetOf(rubric, units)),
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 60) },
    );
  });
});
