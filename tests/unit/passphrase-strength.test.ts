import { describe, expect, it } from 'vitest';
import { passphraseStrength } from '../../shared/domain/passphrase-strength';

const CONTEXT = { username: 'wanglaoshi', displayName: '王老师', schoolName: '示例市第一中学' };
const verdict = (p: string) => passphraseStrength(p, CONTEXT);

describe('passphrase strength', () => {
  it('refuses the digits setup once accepted for a whole archive, and other common passwords', () => {
    expect(verdict('1234567890')).toMatchObject({ ok: false, reasons: ['common'] });
    for (const p of ['password123', 'qwerty123456', 'iloveyou1314', 'p@ssw0rd2024']) {
      expect([p, verdict(p).ok, verdict(p).reasons]).toEqual([p, false, expect.arrayContaining(['common'])]);
    }
  });

  it('refuses anything shorter than the field allows, however random', () => {
    expect(verdict('Xk#9pQ!2z')).toEqual({ ok: false, score: 3, reasons: ['tooShort'] });
    expect(passphraseStrength('')).toMatchObject({ ok: false, reasons: ['tooShort'] });
  });

  it('refuses the username and the display name, also as pinyin, even inside an otherwise strong phrase', () => {
    expect(verdict('wanglaoshi2024')).toMatchObject({ ok: false, reasons: expect.arrayContaining(['containsUsername']) });
    expect(verdict('wanglaoshi-said-the-river-is-cold')).toMatchObject({ ok: false, score: 4, reasons: ['containsUsername'] });
    expect(passphraseStrength('said the river, zhaofang, is cold', { displayName: '赵芳' })).toMatchObject({ ok: false, reasons: ['containsUsername'] });
  });

  it('refuses the school’s name in characters, in pinyin and as pinyin initials', () => {
    for (const p of ['示例市第一中学2024', 'shilishidiyizhongxue', 'ShiLiShiDiYiZhongXue-blue-kettle', 'slsdyzx20240901']) {
      expect([p, verdict(p).ok, verdict(p).reasons]).toEqual([p, false, expect.arrayContaining(['containsSchool'])]);
    }
    // Without the context the same words are just letters.
    expect(passphraseStrength('shilishidiyizhongxue-blue-kettle').ok).toBe(true);
  });

  it('names keyboard walks, repeats, sequences and dates', () => {
    expect(verdict('asdfghjkl;')).toMatchObject({ ok: false, reasons: ['keyboardPattern'] });
    expect(verdict('aaaaaaaaaaaa').reasons).toEqual(['repeated']);
    expect(verdict('abcdefghijkl').reasons).toEqual(['repeated']);
    expect(verdict('2024-09-01!!').reasons).toContain('date');
  });

  it('passes a long random phrase and a few unrelated words', () => {
    expect(verdict('lilac tiger 93 rowing boat')).toEqual({ ok: true, score: 4, reasons: [] });
    expect(verdict('Tr0ub4dour&3 vessel')).toMatchObject({ ok: true, reasons: [] });
    expect(verdict('correct horse battery')).toMatchObject({ ok: true });
  });

  it('ignores context words too short to mean anything', () => {
    expect(passphraseStrength('lilac tiger 93 rowing boat', { username: 'li', displayName: '王芳' }).ok).toBe(true);
  });
});
