import { TIMELINE_KINDS } from '../../../shared/api/archive';
import { CounselError } from '../../../shared/api/errors';
import { excerpt } from '../../../shared/domain/bigram-search';
import { daysBetween, weekOf } from '../../../shared/domain/dates';
import { dbHandler, type HandlerMap } from '../../core/handler';
import { followUpsBetween, lastSeenOfCaseload, openCasesOf, studentHeader, timeline, timelineWithText } from './archive-repo';
import { schoolDate } from '../common/clinical';
import { recordViewAt } from './records';
import { getRecordRow, unsignedOf } from './records-repo';
import { readSchool, readSetting, SETTING_DEFAULTS } from '../accounts/settings-store';

export const archiveHandlers: HandlerMap<'archive.timeline' | 'archive.recordExport' | 'caseload.mine'> = {
  'archive.timeline': dbHandler<'archive.timeline'>({
    run: (ctx, input) => {
      const { db } = ctx;
      const student = studentHeader(db, input.studentId);
      if (!student) throw new CounselError('NOT_FOUND', 'errors.notFound', { path: 'studentId', id: input.studentId });
      const page = timeline(db, {
        studentId: student.id,
        kinds: input.kinds ?? TIMELINE_KINDS,
        from: input.from ?? null,
        to: input.to ?? null,
        order: input.order,
        limit: input.pageSize,
        offset: (input.page - 1) * input.pageSize,
      });
      ctx.audit = { targetType: 'student', targetId: student.id, details: { page: input.page, entries: page.items.length } };
      return { student, ...page };
    },
  }),

  // One read of everything, in the same transaction as its audit row: the printed copy is exactly
  // what was recorded as exported.
  'archive.recordExport': dbHandler<'archive.recordExport'>({
    run: (ctx, input) => {
      const { db, now } = ctx;
      const student = studentHeader(db, input.studentId);
      if (!student) throw new CounselError('NOT_FOUND', 'errors.notFound', { path: 'studentId', id: input.studentId });
      const { items } = timelineWithText(db, { studentId: student.id, kinds: TIMELINE_KINDS, from: null, to: null, order: 'asc', limit: -1, offset: 0 });
      const records = [...new Set(items.filter((e) => e.kind === 'record').map((e) => e.id))].map((id) => recordViewAt(db, getRecordRow(db, id)!, now));
      ctx.audit = { targetType: 'student', targetId: student.id, details: { purpose: input.purpose, entries: items.length, records: records.length } };
      return {
        schoolName: readSchool(db).name,
        exportedAt: now,
        purpose: input.purpose,
        student,
        entries: items.map((e) => ({ ...e, excerpt: excerpt(e.text) })),
        records,
      };
    },
  }),

  'caseload.mine': dbHandler<'caseload.mine'>({
    run: ({ db, actor, now }, input) => {
      const today = schoolDate(db, now);
      const week = weekOf(today);
      const notSeenDays = input.notSeenDays ?? readSetting(db, 'caseloadNotSeenDays', SETTING_DEFAULTS.caseloadNotSeenDays);
      const openCases = openCasesOf(db, actor.userId);
      const lastSeen = lastSeenOfCaseload(db, actor.userId, today);
      // One line per student, from the earliest of my open cases with them.
      const notSeen = new Map<string, { studentId: string; clientLabel: string; caseId: string; lastSeen: string | null; days: number }>();
      for (const c of openCases) {
        if (c.studentId === null || notSeen.has(c.studentId)) continue;
        const seen = lastSeen.get(c.studentId) ?? null;
        notSeen.set(c.studentId, { studentId: c.studentId, clientLabel: c.clientLabel, caseId: c.caseId, lastSeen: seen, days: daysBetween(seen ?? c.openedOn, today) });
      }
      return {
        today,
        weekStart: week.start,
        weekEnd: week.end,
        notSeenDays,
        openCases,
        notSeen: [...notSeen.values()].filter((s) => s.days >= notSeenDays).sort((a, b) => b.days - a.days),
        followUps: followUpsBetween(db, actor.userId, week.start, week.end),
        unsigned: unsignedOf(db, actor.userId, now),
      };
    },
  }),
};
