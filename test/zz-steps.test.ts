import path from 'node:path';
import { allSteps } from '../src/scoring/nextStep';
import { readGrids, score } from './support/sheets';
test('x', async () => {
  const r = score(await readGrids(path.join(__dirname, '..', 'examples', 'bac-kan-2018.xlsx')));
  const t0 = Date.now();
  const steps = allSteps(r);
  console.log('ms', Date.now() - t0);
  let n = 0;
  for (const [u, s] of steps) {
    if (!s || n > 12) continue;
    n++;
    const lv = [...s.levels.entries()].map(([c, t]) =>
      t
        ? `${c}→Mức ${t.level}: ${t.step.kind === 'path' ? t.step.changes.map((ch) => `${ch.input} ${ch.from}→${ch.to}`).join(', ') + ` (+${t.step.gainCents})` : t.step.kind}`
        : `${c}: -`,
    );
    console.log(u.name, u.status, u.categories.map((c) => c.level).join('/'), lv.join(' | '));
  }
});
