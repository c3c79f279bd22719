/**
 * Excel on the web refuses a request or response above 5 MB. The gateway estimates what it
 * queues by the JSON size of the data it sends or asks for, and splits before a request nears
 * the cap (workbook.md, "Round trips").
 */

/** Largest estimated request the gateway queues in one round trip: well under 4 MB. */
export const WRITE_BUDGET_BYTES = 3_500_000;
/** Largest estimated response asked for in one read round trip. */
export const READ_BUDGET_BYTES = 3_000_000;
/** What one queued operation costs beyond its data (object path, method name, ids). */
export const OPERATION_BYTES = 200;
/**
 * Rows of a used range read in the first round trip. A yearly submission sheet (~150 units)
 * fits many times over; taller sheets are read in further windows sized from the first.
 */
export const FIRST_WINDOW_ROWS = 2000;

/** Estimated bytes of a value once serialised as JSON. */
export function jsonBytes(value: unknown): number {
  return JSON.stringify(value ?? null).length;
}

/** Splits consecutive items (rows) into runs whose estimated size stays within the budget. */
export function splitByBudget(sizes: number[], budget: number, firstRunUsed = 0): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  let start = 0;
  let used = firstRunUsed;
  for (let i = 0; i < sizes.length; i++) {
    if (i > start && used + sizes[i] > budget) {
      runs.push({ start, end: i });
      start = i;
      used = 0;
    }
    used += sizes[i];
  }
  if (sizes.length > 0) runs.push({ start, end: sizes.length });
  return runs;
}
