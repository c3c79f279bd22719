/**
 * RESULT.json's text (docs/dong-lenh.md, "RESULT.json") in pieces: exactly the text of
 * JSON.stringify(value, null, 2) followed by a newline, made one top-level field at a time and, for
 * a long list such as the units, one element at a time. 10,000 units are about 20 MB of text;
 * written piece by piece, that text never exists as one string.
 */

const INDENT = '  ';

/**
 * One value's JSON at a nesting depth (1 or 2), its lines after the first indented as
 * JSON.stringify indents them there: stringified inside as many one-element arrays, which are
 * then cut off (a slice, not a copy). Undefined when JSON has nothing to write for the value.
 */
function nested(value: unknown, depth: 1 | 2): string | undefined {
  const text = JSON.stringify(depth === 1 ? [value] : [[value]], null, 2);
  const inner = depth === 1 ? text.slice(4, -2) : text.slice(10, -6);
  if (inner === 'null' && value !== null && JSON.stringify(value) === undefined) return undefined;
  return inner;
}

const isPlain = (v: unknown) => typeof (v as { toJSON?: unknown }).toJSON !== 'function';

/**
 * The pieces of `JSON.stringify(value, null, 2) + '\n'`. A plain object is written field by
 * field and its arrays element by element; anything else in one piece.
 */
export function* jsonPieces(value: unknown): Generator<string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !isPlain(value)) {
    yield `${JSON.stringify(value, null, 2)}\n`;
    return;
  }
  // Fields JSON leaves out (undefined, functions) are dropped first, so that commas fall right.
  const fields: { key: string; list: unknown[] | null; text: string }[] = [];
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (Array.isArray(v) && v.length > 0 && isPlain(v)) fields.push({ key, list: v, text: '' });
    else {
      const text = nested(v, 1);
      if (text !== undefined) fields.push({ key, list: null, text });
    }
  }
  if (fields.length === 0) {
    yield '{}\n';
    return;
  }
  yield '{\n';
  for (let f = 0; f < fields.length; f++) {
    const { key, list, text } = fields[f];
    const end = f < fields.length - 1 ? ',\n' : '\n';
    const name = `${INDENT}${JSON.stringify(key)}: `;
    if (list === null) {
      yield `${name}${text}${end}`;
      continue;
    }
    yield `${name}[\n`;
    for (let i = 0; i < list.length; i++) {
      // An element JSON cannot hold (undefined, a function) is written as null, as JSON.stringify does.
      yield `${INDENT}${INDENT}${nested(list[i], 2) ?? 'null'}${i < list.length - 1 ? ',\n' : '\n'}`;
    }
    yield `${INDENT}]${end}`;
  }
  yield '}\n';
}
