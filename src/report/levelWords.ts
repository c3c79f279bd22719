/**
 * How a category's level reads wherever it is written — the result block, the ranking tables,
 * the "Lộ trình" sheet, the result letters (docs/bang-tong-hop.md, "Các cột kết quả"): "Mức 1" …
 * "Mức n", "Không xếp hạng", or "Không áp dụng" when all its criteria are not applicable.
 */

export const NOT_RANKED = 'Không xếp hạng';
export const NOT_APPLICABLE = 'Không áp dụng';

/** "Mức 2". */
export function levelName(level: number): string {
  return `Mức ${level}`;
}

/** "Mức 2", "Không xếp hạng" or "Không áp dụng". */
export function levelText(level: number | null, applicable: boolean): string {
  if (!applicable) return NOT_APPLICABLE;
  return level === null ? NOT_RANKED : levelName(level);
}
