/**
 * Criterion points (rubric.md, "Whether a criterion counts, and for how much" and "Exact
 * arithmetic" step 1), one function per kind of criterion.
 */
import type { CompiledCriterion } from '../rubric/compiled';
import { roundHalfUp, toCentsHalfUp, toInteger } from '../sheet/decimal';
import type { InputState } from './types';

export type Outcome = { applicable: false } | { applicable: true; cents: number };

const NOT_APPLICABLE: Outcome = { applicable: false };
const zero: Outcome = { applicable: true, cents: 0 };
const counts = (cents: number): Outcome => ({ applicable: true, cents });

/** The largest valid value of each "best" input among the tier's submitted units. */
export type BestValues = Map<string, bigint>;

function count(s: InputState): bigint | null {
  return s.read.kind === 'number' ? toInteger(s.read.value) : null;
}

export function criterionOutcome(c: CompiledCriterion, inputs: InputState[], best: BestValues): Outcome {
  if (inputs.some((s) => s.invalid)) return zero;
  if (c.allowNA && inputs.some((s) => s.read.kind === 'na')) return NOT_APPLICABLE;
  const [first] = inputs;
  switch (c.def.kind) {
    case 'ratio': {
      const [part, total] = inputs;
      const b = count(total);
      if (b === null) return zero; // total blank
      const a = count(part) ?? 0n; // part blank counts as 0
      if (b === 0n) return a === 0n ? NOT_APPLICABLE : zero;
      return counts(Number(roundHalfUp(a * BigInt(c.maxCents), b)));
    }
    case 'yesno':
      return first.read.kind === 'yesno' && first.read.value ? counts(c.maxCents) : zero;
    case 'bands': {
      const v = count(first);
      if (v === null) return zero;
      const band = c.bands.find((b) => v >= b.min);
      return counts(band ? band.cents : 0);
    }
    case 'best': {
      const v = count(first);
      const top = best.get(first.code) ?? 0n;
      if (v === null || top === 0n) return zero;
      // Only an unnamed row (left out of the best) can exceed it; its points stop at the maximum.
      return counts(Number(roundHalfUp((v > top ? top : v) * BigInt(c.maxCents), top)));
    }
    case 'points':
      return first.read.kind === 'number' ? counts(toCentsHalfUp(first.read.value)) : zero;
  }
}
