// ESLint flat config: typescript-eslint's recommended rules, React hooks rules for the task
// pane, and the architecture rule that the engine imports nothing from Node, Office or the DOM.
const tseslint = require('typescript-eslint');
const reactHooks = require('eslint-plugin-react-hooks');

const ENGINE = ['src/rubric/**', 'src/sheet/**', 'src/scoring/**', 'src/report/**', 'src/export/**', 'src/sample/sampleData.ts'];

module.exports = tseslint.config(
  { ignores: ['node_modules/', 'build/', 'dist/', 'out/', 'coverage/', 'test-output/', 'examples/'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' },
    },
  },
  {
    // Inlined into the add-in's pages and run before anything else, also on Internet Explorer: ES5 scripts.
    files: ['src/boot/*.js', 'src/commands/noticePage.js'],
    languageOptions: {
      ecmaVersion: 5,
      sourceType: 'script',
      globals: {
        window: 'readonly',
        document: 'readonly',
        Office: 'readonly',
        BigInt: 'readonly',
        Promise: 'readonly',
        encodeURIComponent: 'readonly',
        decodeURIComponent: 'readonly',
      },
    },
    // ES5 has no catch without a binding.
    rules: { '@typescript-eslint/no-unused-vars': ['error', { caughtErrors: 'none' }] },
  },
  {
    files: ['src/taskpane/**/*.tsx', 'src/taskpane/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ENGINE,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process'],
              message: 'The engine runs in the task pane too: no Node imports.',
            },
            {
              group: ['exceljs', 'jszip', 'react', 'react-dom', '@fluentui/*'],
              message: 'The engine is pure: files and UI belong to the gateways.',
            },
            {
              group: ['**/workbook/**', '**/taskpane/**', '**/commands/**', '**/cli/**'],
              message: 'The engine never imports the layers that use it.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'Excel', 'Office', 'document', 'window', 'process', 'Buffer'],
    },
  },
);
