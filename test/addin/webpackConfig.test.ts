/**
 * The build configuration without running a build: production pages load office.js from
 * Microsoft's CDN (Office requires it) and the manifest gets the production base URL; the test
 * build swaps office.js for the local stub; every page the manifest names is a page it writes.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require(path.join(ROOT, 'webpack.config.js'));

interface PluginLike {
  constructor: { name: string };
  userOptions?: { filename: string; templateParameters: { officeScript: string; bootScript: string } };
  /** copy-webpack-plugin's patterns: what is copied beside the bundles. */
  patterns?: { from: string; to: string; transform?: (content: Buffer) => string }[];
}

async function configFor(env: Record<string, unknown>, mode: string, baseUrl?: string) {
  const saved = process.env.ADDIN_BASE_URL;
  if (baseUrl === undefined) delete process.env.ADDIN_BASE_URL;
  else process.env.ADDIN_BASE_URL = baseUrl;
  try {
    return (await makeConfig(env, { mode })) as {
      entry: Record<string, string>;
      plugins: PluginLike[];
      output: { path: string };
    };
  } finally {
    if (saved === undefined) delete process.env.ADDIN_BASE_URL;
    else process.env.ADDIN_BASE_URL = saved;
  }
}

const pages = (config: { plugins: PluginLike[] }) =>
  config.plugins.filter((p) => p.userOptions?.filename).map((p) => p.userOptions!);
const emitted = (config: { plugins: PluginLike[] }) => config.plugins.find((p) => p.patterns)!.patterns!;

describe('webpack.config.js', () => {
  test('production: office.js from the CDN, the manifest moved to ADDIN_BASE_URL, into dist/', async () => {
    const config = await configFor({}, 'production', 'https://cqdt.backan.gov.vn/addin/');
    expect(config.output.path).toBe(path.join(ROOT, 'dist'));
    for (const page of pages(config)) {
      expect(page.templateParameters.officeScript).toBe(
        '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>',
      );
    }
    // The notice dialog is one static page with its own inline script: no bundle of its own.
    expect(Object.keys(config.entry)).toEqual(['taskpane', 'commands']);
    expect(pages(config).map((p) => p.filename)).toEqual(['taskpane.html', 'commands.html', 'notice.html']);
    // Both pages that load a bundle start with the inline ES5 boot script.
    for (const page of pages(config)) expect(page.templateParameters.bootScript).toMatch(/cqdt-unsupported/);
    const manifest = emitted(config).find((f) => f.to === 'manifest.xml')!;
    const text = manifest.transform!(fs.readFileSync(path.join(ROOT, 'manifest.xml')));
    expect(text).not.toContain('localhost');
    expect(text).toContain('https://cqdt.backan.gov.vn/addin/taskpane.html');
    expect(emitted(config).map((f) => f.to)).toEqual(
      expect.arrayContaining(['assets/icon-16.png', 'assets/icon-32.png', 'assets/icon-64.png', 'assets/icon-80.png']),
    );
  });

  test('development keeps https://localhost:3000; a base URL that is not https is refused', async () => {
    const dev = await configFor({}, 'development', 'https://ignored.example');
    const text = emitted(dev).find((f) => f.to === 'manifest.xml')!.transform!(fs.readFileSync(path.join(ROOT, 'manifest.xml')));
    expect(text).toContain('https://localhost:3000/taskpane.html');
    await expect(configFor({}, 'production', 'http://cqdt.example')).rejects.toThrow(/https/);
  });

  test('the test build swaps office.js for the local stub and writes elsewhere', async () => {
    const config = await configFor({ test: true }, 'development');
    expect(config.entry['office-stub']).toMatch(/officeStub\.ts$/);
    for (const page of pages(config)) expect(page.templateParameters.officeScript).toBe('<script src="office-stub.js"></script>');
    expect(config.output.path).toBe(path.join(ROOT, 'test-output', 'addin-build'));
  });

  test('every page the manifest names is a page the build writes', async () => {
    const config = await configFor({}, 'production');
    const written = new Set(pages(config).map((p) => p.filename));
    const manifest = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
    const named = [...manifest.matchAll(/https:\/\/localhost:3000\/([\w./-]+\.html)/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(0);
    for (const page of named) expect([page, written.has(page)]).toEqual([page, true]);
  });
});
