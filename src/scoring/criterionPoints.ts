/**
 * Criterion points (docs/cach-cham-diem.md, "Khi nào tiêu chí được tính" and "Tính chính xác
 * đến phần trăm điểm", bước 1), one case per kind of criterion.
 */
import type { CompiledCriterion } from '../rubric/compiled';
import { roundHalfUp, roundHalfUpNumber, toCentsHalfUp, toInteger } from '../sheet/decimal';
import type { ReadValue } from '../sheet/typedValues';

/** Points in cents, or NOT_APPLICABLE. A plain number keeps the hot loop free of allocations. */
export type Outcome = number;
export const NOT_APPLICABLE = -1;
const zero = 0;
const counts = (cents: number): Outcome => cents;

/** The largest valid value of each "best" input (by its index in rubric.inputs) among the tier's submitted units. */
export type BestValues = Map<number, bigint>;

function count(read: ReadValue): bigint | null {
  return read.kind === 'number' ? toInteger(read.value) : null;
}

/** Multiplies and rounds in numbers while exact, in BigInt beyond. */
function scaled(value: bigint, maxCents: number, over: bigint): number {
  if (value <= SAFE && over <= SAFE) {
    const v = Number(value);
    if (v * maxCents <= Number.MAX_SAFE_INTEGER / 4) return roundHalfUpNumber(v * maxCents, Number(over));
  }
  return Number(roundHalfUp(value * BigInt(maxCents), over));
}
const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** roundHalfUp(percent × maxCents / 100): a whole percent of a criterion's maximum. */
function percentOf(percent: number, maxCents: number): number {
  return roundHalfUpNumber(percent * maxCents, 100);
}

/** The outcome of one criterion for a unit whose reads and invalid flags are given in rubric order. */
export function criterionOutcome(c: CompiledCriterion, reads: ReadValue[], invalid: boolean[], best: BestValues): Outcome {
  if (!c.scores) return NOT_APPLICABLE; // info: collected, never counted
  const i = c.inputIndexes[0];
  const j = c.inputIndexes.length > 1 ? c.inputIndexes[1] : -1;
  if (invalid[i] || (j >= 0 && invalid[j])) return zero;
  const first = reads[i];
  const second = j >= 0 ? reads[j] : null;
  if (c.allowNA && (first.kind === 'na' || (second !== null && second.kind === 'na'))) return NOT_APPLICABLE;
  switch (c.def.kind) {
    case 'ratio':
    case 'ratioBands': {
      const b = count(second!);
      if (b === null) return zero; // total blank
      const a = count(first) ?? 0n; // part blank counts as 0
      if (b === 0n) return a === 0n ? NOT_APPLICABLE : zero;
      if (c.def.kind === 'ratio') return counts(scaled(a, c.maxCents, b));
      for (const p of c.percentBands) if (a * 100n >= p.min * b) return counts(percentOf(p.percent, c.maxCents));
      return counts(0);
    }
    case 'yesno':
      return first.kind === 'yesno' && first.value ? counts(c.maxCents) : zero;
    case 'bands': {
      const v = count(first);
      if (v === null) return zero;
      for (const b of c.bands) if (v >= b.min) return counts(b.cents);
      return counts(0);
    }
    case 'best': {
      const v = count(first);
      const top = best.get(i) ?? 0n;
      if (v === null || top === 0n) return zero;
      // Only an unnamed row (left out of the best) can exceed it; its points stop at the maximum.
      return counts(scaled(v > top ? top : v, c.maxCents, top));
    }
    case 'points':
      return first.kind === 'number' ? counts(toCentsHalfUp(first.value)) : zero;
    case 'choice':
      return first.kind === 'choice' ? counts(percentOf(c.answerPercents[first.index], c.maxCents)) : zero;
    case 'info':
      return NOT_APPLICABLE;
  }
}
