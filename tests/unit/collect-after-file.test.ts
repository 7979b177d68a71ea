import { afterEach, describe, expect, it, vi } from 'vitest';
import { LIMITS } from '../../shared/api/fields';
import { collectAfterFile, FILE_CHARS, holdsFile } from '../../electron/core/collect-after-file';

const file = 'A'.repeat(FILE_CHARS);

describe('a full collection after a call that took or gave a file', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sees a file where the contract puts one, and no text field of a record as one', () => {
    expect(holdsFile({ filename: 'x.xlsx', base64: file })).toBe(true);
    expect(holdsFile({ fileName: 'a.csv', contentBase64: file, dryRun: true })).toBe(true);
    expect(holdsFile({ files: [{ fileName: 'p.crpkg', contentBase64: file }] })).toBe(true);
    expect(holdsFile({ currentState: 'x'.repeat(LIMITS.clinical), plan: 'y'.repeat(LIMITS.clinical) })).toBe(false);
    expect(holdsFile({ items: Array.from({ length: 6000 }, (_, i) => ({ id: String(i), name: '张三' })) })).toBe(false);
    expect(holdsFile(undefined)).toBe(false);
  });

  it('asks V8 for a full collection in the turn after the answer, at most one every two seconds, and none after other calls', async () => {
    const gc = vi.fn();
    vi.stubGlobal('gc', gc);
    const turn = () => new Promise((resolve) => setImmediate(resolve));
    collectAfterFile({ id: 'x' }, { items: [] }, 1e9);
    await turn();
    expect(gc).not.toHaveBeenCalled();
    collectAfterFile({}, { filename: 'x.xlsx', base64: file }, 1e9);
    expect(gc).not.toHaveBeenCalled();
    await turn();
    expect(gc.mock.calls).toEqual([[{ type: 'major' }]]);
    // A run of files back to back: the next one within two seconds brings none, the one after them does.
    collectAfterFile({ fileName: 'a.csv', contentBase64: file }, undefined, 1e9 + 1500);
    await turn();
    expect(gc).toHaveBeenCalledTimes(1);
    collectAfterFile({ fileName: 'a.csv', contentBase64: file }, undefined, 1e9 + 2500);
    await turn();
    expect(gc).toHaveBeenCalledTimes(2);
  });

  it('does nothing where gc is not exposed (the core inside a test runner)', async () => {
    vi.stubGlobal('gc', undefined);
    collectAfterFile({}, { base64: file }, 2e9);
    await new Promise((resolve) => setImmediate(resolve));
  });
});
