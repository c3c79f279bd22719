/**
 * Property-based: random sheets — shuffled headers, stray rows, values typed every way — yield a
 * result or a clear message, never an exception, and every result keeps the rules of
 * docs/cach-cham-diem.md.
 */
import fc from 'fast-check';
import { BUILTIN_RUBRIC } from '../src/rubric/builtin';
import { resultJson } from '../src/report/resultJson';
import { scoreWorkbook } from '../src/scoring/scoreWorkbook';
import { compareIssues } from '../src/scoring/issues';
import type { CellValue, Grid } from '../src/sheet/grid';
import { CODES } from './support/sheets';

const NAMES = Object.fromEntries(BUILTIN_RUBRIC.inputs.map((i) => [i.code, i.name]));

const typedValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.integer({ min: -5, max: 3000 }),
  fc.double({ min: -10, max: 1e6, noNaN: true }),
  fc.integer({ min: 0, max: 99999 }).map((n) => n.toLocaleString('vi-VN')),
  fc.constantFrom('Có', 'Không', 'x', 'k', 'KAD', '-', 'n/a', '4,5', '1.5', '12,5', 'khoảng 50', '1 234', '#N/A', '  '),
  fc.boolean(),
  fc.constantFrom({ error: '#DIV/0!' }, { error: '#REF!' }),
  fc.date({ min: new Date(2000, 0, 1), max: new Date(2030, 0, 1), noInvalidDate: true }),
  fc.string({ maxLength: 6 }),
);

const unitName = fc.oneof(
  fc.constantFrom(
    'Sở Tài chính',
    'Sở Y tế',
    'UBND Huyện Na Rì',
    'Xã Hoà Mục',
    'Xã Hòa Mục',
    'Phường Sông Cầu',
    'Tổng cộng',
    'Cộng cấp xã',
  ),
  fc.constantFrom('I. CẤP TỈNH', 'II. CẤP HUYỆN', 'III. CẤP XÃ', '1. Huyện Ba Bể', 'Thành phố Bắc Kạn', ''),
  fc.string({ maxLength: 12 }),
  fc.constant(null),
);

const tierCell = fc.constantFrom<CellValue>(null, 'Sở', 'Huyện', 'Xã', 'Phường', 'Cơ quan', 'tỉnh', '');

/** A sheet in a random but recognisable layout: header labels by code or name, any order, extra columns. */
const layoutSheet = fc
  .record({
    order: fc.shuffledSubarray(CODES, { minLength: CODES.length, maxLength: CODES.length }),
    byName: fc.array(fc.boolean(), { minLength: CODES.length, maxLength: CODES.length }),
    withTier: fc.boolean(),
    extra: fc.boolean(),
    titleRows: fc.integer({ min: 0, max: 3 }),
    rows: fc.array(fc.tuple(unitName, tierCell, fc.array(typedValue, { minLength: CODES.length, maxLength: CODES.length })), {
      maxLength: 25,
    }),
  })
  .map(({ order, byName, withTier, extra, titleRows, rows }): Grid => {
    const header: CellValue[] = ['STT', 'Tên đơn vị', ...(withTier ? ['Cấp'] : []), ...(extra ? ['Ghi chú'] : [])];
    order.forEach((code, i) => header.push(byName[i] ? NAMES[code] : code));
    const body = rows.map(([name, tier, vals], i) => {
      const row: CellValue[] = [i + 1, name, ...(withTier ? [tier] : []), ...(extra ? ['…'] : [])];
      order.forEach((code) => row.push(vals[CODES.indexOf(code)]));
      return row;
    });
    const titles = Array.from({ length: titleRows }, (_, i) => [`Tiêu đề ${i + 1}`]);
    return { name: 'Tổng hợp', rows: [...titles, header, ...body], merges: [] };
  });

/** Anything at all in a small grid. */
const chaosSheet = fc
  .array(
    fc.array(fc.oneof(typedValue, unitName, fc.constantFrom<CellValue>('Tên đơn vị', 'R1a', 'K8', 'Cấp')), { maxLength: 8 }),
    {
      maxLength: 12,
    },
  )
  .map((rows): Grid => ({ name: 'S', rows, merges: null }));

function checkInvariants(grid: Grid): void {
  const out = scoreWorkbook({ sheets: [grid] });
  if (!out.ok) {
    expect(out.message.length).toBeGreaterThan(10);
    return;
  }
  const { units } = out.result;
  for (const u of units) {
    const hasError = u.issues.some((i) => i.severity === 'error');
    if (u.status === 'missing') {
      expect(u.issues.some((i) => i.code === 'missing_entry')).toBe(false);
      expect(u.totalCents).toBeNull();
    } else {
      expect(u.status === 'error').toBe(hasError);
    }
    expect(u.rank !== null).toBe(u.status === 'scored' && u.tier !== null && u.totalCents !== null);
    for (const c of u.criteria ?? []) {
      if (c.cents !== null) expect(c.cents).toBeGreaterThanOrEqual(0);
      if (c.cents !== null) expect(c.cents).toBeLessThanOrEqual(c.maxCents);
      expect(c.cents === null).toBe(!c.applicable);
    }
    for (const cat of u.categories) if (cat.scoreCents !== null) expect(cat.scoreCents).toBeLessThanOrEqual(cat.maxCents);
    if (u.percentHundredths !== null) expect(u.percentHundredths).toBeLessThanOrEqual(10000);
    const sorted = [...u.issues].sort(compareIssues);
    expect(u.issues).toEqual(sorted);
  }
  expect(() => JSON.stringify(resultJson(out.result))).not.toThrow();
}

describe('random sheets', () => {
  it('in a recognisable layout always score, keeping the invariants', () => {
    fc.assert(fc.property(layoutSheet, checkInvariants), { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) });
  });

  it('of anything give a result or a clear message, never an exception', () => {
    fc.assert(fc.property(chaosSheet, checkInvariants), { numRuns: Number(process.env.PROPERTY_RUNS ?? 500) });
  });
});
