// The layering of DESIGN.md, enforced: domain and board stay free of React, providers, the DOM and the server.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const uiAndProviders = [
  { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/domain and src/board never import React.' },
  { group: ['@xyflow/*', 'reactflow'], message: 'src/domain and src/board never import React Flow.' },
  { group: ['y-websocket', 'y-indexeddb', 'y-leveldb', 'ws', 'zustand'], message: 'src/domain and src/board never import providers or stores.' },
  { group: ['**/server/**', '**/ui/**', '**/state/**', '**/sync/**'], message: 'Arrows only point down: domain and board import nothing above them.' },
  { group: ['node:*', 'fs', 'path', 'http'], message: 'src/domain and src/board run in the browser too.' },
];

// test-support/ holds what only tests, benches and e2e specs import; no code that ships does.
const testSupport = { group: ['**/test-support/**'], message: 'Only tests, benches and e2e specs import test-support/.' };
const noUi = { group: ['**/src/ui/**', '**/ui/**', 'react', 'react-dom', '@xyflow/*'], message: 'The server and the test helpers never import src/ui.' };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**'] },
  // Everything linted (src server test-support bench e2e fixtures bin) gets typescript-eslint's recommended rules
  // and the React hooks rules (rules-of-hooks, exhaustive-deps and the React Compiler rules of v7).
  ...tseslint.configs.recommended,
  reactHooks.configs.flat.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js'],
    languageOptions: { parser: tseslint.parser },
    rules: {
      // A leading underscore marks a deliberately unused binding (`_ignored`, `[_, b]`, `{ drop, ...rest }`).
      '@typescript-eslint/no-unused-vars': ['error', {
        argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_',
        destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true,
      }],
      // Warnings would scroll by unread: a lint that lints fails.
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': ['error', { patterns: [...uiAndProviders, testSupport, { group: ['yjs', '**/board/**'], message: 'src/domain imports nothing of ours and no Yjs.' }] }],
    },
  },
  {
    files: ['src/board/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': ['error', { patterns: [...uiAndProviders, testSupport] }],
    },
  },
  {
    files: ['src/state/**/*.ts', 'src/sync/**/*.ts', 'src/ui/**/*.{ts,tsx}', 'src/test-hooks/**/*.ts', 'src/*.{ts,tsx}', 'bin/**/*.{js,ts}', 'fixtures/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [testSupport] }],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noUi] }],
    },
  },
  {
    files: ['server/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noUi, testSupport] }],
    },
  },
  {
    // The helpers run in Node next to the tests (vitest, Playwright's runner, the benches): typed like src/domain
    // and src/board, and, like the server, without the UI.
    files: ['test-support/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': ['error', { patterns: [noUi] }],
    },
  },
);
