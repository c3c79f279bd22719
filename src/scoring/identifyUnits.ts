/**
 * Which rows are which units (docs/bang-tong-hop.md; docs/cach-cham-diem.md, "Trạng thái của
 * đơn vị"): tier and area of each row, the official list (unknown and missing units),
 * duplicates and unnamed rows.
 */
import type { CompiledRubric } from '../rubric/compiled';
import type { Tier } from '../rubric/schema';
import { parseA1 } from '../sheet/grid';
import { normGroupName, normUnitName } from '../sheet/normalize';
import type { TableRow } from '../sheet/readTable';
import { isBlankCell } from '../sheet/typedValues';
import { ListedUnit, UnitDirectory, joinOr } from '../sheet/unitList';
import { Issue, makeIssue } from './issues';

export interface UnitDraft {
  name: string;
  tier: Tier | null;
  district: string | null;
  /** The sheet row, or null for a listed unit with no row. */
  source: TableRow | null;
  listed: ListedUnit | null;
  unnamed: boolean;
  submitted: boolean;
  issues: Issue[];
}

const at = (cell: string) => parseA1(cell);

/** Picks the list entry for a row: same name, district not contradicting, same tier preferred, unused preferred. */
function matchListed(
  districtsAgree: (a: string | null, b: string | null) => boolean,
  directory: UnitDirectory,
  name: string,
  sheetTier: Tier | null,
  sheetDistrict: string | null,
  used: Set<ListedUnit>,
): ListedUnit | null {
  const candidates = directory.candidates(name).filter((u) => districtsAgree(u.district, sheetDistrict));
  const score = (u: ListedUnit) => (sheetTier === null || u.tier === sheetTier ? 2 : 0) + (used.has(u) ? 0 : 1);
  let best: ListedUnit | null = null;
  for (const u of candidates) if (best === null || score(u) > score(best)) best = u;
  return best;
}

/**
 * Whether a row is submitted: one input its tier reads holds something (an input the tier does
 * not read is ignored for it); with the tier unknown, any input.
 */
function submittedFor(row: TableRow, tier: Tier | null, rubric: CompiledRubric): boolean {
  if (!row.submitted || tier === null) return row.submitted;
  const reads = rubric.tiers[tier].reads;
  return row.values.some((v, i) => reads[i] && !isBlankCell(v));
}

export function identifyUnits(rows: TableRow[], directory: UnitDirectory | null, rubric: CompiledRubric): UnitDraft[] {
  const used = new Set<ListedUnit>();
  const drafts: UnitDraft[] = [];
  const groupKey = (s: string) => normGroupName(s, rubric.groupWords);
  const districtsAgree = (a: string | null, b: string | null) => a === null || b === null || groupKey(a) === groupKey(b);
  const isGrouped = (tier: Tier | null) => tier !== null && rubric.tiers[tier].def.groups !== undefined;
  const tierWords = joinOr(rubric.tierList.map((t) => t.def.cellValues[0]));
  const sectionExample = rubric.tierList[0].def.sectionPhrases[0].toLocaleUpperCase('vi');

  for (const row of rows) {
    const issues: Issue[] = [];
    const unnamed = row.name === null;
    const name = row.name ?? `Dòng ${row.row + 1}`;
    const cellTier = row.tierCell?.tier ?? null;
    const sheetTier = cellTier ?? row.sectionTier;
    const listed = !unnamed && directory ? matchListed(districtsAgree, directory, name, sheetTier, row.district, used) : null;
    if (listed) used.add(listed);
    const tier = sheetTier ?? listed?.tier ?? null;
    const submitted = submittedFor(row, tier, rubric);

    if (directory && !unnamed && !listed) {
      // Not on the list: a row without entries is not a unit at all.
      if (!submitted) continue;
      issues.push(makeIssue('unknown_unit', `Đơn vị "${name}" không có trong danh mục đơn vị`, row.nameCell, at(row.nameCell)));
    }
    // An unnamed row whose entries its tier does not read is not a unit either.
    if (unnamed && !submitted) continue;

    if (row.tierCell && row.tierCell.tier === null) {
      issues.push(
        makeIssue(
          'unknown_tier',
          `Cấp "${row.tierCell.text}" không hợp lệ (dùng: ${tierWords})` +
            (tier ? `; đơn vị được tính là ${rubric.tiers[tier].phrase}` : ''),
          row.tierCell.address,
          at(row.tierCell.address),
        ),
      );
    } else if (tier === null) {
      issues.push(
        makeIssue(
          'unknown_tier',
          `Không xác định được cấp của đơn vị "${name}": thiếu cột "Cấp", dòng mục (I. ${sectionExample}…) hoặc danh mục đơn vị`,
          row.nameCell,
          at(row.nameCell),
        ),
      );
    }
    if (unnamed) {
      issues.push(
        makeIssue('unnamed_row', `Dòng ${row.row + 1} có số liệu nhưng không có tên đơn vị`, row.nameCell, at(row.nameCell)),
      );
    }
    const district = isGrouped(tier) ? (row.district ?? listed?.district ?? null) : null;
    drafts.push({ name, tier, district, source: row, listed, unnamed, submitted, issues });
  }

  const sameUnit = (a: UnitDraft, b: UnitDraft) =>
    normUnitName(a.name) === normUnitName(b.name) && a.tier === b.tier && districtsAgree(a.district, b.district);

  // A name-only row of a unit that also has a submitted row (or an earlier name-only row) is dropped.
  const named = drafts.filter((d) => !d.unnamed);
  const byName = new Map<string, UnitDraft[]>();
  for (const d of named) {
    const key = normUnitName(d.name);
    const group = byName.get(key);
    if (group) group.push(d);
    else byName.set(key, [d]);
  }
  const dropped = new Set<UnitDraft>();
  for (const group of byName.values()) {
    if (group.length < 2) continue;
    for (const d of group) {
      if (d.submitted) continue;
      const other = group.find(
        (o) => o !== d && !dropped.has(o) && sameUnit(o, d) && (o.submitted || group.indexOf(o) < group.indexOf(d)),
      );
      if (other) dropped.add(d);
    }
    const submitted = group.filter((d) => d.submitted);
    for (const d of submitted) {
      const twins = submitted.filter((o) => o !== d && sameUnit(o, d));
      if (twins.length === 0) continue;
      const rows = [d, ...twins].map((x) => x.source!.row + 1).sort((a, b) => a - b);
      d.issues.push(
        makeIssue(
          'duplicate_unit',
          `Đơn vị "${d.name}" có số liệu ở nhiều dòng (dòng ${rows.join(', ')}): chỉ giữ một dòng`,
          d.source!.nameCell,
          at(d.source!.nameCell),
        ),
      );
    }
  }
  const units = drafts.filter((d) => !dropped.has(d));

  // Listed units with no row are missing, in list order.
  if (directory) {
    for (const u of directory.units) {
      if (used.has(u)) continue;
      units.push({
        name: u.name,
        tier: u.tier,
        district: isGrouped(u.tier) ? u.district : null,
        source: null,
        listed: u,
        unnamed: false,
        submitted: false,
        issues: [],
      });
    }
  }
  return units;
}
