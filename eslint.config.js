import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'url', 'http', 'net', 'worker_threads'];
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const banned = (group, message) => ({ group, message });

// The areas of electron/services (docs/ARCHITECTURE.md). An area's *-repo modules hold its SQL and
// are imported only inside that area; another area calls the area's exported functions instead.
const AREAS = ['accounts', 'roster', 'schedule', 'counseling', 'groups', 'assessments', 'statistics', 'district', 'backup', 'crisis', 'compliance'];
const reposOf = (areas) => ({
  regex: `(^|/)(${areas.join('|')})/(.+/)?[^/]+-repo$`,
  message: "Another area's repository: call that area's exported functions instead.",
});
const anyServiceRepo = {
  regex: '(^|/)services/(.+/)?[^/]+-repo$',
  message: 'A repository is imported only from its own area of electron/services.',
};
// The Electron glue runs in the main process (and preload); the database host is a utilityProcess
// that talks to main through process.parentPort, and everything else runs in plain Node.
const ELECTRON_GLUE = ['electron/main.ts', 'electron/preload.ts', 'electron/ipc.ts', 'electron/shell/**'];
const noElectron = banned(['electron'], 'Only main, preload, ipc and electron/shell may import electron; the rest runs in plain Node.');
// A relative path that climbs out to one of the repository's top-level folders.
const outOfFolder = (folders, message) => ({ regex: `^(\\.\\./)+(${folders.join('|')})(/|$)`, message });

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
  // Import boundaries (see docs/ARCHITECTURE.md): shared is pure; the renderer imports shared only;
  // only the thin Electron glue imports 'electron'; repositories stay inside their area.
  // A file gets one no-restricted-imports setting (the last matching block), so each block lists all of its bans.
  {
    files: ['shared/**/*.ts'],
    rules: restrict(
      banned([...nodeBuiltins, 'electron', 'better-sqlite3*', 'react-dom', 'react-dom/*'], 'shared/ is pure TypeScript used by both sides.'),
      outOfFolder(['electron', 'renderer', 'bench', 'tests', 'scripts'], 'shared/ imports only shared/.'),
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        banned([...nodeBuiltins, 'electron', 'better-sqlite3*'], 'The renderer reaches data only through window.counsel or the bridge client.'),
        outOfFolder(['electron', 'bench', 'tests', 'scripts', 'resources'], 'The renderer imports shared/ only.'),
      ),
    },
  },
  { files: ELECTRON_GLUE, rules: restrict(anyServiceRepo) },
  { files: ['electron/**/*.ts'], ignores: ELECTRON_GLUE, rules: restrict(noElectron, anyServiceRepo) },
  ...AREAS.map((area) => ({
    files: [`electron/services/${area}/**/*.ts`],
    rules: restrict(noElectron, reposOf(AREAS.filter((a) => a !== area))),
  })),
  { files: ['electron/services/common/**/*.ts'], rules: restrict(noElectron, reposOf(AREAS)) },
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
