/**
 * The package as parts: names resolved through relationships, text of XML parts decoded once,
 * content types. Read-only; the writer (patchPackage) decides what changes.
 */
import { Codec, ZipArchive, ZipError, entryBytes } from './zip';
import { decodeXml, walkXml } from './xml';

export interface Relationship {
  id: string;
  type: string;
  /** The target part's name in the package (no leading "/"), or the raw target when external. */
  target: string;
  external: boolean;
  start: number;
  end: number;
}

export const REL_OFFICE_DOCUMENT = '/officeDocument';

/** Whether a relationship type ends with the given kind ("/worksheet"), in either OOXML flavour. */
export function isRelType(type: string, kind: string): boolean {
  return type.endsWith(kind);
}

export class OpcPackage {
  private readonly texts = new Map<string, string | null>();
  private readonly lowerNames = new Map<string, string>();

  constructor(
    readonly archive: ZipArchive,
    readonly codec: Codec,
  ) {
    for (const name of archive.byName.keys()) this.lowerNames.set(name.toLowerCase(), name);
  }

  /** The entry name as stored (part names are case-insensitive in OPC). */
  entryName(part: string): string | null {
    if (this.archive.byName.has(part)) return part;
    return this.lowerNames.get(part.toLowerCase()) ?? null;
  }

  has(part: string): boolean {
    return this.entryName(part) !== null;
  }

  bytes(part: string): Uint8Array | null {
    const name = this.entryName(part);
    if (name === null) return null;
    return entryBytes(this.archive, this.archive.byName.get(name)!, this.codec);
  }

  /** The part's text, or null when the package has no such part. */
  text(part: string): string | null {
    const name = this.entryName(part);
    if (name === null) return null;
    if (!this.texts.has(name)) {
      const bytes = this.bytes(name);
      this.texts.set(name, bytes ? decodeXml(bytes) : null);
    }
    return this.texts.get(name)!;
  }

  /** Forgets a part's decoded text (large sheets are read once). */
  release(part: string): void {
    const name = this.entryName(part);
    if (name) this.texts.delete(name);
  }

  /** The relationships of a part (from its _rels part), targets resolved to part names. */
  relationships(part: string): Relationship[] {
    const relsPart = relsPartOf(part);
    const text = this.text(relsPart);
    if (text === null) return [];
    const out: Relationship[] = [];
    walkXml(text, relsPart, {
      open: (tag) => {
        if (tag.local !== 'Relationship') return;
        const a = tag.attributes;
        const external = a.TargetMode === 'External';
        out.push({
          id: a.Id ?? '',
          type: a.Type ?? '',
          target: external ? (a.Target ?? '') : resolveTarget(part, a.Target ?? ''),
          external,
          start: tag.start,
          end: tag.end,
        });
      },
    });
    return out;
  }
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels"; "" → "_rels/.rels". */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against its source part's folder. */
function resolveTarget(source: string, target: string): string {
  let path: string;
  if (target.startsWith('/')) path = target.slice(1);
  else path = source.slice(0, source.lastIndexOf('/') + 1) + target;
  const out: string[] = [];
  for (const seg of decodeURIComponentSafe(path).split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A target for a relationship from `source` to `part`, relative as producers write them. */
export function relativeTarget(source: string, part: string): string {
  const from = source.split('/').slice(0, -1);
  const to = part.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

export { ZipError };
