/**
 * XML parts of the package: decoded to text, parsed with saxes (a conforming streaming parser)
 * with the position of every tag, so that a part can be patched by splicing its text — what
 * scoring does not own keeps its exact characters.
 */
import { SaxesParser, SaxesTag } from 'saxes';

export class XmlPartError extends Error {
  constructor(
    readonly part: string,
    readonly line: number | null,
  ) {
    super(`XML error in ${part}${line ? ` at line ${line}` : ''}`);
  }
}

/** The part's text: UTF-8 (a byte order mark dropped), or UTF-16 when it starts with one. */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

const encoder = new TextEncoder();

/** SpreadsheetML's main namespace, and the namespace of relationship ids (r:id). */
export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function encodeXml(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Bytes are laid in blocks of this size: large enough to be given back to the system when freed. */
const ARENA_BLOCK = 1 << 20;

/**
 * Encodes many short texts (the rows of a large part) into shared blocks: each text's bytes are a
 * view of a block, so that tens of thousands of rows are not as many small allocations.
 */
export class ByteArena {
  private block = new Uint8Array(0);
  private at = 0;

  encode(text: string): Uint8Array {
    // UTF-8 takes at most three bytes per UTF-16 code unit.
    if (this.at + text.length * 3 > this.block.length) {
      this.block = new Uint8Array(Math.max(ARENA_BLOCK, text.length * 3));
      this.at = 0;
    }
    const { written } = encoder.encodeInto(text, this.block.subarray(this.at));
    const bytes = this.block.subarray(this.at, this.at + written);
    this.at += written;
    return bytes;
  }
}

/** "x:row" → "row": parts are matched by local name whatever prefix a producer chose. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

export function prefixOf(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? '' : name.slice(0, colon + 1);
}

export interface OpenTag {
  name: string;
  local: string;
  attributes: Record<string, string>;
  /** Offsets in the text: the tag's "<" and just after its ">". */
  start: number;
  end: number;
  selfClosing: boolean;
  depth: number;
}

export interface CloseTag {
  name: string;
  local: string;
  /** Offsets of "</name>" (for a self-closing tag: the same as its open tag). */
  start: number;
  end: number;
  depth: number;
}

export interface XmlHandlers {
  open?(tag: OpenTag): void;
  close?(tag: CloseTag): void;
  text?(text: string): void;
}

/**
 * The same walk as walkXml with each event's facts as arguments, no object made per tag: for the
 * parts with hundreds of thousands of tags (a large sheet).
 */
export interface XmlEvents {
  open?(
    name: string,
    local: string,
    attributes: Record<string, string>,
    start: number,
    end: number,
    selfClosing: boolean,
    depth: number,
  ): void;
  /** A tag's close (for a self-closing tag: right after its open, with the same offsets). */
  close?(name: string, local: string, start: number, end: number, depth: number): void;
  text?(text: string): void;
}

/**
 * Scans the XML, calling back with offsets; throws XmlPartError naming the part when the text is
 * not well-formed. Text is reported only when asked for.
 */
export function scanXml(text: string, part: string, events: XmlEvents): void {
  const parser = new SaxesParser({ position: true });
  let depth = 0;
  let tagStart = 0;
  let failed: Error | null = null;
  const { open, close } = events;
  parser.on('error', (e) => {
    failed ??= e;
  });
  parser.on('opentagstart', (tag) => {
    // saxes has read one character past the name.
    tagStart = parser.position - tag.name.length - 2;
  });
  parser.on('opentag', (tag: SaxesTag) => {
    const end = parser.position;
    const local = localName(tag.name);
    const selfClosing = tag.isSelfClosing;
    const at = depth;
    if (!selfClosing) depth++;
    open?.(tag.name, local, tag.attributes as Record<string, string>, tagStart, end, selfClosing, at);
    if (selfClosing) close?.(tag.name, local, tagStart, end, depth);
  });
  parser.on('closetag', (tag) => {
    if (tag.isSelfClosing) return;
    depth--;
    const end = parser.position;
    close?.(tag.name, localName(tag.name), end - tag.name.length - 3, end, depth);
  });
  if (events.text) {
    const onText = events.text;
    parser.on('text', onText);
    parser.on('cdata', onText);
  }
  try {
    parser.write(text).close();
  } catch (e) {
    failed ??= e as Error;
  }
  if (failed) {
    const m = /^(?:[^:]*:)?(\d+):/.exec((failed as Error).message);
    throw new XmlPartError(part, m ? Number(m[1]) : parser.line || null);
  }
}

/**
 * Walks the XML, calling back with offsets; throws XmlPartError naming the part when the text is
 * not well-formed. Text is reported only when a handler asks for it.
 */
export function walkXml(text: string, part: string, handlers: XmlHandlers): void {
  const { open, close } = handlers;
  scanXml(text, part, {
    open: open
      ? (name, local, attributes, start, end, selfClosing, depth) =>
          open({ name, local, attributes, start, end, selfClosing, depth })
      : undefined,
    close: close ? (name, local, start, end, depth) => close({ name, local, start, end, depth }) : undefined,
    text: handlers.text,
  });
}

/** SpreadsheetML's escapes for characters XML cannot hold: "_x000D_" is a carriage return. */
export function decodeXstring(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** One splice of a part's text: [start, end) replaced by text (or by bytes already encoded). */
export interface Edit<T extends string | Uint8Array = string> {
  start: number;
  end: number;
  text: T;
}

/** Applies non-overlapping edits; equal starts keep the order they were given in. */
export function applyEdits(source: string, edits: Edit[]): string {
  return editedPieces(source, edits).join('');
}

/**
 * The edited text as pieces in order (untouched stretches of the source and the edits' texts or
 * bytes), for encoding without first joining a large part into one string.
 */
export function editedPieces<T extends string | Uint8Array>(source: string, edits: Edit<T>[]): (string | T)[] {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i);
  const parts: (string | T)[] = [];
  let at = 0;
  for (const { e } of sorted) {
    if (e.start < at) throw new Error(`overlapping edits at ${e.start}`);
    if (e.start > at) parts.push(source.slice(at, e.start));
    if (e.text.length) parts.push(e.text);
    at = e.end;
  }
  parts.push(source.slice(at));
  return parts;
}
