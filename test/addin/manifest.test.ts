/**
 * @jest-environment jsdom
 *
 * The add-in manifest checked offline (the Microsoft validator is an online service): it parses
 * as XML, every resid is defined in the right kind of resource and every resource is used, the
 * strings fit Office's limits and have an English override, every URL is https, every icon
 * exists at its declared size, and the ribbon's FunctionName is a handler the function file
 * registers with Office.actions.associate.
 */
import fs from 'node:fs';
import path from 'node:path';

import { MIN_EXCEL_API } from '../../src/workbook/gateway';

const ROOT = path.resolve(__dirname, '../..');
const BT = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

const text = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const doc = new DOMParser().parseFromString(text, 'application/xml');

const all = (name: string, ns: string | null = null) => [
  ...(ns ? doc.getElementsByTagNameNS(ns, name) : doc.getElementsByTagName(name)),
];
const one = (name: string) => {
  const found = all(name);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0];
};

/** Resources by kind: id → element. */
function resources(kind: 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings'): Map<string, Element> {
  const section = all(kind, BT)[0];
  const items = section
    ? [...section.children].filter((e) => e.localName === (kind === 'Images' ? 'Image' : kind === 'Urls' ? 'Url' : 'String'))
    : [];
  return new Map(items.map((e) => [e.getAttribute('id')!, e]));
}

const IMAGES = resources('Images');
const URLS = resources('Urls');
const SHORT = resources('ShortStrings');
const LONG = resources('LongStrings');

/** Which kind of resource each referring element must point to. */
function expectedKind(el: Element): Map<string, Element> {
  const parent = el.parentElement?.localName;
  if (el.localName === 'Image') return IMAGES;
  if (['SourceLocation', 'FunctionFile', 'LearnMoreUrl'].includes(el.localName)) return URLS;
  if (el.localName === 'Description') return LONG;
  if (el.localName === 'Label' || (el.localName === 'Title' && (parent === 'Supertip' || parent === 'GetStarted'))) return SHORT;
  throw new Error(`no rule for resid on <${el.localName}>`);
}

/** Every value of a string resource: the default and each override. */
function values(el: Element): { locale: string; value: string }[] {
  const overrides = [...el.children].filter((c) => c.localName === 'Override');
  return [
    { locale: 'default', value: el.getAttribute('DefaultValue') ?? '' },
    ...overrides.map((o) => ({ locale: o.getAttribute('Locale') ?? '', value: o.getAttribute('Value') ?? '' })),
  ];
}

describe('manifest.xml', () => {
  test('is well-formed XML for an Excel task-pane add-in that edits the workbook', () => {
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.localName).toBe('OfficeApp');
    expect(doc.documentElement.getAttributeNS(XSI, 'type')).toBe('TaskPaneApp');
    expect(one('Id').textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(one('DefaultLocale').textContent).toBe('vi-VN');
    expect(one('Permissions').textContent).toBe('ReadWriteDocument');
    expect(all('Host').map((h) => h.getAttribute('Name') ?? h.getAttributeNS(XSI, 'type'))).toEqual(['Workbook', 'Workbook']);
  });

  test('declares the requirement the pane checks too: ExcelApi 1.13, which Office with an old webview lacks', () => {
    const sets = all('Set').map((s) => [s.getAttribute('Name'), s.getAttribute('MinVersion')]);
    expect(sets).toEqual([['ExcelApi', MIN_EXCEL_API]]);
    expect(MIN_EXCEL_API).toBe('1.13');
  });

  test('every resid is defined, in the right kind of resource, and every resource is used', () => {
    const referring = [...doc.querySelectorAll('[resid]')];
    expect(referring.length).toBeGreaterThan(10);
    const used = new Set<string>();
    for (const el of referring) {
      const id = el.getAttribute('resid')!;
      expect(id.length).toBeLessThanOrEqual(32);
      const kind = expectedKind(el);
      expect([el.localName, id, kind.has(id)]).toEqual([el.localName, id, true]);
      used.add(id);
    }
    for (const id of [...IMAGES.keys(), ...URLS.keys(), ...SHORT.keys(), ...LONG.keys()])
      expect([id, used.has(id)]).toEqual([id, true]);
  });

  test('inside VersionOverrides, strings and URLs go through resources only', () => {
    const overrides = all('VersionOverrides')[0];
    for (const name of ['Label', 'Title', 'Description', 'SourceLocation', 'FunctionFile', 'LearnMoreUrl']) {
      for (const el of [...overrides.getElementsByTagName(name)]) expect([name, el.hasAttribute('resid')]).toEqual([name, true]);
    }
  });

  test('strings fit Office’s limits and each has an English override', () => {
    const labels = new Set([...doc.querySelectorAll('Label[resid]')].map((e) => e.getAttribute('resid')!));
    for (const [id, el] of SHORT) {
      const vals = values(el);
      expect(vals.map((v) => v.locale)).toEqual(['default', 'en-US']);
      for (const v of vals) {
        expect([id, v.locale, v.value.length <= (labels.has(id) ? 32 : 125)]).toEqual([id, v.locale, true]);
        expect(v.value.trim()).not.toBe('');
      }
    }
    for (const [id, el] of LONG) {
      const vals = values(el);
      expect(vals.map((v) => v.locale)).toEqual(['default', 'en-US']);
      for (const v of vals) expect([id, v.locale, v.value.length <= 250]).toEqual([id, v.locale, true]);
    }
    for (const name of ['DisplayName', 'Description']) {
      const el = doc.documentElement.getElementsByTagName(name)[0];
      const vals = values(el);
      expect(vals.map((v) => v.locale)).toEqual(['default', 'en-US']);
      for (const v of vals) expect(v.value.length).toBeLessThanOrEqual(name === 'DisplayName' ? 125 : 250);
    }
  });

  test('every URL is https, and every icon exists at its declared size', () => {
    const urls = [
      ...[...URLS.values(), ...IMAGES.values()].map((e) => e.getAttribute('DefaultValue')!),
      ...['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation'].map((n) =>
        doc.documentElement.getElementsByTagName(n)[0].getAttribute('DefaultValue')!,
      ),
    ];
    for (const url of urls) expect(url).toMatch(/^https:\/\/[^/\s]+\//);

    const pngSize = (file: string) => {
      const bytes = fs.readFileSync(file);
      expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
      return bytes.readUInt32BE(16);
    };
    const fileOf = (url: string) => path.join(ROOT, new URL(url).pathname);
    for (const img of doc.querySelectorAll('Image[resid]')) {
      const url = IMAGES.get(img.getAttribute('resid')!)!.getAttribute('DefaultValue')!;
      expect([url, pngSize(fileOf(url))]).toEqual([url, Number(img.getAttribute('size'))]);
    }
    expect(pngSize(fileOf(one('IconUrl').getAttribute('DefaultValue')!))).toBe(32);
    expect(pngSize(fileOf(one('HighResolutionIconUrl').getAttribute('DefaultValue')!))).toBe(64);
  });

  test('the ribbon’s FunctionName is registered by the function file', async () => {
    const associated: string[] = [];
    Object.assign(globalThis, {
      Office: { onReady: () => Promise.resolve({}), actions: { associate: (name: string) => associated.push(name) } },
    });
    await import('../../src/commands/commands');
    const names = all('FunctionName').map((f) => f.textContent);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(associated).toContain(name);
  });
});
