/**
 * RESULT.json is written piece by piece (a large province's file is tens of megabytes) yet must be
 * exactly the text JSON.stringify gives with two-space indentation, whatever the data.
 */
import fc from 'fast-check';
import { jsonPieces } from '../src/cli/jsonText';
import { resultJson } from '../src/report/resultJson';
import { score } from './support/sheets';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openXlsx, readAllGrids } from '../src/workbook/xlsx/readXlsx';

const text = (v: unknown) => [...jsonPieces(v)].join('');

describe('RESULT.json text', () => {
  it('is JSON.stringify(value, null, 2) for any JSON-like value, fields JSON leaves out included', () => {
    const leaf = fc.oneof(
      fc.jsonValue(),
      fc.constant(undefined),
      fc.constant(() => 1),
      fc.date({ noInvalidDate: true }),
      fc.string(),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node')), fc.dictionary(fc.string(), tie('node'))),
    })).node;
    fc.assert(
      fc.property(fc.oneof(value, fc.dictionary(fc.string(), value)), (v) => {
        expect(text(v)).toBe(`${JSON.stringify(v, null, 2)}\n`);
      }),
      { numRuns: 500 },
    );
  });

  it('is the text of the whole result for the 2018 sample', () => {
    const opened = openXlsx(new Uint8Array(readFileSync(path.join(__dirname, '..', 'examples', 'bac-kan-2018.xlsx'))));
    if (!opened.ok) throw new Error(opened.message);
    const grids = readAllGrids(opened.book);
    if (!grids.ok) throw new Error(grids.message);
    const json = { ...resultJson(score(grids.grids)), year: 2018 };
    expect(text(json)).toBe(`${JSON.stringify(json, null, 2)}\n`);
    expect([...jsonPieces(json)].length).toBeGreaterThan(json.units.length);
  });
});
