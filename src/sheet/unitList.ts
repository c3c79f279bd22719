/**
 * The official unit list (docs/bang-tong-hop.md, "Danh mục đơn vị"): from the "Danh mục đơn vị"
 * sheet or a JSON file of {name, tier, district}. A tier is a tier id of the rubric, or a word of
 * its "Cấp" column ("xã", "sở"); the list is resolved against the rubric before scoring.
 */
import { UNIT_LABELS } from './findHeader';
import { z } from 'zod';
import { CompiledRubric, tierOfCell } from '../rubric/compiled';
import type { Tier } from '../rubric/schema';
import { Grid, a1, cellAt, columnCount } from './grid';
import { normGroupName, normLabel, normUnitName } from './normalize';
import { cellDisplayText, isBlankCell } from './typedValues';

export const UNIT_LIST_SHEET = 'Danh mục đơn vị';

export const listedUnitSchema = z.object({
  name: z.string().trim().min(1, 'Tên đơn vị không được để trống'),
  tier: z.string().trim().min(1, 'Cấp không được để trống'),
  district: z.string().nullish(),
});
export const unitListSchema = z.array(listedUnitSchema);

export interface ListedUnit {
  name: string;
  tier: Tier;
  district: string | null;
  /** 0-based position in the list, for list order. */
  index: number;
}

/** A list as read, before its tiers are checked against the rubric. */
export interface RawUnitList {
  units: { name: string; tier: string; district: string | null; where: string }[];
  source: string;
}

export type RawUnitListResult = { ok: true; list: RawUnitList } | { ok: false; message: string };
export type UnitListResult = { ok: true; units: ListedUnit[] } | { ok: false; message: string };

export function unitListFromJson(data: unknown, source: string): RawUnitListResult {
  const parsed = unitListSchema.safeParse(data);
  if (!parsed.success) {
    const iss = parsed.error.issues[0];
    const where = iss.path.length ? ` (mục ${iss.path.map(String).join('.')})` : '';
    return { ok: false, message: `Danh mục đơn vị ${source} không hợp lệ${where}: ${iss.message}` };
  }
  return {
    ok: true,
    list: {
      source: `Danh mục đơn vị ${source}`,
      units: parsed.data.map((u, i) => ({ name: u.name, tier: u.tier, district: u.district ?? null, where: `mục ${i}` })),
    },
  };
}

/**
 * Reads the "Danh mục đơn vị" sheet: a header row with "Tên đơn vị", "Cấp" and optionally the
 * group column of a grouped tier ("Thuộc huyện").
 */
export function unitListFromGrid(grid: Grid, rubric: CompiledRubric): RawUnitListResult {
  const width = columnCount(grid);
  const groupTitles = new Set(rubric.tierList.flatMap((t) => (t.def.groups ? [normLabel(t.def.groups.title)] : [])));
  for (let r = 0; r < grid.rows.length; r++) {
    let nameCol = -1;
    let tierCol = -1;
    let districtCol = -1;
    for (let c = 0; c < width; c++) {
      const label = normLabel(cellDisplayText(cellAt(grid, r, c)));
      if (nameCol < 0 && UNIT_LABELS.has(label)) nameCol = c;
      else if (tierCol < 0 && label === 'cấp') tierCol = c;
      else if (districtCol < 0 && groupTitles.has(label)) districtCol = c;
    }
    if (nameCol < 0 || tierCol < 0) continue;
    const units: RawUnitList['units'] = [];
    for (let d = r + 1; d < grid.rows.length; d++) {
      const nameValue = cellAt(grid, d, nameCol);
      if (isBlankCell(nameValue)) continue;
      const districtValue = districtCol >= 0 ? cellAt(grid, d, districtCol) : null;
      units.push({
        name: cellDisplayText(nameValue).trim(),
        tier: cellDisplayText(cellAt(grid, d, tierCol)).trim(),
        district: isBlankCell(districtValue) ? null : cellDisplayText(districtValue).trim(),
        where: `ô ${a1(d, tierCol)}`,
      });
    }
    return { ok: true, list: { units, source: `Trang "${grid.name}"` } };
  }
  return { ok: false, message: `Trang "${grid.name}" không có dòng tiêu đề với các cột "Tên đơn vị" và "Cấp"` };
}

/** The tiers of a list resolved against the rubric: a tier id or a "Cấp" word. */
export function resolveUnitList(list: RawUnitList, rubric: CompiledRubric): UnitListResult {
  const units: ListedUnit[] = [];
  for (const u of list.units) {
    const tier = rubric.tiers[u.tier] ? u.tier : tierOfCell(rubric, u.tier);
    if (!tier) {
      const words = rubric.tierList.map((t) => t.def.cellValues[0]);
      return {
        ok: false,
        message: `${list.source}, ${u.where}: cấp "${u.tier}" không có trong bộ tiêu chí (dùng: ${joinOr(words)})`,
      };
    }
    const grouped = rubric.tiers[tier].def.groups !== undefined;
    units.push({ name: u.name, tier, district: grouped ? u.district : null, index: units.length });
  }
  return { ok: true, units };
}

/** "a, b hoặc c". */
export function joinOr(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} hoặc ${items[items.length - 1]}`;
}

/** The list indexed by normalised unit name. */
export class UnitDirectory {
  private readonly byName = new Map<string, ListedUnit[]>();
  readonly districts = new Set<string>();

  constructor(
    readonly units: ListedUnit[],
    rubric: CompiledRubric,
  ) {
    const parents = new Set(rubric.tierList.flatMap((t) => (t.def.groups?.parent ? [t.def.groups.parent] : [])));
    for (const u of units) {
      const key = normUnitName(u.name);
      const same = this.byName.get(key);
      if (same) same.push(u);
      else this.byName.set(key, [u]);
      if (u.district) this.districts.add(normGroupName(u.district, rubric.groupWords));
      // The units of a parent tier are the areas others are grouped under (districts in 2018).
      if (parents.has(u.tier)) this.districts.add(normGroupName(u.name, rubric.groupWords));
    }
  }

  candidates(name: string): ListedUnit[] {
    return this.byName.get(normUnitName(name)) ?? [];
  }

  /** The tier of a listed unit when the list agrees on one. */
  tierOf(name: string): Tier | null {
    const tiers = new Set(this.candidates(name).map((u) => u.tier));
    return tiers.size === 1 ? [...tiers][0] : null;
  }
}
