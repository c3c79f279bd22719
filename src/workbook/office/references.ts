/**
 * Reading the addresses Excel hands back: "'Tổng hợp'!A1:C3", a list of merged areas, and the
 * defined name's formula "='Tổng hợp'!$X$5:$AK$160".
 */
import { MergedArea, parseArea } from '../../sheet/grid';

export interface SheetArea {
  sheet: string;
  area: MergedArea;
}

function unquoteSheet(text: string): string {
  const t = text.trim();
  return t.startsWith("'") && t.endsWith("'") ? t.slice(1, -1).replace(/''/g, "'") : t;
}

/** "'Tổng hợp'!$X$5:$AK$160" (with or without "=") → sheet and area. */
export function parseSheetReference(reference: string): SheetArea | null {
  const text = reference.trim().replace(/^=/, '');
  const bang = text.lastIndexOf('!');
  if (bang < 0) return null;
  const area = parseArea(text.slice(bang + 1));
  return area ? { sheet: unquoteSheet(text.slice(0, bang)), area } : null;
}

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

/** The recorded block as the engine takes it: its sheet and columns. */
export function blockInput(block: SheetArea | null): { sheet: string; from: number; to: number } | null {
  return block ? { sheet: block.sheet, from: block.area.left, to: block.area.right } : null;
}
