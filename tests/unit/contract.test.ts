import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, METHOD_NAMES } from '../../shared/api/contract';
import { handlers } from '../../electron/core/handlers';
import { walkSchema } from '../helpers/zod-schema';

/** Every string an input accepts, with its path, so a test can hold each to a length cap. */
function strings(schema: z.ZodType, path: string, out: { path: string; max: number | null }[]): void {
  walkSchema(schema, path, (type, s, p) => {
    if (type === 'string') out.push({ path: p, max: (s as z.ZodString).maxLength });
  });
}

describe('the contract', () => {
  it('names every method area.verb and gives each a service', () => {
    for (const name of METHOD_NAMES) {
      expect(name).toMatch(/^[a-z][a-zA-Z]*\.[a-zA-Z]+$/);
      expect(handlers[name], name).toBeDefined();
    }
    expect(Object.keys(handlers).sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('caps the length of every text field of every input', () => {
    const found: { path: string; max: number | null }[] = [];
    for (const name of METHOD_NAMES) strings(contract[name].input, name, found);
    expect(found).toContainEqual({ path: 'students.create.name', max: 50 });
    expect(found).toContainEqual({ path: 'students.update.guardians[].phone', max: 20 });
    expect(found).toContainEqual({ path: 'records.saveDraft.mainProblem', max: 4000 });
    expect(found).toContainEqual({ path: 'search.notes.query', max: 100 });
    expect(found.filter((f) => f.max === null).map((f) => f.path)).toEqual([]);
  });

  it('rejects unknown keys in every object input', () => {
    for (const name of METHOD_NAMES) {
      const r = contract[name].input.safeParse({ notAField: 1 });
      expect(r.success, name).toBe(false);
    }
  });

  it('keeps clinical methods away from principals: only de-identified counts', () => {
    const clinical = ['students', 'cases', 'records', 'contacts', 'consents', 'archive', 'caseload', 'search', 'groups', 'scales', 'assessments', 'alerts', 'crisis', 'referralPartners', 'peerSupporters', 'crisisPlan'];
    const principal = METHOD_NAMES.filter(
      (n) => clinical.includes(n.split('.')[0]!) && (contract[n].roles as readonly string[]).includes('principal'),
    );
    expect(principal).toEqual(['students.summary', 'cases.summary', 'groups.summary', 'crisis.summary', 'crisisPlan.current']);
  });

  // A printed statistics report and the district's named referral records leave or show what a read alone would not: audited too.
  it('audits opening a student’s clinical material', () => {
    const audited = METHOD_NAMES.filter((n) => contract[n].kind === 'read' && contract[n].auditRead === true);
    expect(audited).toEqual(['students.get', 'cases.get', 'records.get', 'contacts.get', 'archive.timeline', 'search.notes', 'schedule.exportIcs', 'groups.get', 'assessments.get', 'assessments.ofStudent', 'alerts.get', 'campaigns.get', 'campaigns.participantIds', 'campaigns.triage', 'campaigns.triageIds', 'statistics.printReport', 'crisis.get', 'district.referrals']);
  });

  it('refuses control and bidirectional-override characters in text, and takes emoji, markup and quotes as plain text', () => {
    const name = contract['students.create'].input;
    const student = { studentNo: '20240101', sex: 'M', grade: 8, className: '3班' };
    for (const bad of ['\u202Eexe.txt', '李\u2066明\u2069', '王\u202A芳', 'a\u0007b']) {
      const r = name.safeParse({ ...student, name: bad });
      expect(r.success, JSON.stringify(bad)).toBe(false);
      expect(r.error?.issues).toEqual([expect.objectContaining({ path: ['name'], message: 'errors.field.controlChars' })]);
    }
    for (const good of ['张三明😀', "O'Brien; DROP TABLE students", '<b>李</b>', '\u200F李']) {
      expect(name.safeParse({ ...student, name: good }).success, JSON.stringify(good)).toBe(true);
    }
  });
});
