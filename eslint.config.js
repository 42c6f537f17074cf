// Lint, and the zones of architecture.md: a wrong import arrow fails CI.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const NODE_BUILTINS = { group: ['node:*'], message: 'This zone runs without Node: keep Node APIs in src/main.' };
const zone = (files, patterns, extra = []) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { paths: extra, patterns }] },
});
const electron = { name: 'electron', message: 'Only src/main/electron and the preload may import electron.' };
const sqlite = { name: 'better-sqlite3', message: 'The database belongs to src/main/core.' };
const kysely = { name: 'kysely', message: 'The database belongs to src/main/core.' };
const react = { name: 'react', message: 'React belongs to src/renderer.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'bench/tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': ['error', { ignoreRestArgs: true }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  // Migrations run against Kysely<any> on purpose: they are frozen in time, not typed by today's schema.
  { files: ['src/main/core/db/migrations/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  zone(['src/shared/**'], [NODE_BUILTINS, { group: ['**/main/**', '**/renderer/**'], message: 'src/shared imports only shared code.' }], [electron, sqlite, kysely, react, { name: 'react-dom', message: 'React belongs to src/renderer.' }]),
  zone(['src/main/core/**', 'src/main/cli/**', 'src/main/web/**', 'src/main/core-process/**'], [{ group: ['**/renderer/**', '**/electron/**'], message: 'The core never depends on a shell.' }], [electron, react]),
  zone(['src/main/electron/**'], [{ group: ['**/renderer/**'], message: 'Main never imports the renderer.' }], [react]),
  zone(
    ['src/main/preload/**'],
    [NODE_BUILTINS, { group: ['**/core/**', '**/renderer/**', '**/domain/**', '**/main/electron/**'], message: 'The preload imports only src/shared/ipc.' }],
    [sqlite, kysely, react],
  ),
  zone(['src/renderer/**'], [NODE_BUILTINS, { group: ['**/main/**'], message: 'The renderer reaches main only through window.api.' }], [electron, sqlite, kysely]),
);
