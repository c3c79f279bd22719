/**
 * Change since last year: last year's units matched to this year's by normalised name (and
 * tier and district where both know them), their totals beside this year's, and who moved up
 * or down a level in each category. Unmatched units are listed, never guessed.
 */
import { z } from 'zod';
import type { Tier } from '../rubric/schema';
import type { ScoreResult, Status, UnitResult } from './types';
import { normGroupName, normUnitName } from '../sheet/normalize';

export interface PreviousUnit {
  name: string;
  tier: Tier | null;
  district: string | null;
  status: Status;
  totalCents: number | null;
  /** Category id → level (1 best … 4, null = Không xếp hạng); absent when not computed. */
  levels: Record<string, number | null>;
}

export interface PreviousYear {
  /** What it was read from (a file name), for messages. */
  source: string;
  year: number | null;
  units: PreviousUnit[];
}

export interface LevelMove {
  unit: UnitResult;
  category: string;
  from: number | null;
  to: number | null;
}

export interface TierMoves {
  tier: Tier;
  /** Per category id. */
  up: Record<string, LevelMove[]>;
  down: Record<string, LevelMove[]>;
}

export interface YearComparison {
  source: string;
  year: number | null;
  byUnit: Map<UnitResult, { previous: PreviousUnit; changeCents: number | null }>;
  /** This year's units with no (or more than one) match last year, in result order. */
  unmatchedCurrent: UnitResult[];
  /** Last year's units no unit of this year matched. */
  unmatchedPrevious: PreviousUnit[];
  moves: TierMoves[];
}

export function previousFromResult(result: ScoreResult, source: string, year: number | null): PreviousYear {
  return {
    source,
    year,
    units: result.units.map((u) => ({
      name: u.name,
      tier: u.tier,
      district: u.district,
      status: u.status,
      totalCents: u.totalCents,
      levels: Object.fromEntries(u.categories.filter((c) => c.applicable && c.scoreCents !== null).map((c) => [c.id, c.level])),
    })),
  };
}

const categoryJson = z.object({ score: z.number().nullable(), level: z.number().int().min(1).nullable() });
const unitJson = z.looseObject({
  name: z.string(),
  tier: z.string().nullable(),
  district: z.string().nullable().optional(),
  status: z.enum(['scored', 'error', 'missing']),
  total: z.number().nullable(),
});
const resultJson = z.looseObject({ year: z.number().int().optional(), units: z.array(unitJson) });

/**
 * Last year's RESULT.json (docs/dong-lenh.md, "RESULT.json" and "Định dạng 1"), format 1 (a key
 * per category) or format 2 (`categories`); categories are read for the ids given.
 */
export function previousFromJson(
  data: unknown,
  source: string,
  categoryIds: string[],
): { ok: true; previous: PreviousYear } | { ok: false; message: string } {
  const parsed = resultJson.safeParse(data);
  if (!parsed.success) {
    const iss = parsed.error.issues[0];
    return { ok: false, message: `Tệp kết quả năm trước ${source} không đúng dạng (${iss.path.join('.')}: ${iss.message})` };
  }
  const units = parsed.data.units.map((u): PreviousUnit => {
    const levels: Record<string, number | null> = {};
    const record = u as Record<string, unknown>;
    const format2 = typeof record.categories === 'object' && record.categories !== null;
    const source = (format2 ? record.categories : record) as Record<string, unknown>;
    for (const id of categoryIds) {
      const cat = categoryJson.safeParse(source[id]);
      if (cat.success && cat.data.score !== null) levels[id] = cat.data.level;
    }
    return {
      name: u.name,
      tier: u.tier,
      district: u.district ?? null,
      status: u.status,
      totalCents: u.total === null ? null : Math.round(u.total * 100),
      levels,
    };
  });
  return { ok: true, previous: { source, year: parsed.data.year ?? null, units } };
}

function agrees<T>(a: T | null, b: T | null, same: (x: T, y: T) => boolean): boolean {
  return a === null || b === null || same(a, b);
}

function sameUnit(u: UnitResult, p: PreviousUnit, groupWords: string[]): boolean {
  return (
    normUnitName(u.name) === normUnitName(p.name) &&
    agrees(u.tier, p.tier, (x, y) => x === y) &&
    agrees(u.district, p.district, (x, y) => normGroupName(x, groupWords) === normGroupName(y, groupWords))
  );
}

/** Level order for "up": Không xếp hạng below Mức 4 below … Mức 1. */
const standing = (level: number | null) => (level === null ? 0 : 100 - level);

export function compareYears(result: ScoreResult, previous: PreviousYear): YearComparison {
  const byName = new Map<string, PreviousUnit[]>();
  for (const p of previous.units) {
    const key = normUnitName(p.name);
    const list = byName.get(key);
    if (list) list.push(p);
    else byName.set(key, [p]);
  }
  const byUnit = new Map<UnitResult, { previous: PreviousUnit; changeCents: number | null }>();
  const claimed = new Map<PreviousUnit, number>();
  const candidates = new Map<UnitResult, PreviousUnit[]>();
  for (const u of result.units) {
    const found = (byName.get(normUnitName(u.name)) ?? []).filter((p) => sameUnit(u, p, result.rubric.groupWords));
    candidates.set(u, found);
    for (const p of found) claimed.set(p, (claimed.get(p) ?? 0) + 1);
  }
  const unmatchedCurrent: UnitResult[] = [];
  for (const u of result.units) {
    const found = candidates.get(u)!;
    // Exactly one candidate, claimed by this unit only: anything else would be a guess.
    if (found.length === 1 && claimed.get(found[0]) === 1) {
      const p = found[0];
      const changeCents = u.totalCents !== null && p.totalCents !== null ? u.totalCents - p.totalCents : null;
      byUnit.set(u, { previous: p, changeCents });
    } else {
      unmatchedCurrent.push(u);
    }
  }
  const matched = new Set([...byUnit.values()].map((m) => m.previous));
  const unmatchedPrevious = previous.units.filter((p) => !matched.has(p));

  const categories = result.rubric.rubric.categories.map((c) => c.id);
  const moves: TierMoves[] = [];
  for (const { id: tier } of result.rubric.tierList) {
    const up: Record<string, LevelMove[]> = Object.fromEntries(categories.map((c) => [c, []]));
    const down: Record<string, LevelMove[]> = Object.fromEntries(categories.map((c) => [c, []]));
    for (const [u, { previous: p }] of byUnit) {
      // Levels mean something only for units scored in both years.
      if (u.tier !== tier || u.status !== 'scored' || p.status !== 'scored') continue;
      for (const cat of u.categories) {
        if (!cat.applicable || cat.scoreCents === null || !(cat.id in p.levels)) continue;
        const from = p.levels[cat.id];
        const move = { unit: u, category: cat.id, from, to: cat.level };
        if (standing(cat.level) > standing(from)) up[cat.id].push(move);
        else if (standing(cat.level) < standing(from)) down[cat.id].push(move);
      }
    }
    if (result.units.some((u) => u.tier === tier)) moves.push({ tier, up, down });
  }
  return { source: previous.source, year: previous.year, byUnit, unmatchedCurrent, unmatchedPrevious, moves };
}
