/**
 * Each kind of criterion, N/A and rounding, in the exact hundredths of docs/cach-cham-diem.md
 * ("Tám cách tính điểm tiêu chí", "Khi nào tiêu chí được tính", "Tính chính xác đến phần trăm
 * điểm") — worked out by hand from the built-in rubric's maxima (province: R1 8, R2 6, R4 6, R5
 * bands, K1 bands, K5 best of 8, K8 points of 6; commune: K1 bands with N/A).
 */
import { HEADER, grid, perfect, scoreJson, unitNamed, unitRow, Entries } from './support/sheets';

function province(entries: Entries, others: [string, Entries][] = []) {
  const rows = [
    HEADER,
    unitRow(1, 'Sở Thử nghiệm', 'Sở', entries),
    ...others.map(([name, e], i) => unitRow(i + 2, name, 'Sở', e)),
  ];
  return unitNamed(scoreJson(grid(rows)).units, 'Sở Thử nghiệm');
}

function commune(entries: Entries) {
  return unitNamed(scoreJson(grid([HEADER, unitRow(1, 'Xã Thử nghiệm', 'Xã', entries)])).units, 'Xã Thử nghiệm');
}

const points = (u: ReturnType<typeof province>, code: string) => u.criteria![code];

describe('ratio a / b × max, rounded half up to hundredths', () => {
  it.each([
    // R1 = R1b / R1a × 8 points (800 cents)
    [100, 100, 8],
    [33, 100, 2.64], // 264 cents exactly
    [1, 3, 2.67], // 266.67 → 267
    [2, 3, 5.33], // 533.33 → 533
    [1, 1600, 0.01], // 0.5 cent rounds up
    [1, 1601, 0], // 0.4997 cent rounds down
    [0, 100, 0],
  ])('R1b %p of R1a %p gives %p points', (part, total, expected) => {
    expect(points(province(perfect({ R1b: part, R1a: total })), 'R1')).toEqual({ points: expected, applicable: true });
  });

  it('a blank part counts as 0, a blank total scores 0', () => {
    expect(points(province(perfect({ R1b: null })), 'R1')).toEqual({ points: 0, applicable: true });
    const u = province(perfect({ K2a: null }));
    expect(points(u, 'K2')).toEqual({ points: 0, applicable: true });
  });

  it('a total of 0 with a blank or 0 part is not applicable and shrinks the maximum', () => {
    const u = province(perfect({ K4a: 0, K4b: 0, K6: null, K7: 0 }));
    for (const code of ['K4', 'K6', 'K7']) expect(points(u, code)).toEqual({ points: null, applicable: false });
    // results: 60 − 8 − 10 − 4 = 38 applicable, all earned → converted back to 60
    expect(u.results).toEqual({ score: 60, level: 1 });
  });

  it('a part above its total is exceeds_total on the part and the criterion counts 0', () => {
    const u = province(perfect({ R2b: 120, R2a: 100 }));
    expect(points(u, 'R2')).toEqual({ points: 0, applicable: true });
    expect(u.issues.map((i) => [i.code, i.cell, i.input])).toEqual([['exceeds_total', 'G2', 'R2b']]);
    expect(u.status).toBe('error');
    expect(u.rank).toBeNull();
  });

  it('a part above a total of 0 is exceeds_total too', () => {
    const u = province(perfect({ K4a: 0, K4b: 5 }));
    expect(u.issues.map((i) => i.code)).toContain('exceeds_total');
    expect(points(u, 'K4')).toEqual({ points: 0, applicable: true });
  });
});

describe('yes/no', () => {
  it.each([['Có'], ['có'], ['C'], ['x'], ['X'], ['1'], [1], [true], ['yes'], ['TRUE']])('%p is yes', (value) => {
    expect(points(province(perfect({ R3: value })), 'R3')).toEqual({ points: 4, applicable: true });
  });
  it.each([['Không'], ['không'], ['k'], ['0'], [0], [false], ['no'], ['False']])('%p is no', (value) => {
    const u = province(perfect({ R3: value }));
    expect(points(u, 'R3')).toEqual({ points: 0, applicable: true });
    expect(u.issues).toEqual([]);
  });
  it.each([['có thể'], ['2'], [2], ['v']])('%p is not_yes_no', (value) => {
    const u = province(perfect({ R3: value }));
    expect(u.issues.map((i) => [i.code, i.cell])).toEqual([['not_yes_no', 'H2']]);
    expect(points(u, 'R3')).toEqual({ points: 0, applicable: true });
  });
});

describe('bands, highest bound first', () => {
  it.each([
    [0, 0],
    [1, 2],
    [49, 2],
    [50, 4],
    [99, 4],
    [100, 6],
    [199, 6],
    [200, 8],
    [5000, 8],
  ])('province K1 = %p posts scores %p', (value, expected) => {
    expect(points(province(perfect({ K1: value })), 'K1')).toEqual({ points: expected, applicable: true });
  });
  it.each([
    [0, 0],
    [19, 2],
    [20, 4],
    [50, 6],
  ])('commune K1 = %p scores %p of 6', (value, expected) => {
    expect(commune(perfect({ K1: value })).criteria!.K1).toEqual({ points: expected, applicable: true });
  });
  it.each([
    [0, 0],
    [1, 4],
    [2, 6],
    [7, 6],
  ])('province R5 = %p staff scores %p', (value, expected) => {
    expect(points(province(perfect({ R5: value })), 'R5')).toEqual({ points: expected, applicable: true });
  });
});

describe('relative to the best unit of the tier', () => {
  it('scores value / best × max within the tier', () => {
    const u = province(perfect({ K5: 3 }), [['Sở Khác', perfect({ K5: 10 })]]);
    expect(points(u, 'K5')).toEqual({ points: 2.4, applicable: true }); // 3/10 × 800
    const v = province(perfect({ K5: 7 }), [['Sở Khác', perfect({ K5: 9 })]]);
    expect(points(v, 'K5')).toEqual({ points: 6.22, applicable: true }); // 622.2 → 622
  });

  it('takes the best among units with errors too, but not other tiers, invalid values or unnamed rows', () => {
    const rows = [
      HEADER,
      unitRow(1, 'Sở A', 'Sở', perfect({ K5: 4 })),
      unitRow(2, 'Sở B', 'Sở', perfect({ K5: 8, R3: 'có lẽ' })), // error, still counts for best
      unitRow(3, 'Sở C', 'Sở', perfect({ K5: '100.5' })), // invalid, ignored
      unitRow(4, null, 'Sở', perfect({ K5: 50 })), // unnamed, ignored
      unitRow(5, 'Huyện A', 'Huyện', perfect({ K5: 40 })), // other tier
    ];
    const units = scoreJson(grid(rows)).units;
    expect(unitNamed(units, 'Sở A').criteria!.K5.points).toBe(4); // 4/8 × 8
    expect(unitNamed(units, 'Sở B').criteria!.K5.points).toBe(8);
    expect(unitNamed(units, 'Huyện A').criteria!.K5.points).toBe(8);
  });

  it('scores 0 when the best is 0', () => {
    const u = province(perfect({ K5: 0 }), [['Sở Khác', perfect({ K5: 0 })]]);
    expect(points(u, 'K5')).toEqual({ points: 0, applicable: true });
  });
});

describe('self-assessed points', () => {
  it.each([
    ['4,5', 4.5],
    ['4,125', 4.13],
    ['4,124', 4.12],
    [4.005, 4.01], // the typed 4,005, not the binary 4.00499…
    [6, 6],
    ['0', 0],
  ])('K8 = %p gives %p', (value, expected) => {
    const u = province(perfect({ K8: value }));
    expect(points(u, 'K8')).toEqual({ points: expected, applicable: true });
    expect(u.issues).toEqual([]);
  });

  it.each([
    ['6,01', 'out_of_range'],
    [7, 'out_of_range'],
    ['-1', 'negative'],
    ['4.5', 'not_a_number'], // a dot is a thousands separator, never a decimal point
    ['khoảng 4', 'not_a_number'],
  ])('K8 = %p is %p', (value, code) => {
    const u = province(perfect({ K8: value }));
    expect(u.issues.map((i) => [i.code, i.cell, i.input])).toEqual([[code, 'W2', 'K8']]);
    expect(points(u, 'K8')).toEqual({ points: 0, applicable: true });
  });

  it('a commune may score at most 4', () => {
    expect(commune(perfect({ K8: 5 })).issues.map((i) => i.code)).toEqual(['out_of_range']);
    expect(commune(perfect({ K8: 4 })).criteria!.K8.points).toBe(4);
  });
});

describe('not applicable entries', () => {
  it.each([['KAD'], ['kad'], ['Không áp dụng'], ['N/A'], ['-']])('%p on K8 shrinks the results maximum', (token) => {
    const u = province(perfect({ K8: token }));
    expect(points(u, 'K8')).toEqual({ points: null, applicable: false });
    expect(u.results).toEqual({ score: 60, level: 1 }); // 54 of 54 → 60 of 60
    expect(u.issues).toEqual([]);
  });

  it('is forbidden where the criterion does not allow it', () => {
    const u = province(perfect({ K1: 'KAD' }));
    expect(u.issues.map((i) => [i.code, i.cell])).toEqual([['not_applicable_forbidden', 'N2']]);
    expect(points(u, 'K1')).toEqual({ points: 0, applicable: true });
  });

  it('K1 may be N/A for communes only', () => {
    expect(commune(perfect({ K1: 'KAD' })).criteria!.K1).toEqual({ points: null, applicable: false });
  });

  it('converts the achieved points to the category maximum (38,60 of an applicable 44 → 43,86 of 50)', () => {
    // Commune results: K1 6, K2 10, K3 6, K4 8, K5 6, K6 8, K7 2, K8 4 = 50. K1 N/A leaves 44.
    // K2 = 26/50 × 10 = 5.2; K3 = 90/100 × 6 = 5.4; the rest full: 5.2 + 5.4 + 8 + 6 + 8 + 2 + 4 = 38.6 of 44
    // → 38.6 × 50 / 44 = 43.8636… → 43.86
    const u = commune(perfect({ K1: 'KAD', K2a: 50, K2b: 26, K3: 90, K8: 4 }));
    expect(u.results.score).toBe(43.86);
  });

  it('N/A on several criteria keeps the unit whole: 22 of 22 applicable results points become 60', () => {
    // K2, K4, K6, K7 have zero totals (not applicable), K8 is KAD: K1 8 + K3 6 + K5 8 = 22 remain.
    const u = province(perfect({ K4a: 0, K4b: 0, K6: 0, K7: 0, K2a: 0, K2b: 0, K8: 'KAD' }));
    expect(u.results.score).toBe(60);
    expect(u.total).toBe(108);
  });
});

describe('total and percent', () => {
  it('percent is the exact total over the tier maximum, in hundredths', () => {
    // R1b 33 of 100 → R1 2.64 instead of 8: readiness 42.64, total 102.64 of 108 → 95.037% → 95.04
    const u = province(perfect({ R1b: 33 }));
    expect(u.readiness.score).toBe(42.64);
    expect(u.total).toBe(102.64);
    expect(u.percent).toBe(95.04);
  });
});
