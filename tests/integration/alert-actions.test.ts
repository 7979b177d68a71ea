import { afterEach, describe, expect, it } from 'vitest';
import type { CounselClient } from '../../shared/api/contract';
import { ALERT_ACTIONS } from '../../shared/api/assessments';
import { counselingSchool, rejection, STUDENT, type CounselingSchool } from '../helpers/counseling';
import { openRoom } from '../helpers/schedule';

let s: CounselingSchool;
afterEach(async () => {
  await s?.t.cleanup();
});

/** One student per handling choice, each with a critical PHQ-9 item 9 answer in one campaign. */
async function screenedWithAlerts(c: CounselClient) {
  const ids: string[] = [];
  for (const [i, action] of ALERT_ACTIONS.entries()) {
    ids.push((await c.students.create({ ...STUDENT, studentNo: `2025${String(i).padStart(4, '0')}`, name: `学生${action}` })).id);
  }
  const cp = await c.campaigns.create({ name: '2025春季心理普测', scales: [{ scaleId: 'phq9' }], grades: [8], startDate: '2025-03-10', endDate: '2025-03-21' });
  await c.campaigns.setConsent({ id: cp.id, entries: [...ids, s.studentId].map((studentId) => ({ studentId, studentConsent: 'given', guardianConsent: 'given' })) });
  const alerts = new Map<(typeof ALERT_ACTIONS)[number], { id: string; studentId: string }>();
  for (const [i, action] of ALERT_ACTIONS.entries()) {
    const studentId = ids[i]!;
    const form = await c.assessments.start({ studentId, scaleId: 'phq9', mode: 'paper', campaignId: cp.id });
    for (let item = 1; item <= 9; item++) await c.assessments.answer({ formId: form.id, itemId: `phq9_${item}`, code: item === 9 ? '2' : '0' });
    const done = await c.assessments.finish({ formId: form.id });
    alerts.set(action, { id: done.alerts.find((a) => a.severity === 'critical')!.id, studentId });
  }
  return { campaignId: cp.id, alerts };
}

describe('every alert-handling choice does what it says', () => {
  it('records each choice with its effect: a booking that exists, a case opened, the triage entry moved on', async () => {
    s = await counselingSchool();
    const { c } = s;
    const { room } = await openRoom(c);
    const { campaignId, alerts } = await screenedWithAlerts(c);
    const alertOf = (action: (typeof ALERT_ACTIONS)[number]) => alerts.get(action)!;
    const stateOf = async (studentId: string) => (await c.campaigns.triage({ id: campaignId })).items.find((e) => e.studentId === studentId)!;

    // 已建危机个案 is never a bare record: the hand-off opens the case.
    const bare = await rejection(c.alerts.acknowledge({ id: alertOf('crisisCase').id, action: 'crisisCase' }));
    expect([bare.code, bare.details]).toEqual(['VALIDATION', [{ path: 'action', reason: 'errors.alert.useCrisisCase' }]]);
    const handed = await c.alerts.openCrisisCase({ id: alertOf('crisisCase').id, note: '已联系家长' });
    expect(await c.cases.get({ id: handed.caseId })).toMatchObject({ studentId: alertOf('crisisCase').studentId, categories: ['crisis'], status: 'open' });
    expect(await stateOf(alertOf('crisisCase').studentId)).toMatchObject({ state: 'caseOpened', caseId: handed.caseId });

    // 已预约面谈 needs the booking, of this student, not cancelled.
    const booked = alertOf('appointmentBooked');
    const none = await rejection(c.alerts.acknowledge({ id: booked.id, action: 'appointmentBooked' }));
    expect([none.code, none.details]).toEqual(['VALIDATION', [{ path: 'appointmentId', reason: 'errors.alert.appointmentRequired' }]]);
    const slot = { roomId: room.id, date: '2025-03-12', kind: 'individual', source: 'screening' } as const;
    const someoneElse = (await c.appointments.create({ ...slot, studentId: s.studentId, start: '14:00', end: '14:50' })).items[0]!;
    const wrong = await rejection(c.alerts.acknowledge({ id: booked.id, action: 'appointmentBooked', appointmentId: someoneElse.id }));
    expect([wrong.code, wrong.details]).toEqual(['VALIDATION', [{ path: 'appointmentId', reason: 'errors.alert.appointmentNotOfStudent' }]]);
    const theirs = (await c.appointments.create({ ...slot, studentId: booked.studentId, start: '15:00', end: '15:50' })).items[0]!;
    await c.appointments.cancel({ id: theirs.id, reason: '学生请假' });
    const cancelled = await rejection(c.alerts.acknowledge({ id: booked.id, action: 'appointmentBooked', appointmentId: theirs.id }));
    expect(cancelled.details).toEqual([{ path: 'appointmentId', reason: 'errors.alert.appointmentNotOfStudent' }]);
    const talk = (await c.appointments.create({ ...slot, studentId: booked.studentId, start: '16:00', end: '16:50' })).items[0]!;
    expect(await c.alerts.acknowledge({ id: booked.id, action: 'appointmentBooked', appointmentId: talk.id })).toMatchObject({ action: 'appointmentBooked', appointmentId: talk.id });
    // The talk has not happened yet: the student still waits for review.
    expect((await stateOf(booked.studentId)).state).toBe('toReview');
    expect((await c.audit.list({ action: 'alerts.acknowledge' })).items[0]!.details).toMatchObject({ action: 'appointmentBooked', appointmentId: talk.id });

    const linked = await rejection(c.alerts.acknowledge({ id: alertOf('other').id, action: 'other', appointmentId: talk.id }));
    expect(linked.details).toEqual([{ path: 'appointmentId', reason: 'errors.alert.appointmentOnlyWhenBooked' }]);

    // Handled on the spot: recording it is the action; the triage entry follows.
    const expected = { talkedNow: 'interviewed', referred: 'referred', guardianInformed: 'toReview', other: 'toReview' } as const;
    for (const [action, state] of Object.entries(expected) as [keyof typeof expected, string][]) {
      const a = alertOf(action);
      expect(await c.alerts.acknowledge({ id: a.id, action, note: '已处理' })).toMatchObject({ action, appointmentId: null, caseId: null });
      expect((await stateOf(a.studentId)).state).toBe(state);
    }
    expect((await c.alerts.open({})).items).toEqual([]);
  });

  it('leaves a triage entry already moved on where the counselor put it', async () => {
    s = await counselingSchool();
    const { c } = s;
    const { campaignId, alerts } = await screenedWithAlerts(c);
    const a = alerts.get('talkedNow')!;
    await c.campaigns.setTriage({ id: campaignId, studentId: a.studentId, state: 'noConcern', note: '班主任已了解' });
    await c.alerts.acknowledge({ id: a.id, action: 'talkedNow' });
    expect((await c.campaigns.triage({ id: campaignId })).items.find((e) => e.studentId === a.studentId)).toMatchObject({ state: 'noConcern', note: '班主任已了解' });
  });
});
