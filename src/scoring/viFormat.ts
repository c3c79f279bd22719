/**
 * Numbers the way Vietnamese readers write them (96,05; 1.234), through Intl, never by hand.
 */
const twoDecimals = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const upToTwoDecimals = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

/** 9605 → "96,05". */
export function formatCents(cents: number): string {
  return twoDecimals.format(cents / 100);
}

/** 450 → "4,5"; 600 → "6". */
export function formatCentsShort(cents: number): string {
  return upToTwoDecimals.format(cents / 100);
}

/** 1234 → "1.234". */
export function formatCount(n: number | bigint): string {
  return whole.format(n);
}

const collator = new Intl.Collator('vi', { numeric: true });

/** Vietnamese collation of names (ties in rank, lists). */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}
