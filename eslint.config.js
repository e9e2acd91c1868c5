// Type-aware lint for the whole package. The per-folder import bans keep the
// architecture's dependency rule visible: core ← contracts ← services ← routes/CLI, and the web
// app runs the same core in the browser (reaching the server over HTTP only).
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import noUntranslatedText from './eslint-rules/no-untranslated-text.js';

const noImportsFrom = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
});

/** Node's built-in modules by every name they can be imported under (`fs`, `node:fs`, `fs/promises`). */
const NODE_BUILTINS = ['node:*', ...builtinModules.flatMap((name) => [name, `${name}/*`])];

const BROWSER_SAFE_CORE =
  'src/core is the pure domain that the server, the CLI and the browser all run: no I/O, no Node built-ins and no imports from other layers, so it stays deterministic, testable and bundleable for the web app.';

export default tseslint.config(
  {
    ignores: [
      '.ci-cache/**',
      'dist/**',
      'node_modules/**',
      'data/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
      'bin/**',
      'eslint.config.js',
      // Plain JavaScript lint rules, loaded by this config (outside the TypeScript program).
      'eslint-rules/**',
      // Plain JavaScript bootstraps of worker threads (they register tsx, then load TypeScript).
      'src/server/workers/*.worker.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-confusing-void-expression': 'off',
    },
  },
  {
    // Tests may assert that fixtures have what they index.
    files: ['**/*.test.ts', 'test/**', 'e2e/**', 'bench/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['src/core/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      ...noImportsFrom(
        [
          '**/contracts/**',
          '**/server/**',
          '**/cli/**',
          '**/web/**',
          ...NODE_BUILTINS,
          'pg',
          'kysely',
          'fastify',
          'react',
        ],
        BROWSER_SAFE_CORE,
      ),
      // Node's globals do not exist in the browser; tsconfig.web.json (no Node types) checks the same.
      'no-restricted-globals': [
        'error',
        ...[
          'Buffer',
          'process',
          'global',
          'require',
          'module',
          '__dirname',
          '__filename',
          'setImmediate',
        ].map((name) => ({ name, message: BROWSER_SAFE_CORE })),
      ],
    },
  },
  {
    files: ['src/contracts/**'],
    ignores: ['**/*.test.ts'],
    rules: noImportsFrom(
      ['**/server/**', '**/cli/**', '**/web/**', ...NODE_BUILTINS],
      'src/contracts is shared by server, web and CLI: it may use core and zod only.',
    ),
  },
  {
    files: ['src/web/**'],
    rules: noImportsFrom(
      ['**/server/**', '**/cli/**', ...NODE_BUILTINS, 'pg', 'kysely', '@electric-sql/*'],
      'The web app runs src/core (the one copy of every domain rule) and src/contracts, and reaches the server over HTTP only: never import server or CLI code, nor Node built-ins.',
    ),
  },
  {
    files: ['src/web/components/**', 'src/web/hooks/**', 'src/web/session/**', 'src/web/api/**'],
    rules: noImportsFrom(
      ['**/server/**', '**/cli/**', ...NODE_BUILTINS, 'pg', 'kysely', '@electric-sql/*', '**/pages/**'],
      'Pages compose components; what two pages share lives in components/, hooks/ or api/, never in pages/ (and the web never imports server or CLI code, nor Node built-ins).',
    ),
  },
  {
    files: ['src/server/**'],
    rules: noImportsFrom(['**/web/**', '**/cli/**'], 'The server must not depend on the web app or the CLI.'),
  },
  {
    // What a person reads in the web app is translated (docs/TRANSLATION.md).
    files: ['src/web/**/*.tsx'],
    ignores: ['**/*.test.tsx'],
    plugins: { catchball: { rules: { 'no-untranslated-text': noUntranslatedText } } },
    rules: { 'catchball/no-untranslated-text': 'error' },
  },
);
