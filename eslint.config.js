import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'url', 'http', 'net', 'worker_threads'];
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', '.cache/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  // Import boundaries (see docs/ARCHITECTURE.md): shared is pure; the renderer has no Node and no
  // Electron; only the thin Electron glue imports 'electron'.
  {
    files: ['shared/**/*.ts'],
    rules: restrict([...nodeBuiltins, 'electron', 'better-sqlite3*', 'react-dom', 'react-dom/*'], 'shared/ is pure TypeScript used by both sides.'),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict([...nodeBuiltins, 'electron', 'better-sqlite3*'], 'The renderer reaches data only through window.counsel or the bridge client.'),
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/ipc.ts', 'electron/shell/**'],
    rules: restrict(['electron'], 'Only main, preload, ipc and electron/shell may import electron; the rest runs in plain Node.'),
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
