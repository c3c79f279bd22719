/**
 * How tiers are written in the sheet (workbook.md): the "Cấp" cell, section rows, and district
 * group rows.
 */
import type { Tier } from '../rubric/schema';
import { normText } from './normalize';

const TIER_CELL_WORDS: Record<Tier, string[]> = {
  province: ['tỉnh', 'cấp tỉnh', 'sở', 'ban', 'ngành'],
  district: ['huyện', 'cấp huyện', 'thành phố', 'thị xã'],
  commune: ['xã', 'cấp xã', 'phường', 'thị trấn'],
};

const CELL_WORD_TIER = new Map<string, Tier>();
for (const [tier, words] of Object.entries(TIER_CELL_WORDS) as [Tier, string[]][]) {
  for (const w of words) CELL_WORD_TIER.set(w, tier);
}

/** The tier a "Cấp" cell names, or null when it names none. */
export function tierFromCell(text: string): Tier | null {
  return CELL_WORD_TIER.get(normText(text)) ?? null;
}

/** Phrases that make a row a section row when its label contains them. */
export const TIER_PHRASES: Record<Tier, string[]> = {
  province: ['cấp tỉnh', 'sở, ban, ngành'],
  district: ['cấp huyện', 'huyện, thành phố'],
  commune: ['cấp xã', 'xã, phường, thị trấn'],
};

/** The tier a section label (normalised row label) announces, or null. */
export function tierOfSectionLabel(label: string): Tier | null {
  for (const [tier, phrases] of Object.entries(TIER_PHRASES) as [Tier, string[]][]) {
    if (phrases.some((p) => label.includes(p))) return tier;
  }
  return null;
}

/** A district group row's label starts with one of these. */
export const DISTRICT_WORDS = /^(?:huyện\s|thành phố\s|thị xã\s|tp\.|tx\.)/u;
