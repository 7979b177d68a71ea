import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SERVICES = join(ROOT, 'electron/services');
const HELPERS = 'common';

let eslint: ESLint;
beforeAll(async () => {
  eslint = new ESLint({ cwd: ROOT });
  // Loading the config and the TypeScript parser is the slow part; do it once, outside the tests.
  await eslint.calculateConfigForFile(join(ROOT, 'shared/example.ts'));
}, 60_000);

/** The import-boundary messages the project's lint config gives for one import written in `file`. */
async function violations(file: string, specifier: string): Promise<string[]> {
  const code = `import { x } from '${specifier}';\nexport const y = x;\n`;
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

async function expectRefused(file: string, specifier: string): Promise<void> {
  expect(await violations(file, specifier), `${file} importing ${specifier}`).not.toEqual([]);
}

async function expectAllowed(file: string, specifier: string): Promise<void> {
  expect(await violations(file, specifier), `${file} importing ${specifier}`).toEqual([]);
}

const areas = readdirSync(SERVICES, { withFileTypes: true })
  .filter((e) => e.isDirectory() && e.name !== HELPERS)
  .map((e) => e.name);

describe('electron/services layout', () => {
  it('holds only area folders and the helpers folder, each area with an index', () => {
    const entries = readdirSync(SERVICES, { withFileTypes: true });
    expect(entries.filter((e) => !e.isDirectory()).map((e) => e.name)).toEqual([]);
    expect(areas.length).toBeGreaterThan(0);
    for (const area of areas) expect(readdirSync(join(SERVICES, area)), area).toContain('index.ts');
  });
});

describe('import boundaries (eslint.config.js)', { timeout: 30_000 }, () => {
  it.each([
    {
      rule: 'the renderer imports shared, not electron/, tests/, Node or Electron',
      file: 'renderer/src/features/schedule/Example.tsx',
      allowed: ['../../../../shared/api/contract', '../../lib/client'],
      refused: ['../../../../electron/core/core', '../../../../electron/services/schedule/appointments', '../../../../tests/integration/helpers', 'node:fs', 'electron'],
    },
    {
      rule: 'shared imports neither electron/ nor renderer/ nor Node',
      file: 'shared/domain/example.ts',
      allowed: ['../api/errors'],
      refused: ['../../electron/core/handler', '../../renderer/src/lib/client', '../../bench/seed', 'node:path', 'electron'],
    },
  ])('$rule', async ({ file, allowed, refused }) => {
    for (const specifier of allowed) await expectAllowed(file, specifier);
    for (const specifier of refused) await expectRefused(file, specifier);
  });

  it("an area's repository is imported only from inside that area", async () => {
    for (const area of areas) {
      const other = areas.find((a) => a !== area)!;
      const file = `electron/services/${area}/example.ts`;
      await expectAllowed(file, './example-repo');
      await expectAllowed(file, `../${area}/example-repo`);
      await expectAllowed(file, `../${other}/example`);
      await expectRefused(file, `../${other}/example-repo`);
      // from a sub-folder of the area
      await expectAllowed(`electron/services/${area}/part/example.ts`, '../example-repo');
      await expectRefused(`electron/services/${area}/part/example.ts`, `../../${other}/example-repo`);
    }
    await expectRefused(`electron/services/${HELPERS}/example.ts`, `../${areas[0]}/example-repo`);
    await expectAllowed(`electron/services/${HELPERS}/example.ts`, `../${areas[0]}/example`);
    await expectRefused('electron/core/example.ts', '../services/accounts/users-repo');
    await expectRefused('electron/main.ts', './services/accounts/users-repo');
    await expectAllowed('electron/core/example.ts', '../services/accounts/session');
  });

  it("only main, preload, ipc and electron/shell import 'electron'", async () => {
    for (const file of ['electron/main.ts', 'electron/preload.ts', 'electron/ipc.ts', 'electron/shell/example.ts']) {
      await expectAllowed(file, 'electron');
    }
    // The database host is a utilityProcess speaking to main over process.parentPort.
    for (const file of ['electron/db-host.ts', 'electron/core/example.ts', 'electron/cli/example.ts', 'electron/bridge/example.ts', `electron/services/${areas[0]}/example.ts`]) {
      await expectRefused(file, 'electron');
    }
  });
});
