/**
 * Styles the scored copy needs, appended to xl/styles.xml without renumbering any existing one;
 * an element identical to one already there (as written by an earlier run) is reused, so that
 * scoring the copy again changes nothing (docs/kiem-tra-ban-da-cham.md).
 */
import { Edit, applyEdits, prefixOf, walkXml } from './xml';
import { escapeAttr } from '../../export/xmlText';
import type { ElementSpan } from './sheetPart';

type Collection = 'numFmts' | 'fonts' | 'fills' | 'borders' | 'cellXfs' | 'dxfs';

/** Stylesheet children in schema order, for placing a collection the part lacks. */
const ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
];

interface CollectionState extends Omit<ElementSpan, 'local'> {
  /** Existing children's exact XML, by index. */
  items: string[];
  added: string[];
}

/** Built-in number formats scoring uses (ECMA-376 18.8.30). */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
};

export interface CellStyle {
  /** Font: bold/italic/size/name over the workbook's default font when name is null. */
  font?: { bold?: boolean; italic?: boolean; size?: number; name?: string };
  fill?: string | null;
  /** Thin border on every side, in this colour (RRGGBB). */
  border?: string | null;
  numberFormat?: string | null;
  horizontal?: 'left' | 'center' | 'right' | 'centerContinuous';
  vertical?: 'top' | 'center' | 'bottom';
  wrap?: boolean;
}

export class StylesPatch {
  private readonly collections = new Map<Collection, CollectionState>();
  private readonly numFmtCodes = new Map<string, number>();
  private maxNumFmtId = 163;
  private readonly prefix: string;
  private rootCloseStart = -1;
  private readonly children: { local: string; start: number; end: number }[] = [];
  private defaultFont = '<font><sz val="11"/><name val="Calibri"/></font>';
  private readonly xfCache = new Map<string, number>();

  constructor(
    private readonly text: string,
    part: string,
  ) {
    let current: CollectionState | null = null;
    let itemStart = -1;
    let itemDepth = -1;
    let prefix = '';
    walkXml(text, part, {
      open: (tag) => {
        if (tag.depth === 0) {
          prefix = prefixOf(tag.name);
          return;
        }
        if (tag.depth === 1) {
          this.children.push({ local: tag.local, start: tag.start, end: tag.end });
          if (['numFmts', 'fonts', 'fills', 'borders', 'cellXfs', 'dxfs'].includes(tag.local)) {
            current = {
              start: tag.start,
              openEnd: tag.end,
              closeStart: tag.end,
              end: tag.end,
              selfClosing: tag.selfClosing,
              attributes: tag.attributes,
              items: [],
              added: [],
            };
            this.collections.set(tag.local as Collection, current);
            if (tag.selfClosing) current = null;
          }
          return;
        }
        if (current && tag.depth === 2) {
          itemStart = tag.start;
          itemDepth = tag.depth;
          if (tag.local === 'numFmt') {
            const id = Number(tag.attributes.numFmtId);
            if (!this.numFmtCodes.has(tag.attributes.formatCode ?? '')) this.numFmtCodes.set(tag.attributes.formatCode ?? '', id);
            this.maxNumFmtId = Math.max(this.maxNumFmtId, id);
          }
        }
      },
      close: (tag) => {
        if (tag.depth === 0) {
          this.rootCloseStart = tag.start;
          return;
        }
        if (tag.depth === 1) {
          const last = this.children[this.children.length - 1];
          if (last) last.end = tag.end;
          if (current) {
            current.closeStart = tag.start;
            current.end = tag.end;
          }
          current = null;
          return;
        }
        if (current && tag.depth === itemDepth && itemStart >= 0) {
          current.items.push(text.slice(itemStart, tag.end));
          itemStart = -1;
        }
      },
    });
    this.prefix = prefix;
    const fonts = this.collections.get('fonts');
    if (fonts?.items.length) this.defaultFont = fonts.items[0];
  }

  private el(name: string): string {
    return this.prefix + name;
  }

  private collection(name: Collection): CollectionState {
    let c = this.collections.get(name);
    if (!c) {
      c = { start: -1, openEnd: -1, closeStart: -1, end: -1, selfClosing: false, attributes: {}, items: [], added: [] };
      this.collections.set(name, c);
    }
    return c;
  }

  /** Index of an element with exactly this XML, appended when there is none. */
  private indexOf(name: Collection, xml: string): number {
    const c = this.collection(name);
    const at = c.items.indexOf(xml);
    if (at >= 0) return at;
    const added = c.added.indexOf(xml);
    if (added >= 0) return c.items.length + added;
    c.added.push(xml);
    return c.items.length + c.added.length - 1;
  }

  numFmtId(code: string | null | undefined): number {
    if (!code) return 0;
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code];
    const known = this.numFmtCodes.get(code);
    if (known !== undefined) return known;
    const id = ++this.maxNumFmtId;
    this.numFmtCodes.set(code, id);
    this.collection('numFmts').added.push(`<${this.el('numFmt')} numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  private fontXml(font: CellStyle['font']): string | null {
    if (!font) return null;
    const p = this.prefix;
    if (!font.name && !font.size) {
      // The workbook's own default font, made bold or italic.
      const extra = `${font.bold ? `<${p}b/>` : ''}${font.italic ? `<${p}i/>` : ''}`;
      if (!extra) return null;
      const open = /^<[^>]*?(\/?)>/.exec(this.defaultFont);
      if (!open) return null;
      if (open[1]) return `${open[0].slice(0, -2)}>${extra}</${p}font>`;
      return open[0] + extra + this.defaultFont.slice(open[0].length).replace(new RegExp(`<${p}b/>|<${p}i/>`, 'g'), '');
    }
    return (
      `<${p}font>${font.bold ? `<${p}b/>` : ''}${font.italic ? `<${p}i/>` : ''}` +
      `<${p}sz val="${font.size ?? 11}"/><${p}name val="${escapeAttr(font.name ?? 'Calibri')}"/></${p}font>`
    );
  }

  private fillXml(rgb: string): string {
    const p = this.prefix;
    return `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${rgb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
  }

  private borderXml(rgb: string): string {
    const p = this.prefix;
    const side = (s: string) => `<${p}${s} style="thin"><${p}color rgb="FF${rgb}"/></${p}${s}>`;
    return `<${p}border>${side('left')}${side('right')}${side('top')}${side('bottom')}<${p}diagonal/></${p}border>`;
  }

  /** The cellXfs index of a style (appended once, reused after). */
  cellXf(style: CellStyle): number {
    const key = JSON.stringify(style);
    const cached = this.xfCache.get(key);
    if (cached !== undefined) return cached;
    const p = this.prefix;
    const numFmtId = this.numFmtId(style.numberFormat);
    const fontXml = this.fontXml(style.font);
    const fontId = fontXml ? this.indexOf('fonts', fontXml) : 0;
    const fillId = style.fill ? this.indexOf('fills', this.fillXml(style.fill)) : 0;
    const borderId = style.border ? this.indexOf('borders', this.borderXml(style.border)) : 0;
    const align: string[] = [];
    if (style.horizontal) align.push(`horizontal="${style.horizontal}"`);
    if (style.vertical) align.push(`vertical="${style.vertical}"`);
    if (style.wrap) align.push('wrapText="1"');
    const applies = [
      numFmtId ? ' applyNumberFormat="1"' : '',
      fontId ? ' applyFont="1"' : '',
      fillId ? ' applyFill="1"' : '',
      borderId ? ' applyBorder="1"' : '',
      align.length ? ' applyAlignment="1"' : '',
    ].join('');
    const open = `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}`;
    const xml = align.length ? `${open}><${p}alignment ${align.join(' ')}/></${p}xf>` : `${open}/>`;
    const id = this.indexOf('cellXfs', xml);
    this.xfCache.set(key, id);
    return id;
  }

  /** A differential format filling the cell (for conditional formats). */
  dxfFill(rgb: string): number {
    const p = this.prefix;
    return this.indexOf(
      'dxfs',
      `<${p}dxf><${p}fill><${p}patternFill><${p}bgColor rgb="FF${rgb}"/></${p}patternFill></${p}fill></${p}dxf>`,
    );
  }

  /** The part's new text (the same text when nothing was added). */
  result(): string {
    const edits: Edit[] = [];
    const p = this.prefix;
    for (const [name, c] of this.collections) {
      if (!c.added.length) continue;
      const count = c.items.length + c.added.length;
      const added = c.added.join('');
      if (c.start < 0) {
        // A collection the part lacks goes before the first child that follows it in schema order.
        const rank = ORDER.indexOf(name);
        const next = this.children.find((ch) => ORDER.indexOf(ch.local) > rank);
        const at = next ? next.start : this.rootCloseStart;
        edits.push({ start: at, end: at, text: `<${p}${name} count="${count}">${added}</${p}${name}>` });
        continue;
      }
      const openTag = this.text.slice(c.start, c.openEnd);
      const withCount = /\scount="[^"]*"/.test(openTag)
        ? openTag.replace(/(\scount=")[^"]*(")/, `$1${count}$2`)
        : openTag.replace(/(\/?>)$/, ` count="${count}"$1`);
      if (c.selfClosing) {
        edits.push({ start: c.start, end: c.end, text: `${withCount.replace(/\s*\/>$/, '>')}${added}</${p}${name}>` });
      } else {
        edits.push({ start: c.start, end: c.openEnd, text: withCount });
        edits.push({ start: c.closeStart, end: c.closeStart, text: added });
      }
    }
    return edits.length ? applyEdits(this.text, edits) : this.text;
  }
}

/** A minimal stylesheet for a package that has none. */
export const EMPTY_STYLESHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';
