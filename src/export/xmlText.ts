/**
 * Text as XML 1.0 can carry it, for every part the program writes itself (the scored copy's
 * sheets, the decision draft's tables): characters XML cannot hold are dropped — a value read
 * from a cell may hold one — and markup characters escaped.
 */

const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const NEEDS_TEXT_ESCAPE = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Without the characters XML cannot hold (for text a library escapes itself). */
export const withoutInvalidXml = (s: string) => s.replace(XML_INVALID, '');

/** Text as element content. Most text has nothing to escape: returned as it is, without copies. */
export function escapeText(s: string): string {
  if (!NEEDS_TEXT_ESCAPE.test(s)) return s;
  return s.replace(XML_INVALID, '').replace(/[&<>]/g, (c) => ESCAPES[c]);
}

/** Text as an attribute value, line breaks and tabs kept as character references. */
export function escapeAttr(s: string): string {
  return s
    .replace(XML_INVALID, '')
    .replace(/[&<>"]/g, (c) => ESCAPES[c])
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}
