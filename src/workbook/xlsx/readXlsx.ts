/**
 * Reading an .xlsx package into the engine's grids, directly: a zip library and a streaming XML
 * parser, only the parts scoring needs (workbook, relationships, shared strings, number formats,
 * the sheets, defined names, merges). For the command line, and in the task pane for last
 * year's scored workbook (./previousYear). A file that is not a readable .xlsx is named for what
 * it is, with what to do (./fileKind).
 */
import { Grid, SheetArea, parseSheetReference } from '../../sheet/grid';
import { DOCUMENT_SETTINGS_KEY, StoredSettings, parseStoredSettings } from '../../report/storedSettings';
import { FILE_KIND_MESSAGES, fileKind, zipKind } from './fileKind';
import { OpcPackage, REL_OFFICE_DOCUMENT, isRelType } from './opcPackage';
import { CellContext, ParsedSheet, parseSheet, readDateStyles, readSharedStrings } from './sheetPart';
import { Codec, ZipError, fflateCodec, readZip } from './zip';
import { XmlPartError, prefixOf, walkXml } from './xml';

export type SheetKind = 'worksheet' | 'chartsheet' | 'dialogsheet' | 'macrosheet' | 'other';

export interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string;
  /** The part's name, or null when the relationship is missing. */
  part: string | null;
  kind: SheetKind;
  /** 0-based position among the workbook's sheets (localSheetId). */
  index: number;
  start: number;
  end: number;
}

export interface DefinedNameEntry {
  name: string;
  localSheetId: number | null;
  text: string;
  start: number;
  end: number;
}

export interface WorkbookInfo {
  part: string;
  text: string;
  prefix: string;
  /** Namespace declarations on the root element: prefix ("" for default) → URI. */
  namespaces: Map<string, string>;
  rootOpenEnd: number;
  sheets: SheetEntry[];
  sheetsCloseStart: number;
  definedNames: DefinedNameEntry[];
  /** The <definedNames> element, when there is one. */
  definedNamesSpan: { start: number; openEnd: number; closeStart: number; end: number; selfClosing: boolean } | null;
  /** Depth-1 elements in order (for placing a new <definedNames>). */
  children: { local: string; start: number; end: number }[];
  date1904: boolean;
}

export interface XlsxBook {
  pkg: OpcPackage;
  workbook: WorkbookInfo;
  context: CellContext;
  /** Grids of the worksheets, read when first looked at. */
  grids: Grid[];
  /** The worksheet's grid and layout (read once, kept). */
  sheet(name: string): ParsedSheet | null;
}

export type LoadOutcome = { ok: true; book: XlsxBook } | { ok: false; message: string };

const PART_DAMAGED = (part: string, line: number | null) =>
  `phần "${part}" trong tệp bị hỏng (XML không hợp lệ${line ? ` ở dòng ${line}` : ''}): mở bằng Excel — Excel sẽ đề nghị sửa — rồi Lưu thành tệp mới và chấm tệp đó`;

function readWorkbook(text: string, part: string): WorkbookInfo {
  const info: WorkbookInfo = {
    part,
    text,
    prefix: '',
    namespaces: new Map(),
    rootOpenEnd: 0,
    sheets: [],
    sheetsCloseStart: -1,
    definedNames: [],
    definedNamesSpan: null,
    children: [],
    date1904: false,
  };
  let name: DefinedNameEntry | null = null;
  walkXml(text, part, {
    open: (tag) => {
      if (tag.depth === 0) {
        info.prefix = prefixOf(tag.name);
        info.rootOpenEnd = tag.end;
        for (const [k, v] of Object.entries(tag.attributes)) {
          if (k === 'xmlns') info.namespaces.set('', v);
          else if (k.startsWith('xmlns:')) info.namespaces.set(k.slice(6), v);
        }
        return;
      }
      if (tag.depth === 1) {
        info.children.push({ local: tag.local, start: tag.start, end: tag.end });
        if (tag.local === 'definedNames') {
          info.definedNamesSpan = {
            start: tag.start,
            openEnd: tag.end,
            closeStart: tag.end,
            end: tag.end,
            selfClosing: tag.selfClosing,
          };
        }
        if (tag.local === 'workbookPr') {
          const v = tag.attributes.date1904;
          info.date1904 = v === '1' || v === 'true';
        }
        return;
      }
      if (tag.local === 'sheet' && tag.depth === 2) {
        const relId = Object.entries(tag.attributes).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1] ?? '';
        info.sheets.push({
          name: tag.attributes.name ?? '',
          sheetId: Number(tag.attributes.sheetId ?? 0),
          relId,
          part: null,
          kind: 'other',
          index: info.sheets.length,
          start: tag.start,
          end: tag.end,
        });
      } else if (tag.local === 'definedName' && tag.depth === 2) {
        const local = tag.attributes.localSheetId;
        name = {
          name: tag.attributes.name ?? '',
          localSheetId: local === undefined ? null : Number(local),
          text: '',
          start: tag.start,
          end: tag.end,
        };
        info.definedNames.push(name);
      }
    },
    close: (tag) => {
      if (tag.depth === 1) {
        const last = info.children[info.children.length - 1];
        if (last && last.local === tag.local) last.end = tag.end;
        if (tag.local === 'sheets') info.sheetsCloseStart = tag.start;
        if (tag.local === 'definedNames' && info.definedNamesSpan) {
          info.definedNamesSpan.closeStart = tag.start;
          info.definedNamesSpan.end = tag.end;
        }
      } else if (tag.local === 'definedName' && name) {
        name.end = tag.end;
        name = null;
      }
    },
    text: (t) => {
      if (name) name.text += t;
    },
  });
  return info;
}

const SHEET_KINDS: [string, SheetKind][] = [
  ['/worksheet', 'worksheet'],
  ['/chartsheet', 'chartsheet'],
  ['/dialogsheet', 'dialogsheet'],
  ['/xlMacrosheet', 'macrosheet'],
  ['/xlIntlMacrosheet', 'macrosheet'],
];

function openBook(pkg: OpcPackage): XlsxBook | { message: string } {
  const root = pkg.relationships('');
  const officeDocument = root.find((r) => isRelType(r.type, REL_OFFICE_DOCUMENT) && !r.external)?.target;
  const workbookPart =
    officeDocument && pkg.has(officeDocument) ? officeDocument : pkg.has('xl/workbook.xml') ? 'xl/workbook.xml' : null;
  if (!workbookPart) {
    const names = pkg.archive.entries.map((e) => e.name);
    const mimetype = pkg.has('mimetype') ? new TextDecoder().decode(pkg.bytes('mimetype')!) : null;
    return { message: FILE_KIND_MESSAGES[zipKind(names, mimetype) as keyof typeof FILE_KIND_MESSAGES] };
  }
  const workbook = readWorkbook(pkg.text(workbookPart)!, workbookPart);
  const rels = pkg.relationships(workbookPart);
  const byId = new Map(rels.map((r) => [r.id, r]));
  for (const sheet of workbook.sheets) {
    const rel = byId.get(sheet.relId);
    if (!rel || rel.external) continue;
    sheet.part = pkg.has(rel.target) ? pkg.entryName(rel.target) : null;
    sheet.kind = SHEET_KINDS.find(([suffix]) => isRelType(rel.type, suffix))?.[1] ?? 'other';
  }
  const stylesRel = rels.find((r) => isRelType(r.type, '/styles'));
  const stringsRel = rels.find((r) => isRelType(r.type, '/sharedStrings'));
  const stylesPart = stylesRel?.target ?? null;
  const stringsPart = stringsRel?.target ?? null;
  const context: CellContext = {
    sharedStrings: stringsPart ? readSharedStrings(pkg.text(stringsPart), stringsPart) : [],
    dateStyles: stylesPart ? readDateStyles(pkg.text(stylesPart), stylesPart) : [],
    date1904: workbook.date1904,
  };
  if (stringsPart) pkg.release(stringsPart);

  const parsed = new Map<string, ParsedSheet>();
  const sheet = (name: string): ParsedSheet | null => {
    const entry = workbook.sheets.find((s) => s.name === name && s.kind === 'worksheet' && s.part);
    if (!entry) return null;
    let p = parsed.get(name);
    if (!p) {
      p = parseSheet(pkg.text(entry.part!)!, entry.part!, name, context);
      parsed.set(name, p);
    }
    return p;
  };
  // Sheets are read when the engine first looks at their rows: a big sheet it never needs (the
  // ranking sheet of an earlier run) costs nothing.
  const grids: Grid[] = workbook.sheets
    .filter((s) => s.kind === 'worksheet' && s.part)
    .map((s) => {
      const grid = { name: s.name } as Grid;
      let cached: Grid | null = null;
      const load = () => (cached ??= sheet(s.name)!.grid);
      Object.defineProperty(grid, 'rows', { enumerable: true, get: () => load().rows });
      Object.defineProperty(grid, 'merges', { enumerable: true, get: () => load().merges });
      return grid;
    });
  return { pkg, workbook, context, grids, sheet };
}

/** Turns what reading throws into the one sentence the user sees. */
export function readFailure(e: unknown): string {
  if (e instanceof XmlPartError) return PART_DAMAGED(e.part, e.line);
  if (e instanceof ZipError) return FILE_KIND_MESSAGES.damagedZip;
  throw e;
}

/** The workbook in the bytes, or a message naming what the file is when it is not a readable .xlsx. */
export function openXlsx(bytes: Uint8Array, codec: Codec = fflateCodec): LoadOutcome {
  const kind = fileKind(bytes);
  if (kind !== 'zip') return { ok: false, message: FILE_KIND_MESSAGES[kind] };
  try {
    const pkg = new OpcPackage(readZip(bytes), codec);
    const book = openBook(pkg);
    if ('message' in book) return { ok: false, message: book.message };
    return { ok: true, book };
  } catch (e) {
    return { ok: false, message: readFailure(e) };
  }
}

/** Every worksheet read now (the engine then never meets a damaged part half-way). */
export function readAllGrids(book: XlsxBook): { ok: true; grids: Grid[] } | { ok: false; message: string } {
  try {
    for (const g of book.grids) void g.rows;
    return { ok: true, grids: book.grids };
  } catch (e) {
    return { ok: false, message: readFailure(e) };
  }
}

/** A workbook-level defined name's first range: sheet and 0-based area. */
export function definedNameArea(book: XlsxBook, name: string): SheetArea | null {
  const entry = book.workbook.definedNames.find((n) => n.name === name && n.localSheetId === null);
  return entry ? parseSheetReference(entry.text) : null;
}

/**
 * The decision settings the task pane stored with the workbook (the add-in's document settings,
 * kept by Excel in xl/webextensions/webextension*.xml), or null when there are none we can trust.
 */
export function storedDecisionSettings(book: XlsxBook): StoredSettings | null {
  const parts = book.pkg.archive.entries
    .map((e) => e.name)
    .filter((n) => /^xl\/webextensions\/webextension\d*\.xml$/i.test(n))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  for (const part of parts) {
    let value: string | null = null;
    try {
      walkXml(book.pkg.text(part) ?? '', part, {
        open: (tag) => {
          if (value === null && tag.local === 'property' && tag.attributes.name === DOCUMENT_SETTINGS_KEY) {
            value = tag.attributes.value ?? null;
          }
        },
      });
    } catch {
      continue; // a damaged settings part never stops scoring
    }
    if (value === null) continue;
    let data: unknown = value;
    try {
      data = JSON.parse(value); // Office keeps each setting as JSON text
    } catch {
      /* a bare value */
    }
    const parsed = parseStoredSettings(data);
    if (parsed) return parsed;
  }
  return null;
}
