/**
 * Small package-level parts the scored copy touches: content types, relationships and the sheet
 * titles in docProps/app.xml. Each edit splices the part's text; everything else stays as it was.
 */
import { Edit, applyEdits, prefixOf, walkXml } from './xml';
import { escapeAttr, escapeText } from '../../export/xmlText';
import { Relationship } from './opcPackage';

export const CONTENT_TYPES = '[Content_Types].xml';
export const TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
};

/** Adds overrides for new parts and drops those of removed parts. */
export function patchContentTypes(
  text: string,
  add: { part: string; type: string }[],
  remove: string[],
  defaults: { ext: string; type: string }[],
): string {
  const edits: Edit[] = [];
  let closeStart = -1;
  let prefix = '';
  const extensions = new Set<string>();
  const removing = new Set(remove.map((p) => `/${p}`.toLowerCase()));
  walkXml(text, CONTENT_TYPES, {
    open: (tag) => {
      if (tag.depth === 0) prefix = prefixOf(tag.name);
      if (tag.local === 'Default') extensions.add((tag.attributes.Extension ?? '').toLowerCase());
      if (tag.local === 'Override' && removing.has((tag.attributes.PartName ?? '').toLowerCase())) {
        edits.push({ start: tag.start, end: tag.end, text: '' });
      }
    },
    close: (tag) => {
      if (tag.depth === 0) closeStart = tag.start;
    },
  });
  let xml = '';
  for (const d of defaults) {
    if (!extensions.has(d.ext)) xml += `<${prefix}Default Extension="${d.ext}" ContentType="${d.type}"/>`;
  }
  for (const a of add) xml += `<${prefix}Override PartName="/${escapeAttr(a.part)}" ContentType="${a.type}"/>`;
  if (xml) edits.push({ start: closeStart, end: closeStart, text: xml });
  return edits.length ? applyEdits(text, edits) : text;
}

const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Adds and removes relationships of one part (a new .rels part when there was none). */
export function patchRels(
  text: string | null,
  part: string,
  existing: Relationship[],
  add: { id: string; type: string; target: string }[],
  removeIds: string[],
): string | null {
  const addXml = (p: string) =>
    add
      .map((r) => `<${p}Relationship Id="${escapeAttr(r.id)}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.target)}"/>`)
      .join('');
  if (text === null) {
    if (!add.length) return null;
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}">${addXml('')}</Relationships>`;
  }
  const edits: Edit[] = [];
  for (const r of existing) if (removeIds.includes(r.id)) edits.push({ start: r.start, end: r.end, text: '' });
  let prefix = '';
  let closeStart = -1;
  let selfClosing: { start: number; end: number; open: string } | null = null;
  walkXml(text, part, {
    open: (tag) => {
      if (tag.depth === 0) {
        prefix = prefixOf(tag.name);
        if (tag.selfClosing) selfClosing = { start: tag.start, end: tag.end, open: text.slice(tag.start, tag.end) };
      }
    },
    close: (tag) => {
      if (tag.depth === 0) closeStart = tag.start;
    },
  });
  if (add.length) {
    if (selfClosing) {
      const s = selfClosing as { start: number; end: number; open: string };
      edits.push({
        start: s.start,
        end: s.end,
        text: `${s.open.replace(/\s*\/>$/, '>')}${addXml(prefix)}</${prefix}Relationships>`,
      });
    } else edits.push({ start: closeStart, end: closeStart, text: addXml(prefix) });
  }
  return edits.length ? applyEdits(text, edits) : text;
}

/** A relationship id not yet used: rId1, rId2, … */
export function freshRelId(existing: Relationship[], taken: string[] = []): string {
  const used = new Set([...existing.map((r) => r.id), ...taken]);
  let n = 1;
  for (const id of used) {
    const m = /^rId(\d+)$/.exec(id);
    if (m) n = Math.max(n, Number(m[1]) + 1);
  }
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/** A part name not yet in the package: xl/worksheets/sheet7.xml … */
export function freshPartName(has: (name: string) => boolean, prefix: string, suffix: string, taken: string[] = []): string {
  let n = 1;
  while (has(`${prefix}${n}${suffix}`) || taken.includes(`${prefix}${n}${suffix}`)) n++;
  return `${prefix}${n}${suffix}`;
}

/**
 * docProps/app.xml lists sheet titles under a heading whose words depend on Excel's language:
 * the group whose titles are exactly the worksheets gets the new sheet. Left as it is when the
 * part does not have that shape (LibreOffice writes no titles at all).
 */
export function patchAppTitles(text: string, worksheetNames: string[], newName: string): string {
  interface Item {
    kind: string;
    text: string;
    start: number;
    end: number;
  }
  const pairs: Item[] = [];
  const titles: Item[] = [];
  let inPairs = false;
  let inTitles = false;
  let current: Item | null = null;
  let pairsVector: { start: number; end: number } | null = null;
  let titlesVector: { start: number; end: number; size: number } | null = null;
  let prefix = 'vt:';
  try {
    walkXml(text, 'docProps/app.xml', {
      open: (tag) => {
        if (tag.local === 'HeadingPairs') inPairs = true;
        else if (tag.local === 'TitlesOfParts') inTitles = true;
        else if (tag.local === 'vector' && inPairs) pairsVector = { start: tag.start, end: tag.end };
        else if (tag.local === 'vector' && inTitles) {
          titlesVector = { start: tag.start, end: tag.end, size: Number(tag.attributes.size ?? 0) };
          prefix = prefixOf(tag.name);
        } else if ((inPairs || inTitles) && (tag.local === 'lpstr' || tag.local === 'i4')) {
          current = { kind: tag.local, text: '', start: tag.start, end: tag.end };
          (inPairs ? pairs : titles).push(current);
        }
      },
      close: (tag) => {
        if (tag.local === 'HeadingPairs') inPairs = false;
        else if (tag.local === 'TitlesOfParts') inTitles = false;
        else if (current && (tag.local === 'lpstr' || tag.local === 'i4')) {
          current.end = tag.end;
          current = null;
        }
      },
      text: (t) => {
        if (current) current.text += t;
      },
    });
  } catch {
    return text;
  }
  if (!pairsVector || !titlesVector || titles.some((t) => t.text === newName)) return text;
  let offset = 0;
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const count = Number(pairs[i + 1].text);
    if (pairs[i + 1].kind !== 'i4' || !Number.isInteger(count)) return text;
    const group = titles.slice(offset, offset + count).map((t) => t.text);
    if (group.length === worksheetNames.length && group.every((g, k) => g === worksheetNames[k])) {
      const last = titles[offset + count - 1];
      const tv = titlesVector as { start: number; end: number; size: number };
      const vectorTag = text.slice(tv.start, tv.end).replace(/(\ssize=")\d+(")/, `$1${tv.size + 1}$2`);
      const countTag = text.slice(pairs[i + 1].start, pairs[i + 1].end).replace(/>\s*\d+\s*</, `>${count + 1}<`);
      return applyEdits(text, [
        { start: pairs[i + 1].start, end: pairs[i + 1].end, text: countTag },
        { start: tv.start, end: tv.end, text: vectorTag },
        { start: last.end, end: last.end, text: `<${prefix}lpstr>${escapeText(newName)}</${prefix}lpstr>` },
      ]);
    }
    offset += count;
  }
  return text;
}
