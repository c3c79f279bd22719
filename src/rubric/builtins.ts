/**
 * The rubrics the product ships (docs/cach-cham-diem.md, "Các bộ tiêu chí có sẵn"): the 2018
 * e-government criteria, the default, and this year's kind of index as an example to adapt.
 */
import { BAC_KAN_2018 } from './builtin';
import { CDS_2025_MAU } from './cds2025';
import type { Rubric } from './schema';

export const BUILTIN_RUBRICS: readonly Rubric[] = [BAC_KAN_2018, CDS_2025_MAU];

/** A built-in rubric by id (case-insensitive), or null. */
export function builtinRubric(id: string): Rubric | null {
  const key = id.trim().toLowerCase();
  return BUILTIN_RUBRICS.find((r) => r.id.toLowerCase() === key) ?? null;
}
