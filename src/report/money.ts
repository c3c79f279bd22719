/** Points in cents as the number a sheet cell or JSON holds: 9605 → 96.05; null stays null. */
export const money = (cents: number | null): number | null => (cents === null ? null : cents / 100);
