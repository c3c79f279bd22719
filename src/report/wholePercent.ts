/**
 * The whole percent of sentences ("tỷ lệ 58%"): roundHalfUp(100 · a / b) from exact whole
 * numbers, never from an already rounded figure (docs/cach-cham-diem.md, bước 6).
 */
import { roundHalfUp } from '../sheet/decimal';

export function wholePercent(a: number, b: number): number {
  return Number(roundHalfUp(BigInt(a) * 100n, BigInt(b)));
}
