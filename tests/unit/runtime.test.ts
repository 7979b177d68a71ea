import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8').trim();

describe('the runtime the tests run on', () => {
  it('is the Node line pinned in .node-version and .nvmrc, the one Electron bundles', () => {
    const pinned = read('.node-version');
    expect(read('.nvmrc')).toBe(pinned);
    expect(process.versions.node.split('.')[0]).toBe(pinned.split('.')[0]);
    const pkg = JSON.parse(read('package.json')) as { engines: { node: string }; devEngines: { runtime: { version: string } } };
    expect(pkg.devEngines.runtime.version).toBe(pkg.engines.node);
    expect(pkg.engines.node).toMatch(new RegExp(`^\\^${pinned.split('.')[0]}\\.`));
  });
});
