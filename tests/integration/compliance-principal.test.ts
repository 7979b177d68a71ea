import { afterEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, METHOD_NAMES, type MethodName } from '../../shared/api/contract';
import { PNG_1PX, seedComplianceSchool } from '../helpers/compliance';
import { walkSchema } from '../helpers/zod-schema';
import { colleague, counselingSchool, STUDENT, type CounselingSchool } from '../helpers/counseling';

/** Every field name an output can carry, with its path, and the paths where free keys (records) are allowed. */
function fields(schema: z.ZodType, path: string, out: { keys: string[]; records: string[] }): void {
  walkSchema(
    schema,
    path,
    (type, s, p) => {
      if (type === 'record') out.records.push(p);
      if (type === 'object') out.keys.push(...Object.keys((s as z.ZodObject).shape).map((k) => `${p}.${k}`));
    },
    'out',
  );
}

const COMPLIANCE = METHOD_NAMES.filter((m) => m.startsWith('compliance.'));

describe('compliance output for a principal', () => {
  it('no output schema has a field that identifies a student; free keys only in a figure’s numbers', () => {
    const found = { keys: [] as string[], records: [] as string[] };
    for (const name of COMPLIANCE) fields(contract[name].output, name, found);
    expect(found.keys.length).toBeGreaterThan(100);
    expect(found.keys.filter((k) => /student|client|guardian|studentNo|birth|phone/i.test(k))).toEqual([]);
    expect(new Set(found.records.map((p) => p.replace(/^compliance\.\w+/, '')))).toEqual(new Set(['.items[].auto.figure.params', '.auto.figure.params']));
  });

  let s: CounselingSchool;
  afterEach(async () => s?.t.cleanup());

  it('every compliance method called as principal returns nothing of the student on file', async () => {
    s = await counselingSchool();
    await seedComplianceSchool(s.c, s.studentId, { individualArea: 9.9 });
    // The student's crisis case and referral feed CRISIS-01 and REF-03: only counts may come out.
    await s.c.crisisPlan.save({ version: '2025版', effectiveOn: '2025-03-01', text: '一、发现与报告……' });
    const k = await s.c.crisis.open({ studentId: s.studentId, source: 'teacher', tier: 'red', reason: '班主任报告轻生念头' });
    const partner = await s.c.referralPartners.save({ name: '市精神卫生中心' });
    await s.c.crisis.addEntry({ caseId: k.caseId, entry: { kind: 'referral', date: '2025-03-12', partnerId: partner.id, reason: '评估需要' } });
    const principal = (await colleague(s.t, 'principal', 'lixiaozhang')).client;
    const run = await principal.compliance.start({ packId: 'national-2015' });
    const evidence = await principal.compliance.addEvidence({ runId: run.id, itemId: 'SITE-01', fileName: '照片.png', mime: 'image/png', dataBase64: PNG_1PX });
    const task = await principal.compliance.saveTask({ runId: run.id, itemId: 'ZONE-05', title: '扩建个辅室', owner: '总务处', dueDate: '2025-04-30' });
    const later = await principal.compliance.start({ packId: 'gansu-c-primary' });
    const outputs: Record<MethodName & `compliance.${string}`, unknown> = {
      'compliance.packs': await principal.compliance.packs({}),
      'compliance.importPack': await principal.compliance.importPack({ json: JSON.stringify({ ...(await import('../../resources/compliance/fuzhou-2021.json')).default, id: 'fz-copy' }) }),
      'compliance.start': run,
      'compliance.refresh': await principal.compliance.refresh({ id: run.id }),
      'compliance.runs': await principal.compliance.runs({}),
      'compliance.get': await principal.compliance.get({ id: run.id }),
      'compliance.attest': await principal.compliance.attest({ runId: run.id, itemId: 'SITE-02', attestation: 'compliant' }),
      'compliance.addEvidence': evidence,
      'compliance.evidence': await principal.compliance.evidence({ id: evidence.id }),
      'compliance.tasks': await principal.compliance.tasks({}),
      'compliance.saveTask': task,
      'compliance.compare': await principal.compliance.compare({ a: run.id, b: later.id }),
      'compliance.removeEvidence': await principal.compliance.removeEvidence({ id: evidence.id }),
      'compliance.sign': await principal.compliance.sign({ id: run.id, signerName: '李校长', signedOn: '2025-03-12' }),
    };
    expect(Object.keys(outputs).sort()).toEqual([...COMPLIANCE].sort());
    const text = JSON.stringify(outputs);
    for (const secret of [s.studentId, STUDENT.name, STUDENT.studentNo, STUDENT.guardians[0]!.name, '考试焦虑', k.caseId, '轻生']) expect(text).not.toContain(secret);
  });
});
