/**
 * Builds the add-in: the task pane, the ribbon's function file and its notice dialog, with the
 * manifest and icons copied beside them. The task pane and the function file start with the
 * inline ES5 boot script (src/boot/unsupportedWebview.js) that tells users of too old a webview
 * what to use instead; the notice dialog is one static page with its own inline ES5 script.
 *
 *   npm run build                 production, into dist/; manifest URLs → ADDIN_BASE_URL
 *   npm run build:dev             development, into dist/, URLs stay https://localhost:3000
 *   npm run dev-server            https://localhost:3000 with Office's development certificate
 *   webpack --env test            the pages with a local stub instead of office.js, driving an
 *                                 in-memory workbook (test/addin/browser/officeStub.ts): no CDN
 *
 * ADDIN_BASE_URL must be an https:// address (Office loads add-ins only over HTTPS).
 */
const fs = require('node:fs');
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_BASE_URL = 'https://localhost:3000';
/** Office requires its library from the official CDN in every deployed page. */
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_STUB = 'office-stub.js';

function baseUrlFor(mode) {
  const url = (mode === 'production' ? process.env.ADDIN_BASE_URL || DEV_BASE_URL : DEV_BASE_URL).replace(/\/+$/, '');
  if (!/^https:\/\/[^/\s]+/.test(url)) throw new Error(`ADDIN_BASE_URL phải là địa chỉ https:// (đang là "${url}")`);
  return url;
}

/** The manifest with the development base URL replaced. */
function manifestFor(baseUrl) {
  return (content) => content.toString('utf8').split(DEV_BASE_URL).join(baseUrl);
}

const ICONS = fs.readdirSync(path.join(__dirname, 'assets')).filter((f) => f.endsWith('.png'));

/** A script to inline into a page: its text, which must not close the <script> element. */
function inlineScript(file) {
  const text = fs.readFileSync(path.join(__dirname, file), 'utf8');
  if (/<\/script/i.test(text)) throw new Error(`${file} cannot be inlined: it contains </script`);
  return text;
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || env.mode || 'production';
  const test = Boolean(env.test);
  const baseUrl = baseUrlFor(mode);
  const outDir = path.resolve(__dirname, env.outDir || (test ? 'test-output/addin-build' : 'dist'));
  const officeScript = test ? `<script src="${OFFICE_STUB}"></script>` : `<script src="${OFFICE_JS}"></script>`;

  const templateParameters = {
    officeScript,
    bootScript: inlineScript('src/boot/unsupportedWebview.js'),
    noticeScript: inlineScript('src/commands/noticePage.js'),
  };
  const page = (name, template, chunks) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template,
      chunks,
      templateParameters,
      minify: false,
    });

  const entry = {
    taskpane: './src/taskpane/index.tsx',
    commands: './src/commands/commands.ts',
  };
  if (test) entry['office-stub'] = './test/addin/browser/officeStub.ts';

  const config = {
    mode,
    entry,
    target: ['web', 'es2020'],
    devtool: mode === 'production' ? false : 'source-map',
    output: {
      path: outDir,
      filename: '[name].js',
      // Parts loaded on demand (the Word writer, the .xlsx reader): hashed, so a cached pane never pairs with a stale part.
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              // ES modules for tree shaking. ES2020 is the floor anyway: the engine's decimals use
              // BigInt, and React 19 and Fluent ship ES2020.
              compilerOptions: {
                module: 'esnext',
                moduleResolution: 'bundler',
                target: 'ES2020',
                sourceMap: mode !== 'production',
              },
            },
          },
        },
      ],
    },
    plugins: [
      page('taskpane', './src/taskpane/taskpane.html', ['taskpane']),
      page('commands', './src/commands/commands.html', ['commands']),
      page('notice', './src/commands/notice.html', []),
      new CopyWebpackPlugin({
        patterns: [
          ...ICONS.map((icon) => ({ from: `assets/${icon}`, to: `assets/${icon}` })),
          { from: 'manifest.xml', to: 'manifest.xml', transform: manifestFor(baseUrl) },
        ],
      }),
    ],
    // Each on-demand part is one file named after what it does (the .xlsx reader inside previous-workbook), rather
    // than a separate numbered vendor file; the Word writer, shared by the decision draft and the result letters, is
    // one file of its own ("docx"), fetched once for both.
    optimization: {
      splitChunks: {
        cacheGroups: {
          defaultVendors: false,
          docx: { test: /[\\/]node_modules[\\/]/, chunks: 'async', minChunks: 2, name: 'docx', priority: 10, enforce: true },
        },
      },
    },
    performance: { hints: false },
    stats: 'errors-warnings',
  };

  if (process.env.WEBPACK_SERVE) {
    const devCerts = require('office-addin-dev-certs');
    config.devServer = {
      port: 3000,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options: await devCerts.getHttpsServerOptions() },
      static: { directory: outDir },
    };
  }
  return config;
};

module.exports.DEV_BASE_URL = DEV_BASE_URL;
module.exports.OFFICE_JS = OFFICE_JS;
module.exports.OFFICE_STUB = OFFICE_STUB;
module.exports.manifestFor = manifestFor;
