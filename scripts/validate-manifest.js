#!/usr/bin/env node
/**
 * npm run validate [-- manifest.xml …]
 *
 * Checks the add-in manifest offline against Microsoft's own XML schemas for Office add-in
 * manifests (test/addin/manifest-schemas/, copied as published; see the README there) with
 * xmllint (Debian: libxml2-utils). Without arguments it checks manifest.xml as it is and as
 * `npm run build` writes it for a deployed address; with arguments, the manifests given — for
 * instance one IT edited by hand (docs/trien-khai.md).
 *
 * As published, the schemas do not compile in libxml2: they name the XML Schema namespace with
 * https, one pattern has a lazy quantifier ({0,3}?), and the manifest schema imports a content
 * add-in schema that was never published. Those are fixed in a temporary copy; the files in the
 * repository stay as published.
 *
 * Exit status: 0 every manifest is valid; 1 one is not (xmllint names the element and what was
 * expected); 2 the check could not run (no xmllint, schemas that do not compile).
 */
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.join(__dirname, '..');
const SCHEMAS = path.join(ROOT, 'test', 'addin', 'manifest-schemas');
const MAIN_SCHEMA = 'OfficeAppManifestV1_1.xsd';
/** A deployed address, to check the manifest as the build rewrites it. */
const SAMPLE_BASE_URL = 'https://cqdt.example.gov.vn/chamdiem';

/** The published schema text with the three fixes libxml2 needs. */
function compilable(text) {
  const lines = text
    .replace(/https:\/\/www\.w3\.org\//g, 'http://www.w3.org/')
    .replace(/\{0,3\}\?"/g, '{0,3}"')
    .split('\n');
  const out = [];
  let skipping = false;
  for (const line of lines) {
    if (line.includes('schemaLocation="ContentAppVersionOverridesV1_0.xsd"')) continue;
    if (line.includes('<xs:element ref="contentor:VersionOverrides"')) skipping = true;
    if (!skipping) out.push(line);
    if (skipping && line.includes('</xs:element>')) skipping = false;
  }
  return out.join('\n');
}

function prepareSchemas() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqdt-xsd-'));
  for (const file of fs.readdirSync(SCHEMAS).filter((f) => f.endsWith('.xsd'))) {
    fs.writeFileSync(path.join(dir, file), compilable(fs.readFileSync(path.join(SCHEMAS, file), 'utf8')));
  }
  return dir;
}

/** The manifest as `npm run build` writes it for a deployed address. */
function builtManifest(dir) {
  const { manifestFor } = require(path.join(ROOT, 'webpack.config.js'));
  const file = path.join(dir, 'manifest.built.xml');
  fs.writeFileSync(file, manifestFor(SAMPLE_BASE_URL)(fs.readFileSync(path.join(ROOT, 'manifest.xml'))));
  return file;
}

/** Checks one manifest: { ok, status, output }. */
function validate(schemaDir, manifest) {
  const run = spawnSync('xmllint', ['--nonet', '--noout', '--schema', path.join(schemaDir, MAIN_SCHEMA), manifest], {
    encoding: 'utf8',
  });
  if (run.error) return { ok: false, status: 'missing', output: String(run.error.message) };
  const status = run.status === 0 ? 'valid' : run.status === 3 ? 'invalid' : run.status === 5 ? 'schema' : 'other';
  return { ok: run.status === 0, status, output: `${run.stderr}${run.stdout}`.trim() };
}

function main(args) {
  const schemaDir = prepareSchemas();
  try {
    const manifests = args.length
      ? args.map((a) => ({ label: a, file: path.resolve(a) }))
      : [
          { label: 'manifest.xml', file: path.join(ROOT, 'manifest.xml') },
          { label: `manifest.xml sau npm run build (địa chỉ ${SAMPLE_BASE_URL})`, file: builtManifest(schemaDir) },
        ];
    let failed = 0;
    for (const { label, file } of manifests) {
      const result = validate(schemaDir, file);
      if (result.status === 'missing') {
        console.error('Không chạy được xmllint: hãy cài gói libxml2-utils (apt-get install libxml2-utils).');
        return 2;
      }
      if (result.status === 'schema' || result.status === 'other') {
        console.error(`Không kiểm tra được ${label}: lược đồ không dịch được.\n${result.output}`);
        return 2;
      }
      if (result.ok) console.log(`Hợp lệ theo lược đồ manifest của Microsoft: ${label}`);
      else {
        failed++;
        console.error(`KHÔNG hợp lệ: ${label}\n${result.output}`);
      }
    }
    return failed ? 1 : 0;
  } finally {
    fs.rmSync(schemaDir, { recursive: true, force: true });
  }
}

module.exports = { compilable, validate, prepareSchemas };

if (require.main === module) process.exit(main(process.argv.slice(2)));
