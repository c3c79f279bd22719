/**
 * The official unit list (workbook.md, "The official unit list"): from the "Danh mục đơn vị"
 * sheet or a JSON file of {name, tier, district}.
 */
import { z } from 'zod';
import { tierSchema, type Tier } from '../rubric/schema';
import { Grid, a1, cellAt, columnCount } from './grid';
import { normDistrictName, normLabel, normUnitName } from './normalize';
import { tierFromCell } from './tiers';
import { cellDisplayText, isBlankCell } from './typedValues';

export const UNIT_LIST_SHEET = 'Danh mục đơn vị';

export const listedUnitSchema = z.object({
  name: z.string().trim().min(1, 'Tên đơn vị không được để trống'),
  tier: tierSchema,
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

export type UnitListResult = { ok: true; units: ListedUnit[] } | { ok: false; message: string };

export function unitListFromJson(data: unknown, source: string): UnitListResult {
  const parsed = unitListSchema.safeParse(data);
  if (!parsed.success) {
    const iss = parsed.error.issues[0];
    const where = iss.path.length ? ` (mục ${iss.path.map(String).join('.')})` : '';
    return { ok: false, message: `Danh mục đơn vị ${source} không hợp lệ${where}: ${iss.message}` };
  }
  return {
    ok: true,
    units: parsed.data.map((u, index) => ({ name: u.name, tier: u.tier, district: u.district ?? null, index })),
  };
}

/** Reads the "Danh mục đơn vị" sheet: a header row with "Tên đơn vị", "Cấp" and optionally "Thuộc huyện". */
export function unitListFromGrid(grid: Grid): UnitListResult {
  const width = columnCount(grid);
  for (let r = 0; r < grid.rows.length; r++) {
    let nameCol = -1;
    let tierCol = -1;
    let districtCol = -1;
    for (let c = 0; c < width; c++) {
      const label = normLabel(cellDisplayText(cellAt(grid, r, c)));
      if (nameCol < 0 && (label === 'tên đơn vị' || label === 'đơn vị' || label === 'tên cơ quan, đơn vị')) nameCol = c;
      else if (tierCol < 0 && label === 'cấp') tierCol = c;
      else if (districtCol < 0 && (label === 'thuộc huyện' || label === 'huyện')) districtCol = c;
    }
    if (nameCol < 0 || tierCol < 0) continue;
    const units: ListedUnit[] = [];
    for (let d = r + 1; d < grid.rows.length; d++) {
      const nameValue = cellAt(grid, d, nameCol);
      if (isBlankCell(nameValue)) continue;
      const tierText = cellDisplayText(cellAt(grid, d, tierCol)).trim();
      const tier = tierFromCell(tierText) ?? (tierSchema.safeParse(tierText).data as Tier | undefined) ?? null;
      if (!tier) {
        return {
          ok: false,
          message: `Trang "${grid.name}", ô ${a1(d, tierCol)}: cấp "${tierText}" không hợp lệ (dùng: tỉnh, huyện hoặc xã)`,
        };
      }
      const districtValue = districtCol >= 0 ? cellAt(grid, d, districtCol) : null;
      units.push({
        name: cellDisplayText(nameValue).trim(),
        tier,
        district: isBlankCell(districtValue) ? null : cellDisplayText(districtValue).trim(),
        index: units.length,
      });
    }
    return { ok: true, units };
  }
  return { ok: false, message: `Trang "${grid.name}" không có dòng tiêu đề với các cột "Tên đơn vị" và "Cấp"` };
}

/** The list indexed by normalised unit name. */
export class UnitDirectory {
  private readonly byName = new Map<string, ListedUnit[]>();
  readonly districts = new Set<string>();

  constructor(readonly units: ListedUnit[]) {
    for (const u of units) {
      const key = normUnitName(u.name);
      const same = this.byName.get(key);
      if (same) same.push(u);
      else this.byName.set(key, [u]);
      if (u.district) this.districts.add(normDistrictName(u.district));
      if (u.tier === 'district') this.districts.add(normDistrictName(u.name));
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
