/**
 * Exact decimals for typed numbers: "4,125" is 4125 × 10⁻³, never a binary float, so every
 * implementation of the rubric gets the same digits.
 */
export interface Decimal {
  /** The digits as a whole number (sign included). */
  units: bigint;
  /** Number of decimal places: value = units / 10^scale. */
  scale: number;
}

const TEN = 10n;

const POWERS = Array.from({ length: 32 }, (_, i) => TEN ** BigInt(i));

export function pow10(n: number): bigint {
  return n < POWERS.length ? POWERS[n] : TEN ** BigInt(n);
}

/** Parses plain decimal digits with an optional sign and a "." decimal point ("-12.50"). */
export function parsePlainDecimal(s: string): Decimal | null {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return null;
  const frac = m[3] ?? '';
  const units = BigInt(m[2] + frac);
  return { units: m[1] ? -units : units, scale: frac.length };
}

/**
 * A JavaScript number as its shortest round-trip decimal (4.005 → 4,005, never 4,00499…),
 * exponent notation included (1e21, 5e-7).
 */
// Counts are mostly small whole numbers: share their (immutable) decimals instead of allocating.
const SMALL = Array.from({ length: 4096 }, (_, i): Decimal => Object.freeze({ units: BigInt(i), scale: 0 }));

export function decimalFromNumber(n: number): Decimal | null {
  if (Number.isInteger(n) && n >= 0 && n < SMALL.length) return SMALL[n];
  if (Number.isSafeInteger(n)) return { units: BigInt(n), scale: 0 }; // the common case, without a string
  if (!Number.isFinite(n)) return null;
  const s = String(n);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(s);
  if (!m) return null;
  const frac = m[3] ?? '';
  let units = BigInt(m[2] + frac);
  let scale = frac.length - Number(m[4] ?? 0);
  if (scale < 0) {
    units *= pow10(-scale);
    scale = 0;
  }
  return { units: m[1] ? -units : units, scale };
}

export function isNegative(d: Decimal): boolean {
  return d.units < 0n;
}

export function isInteger(d: Decimal): boolean {
  return d.scale === 0 || d.units % pow10(d.scale) === 0n;
}

/** The whole-number value of an integral decimal. */
export function toInteger(d: Decimal): bigint {
  return d.scale === 0 ? d.units : d.units / pow10(d.scale);
}

/** Compares d with a whole number of hundredths: -1, 0 or 1. */
export function compareToCents(d: Decimal, cents: number): number {
  // d = units / 10^scale ; cents / 100 → compare units × 100 with cents × 10^scale
  const left = d.units * 100n;
  const right = BigInt(cents) * pow10(d.scale);
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * roundHalfUp(p / q) = floor((2p + q) / (2q)) for p ≥ 0, q > 0 (docs/cach-cham-diem.md, "Tính chính
 * xác đến phần trăm điểm").
 */
export function roundHalfUp(p: bigint, q: bigint): bigint {
  return (2n * p + q) / (2n * q);
}

/**
 * roundHalfUp for whole numbers given as JavaScript numbers: exact integer arithmetic while the
 * products stay below 2^53, BigInt beyond. Used on hot paths (every criterion of every unit).
 */
export function roundHalfUpNumber(p: number, q: number): number {
  const num = 2 * p + q;
  const den = 2 * q;
  if (num > Number.MAX_SAFE_INTEGER || den > Number.MAX_SAFE_INTEGER) return Number(roundHalfUp(BigInt(p), BigInt(q)));
  let k = Math.floor(num / den);
  // The float quotient can land one off next to a whole number: correct it with exact products.
  if (k * den > num) k--;
  else if ((k + 1) * den <= num) k++;
  return k;
}

/** A non-negative decimal rounded half up to whole hundredths ("4,125" → 413). */
export function toCentsHalfUp(d: Decimal): number {
  return Number(roundHalfUp(d.units * 100n, pow10(d.scale)));
}

/** The exact number of cents in d, or null when d has more than two decimals. */
export function exactCents(d: Decimal): number | null {
  const scaled = d.units * 100n;
  const q = pow10(d.scale);
  return scaled % q === 0n ? Number(scaled / q) : null;
}
