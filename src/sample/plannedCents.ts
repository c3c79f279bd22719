/**
 * What clean entries score, worked out by the samples while they draw them (docs/cach-cham-diem.md,
 * "Tính chính xác đến phần trăm điểm", bước 1), independently of the engine: the samples' tests
 * then check the engine against it.
 */
import type { CriterionDef } from '../rubric/schema';

/** An entry as drawn: a number, yes/no, "na" for "Không áp dụng", a choice's answer, or blank. */
export type PlannedValue = number | boolean | string | null;

/** ⌊(2p + q) / 2q⌋: p / q rounded half up, for p, q ≥ 0. */
export const roundHalfUp = (p: number, q: number) => Math.floor((2 * p + q) / (2 * q));

export const numberOf = (v: PlannedValue | undefined): number | null => (typeof v === 'number' ? v : null);

/**
 * A criterion's cents in a tier for clean entries; null when not applicable. `best`: the tier's
 * best entry of an input (for "best" criteria).
 */
export function plannedCriterionCents(
  c: CriterionDef,
  tier: string,
  v: Record<string, PlannedValue>,
  best: (input: string) => number,
): number | null {
  const t = c.tiers[tier]!;
  const max = Math.round(t.max! * 100);
  const codes = c.kind === 'ratio' || c.kind === 'ratioBands' ? [c.part, c.total] : [c.input];
  if (t.allowNA && codes.some((code) => v[code] === 'na')) return null;
  switch (c.kind) {
    case 'ratio':
    case 'ratioBands': {
      const b = numberOf(v[c.total]);
      const a = numberOf(v[c.part]) ?? 0;
      if (b === null) return 0;
      if (b === 0) return a === 0 ? null : 0;
      if (c.kind === 'ratio') return roundHalfUp(a * max, b);
      const band = t.percentBands!.find((p) => a * 100 >= p.min * b);
      return band ? roundHalfUp(band.percent * max, 100) : 0;
    }
    case 'yesno':
      return v[c.input] === true ? max : 0;
    case 'bands': {
      const x = numberOf(v[c.input]);
      const band = x === null ? undefined : t.bands!.find((b) => x >= b.min);
      return band ? Math.round(band.points * 100) : 0;
    }
    case 'best': {
      const x = numberOf(v[c.input]);
      const b = best(c.input);
      return x === null || b === 0 ? 0 : roundHalfUp(x * max, b);
    }
    case 'points': {
      const x = numberOf(v[c.input]);
      return x === null ? 0 : Math.round(x * 100);
    }
    case 'choice': {
      const percent = c.answers.find((a) => a.answer === v[c.input])?.percent ?? 0;
      return roundHalfUp(percent * max, 100);
    }
    case 'info':
      return null;
  }
}
