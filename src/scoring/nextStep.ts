/**
 * The path to the next level or grade (docs/lo-trinh.md): for a scored unit, the smallest set of
 * entries it could change so that, re-scored with everything else unchanged, a category reaches
 * the next level (Không xếp hạng → the lowest level, Mức n → Mức n−1) or the unit reaches the
 * next grade.
 *
 * What may change, and how far (docs/lo-trinh.md, "Số liệu nào được thay đổi"): the part of a
 * ratio, ratio bands or rule, up to the smallest of its totals; yes/no from no or blank to yes;
 * a count read by bands, up to a band's bound; a "best" input, up to the tier's current best;
 * self-assessed points, up to the maximum; a choice, to an answer worth more. Totals, info
 * inputs, N/A entries and inputs the tier does not read never change; a blank total is advice.
 *
 * Every criterion only grows as its input grows, so a target is reachable exactly when every
 * changeable input at its limit reaches it. Among the paths that reach it: the fewest inputs
 * changed, then the fewest points gained (cents, summed over the criteria the changes raise),
 * then rubric order; each new value is the smallest that gives its criterion the points it needs.
 */
import type { CompiledCriterion, CompiledRubric, CompiledTier } from '../rubric/compiled';
import { roundHalfUpNumber, toCentsHalfUp, toInteger } from '../sheet/decimal';
import type { ReadValue } from '../sheet/typedValues';
import { NOT_APPLICABLE } from './criterionPoints';
import type { InputState, ScoreResult, UnitResult } from './types';

/** A value as the result shows it: a number, yes/no as true/false, a choice's answer, null for blank. */
export type StepValue = number | boolean | string | null;

export interface StepChange {
  /** The input's code and its cell on the scored sheet. */
  input: string;
  cell: string | null;
  from: StepValue;
  to: StepValue;
  /** The criteria the change raises: points before and after, in cents. */
  criteria: { code: string; fromCents: number; toCents: number }[];
}

/** An entry that blocks points but is not for the path to change: a blank total ("nhập R1a"). */
export interface StepAdvice {
  input: string;
  cell: string | null;
  message: string;
}

export type NextStep =
  | { kind: 'path'; changes: StepChange[]; gainCents: number; advice: StepAdvice[] }
  | { kind: 'unreachable'; advice: StepAdvice[] }
  | { kind: 'fix_errors'; cells: string[] };

/** The next level of one category: its number and how to get there. */
export interface LevelTarget {
  category: string;
  level: number;
  step: NextStep;
}

export interface GradeTarget {
  grade: string;
  step: NextStep;
}

export interface UnitSteps {
  /** Per category of the unit's tier (rubrics with levels): null at Mức 1 or when not applicable. */
  levels: Map<string, LevelTarget | null>;
  /** Rubrics with grades: null at the top grade. */
  grade: GradeTarget | null;
}

// ---------------------------------------------------------------------------------------------
// The unit as scored

interface UnitContext {
  /** Evaluations allowed per target (SEARCH_BUDGET). */
  budget: number;
  /** The unit's changeable inputs, made once (every target reads from them). */
  items?: { items: Item[]; advice: StepAdvice[] };
  rubric: CompiledRubric;
  tier: CompiledTier;
  states: InputState[];
  /** Criterion points now, in the tier's order (NOT_APPLICABLE where they do not count). */
  cents: number[];
  /** Per input (by position): the tier's best value of a "best" input. */
  best: Map<number, bigint>;
  /** Position of each scoring criterion's category in tier.categories. */
  categoryOf: Int32Array;
  /**
   * Per category of the tier: the points achieved now, and the points possible (N/A left out);
   * shared by every Goal of the unit.
   */
  achieved: readonly number[];
  possible: readonly number[];
}

const numberOf = (read: ReadValue): number | null => (read.kind === 'number' ? Number(toInteger(read.value)) : null);

// ---------------------------------------------------------------------------------------------
// One changeable input and the values it may take
//
// Values are plain numbers: a count; points in cents; 1 for yes; a choice's answer position.
// Each criterion reading the input maps a value to its points exactly as the engine does
// (docs/cach-cham-diem.md, "Tính chính xác đến phần trăm điểm", bước 1).

type Points = (value: number) => number;

/** What a ratio's part is divided by: the unit's total, or the tier's best for a "best" criterion. */
function divisorOf(ctx: UnitContext, c: CompiledCriterion): number | null {
  if (c.def.kind === 'best') return Number(ctx.best.get(c.inputIndexes[0]) ?? 0n);
  return numberOf(ctx.states[c.inputIndexes[1]].read);
}

function pointsOf(ctx: UnitContext, c: CompiledCriterion): Points {
  const max = c.maxCents;
  const over = () => divisorOf(ctx, c);
  switch (c.def.kind) {
    case 'ratio':
    case 'best': {
      const b = over();
      if (b === null || b <= 0) return () => 0;
      return (v) => roundHalfUpNumber(v * max, b);
    }
    case 'ratioBands': {
      const b = over();
      if (b === null || b <= 0) return () => 0;
      return (v) => {
        const band = c.percentBands.find((p) => v * 100 >= Number(p.min) * b);
        return band ? roundHalfUpNumber(band.percent * max, 100) : 0;
      };
    }
    case 'bands':
      return (v) => c.bands.find((b) => v >= Number(b.min))?.cents ?? 0;
    case 'points':
      return (v) => v;
    case 'yesno':
      return (v) => (v >= 1 ? max : 0);
    case 'choice':
      return (v) => roundHalfUpNumber(c.answerPercents[v] * max, 100);
    case 'info':
      return () => 0;
  }
}

/**
 * The values worth trying, ascending, from just above the entry to the limit: every value at
 * which some criterion's points step up (the smallest value for those points), never more than
 * the criteria can tell apart.
 */
function candidateValues(ctx: UnitContext, c: CompiledCriterion, from: number, limit: number, points: Points): number[] {
  const out: number[] = [];
  switch (c.def.kind) {
    case 'ratio':
    case 'best': {
      // cents(v) ≥ x ⟺ v ≥ b(2x − 1) / 2max: the first value of each point level.
      const b = divisorOf(ctx, c);
      if (b === null || b <= 0) return out;
      let x = points(Math.max(from, 0)) + 1;
      for (;;) {
        const v = Math.max(Math.ceil((b * (2 * x - 1)) / (2 * c.maxCents)), from + 1);
        if (v > limit) break;
        out.push(v);
        x = points(v) + 1;
      }
      return out;
    }
    case 'ratioBands': {
      const b = numberOf(ctx.states[c.inputIndexes[1]].read);
      if (b === null || b <= 0) return out;
      for (let k = c.percentBands.length - 1; k >= 0; k--) {
        const v = Math.ceil((Number(c.percentBands[k].min) * b) / 100);
        if (v > from && v <= limit) out.push(v);
      }
      return out;
    }
    case 'bands':
      for (let k = c.bands.length - 1; k >= 0; k--) {
        const v = Number(c.bands[k].min);
        if (v > from && v <= limit) out.push(v);
      }
      return out;
    case 'points':
      for (let v = Math.max(from + 1, 1); v <= limit; v++) out.push(v);
      return out;
    case 'yesno':
      return from < 1 ? [1] : out;
    case 'choice': {
      // Answers by the points they give, the first answer first among equals.
      const now = from < 0 ? -1 : c.answerPercents[from];
      return c.answerPercents
        .map((p, a) => ({ p, a }))
        .filter((o) => o.p > now)
        .sort((x, y) => x.p - y.p || x.a - y.a)
        .map((o) => o.a);
    }
    case 'info':
      return out;
  }
}

/** A value the input may take, and what it gives each criterion reading it. */
interface Opt {
  value: number;
  /** Points of each of the item's criteria, in cents. */
  points: number[];
  /** Points gained over the unit's own entry, summed over the criteria. */
  gain: number;
}

/**
 * The values an input may take that pay more than its entry, ascending, each the smallest value
 * for its points. A single ratio, best or points criterion has up to one option per cent of its
 * maximum: those are found by inverting its formula rather than listed.
 */
interface OptionSpace {
  /** The largest option (the input at its limit). */
  top: Opt;
  /** The smallest option. */
  bottom: Opt;
  /** The smallest option whose first criterion reaches `points`, or null. */
  atLeast(points: number): Opt | null;
  /** The option just below, or null at the lowest. */
  below(o: Opt): Opt | null;
  /** Roughly how many options there are (to search the coarsest first). */
  size: number;
  /**
   * Every option in order, when listed (an input read by several criteria). Options then share
   * their first criterion's points, so `atLeast` alone cannot pick among them.
   */
  list: Opt[] | null;
}

/** A changeable input: its criteria and the values it may take. */
interface Item {
  /** Position in rubric.inputs. */
  index: number;
  state: InputState;
  /** Positions in tier.criteria of the scoring criteria that read it (that count). */
  criteria: number[];
  /** Their points now. */
  base: number[];
  /** Rubric order: its first criterion's position. */
  order: number;
  space: OptionSpace;
}

/** Options listed in full (few of them, or several criteria). */
function listSpace(options: Opt[]): OptionSpace {
  const position = new Map(options.map((o, i) => [o, i]));
  return {
    top: options[options.length - 1],
    bottom: options[0],
    size: options.length,
    list: options,
    atLeast: (points) => {
      let lo = 0;
      let hi = options.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (options[mid].points[0] >= points) hi = mid;
        else lo = mid + 1;
      }
      return options[lo] ?? null;
    },
    below: (o) => options[position.get(o)! - 1] ?? null,
  };
}

/**
 * One criterion whose points rise with the value by a formula with an inverse: the smallest
 * value with at least x points (docs/cach-cham-diem.md, bước 1, turned around).
 */
function curveSpace(
  base: number,
  from: number,
  limit: number,
  points: (v: number) => number,
  smallest: (x: number) => number,
): OptionSpace | null {
  const at = (v: number): Opt => {
    const p = points(v);
    return { value: v, points: [p], gain: p - base };
  };
  /** The smallest value (above the entry) giving at least x points. */
  const valueFor = (x: number) => {
    let v = Math.max(smallest(x), from + 1, 0);
    while (v > 0 && v - 1 > from && points(v - 1) >= x) v--; // guards against rounding in the inverse
    while (points(v) < x && v <= limit) v++;
    return v;
  };
  if (limit <= from || points(limit) <= base) return null;
  const top = at(valueFor(points(limit)));
  return {
    top,
    bottom: at(valueFor(base + 1)),
    size: top.points[0] - base,
    list: null,
    atLeast: (x) => {
      const v = valueFor(Math.max(x, base + 1));
      return v > limit ? null : at(v);
    },
    below: (o) => {
      const v = o.value - 1;
      if (v <= from) return null;
      const p = points(v);
      return p <= base ? null : at(valueFor(p));
    },
  };
}

const tierFacts = new WeakMap<CompiledTier, { totals: Set<number>; readers: Map<number, number[]> }>();

function factsOf(tier: CompiledTier) {
  let facts = tierFacts.get(tier);
  if (!facts) {
    // The inputs that are totals in this tier (of a ratio or of a rule): never changed.
    const totals = new Set<number>();
    for (const c of tier.criteria) if (c.scores && c.inputIndexes.length === 2) totals.add(c.inputIndexes[1]);
    for (const r of tier.rules) totals.add(r.totalIndex);
    // The scoring criteria reading each input as their first (changeable) input.
    const readers = new Map<number, number[]>();
    tier.criteria.forEach((c, k) => {
      if (c.scores) readers.set(c.inputIndexes[0], [...(readers.get(c.inputIndexes[0]) ?? []), k]);
    });
    facts = { totals, readers };
    tierFacts.set(tier, facts);
  }
  return facts;
}

const totalsOf = (tier: CompiledTier) => factsOf(tier).totals;
const readersOf = (tier: CompiledTier) => factsOf(tier).readers;

/** The entry as a value (null for blank), or undefined when it is not a value the input could move from. */
function entryValue(ctx: UnitContext, index: number, read: ReadValue): number | null | undefined {
  switch (read.kind) {
    case 'blank':
      return null;
    case 'number':
      // Points in cents rounded as the engine rounds them (docs/cach-cham-diem.md).
      return ctx.rubric.inputs[index].type === 'points' ? toCentsHalfUp(read.value) : Number(toInteger(read.value));
    case 'yesno':
      return read.value ? 1 : 0;
    case 'choice':
      return read.index;
    default:
      return undefined;
  }
}

function makeItem(ctx: UnitContext, index: number, criteria: number[], totals: Set<number>): Item | null {
  const { tier, states, rubric } = ctx;
  const state = states[index];
  // N/A entries, invalid entries and criteria that do not count stay as they are.
  if (state.invalid || totals.has(index)) return null;
  const current = entryValue(ctx, index, state.read);
  if (current === undefined) return null;
  const counted = criteria.filter((k) => ctx.cents[k] !== NOT_APPLICABLE);
  if (counted.length === 0) return null;
  const compiled = counted.map((k) => tier.criteria[k]);
  const type = rubric.inputs[index].type;
  const from = current ?? -1;

  // How far it may go: totals (ratios, rules), the tier's best, the maximum, or the highest band.
  let limit: number;
  if (type === 'yesno') limit = 1;
  else if (type === 'choice') limit = Infinity;
  else if (type === 'points') limit = Math.min(...compiled.map((c) => c.maxCents));
  else {
    const caps: number[] = [];
    for (const c of compiled) {
      if (c.inputIndexes.length === 2) {
        const total = numberOf(states[c.inputIndexes[1]].read);
        if (total !== null) caps.push(total);
      }
      if (c.def.kind === 'best') caps.push(Number(ctx.best.get(index) ?? 0n));
    }
    for (const r of tier.rules) {
      if (r.partIndex !== index) continue;
      const total = numberOf(states[r.totalIndex].read);
      if (total !== null) caps.push(total);
    }
    if (caps.length) limit = Math.min(...caps);
    else {
      const bands = compiled.flatMap((c) => c.bands.map((b) => Number(b.min)));
      if (bands.length === 0) return null;
      limit = Math.max(...bands);
    }
  }

  const pointers = compiled.map((c) => pointsOf(ctx, c));
  const base = counted.map((k) => ctx.cents[k]);
  const item = (space: OptionSpace | null): Item | null =>
    space && { index, state, criteria: counted, base, order: Math.min(...counted), space };
  if (counted.length === 1) {
    const c = compiled[0];
    const p = pointers[0];
    const kind = c.def.kind;
    if (kind === 'points') return item(curveSpace(base[0], from, limit, p, (x) => x));
    if (kind === 'ratio' || kind === 'best') {
      const b = divisorOf(ctx, c);
      if (b === null || b <= 0) return null;
      // cents(v) ≥ x ⟺ v ≥ b(2x − 1) / 2max.
      return item(
        curveSpace(base[0], from, limit, p, (x) =>
          x <= 0 ? 0 : Math.floor((b * (2 * x - 1) + 2 * c.maxCents - 1) / (2 * c.maxCents)),
        ),
      );
    }
  }
  // Few options (bands, ratio bands, yes/no, a choice) or several criteria: listed in full. One
  // criterion's candidates come in the order of its points (a choice's answers are not in order).
  const candidates =
    counted.length === 1
      ? candidateValues(ctx, compiled[0], from, limit, pointers[0])
      : [...new Set(compiled.flatMap((c, i) => candidateValues(ctx, c, from, limit, pointers[i])))].sort((a, b) => a - b);
  const options: Opt[] = [];
  let last = base;
  for (const v of candidates) {
    const now = pointers.map((p) => p(v));
    if (!now.some((c, i) => c > last[i]) || now.some((c, i) => c < base[i])) continue;
    options.push({ value: v, points: now, gain: now.reduce((s, c, i) => s + c - base[i], 0) });
    last = now;
  }
  return options.length ? item(listSpace(options)) : null;
}

/** Every changeable input of the unit, and advice for each blank total: made once per unit. */
function allItems(ctx: UnitContext): { items: Item[]; advice: StepAdvice[] } {
  if (ctx.items) return ctx.items;
  const { tier, states, rubric } = ctx;
  const totals = totalsOf(tier);
  const inputs = new Set<number>();
  const advice: StepAdvice[] = [];
  const advised = new Set<number>();
  tier.criteria.forEach((c, k) => {
    if (!c.scores || ctx.cents[k] === NOT_APPLICABLE) return;
    // A blank total blocks its ratio whatever the part: advice, not a change.
    if (c.inputIndexes.length === 2 && states[c.inputIndexes[1]].read.kind === 'blank') {
      const t = c.inputIndexes[1];
      if (!advised.has(t)) {
        advised.add(t);
        const inp = rubric.inputs[t];
        advice.push({ input: inp.code, cell: states[t].cell, message: `Nhập ${inp.code} - ${inp.name}` });
      }
    }
    inputs.add(c.inputIndexes[0]);
  });
  const items: Item[] = [];
  const readers = readersOf(tier);
  for (const index of inputs) {
    // The change raises every criterion that reads the input.
    const item = makeItem(ctx, index, readers.get(index)!, totals);
    if (item) items.push(item);
  }
  items.sort((a, b) => a.order - b.order);
  ctx.items = { items, advice };
  return ctx.items;
}

/** The changeable inputs behind the criteria in scope, and the advice that concerns them. */
function changeableItems(ctx: UnitContext, scope: (c: CompiledCriterion) => boolean): { items: Item[]; advice: StepAdvice[] } {
  const all = allItems(ctx);
  const { tier, rubric } = ctx;
  const items = all.items.filter((item) => item.criteria.some((k) => scope(tier.criteria[k])));
  const blocked = new Set(
    tier.criteria
      .filter((c) => c.scores && scope(c) && c.inputIndexes.length === 2)
      .map((c) => rubric.inputs[c.inputIndexes[1]].code),
  );
  return { items, advice: all.advice.filter((a) => blocked.has(a.input)) };
}

// ---------------------------------------------------------------------------------------------
// The goal

/**
 * What options are worth towards a target. A category's score is its achieved points converted
 * to its maximum (docs/cach-cham-diem.md, bước 2): monotone in the points, so the measure (one
 * category's score for a level, the total for a grade) only grows with the options.
 */
class Goal {
  private readonly achieved: readonly number[];
  private readonly possible: readonly number[];
  private readonly gains: number[];

  constructor(
    private readonly ctx: UnitContext,
    /** The categories the measure adds up. */
    private readonly categories: number[],
    /** The smallest measure that reaches the target. */
    readonly need: number,
    /** For a level: the points each counted criterion of the category must keep or reach. */
    readonly floor: Map<number, number>,
  ) {
    this.achieved = ctx.achieved;
    this.possible = ctx.possible;
    this.gains = new Array<number>(ctx.tier.categories.length).fill(0);
  }

  private score(c: number, points: number): number {
    const possible = this.possible[c];
    return possible === 0 ? 0 : roundHalfUpNumber(points * this.ctx.tier.categories[c].maxCents, possible);
  }

  /** The measure with the chosen option of each item (null: unchanged). */
  measure(items: Item[], chosen: (Opt | null)[]): number {
    const gains = this.gains;
    gains.fill(0);
    for (let i = 0; i < items.length; i++) {
      const o = chosen[i];
      if (o === null) continue;
      const item = items[i];
      for (let j = 0; j < item.criteria.length; j++) {
        const c = this.ctx.categoryOf[item.criteria[j]];
        if (c >= 0) gains[c] += o.points[j] - item.base[j];
      }
    }
    let total = 0;
    for (const c of this.categories) total += this.score(c, this.achieved[c] + gains[c]);
    return total;
  }

  /** Whether each item raises one criterion, of a measured category: the measure is then a sum of one term per category. */
  separable(items: Item[]): boolean {
    const measured = new Set(this.categories);
    return items.every((item) => item.criteria.length === 1 && measured.has(this.ctx.categoryOf[item.criteria[0]]));
  }

  /**
   * For separable items (Goal.separable): the fewest points the criterion of `items[last]` needs
   * for the measure to reach the need, the other items' options as chosen. Each category's score
   * is turned around in closed form (roundHalfUp(p · max / possible) ≥ x ⟺ 2 · p · max ≥
   * possible · (2x − 1)); Infinity when no points are enough.
   */
  pointsNeeded(items: Item[], chosen: (Opt | null)[], last: number): number {
    const gains = this.gains;
    gains.fill(0);
    for (let i = 0; i < items.length; i++) {
      const o = chosen[i];
      if (i === last || o === null) continue;
      gains[this.ctx.categoryOf[items[i].criteria[0]]] += o.points[0] - items[i].base[0];
    }
    const own = this.ctx.categoryOf[items[last].criteria[0]];
    let rest = 0;
    for (const c of this.categories) if (c !== own) rest += this.score(c, this.achieved[c] + gains[c]);
    const x = this.need - rest;
    const reached = this.achieved[own] + gains[own];
    const base = items[last].base[0];
    if (x <= 0) return base;
    const possible = this.possible[own];
    if (possible === 0) return Infinity;
    let p = Math.ceil((possible * (2 * x - 1)) / (2 * this.ctx.tier.categories[own].maxCents));
    // Guards against the float quotient landing one off.
    while (p > 0 && this.score(own, p - 1) >= x) p--;
    while (this.score(own, p) < x) p++;
    return base + Math.max(p - reached, 0);
  }

  /**
   * When the measure is plain addition of the items' gains — each item raises one criterion of a
   * measured category, and the measure is one category's score or a total without conversion —
   * the sum of gains that reaches the need; otherwise null.
   */
  additiveNeed(items: Item[]): number | null {
    if (!this.separable(items)) return null;
    if (this.categories.length === 1) {
      const c = this.categories[0];
      return this.smallestGain(c, this.ctx.tier.categories[c].maxCents * 100);
    }
    const plain = this.categories.every(
      (c) => this.possible[c] === 0 || this.possible[c] === this.ctx.tier.categories[c].maxCents,
    );
    return plain ? this.need - this.measure([], []) : null;
  }

  /** The smallest gain in one category that brings the measure to the need (or more than `upTo`). */
  smallestGain(category: number, upTo: number): number {
    const at = (gain: number) => {
      let total = 0;
      for (const c of this.categories) total += this.score(c, this.achieved[c] + (c === category ? gain : 0));
      return total;
    };
    if (at(upTo) < this.need) return upTo + 1;
    let lo = 0;
    let hi = upTo;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at(mid) >= this.need) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

// ---------------------------------------------------------------------------------------------
// The search

/** Work allowed for one target before the best path found so far is taken (docs/lo-trinh.md). */
export const SEARCH_BUDGET = 200_000;

interface Path {
  items: Item[];
  /** The option chosen for each item. */
  options: Opt[];
  gain: number;
}

class Search {
  evaluations = 0;
  /** Per item, its lowest option that keeps its criteria at their floors (a level's minimum). */
  private readonly firsts = new Map<Item, Opt | null>();

  constructor(
    private readonly goal: Goal,
    /** The sum of gains that reaches the goal, when the measure is plain addition (Goal.additiveNeed). */
    private readonly sumNeed: number | null,
    /** Whether the measure is a sum of one term per category of the items (Goal.separable). */
    private readonly separable: boolean,
    private readonly budget: number,
  ) {}

  get exhausted(): boolean {
    return this.evaluations > this.budget;
  }

  first(item: Item): Opt | null {
    let f = this.firsts.get(item);
    if (f === undefined) {
      const floor = this.goal.floor;
      const ok = (o: Opt) => item.criteria.every((k, j) => !floor.has(k) || o.points[j] >= floor.get(k)!);
      if (item.space.list) {
        // Several criteria: the first option in order that keeps every one at its floor.
        f = item.space.list.find(ok) ?? null;
      } else {
        // One criterion: its floor gives the option directly.
        const k0 = item.criteria[0];
        f = floor.has(k0) ? item.space.atLeast(Math.max(floor.get(k0)!, item.base[0] + 1)) : item.space.bottom;
        while (f !== null && !ok(f)) f = item.space.atLeast(f.points[0] + 1);
      }
      this.firsts.set(item, f);
    }
    return f;
  }

  reaches(items: Item[], chosen: (Opt | null)[]): boolean {
    this.evaluations++;
    if (this.sumNeed !== null) {
      let sum = 0;
      for (const o of chosen) if (o !== null) sum += o.gain;
      return sum >= this.sumNeed;
    }
    return this.goal.measure(items, chosen) >= this.goal.need;
  }

  /**
   * The cheapest options (fewest points) for exactly these items that reach the goal, under
   * `limit`; null when none does. `least` is the fewest points any path can gain: reaching it
   * ends the search. Inner items try their options from the largest down, so a near-exact fit
   * is found first; the last item is found by bisection on its points (the measure only grows).
   */
  cheapest(items: Item[], limit: number, least: number): Path | null {
    const firsts = items.map((item) => this.first(item));
    if (firsts.some((f) => f === null)) return null;
    if (this.exhausted) {
      // Out of work before any path was found: these items at their limits (which the caller has
      // seen reach the goal) still make a path of the fewest changes, if not the fewest points.
      const tops = items.map((item) => item.space.top);
      const gain = tops.reduce((sum, o) => sum + o.gain, 0);
      return gain < limit ? { items, options: tops, gain } : null;
    }
    const order = items.map((_, i) => i).sort((a, b) => items[a].space.size - items[b].space.size);
    const last = order[order.length - 1];
    const inner = order.slice(0, -1);
    const lowestGain = (i: number) => firsts[i]!.gain;
    const minAfter = inner.map((_, d) => inner.slice(d + 1).reduce((s, i) => s + lowestGain(i), 0) + lowestGain(last));
    const floor = Math.max(
      least,
      items.reduce((s, _, i) => s + lowestGain(i), 0),
    );
    const chosen: (Opt | null)[] = items.map((item) => item.space.top);
    let best: Path | null = null;
    let bound = limit;
    const lastItem = items[last];

    const search = (depth: number, gain: number): void => {
      if (this.exhausted || bound <= floor) return;
      if (depth === inner.length) {
        if (this.sumNeed !== null && lastItem.criteria.length === 1) {
          // Plain addition: the last item must gain what the others leave; its gain is its points' rise.
          const o = lastItem.space.atLeast(Math.max(lastItem.base[0] + this.sumNeed - gain, firsts[last]!.points[0]));
          this.evaluations++;
          if (o !== null && gain + o.gain < bound) {
            chosen[last] = o;
            best = { items, options: [...(chosen as Opt[])], gain: gain + o.gain };
            bound = gain + o.gain;
          }
          return;
        }
        if (this.separable) {
          // The last item's points turned around from the measure, then checked once.
          const needed = this.goal.pointsNeeded(items, chosen, last);
          const o = needed === Infinity ? null : lastItem.space.atLeast(Math.max(needed, firsts[last]!.points[0]));
          if (o === null || gain + o.gain >= bound) return;
          chosen[last] = o;
          if (!this.reaches(items, chosen)) return;
          best = { items, options: [...(chosen as Opt[])], gain: gain + o.gain };
          bound = gain + o.gain;
          return;
        }
        chosen[last] = lastItem.space.top;
        if (!this.reaches(items, chosen)) return;
        const list = lastItem.space.list;
        if (list && lastItem.criteria.length > 1) {
          // Several criteria grow together along the list: the first option in it that still reaches.
          let from = list.indexOf(firsts[last]!);
          let to = list.length - 1;
          while (from < to) {
            const mid = (from + to) >> 1;
            chosen[last] = list[mid];
            if (this.reaches(items, chosen)) to = mid;
            else from = mid + 1;
          }
          chosen[last] = list[from];
          if (gain + list[from].gain < bound) {
            best = { items, options: [...(chosen as Opt[])], gain: gain + list[from].gain };
            bound = gain + list[from].gain;
          }
          return;
        }
        // The smallest points of the last item's first criterion that still reach the goal.
        let lo = firsts[last]!.points[0];
        let hi = lastItem.space.top.points[0];
        while (lo < hi) {
          const mid = Math.floor((lo + hi) / 2);
          const o = lastItem.space.atLeast(mid);
          chosen[last] = o;
          if (o !== null && this.reaches(items, chosen)) hi = mid;
          else lo = mid + 1;
        }
        const o = lastItem.space.atLeast(lo);
        if (o === null || o.gain < firsts[last]!.gain) return;
        chosen[last] = o;
        const total = gain + o.gain;
        if (total < bound) {
          best = { items, options: [...(chosen as Opt[])], gain: total };
          bound = total;
        }
        return;
      }
      const i = inner[depth];
      const item = items[i];
      const floorGain = firsts[i]!.gain;
      let o: Opt | null = item.space.top;
      if (this.sumNeed !== null && depth === inner.length - 1 && item.criteria.length === 1) {
        // Plain addition, the item just before the last: above the option that leaves the last item
        // its lowest gain, the total only grows with this item, so only the first such option counts;
        // below it, try downwards for an exact fit.
        const room = this.sumNeed - gain - firsts[last]!.gain;
        const above = item.space.atLeast(item.base[0] + Math.max(room + 1, floorGain));
        const under = above === null ? item.space.top : item.space.below(above);
        if (above !== null) {
          chosen[i] = above;
          chosen[last] = lastItem.space.top;
          if (this.reaches(items, chosen)) search(depth + 1, gain + above.gain);
        }
        o = under;
      }
      while (o !== null && o.gain >= floorGain && bound > floor) {
        const cap = bound - gain - minAfter[depth];
        if (o.gain >= cap) {
          // Too dear: jump to the largest option gaining less than the cap (one criterion), or step.
          const at = item.criteria.length === 1 ? item.space.atLeast(item.base[0] + cap) : null;
          o = at !== null && at.value <= o.value ? item.space.below(at) : item.space.below(o);
          continue;
        }
        chosen[i] = o;
        for (let d = depth + 1; d < inner.length; d++) chosen[inner[d]] = items[inner[d]].space.top;
        chosen[last] = lastItem.space.top;
        // Smaller options here only fall further short.
        if (!this.reaches(items, chosen)) break;
        search(depth + 1, gain + o.gain);
        o = item.space.below(o);
      }
    };
    search(0, 0);
    return best;
  }
}

/**
 * The path for one goal among the changeable items (`mandatory` must all change): the fewest
 * items, then the fewest points, then rubric order. `least` is the fewest points any path can
 * gain; a path gaining exactly that ends the search.
 */
function findPath(ctx: UnitContext, items: Item[], mandatory: Item[], goal: Goal, least: number): Path | null {
  const search = new Search(goal, goal.additiveNeed(items), goal.separable(items), ctx.budget);
  if (mandatory.some((item) => search.first(item) === null)) return null;
  const atTop = (set: Item[]) => set.map((item) => item.space.top);
  if (!search.reaches(items, atTop(items))) return null;
  // Optional items in rubric order, so sets come out in rubric order: the first of the cheapest wins.
  const optional = items.filter((i) => !mandatory.includes(i));
  const base = goal.measure(mandatory, atTop(mandatory));
  const alone = optional.map((item) => goal.measure([...mandatory, item], atTop([...mandatory, item])) - base);
  // most[i][r]: the sum of the r largest gains among the items from position i on, the most a
  // branch can still add (made once: the search asks for it at every step).
  const most = optional.map((_, i) => {
    const strongest = alone.slice(i).sort((a, b) => b - a);
    const sums = [0];
    for (const g of strongest) sums.push(sums[sums.length - 1] + g);
    return sums;
  });
  most.push([0]);
  const mostFrom = (i: number, r: number) => most[i][Math.min(r, most[i].length - 1)];
  // Rounding in the conversion of a category can add a cent per category to a combination.
  const slack = ctx.tier.categories.length;

  for (let extra = 0; extra <= optional.length; extra++) {
    if (base + mostFrom(0, extra) + slack * extra < goal.need) continue;
    let found: Path | null = null;
    const done = () => found !== null && (found.gain <= least || search.exhausted);
    const pick = (from: number, chosen: Item[], sum: number): void => {
      if (chosen.length === extra) {
        const set = [...mandatory, ...chosen].sort((a, b) => a.order - b.order);
        if (set.some((item) => search.first(item) === null) || !search.reaches(set, atTop(set))) return;
        const lower = set.reduce((s, item) => s + search.first(item)!.gain, 0);
        if (found !== null && lower >= found.gain) return;
        const best = search.cheapest(set, found === null ? Infinity : found.gain, least);
        // Sets come in rubric order and `cheapest` only returns a path cheaper than `limit`: among
        // paths of equal points, the first in rubric order stays.
        if (best) found = best;
        return;
      }
      const left = extra - chosen.length;
      for (let i = from; i <= optional.length - left && !done(); i++) {
        if (base + sum + alone[i] + mostFrom(i + 1, left - 1) + slack * extra < goal.need) continue;
        pick(i + 1, [...chosen, optional[i]], sum + alone[i]);
      }
    };
    pick(0, [], 0);
    if (found) return found;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Per unit

/** How a value reads in the result: a count, points, yes/no, or a choice's answer. */
function shown(ctx: UnitContext, index: number, value: number | null): StepValue {
  if (value === null) return null;
  switch (ctx.rubric.inputs[index].type) {
    case 'points':
      return value / 100;
    case 'yesno':
      return value >= 1;
    case 'choice':
      return ctx.rubric.choices[index]?.answers[value] ?? null;
    default:
      return value;
  }
}

function changesOf(ctx: UnitContext, path: Path): StepChange[] {
  return path.items.map((item, i) => {
    const o = path.options[i];
    const from = entryValue(ctx, item.index, item.state.read);
    return {
      input: ctx.rubric.inputs[item.index].code,
      cell: item.state.cell,
      from: from === undefined ? null : shown(ctx, item.index, from),
      to: shown(ctx, item.index, o.value),
      criteria: item.criteria.map((k, j) => ({
        code: ctx.tier.criteria[k].code,
        fromCents: ctx.cents[k],
        toCents: o.points[j],
      })),
    };
  });
}

function contextOf(result: ScoreResult, u: UnitResult, budget: number): UnitContext | null {
  if (u.status !== 'scored' || u.tier === null || !u.inputs || !u.criteria) return null;
  const tier = result.rubric.tiers[u.tier];
  const categoryOf = new Int32Array(tier.criteria.length).fill(-1);
  tier.categoryIndexes.forEach((indexes, c) => indexes.forEach((k) => (categoryOf[k] = c)));
  const cents = u.criteria.map((c) => (c.cents === null ? NOT_APPLICABLE : c.cents));
  return {
    budget,
    // Present from the start: one object shape for every unit keeps the search's compiled code.
    items: undefined,
    rubric: result.rubric,
    tier,
    states: u.inputs,
    cents,
    best: result.best.get(u.tier) ?? new Map(),
    categoryOf,
    achieved: tier.categoryIndexes.map((indexes) => indexes.reduce((s, k) => s + Math.max(cents[k], 0), 0)),
    possible: tier.categoryIndexes.map((indexes) =>
      indexes.reduce((s, k) => s + (cents[k] === NOT_APPLICABLE ? 0 : tier.criteria[k].maxCents), 0),
    ),
  };
}

/** Cells to fix first: those of the unit's errors, in sheet order. */
function errorCells(u: UnitResult): string[] {
  return [...new Set(u.issues.filter((i) => i.severity === 'error' && i.cell).map((i) => i.cell!))];
}

function stepFor(ctx: UnitContext, items: Item[], mandatory: Item[], advice: StepAdvice[], goal: Goal, least: number): NextStep {
  const path = findPath(ctx, items, mandatory, goal, least);
  if (!path) return { kind: 'unreachable', advice };
  return { kind: 'path', changes: changesOf(ctx, path), gainCents: path.gain, advice };
}

/** The next level of one category, or null at the top level or when the category does not apply. */
function nextLevel(ctx: UnitContext, u: UnitResult, categoryIndex: number): LevelTarget | null {
  const cat = u.categories[categoryIndex];
  const levels = ctx.rubric.levels;
  if (!cat || !cat.applicable || cat.level === 1) return null;
  const target = cat.level === null ? levels.length : cat.level - 1;
  const minimum = levels[target - 1].criterionMinimum;
  const inCategory = (c: CompiledCriterion) => c.category === cat.id;
  const { items, advice } = changeableItems(ctx, inCategory);
  // Each counted criterion of the category at or above the target's minimum (docs/cach-cham-diem.md, "Xếp mức").
  const floor = new Map<number, number>();
  for (const k of ctx.tier.categoryIndexes[categoryIndex]) {
    if (ctx.cents[k] !== NOT_APPLICABLE) floor.set(k, Math.ceil((minimum * ctx.tier.criteria[k].maxCents) / 100));
  }
  const below = [...floor].filter(([k, least]) => ctx.cents[k] < least).map(([k]) => k);
  // A criterion under the minimum must change; one that cannot (a blank total, say) is out of reach.
  const mandatory = items.filter((item) => item.criteria.some((k) => below.includes(k)));
  if (below.some((k) => !mandatory.some((item) => item.criteria.includes(k)))) {
    return { category: cat.id, level: target, step: { kind: 'unreachable', advice } };
  }
  // score × 100 ≥ threshold × maximum.
  const goal = new Goal(ctx, [categoryIndex], Math.ceil((levels[target - 1].categoryThreshold * cat.maxCents) / 100), floor);
  // The fewest points any path gains: what the score needs, and what the criteria under the minimum need.
  const deficit = below.reduce((s, k) => s + floor.get(k)! - ctx.cents[k], 0);
  const least = Math.max(deficit, goal.smallestGain(categoryIndex, cat.maxCents * 100));
  return { category: cat.id, level: target, step: stepFor(ctx, items, mandatory, advice, goal, least) };
}

function nextGrade(ctx: UnitContext, u: UnitResult): GradeTarget | null {
  const grades = ctx.rubric.grades;
  const now = grades.findIndex((g) => g.name === u.grade);
  if (now <= 0) return null;
  const target = grades[now - 1];
  const { items, advice } = changeableItems(ctx, () => true);
  // roundHalfUp(total × 10000 / max) ≥ bound × 100 ⟺ 20000 · total ≥ max · (200 · bound − 1).
  const need = Math.ceil((u.maxCents! * (200 * target.min - 1)) / 20000);
  const goal = new Goal(
    ctx,
    ctx.tier.categories.map((_, c) => c),
    need,
    new Map(),
  );
  // The fewest points any path gains: a point in a category converts to at most its maximum over
  // its applicable points, plus a rounding cent; without N/A, exactly one.
  const slopes = ctx.tier.categories.map((cat, c) => (ctx.possible[c] === 0 ? 0 : cat.maxCents / ctx.possible[c]));
  const short = need - goal.measure([], []);
  const least = slopes.every((s) => s <= 1) ? short : Math.max(0, Math.ceil((short - slopes.length) / Math.max(...slopes)));
  return { grade: target.name, step: stepFor(ctx, items, [], advice, goal, least) };
}

/**
 * The next steps of one unit: per category the next level (rubrics with levels) and the next
 * grade (rubrics with grades). Units with errors are told to fix them first; units without a
 * report or of unknown tier have none. `budget`: evaluations allowed per target.
 */
export function unitSteps(result: ScoreResult, u: UnitResult, budget = SEARCH_BUDGET): UnitSteps | null {
  const rubric = result.rubric;
  if (u.status === 'missing' || u.tier === null) return null;
  const levels = new Map<string, LevelTarget | null>();
  if (u.status === 'error') {
    const fix: NextStep = { kind: 'fix_errors', cells: errorCells(u) };
    if (rubric.levels.length) {
      for (const cat of u.categories) {
        const target = !cat.applicable || cat.level === 1 ? null : cat.level === null ? rubric.levels.length : cat.level - 1;
        levels.set(cat.id, target === null ? null : { category: cat.id, level: target, step: fix });
      }
    }
    // A unit with errors has no grade: the next is the one above what its figures would get.
    const grades = rubric.grades;
    const would = u.percentHundredths === null ? grades.length : grades.findIndex((g) => u.percentHundredths! >= g.min * 100);
    const grade = grades.length && would !== 0 ? { grade: grades[Math.min(would, grades.length) - 1].name, step: fix } : null;
    return { levels, grade };
  }
  const ctx = contextOf(result, u, budget);
  if (!ctx) return null;
  if (rubric.levels.length) u.categories.forEach((cat, i) => levels.set(cat.id, nextLevel(ctx, u, i)));
  return { levels, grade: rubric.grades.length ? nextGrade(ctx, u) : null };
}

const cache = new WeakMap<ScoreResult, Map<UnitResult, UnitSteps | null>>();

/** The next steps of every unit, computed once per result. */
export function allSteps(result: ScoreResult): Map<UnitResult, UnitSteps | null> {
  let out = cache.get(result);
  if (!out) {
    out = new Map(result.units.map((u) => [u, unitSteps(result, u)]));
    cache.set(result, out);
  }
  return out;
}
