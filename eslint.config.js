// Type-aware lint for the whole package. The per-folder import bans keep the
// architecture's dependency rule visible: core ← services ← routes/CLI; web speaks HTTP only.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const noImportsFrom = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
});

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
    rules: noImportsFrom(
      [
        '**/contracts/**',
        '**/server/**',
        '**/cli/**',
        '**/web/**',
        'node:*',
        'fs',
        'pg',
        'kysely',
        'fastify',
        'react',
      ],
      'src/core is the pure domain: no I/O and no imports from other layers, so it stays deterministic and testable.',
    ),
  },
  {
    files: ['src/contracts/**'],
    ignores: ['**/*.test.ts'],
    rules: noImportsFrom(
      ['**/server/**', '**/cli/**', '**/web/**', 'node:*'],
      'src/contracts is shared by server, web and CLI: it may use core and zod only.',
    ),
  },
  {
    files: ['src/web/**'],
    rules: noImportsFrom(
      ['**/server/**', '**/cli/**', '**/core/**', 'node:*', 'pg', 'kysely', '@electric-sql/*'],
      'The web app talks to the server over HTTP only; share types through src/contracts.',
    ),
  },
  {
    files: ['src/server/**'],
    rules: noImportsFrom(['**/web/**', '**/cli/**'], 'The server must not depend on the web app or the CLI.'),
  },
);
