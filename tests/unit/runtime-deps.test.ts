import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('what the packaged app ships', () => {
  it('has one runtime dependency: the database module, which the bundles leave external (everything else is bundled)', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies)).toEqual(['better-sqlite3-multiple-ciphers']);
  });
});
