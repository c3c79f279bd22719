/**
 * Excel on the web refuses a request or a response above 5 MB, measured as the UTF-8 JSON of
 * what the request sends or loads (values, types, formats, addresses). The gateway keeps every
 * request and every response under 4 MB: reads are sized by rows × columns from the bytes per
 * cell measured on the sheet itself, writes by the JSON of what they send (docs/trien-khai.md,
 * "Giới hạn của Excel trên web").
 */

/** Ceiling the gateway promises for one request or one response. */
export const PAYLOAD_CEILING_BYTES = 4_000_000;
/** Largest estimated request the gateway queues in one round trip (estimates run high). */
export const WRITE_BUDGET_BYTES = 3_500_000;
/** Largest estimated response asked for in one read round trip; estimates carry a margin (READ_MARGIN). */
export const READ_BUDGET_BYTES = 3_000_000;
/** Measured bytes per cell are multiplied by this before sizing the next windows. */
export const READ_MARGIN = 1.25;
/** What one queued operation costs beyond its data (object path, method name, ids). */
export const OPERATION_BYTES = 200;
/**
 * Bytes per cell assumed before anything was measured: values, value types and number formats
 * of real submission sheets come to ~26 bytes a cell; this leaves room for longer text.
 */
export const UNMEASURED_CELL_BYTES = 40;

/**
 * The first window of a sheet whose size is not known yet, read with everything else of the
 * first round trip. 300 rows hold a yearly sheet of ~150 units with its titles, sections and
 * footer; the columns hold any submission table seen so far.
 */
export const ACTIVE_FIRST_WINDOW = { rows: 300, columns: 160 };
/** The add-in's fixed-name sheets ("Tiêu chí", "Danh mục đơn vị", "Thẩm định"): long and narrow. */
export const FIXED_FIRST_WINDOW = { rows: 400, columns: 24 };
/** What is read of another sheet to see whether it holds the submission table (its header). */
export const PREVIEW_WINDOW = { rows: 60, columns: 128 };

/** UTF-8 length of a string, without encoding it. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes of a value once serialised as JSON and sent as UTF-8. */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value ?? null));
}

/** Excel's refusal of a request or response above the cap (either code, as hosts differ). */
export function isPayloadLimitError(e: unknown): boolean {
  const code = e && typeof e === 'object' ? (e as { code?: unknown }).code : undefined;
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
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
