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
const CORE_ZONE = ['src/main/core/**', 'src/main/cli/**', 'src/main/web/**', 'src/main/core-process/**'];
const CORE_IMPORTS = [[{ group: ['**/renderer/**', '**/electron/**'], message: 'The core never depends on a shell.' }], [electron, react]];

// The unit of work (services/transaction.ts): a write's callback sees only its WriteScope. The core's
// own handle inside it waits for the connection the transaction holds (forever on a pool of one).
const IN_WRITE = 'CallExpression[callee.object.name="ctx"][callee.property.name="write"]';
const WRITE_SCOPE = [
  {
    selector: `${IN_WRITE} MemberExpression[object.name="ctx"][property.name=/^(db|sqlite|calendars)$/]`,
    message: 'Inside ctx.write use the scope it gives ({ db, audit, now, actor }): ctx.db, ctx.sqlite and ctx.calendars() wait on the connection the transaction holds. Read what you need before the write.',
  },
  {
    selector: `${IN_WRITE} CallExpression > Identifier.arguments[name="ctx"]`,
    message: 'Do not hand ctx to code running inside ctx.write: pass the WriteScope (or ctx.blobs) instead.',
  },
  { selector: 'ObjectExpression > SpreadElement[argument.name="ctx"]', message: 'No hand-made substitute contexts: pass what differs (a date, a transaction) as an argument.' },
  { selector: 'AssignmentPattern[right.object.name="ctx"][right.property.name="db"]', message: 'No `db = ctx.db` defaults: a write passes its scope, a read uses ctx.db.' },
];
// Repositories are the only code that writes SQL (db/ and backup/ work on the engine itself).
const SQL_MESSAGE = 'SQL belongs in src/main/core/repositories: add or reuse a repository function.';
const NO_SQL = [
  { selector: 'CallExpression[callee.property.name=/^(selectFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto|selectNoFrom)$/]', message: SQL_MESSAGE },
  { selector: 'TaggedTemplateExpression[tag.name="sql"]', message: SQL_MESSAGE },
  { selector: 'CallExpression[callee.object.name="sqlite"][callee.property.name=/^(prepare|exec|pragma)$/]', message: SQL_MESSAGE },
  { selector: 'CallExpression[callee.object.property.name="sqlite"][callee.property.name=/^(prepare|exec|pragma)$/]', message: SQL_MESSAGE },
];
const SQL_HOMES = ['src/main/core/repositories/**', 'src/main/core/db/**', 'src/main/core/backup/**'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'bench/tmp/**', 'scripts/stubs/napi-rs-canvas/vendor/**'] },
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
  zone(CORE_ZONE, ...CORE_IMPORTS),
  { files: ['src/main/**/*.ts'], rules: { 'no-restricted-syntax': ['error', ...WRITE_SCOPE] } },
  {
    files: CORE_ZONE,
    ignores: SQL_HOMES,
    rules: {
      'no-restricted-syntax': ['error', ...WRITE_SCOPE, ...NO_SQL],
      'no-restricted-imports': ['error', { patterns: CORE_IMPORTS[0], paths: [...CORE_IMPORTS[1], { name: 'kysely', importNames: ['sql'], message: SQL_MESSAGE }] }],
    },
  },
  zone(['src/main/electron/**'], [{ group: ['**/renderer/**'], message: 'Main never imports the renderer.' }], [react]),
  zone(
    ['src/main/preload/**'],
    [NODE_BUILTINS, { group: ['**/core/**', '**/renderer/**', '**/domain/**', '**/main/electron/**'], message: 'The preload imports only src/shared/ipc.' }],
    [sqlite, kysely, react],
  ),
  zone(['src/renderer/**'], [NODE_BUILTINS, { group: ['**/main/**'], message: 'The renderer reaches main only through window.api.' }], [electron, sqlite, kysely]),
);
