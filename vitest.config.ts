import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/** One project per test layer; `npm test` runs them all (e2e needs the built renderer). */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      { test: { name: 'electron', include: ['tests/electron/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      { test: { name: 'cli', include: ['tests/cli/**/*.test.ts'], environment: 'node', testTimeout: 120_000 } },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          include: ['tests/renderer/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['tests/renderer/setup.ts'],
          testTimeout: 60_000,
        },
      },
      { test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], environment: 'node', testTimeout: 180_000, hookTimeout: 120_000, fileParallelism: false } },
    ],
  },
});
