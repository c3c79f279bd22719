/**
 * The "Tiêu chí" sheet: a rubric staff can read and edit in Excel (docs/trang-tieu-chi.md). Any
 * rubric written out with `rubricToRows` and read back with `rubricFromGrid` is unchanged; the
 * parts live in ./sheet (words, layout, reading each section, writing).
 */
export { RUBRIC_SHEET } from './sheet/vocabulary';
export { rubricToRows } from './sheet/writeRubricSheet';
export { rubricFromGrid } from './sheet/readRubricSheet';
export type { RubricSheetResult } from './sheet/readRubricSheet';
