import { availableParallelism } from 'node:os';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/** The renderer's tests: the app in jsdom on a real core; spies are put back after each test. */
const JSDOM = { environment: 'jsdom' as const, setupFiles: ['tests/renderer/setup.ts'], testTimeout: 240_000, restoreMocks: true };

/** One project per test layer; `npm test` runs them all (e2e needs the built renderer). */
export default defineConfig({
  test: {
    // Vitest keeps a core for itself by default, which on a two-core machine runs one file at a
    // time while its own process sits idle.
    maxWorkers: Math.max(availableParallelism() - 1, 2),
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      { test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      { test: { name: 'electron', include: ['tests/electron/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      { test: { name: 'cli', include: ['tests/cli/**/*.test.ts'], environment: 'node', globalSetup: ['tests/cli/global-setup.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          include: ['tests/renderer/**/*.test.tsx'],
          exclude: ['tests/renderer/isolated/**'],
          ...JSDOM,
          // Importing the app, antd and echarts costs ~10 s per file; a worker keeps them for the
          // next file. Every test starts the app afresh (harness: stores, language, transport,
          // cleanup).
          isolate: false,
        },
      },
      {
        // A file that needs modules as a fresh window has them gets a worker of its own: in the shared
        // one an earlier file has already imported them (so a vi.mock comes too late) and loaded the
        // lazy screens and the full catalogs (so a start from the start-up catalog cannot be seen).
        // The recovery test is here too: after some files in the shared worker, its first answer
        // never showed (CI only, in file-size order; the cause is not found, its failure message
        // lists the calls sent and the toasts shown).
        plugins: [react()],
        test: {
          name: 'renderer-isolated',
          include: ['tests/renderer/isolated/**/*.test.tsx'],
          ...JSDOM,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 120_000,
          // After the other projects, two browsers at a time (one per worker): run beside the jsdom
          // workers on two cores, the keyboard and kiosk flows lost keystrokes and clicks in CI; one
          // at a time, the last 300 s of a run left a core idle.
          sequence: { groupOrder: 1 },
          // expect.poll waits for a condition: the same generous ceiling as Playwright's waits (harness).
          expect: { poll: { timeout: 60_000 } },
        },
      },
    ],
  },
});
