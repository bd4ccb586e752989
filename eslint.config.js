// The layering of DESIGN.md, enforced: domain and board stay free of React, providers, the DOM and the server.
import tseslint from 'typescript-eslint';

const uiAndProviders = [
  { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/domain and src/board never import React.' },
  { group: ['@xyflow/*', 'reactflow'], message: 'src/domain and src/board never import React Flow.' },
  { group: ['y-websocket', 'y-indexeddb', 'y-leveldb', 'ws', 'zustand'], message: 'src/domain and src/board never import providers or stores.' },
  { group: ['**/server/**', '**/ui/**', '**/state/**', '**/sync/**'], message: 'Arrows only point down: domain and board import nothing above them.' },
  { group: ['node:*', 'fs', 'path', 'http'], message: 'src/domain and src/board run in the browser too.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
  },
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': ['error', { patterns: [...uiAndProviders, { group: ['yjs', '**/board/**'], message: 'src/domain imports nothing of ours and no Yjs.' }] }],
    },
  },
  {
    files: ['src/board/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': ['error', { patterns: uiAndProviders }],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/src/ui/**', '**/ui/**', 'react', 'react-dom', '@xyflow/*'], message: 'The server never imports src/ui.' }] }],
    },
  },
);
