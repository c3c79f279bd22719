/**
 * The level table with its exact boundaries, status, and rank with shared places —
 * docs/cach-cham-diem.md, "Xếp mức", "Thứ hạng" and "Trạng thái của đơn vị".
 */
import { HEADER, grid, perfect, scoreJson, unitNamed, unitRow, Entries } from './support/sheets';

function district(entries: Entries) {
  return unitNamed(scoreJson(grid([HEADER, unitRow(1, 'Huyện Thử', 'Huyện', entries)])).units, 'Huyện Thử');
}
function province(entries: Entries) {
  return unitNamed(scoreJson(grid([HEADER, unitRow(1, 'Sở Thử', 'Sở', entries)])).units, 'Sở Thử');
}

describe('levels', () => {
  // District readiness (max 40): R1 6, R2 5, R3 4, R4 5, R5 5, R6 5, R7 5, R8 5.
  // R1b 75/100 → 4,50 (75%), R2b 70/100 → 3,50 (70%), R4 80/100 → 4,00 (80%), the rest full: 36,00.
  const ninetyPercent = { R1b: 75, R2b: 70, R4: 80 };

  it('36,00 of 40 is exactly 90% and a criterion at exactly 70% still reaches Mức 1', () => {
    const u = district(perfect(ninetyPercent));
    expect(u.readiness).toEqual({ score: 36, level: 1 });
  });

  it('one hundredth below the threshold drops to Mức 2', () => {
    // R2b 69 → 3,45 (69%): readiness 35,95 (89,875%) and R2 under the 70% minimum
    expect(district(perfect({ ...ninetyPercent, R2b: 69 })).readiness).toEqual({ score: 35.95, level: 2 });
  });

  it('a criterion at exactly 70% of its maximum meets the Mức 1 minimum (4,20 of 6)', () => {
    // Province R4 = 70/100 × 6 = 4,20; readiness 46,20 of 48 (96,25%)
    expect(province(perfect({ R4: 70 })).readiness).toEqual({ score: 46.2, level: 1 });
    // 69% misses the Mức 1 minimum but meets Mức 2's 50%
    expect(province(perfect({ R4: 69 })).readiness).toEqual({ score: 46.14, level: 2 });
  });

  it('each level needs both its category threshold and its criterion minimum', () => {
    // Province results (60): K7 at 0 (below 20%) keeps a 56 of 60 category unranked.
    const u = province(perfect({ K7: 0 }));
    expect(u.results).toEqual({ score: 56, level: null });
    // K7 at exactly 20% (100 of 500 → 0,80) reaches Mức 4 only: 56,80 of 60 = 94,67%
    expect(province(perfect({ K7: 100 })).results).toEqual({ score: 56.8, level: 4 });
    // K7 at 30% → Mức 3; 50% → Mức 2; 70% → Mức 1
    expect(province(perfect({ K7: 150 })).results.level).toBe(3);
    expect(province(perfect({ K7: 250 })).results.level).toBe(2);
    expect(province(perfect({ K7: 350 })).results.level).toBe(1);
  });

  it('category thresholds 50%, 60% and 75% decide Mức 4, 3 and 2 when every criterion is at 50%', () => {
    // Province results (60) with every criterion at half its maximum: K1 50 posts → 4 of 8, K2 5, K3 3,
    // K4 4, K5 5 of a best 10 → 4, K6 5, K7 2, K8 3: 30,00 = 50%.
    const half = perfect({ K1: 50, K2b: 500, K3: 50, K4b: 250, K5: 5, K6: 250, K7: 250, K8: 3 });
    const results = (entries: Entries) => {
      const rows = [HEADER, unitRow(1, 'Sở Thử', 'Sở', entries), unitRow(2, 'Sở Mẫu', 'Sở', perfect({ K5: 10 }))];
      return unitNamed(scoreJson(grid(rows)).units, 'Sở Thử').results;
    };
    expect(results(half)).toEqual({ score: 30, level: 4 });
    expect(results({ ...half, K8: '2,99' })).toEqual({ score: 29.99, level: null });
    expect(results({ ...half, K2b: 1000, K8: 4 })).toEqual({ score: 36, level: 3 }); // 60%
    expect(results({ ...half, K2b: 1000, K8: '3,99' })).toEqual({ score: 35.99, level: 4 });
    expect(results({ ...half, K2b: 1000, K8: 4, K6: 500, K4b: 500 })).toEqual({ score: 45, level: 2 }); // 75%
    // 90% would need every criterion at 70%: K1 stays at 50%, so Mức 2 at most
    expect(results({ ...half, K2b: 1000, K8: 6, K6: 500, K4b: 500, K7: 500, K3: 100, K5: 10 }).level).toBe(2);
  });

  it('a yes/no criterion at 0 keeps its category unranked whatever the score', () => {
    // Province readiness with R3 (yes/no, 4) at 0 — below every minimum — is never ranked, whatever the score.
    expect(province(perfect({ R3: 'Không' })).readiness).toEqual({ score: 44, level: null });
  });
});

describe('status', () => {
  it('a row whose inputs are all blank sent no report: no scores, no warnings', () => {
    const json = scoreJson(grid([HEADER, unitRow(1, 'Sở A', 'Sở', perfect()), unitRow(2, 'Sở B', 'Sở', {})]));
    const b = unitNamed(json.units, 'Sở B');
    expect(b).toMatchObject({ status: 'missing', total: null, percent: null, rank: null, issues: [] });
    expect(b.readiness).toEqual({ score: null, level: null });
    expect(b.criteria).toBeUndefined();
  });

  it('one typed input is enough to be submitted, and each blank input is a missing_entry warning', () => {
    const u = province({ R1a: 10 });
    expect(u.status).toBe('scored');
    const blanks = u.issues.filter((i) => i.code === 'missing_entry');
    expect(blanks).toHaveLength(19);
    expect(blanks.every((i) => i.severity === 'warning')).toBe(true);
    expect(blanks[0]).toMatchObject({ cell: 'E2', input: 'R1b', message: 'Chưa nhập R1b - Số CBCCVC được trang bị máy tính' });
  });

  it('a cell of spaces or a formula with an empty result is blank', () => {
    const u = province(perfect({ K8: '   ', K7: '\u00a0' }));
    expect(u.issues.map((i) => i.code)).toEqual(['missing_entry', 'missing_entry']);
  });

  it('errors keep the scores visible but take the rank away', () => {
    const u = province(perfect({ R1b: 'nhiều' }));
    expect(u.status).toBe('error');
    expect(u.readiness.score).toBe(40);
    expect(u.rank).toBeNull();
  });
});

describe('rank within the tier', () => {
  it('orders by total, shares equal totals and skips the next rank (1, 2, 2, 4)', () => {
    const rows = [
      HEADER,
      unitRow(1, 'Sở D', 'Sở', perfect({ K7: 0 })), // 104
      unitRow(2, 'Sở A', 'Sở', perfect()), // 108
      unitRow(3, 'Sở C', 'Sở', perfect({ K8: 2 })), // 104
      unitRow(4, 'Sở B', 'Sở', perfect({ K8: 0, K7: 0 })), // 98
      unitRow(5, 'Sở E', 'Sở', perfect({ R3: 'abc' })), // error: no rank
      unitRow(6, 'Huyện A', 'Huyện', perfect({ K8: 0 })), // its own tier
    ];
    const units = scoreJson(grid(rows)).units;
    const rank = (name: string) => unitNamed(units, name).rank;
    expect([rank('Sở A'), rank('Sở C'), rank('Sở D'), rank('Sở B'), rank('Sở E')]).toEqual([1, 2, 2, 4, null]);
    expect(rank('Huyện A')).toBe(1);
  });

  it('ranks by total whatever the levels', () => {
    const rows = [
      HEADER,
      unitRow(1, 'Sở Cao', 'Sở', perfect({ R3: 'Không' })), // 104, readiness not ranked
      unitRow(2, 'Sở Thấp', 'Sở', perfect({ R1b: 50, R2b: 50 })), // 101, all ranked
    ];
    const units = scoreJson(grid(rows)).units;
    expect(unitNamed(units, 'Sở Cao').rank).toBe(1);
    expect(unitNamed(units, 'Sở Thấp').rank).toBe(2);
  });
});
