/**
 * Reading the addresses Excel hands back: a list of merged areas; single references are read by
 * src/sheet/grid.ts for both gateways.
 */
import { MergedArea, parseArea } from '../../sheet/grid';

// One reader of references for both gateways (src/sheet/grid.ts).
export { blockInput, parseSheetReference } from '../../sheet/grid';
export type { SheetArea } from '../../sheet/grid';

/**
 * The areas of a RangeAreas address ("Sheet1!A1:B2, Sheet1!D4:E4"). Sheet names may hold
 * commas, so each area is taken as the address that follows a "!" and ends the item.
 */
export function parseAreaList(address: string): MergedArea[] {
  const areas: MergedArea[] = [];
  const item = /!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)\s*(?=,|$)/g;
  for (const m of address.matchAll(item)) {
    const area = parseArea(m[1]);
    if (area) areas.push(area);
  }
  return areas;
}
