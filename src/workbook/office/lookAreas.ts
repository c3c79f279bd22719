/**
 * The ranking plan gives every cell its look; Excel takes formats per range. Cells of the same
 * look are grouped into rectangles — runs along a row, stacked while the rows below repeat them —
 * so that a tier of 120 communes costs a handful of format writes, not thousands.
 */
import type { PlannedRow, RankingCellLook } from '../../report/rankingSheetPlan';

export interface LookArea {
  /** 0-based, inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
  look: RankingCellLook;
}

function signature(l: RankingCellLook): string {
  return [l.bold ? 'b' : '', l.italic ? 'i' : '', l.size, l.horizontal, l.wrap, l.border, l.fill, l.numberFormat].join('|');
}

interface Run {
  left: number;
  right: number;
  look: RankingCellLook;
  sig: string;
}

/** One row's cells as runs of equal look; a merged row is one run in its first cell's look. */
function runsOf(row: PlannedRow, width: number): Run[] {
  if (row.merged) return [{ left: 0, right: width - 1, look: row.looks[0], sig: signature(row.looks[0]) }];
  const runs: Run[] = [];
  for (let c = 0; c < width; c++) {
    const sig = signature(row.looks[c]);
    const last = runs[runs.length - 1];
    if (last && last.sig === sig) last.right = c;
    else runs.push({ left: c, right: c, look: row.looks[c], sig });
  }
  return runs;
}

/** Rectangles covering every cell of the non-blank rows, in sheet order. */
export function lookAreas(rows: PlannedRow[], width: number): LookArea[] {
  const done: LookArea[] = [];
  let open = new Map<string, LookArea>();
  rows.forEach((row, r) => {
    const next = new Map<string, LookArea>();
    // Blank rows get no look (as the command line writes them), so they end every rectangle.
    const runs = row.kind === 'blank' ? [] : runsOf(row, width);
    for (const run of runs) {
      const key = `${run.left}:${run.right}:${run.sig}`;
      const above = open.get(key);
      if (above) {
        above.bottom = r;
        next.set(key, above);
      } else next.set(key, { top: r, left: run.left, bottom: r, right: run.right, look: run.look });
    }
    for (const [key, area] of open) if (next.get(key) !== area) done.push(area);
    open = next;
  });
  done.push(...open.values());
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}
