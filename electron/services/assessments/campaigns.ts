import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { OutputOf } from '../../../shared/api/contract';
import { CAMPAIGN_STATUSES, type CampaignView, type ParticipantView, type TriageEntryView } from '../../../shared/api/campaigns';
import { CounselError, type ErrorDetail } from '../../../shared/api/errors';
import type { FormResult } from '../../../shared/domain/scales';
import { suppressCount, suppressFields, suppressGroup } from '../../../shared/domain/suppression';
import { dbHandler, type HandlerMap } from '../../core/handler';
import {
  bandCounts,
  type CampaignFormRow,
  type CampaignRow,
  getCampaign,
  gradeCounts,
  insertCampaign,
  insertParticipants,
  listCampaigns,
  type NewParticipant,
  participantMap,
  participantClasses,
  participantIds,
  participantPage,
  participantsPerClass,
  type ParticipantFilter,
  pendingScreened,
  type Progress,
  progressOf,
  setParticipantConsent,
  setParticipantOutcome,
  setTriageState,
  targetStudents,
  triageCount,
  triagedForms,
  triageEntries,
  type TriageFilter,
  triageIds,
  updateCampaign,
} from './campaigns-repo';
import { requireCase } from '../counseling/cases';
import { changedKeys, definedOnly, schoolDate } from '../common/clinical';
import { findDefinition, requireDefinition } from './scales';

type CampaignMethods =
  | 'campaigns.create'
  | 'campaigns.update'
  | 'campaigns.list'
  | 'campaigns.get'
  | 'campaigns.participantIds'
  | 'campaigns.setConsent'
  | 'campaigns.setOutcome'
  | 'campaigns.triage'
  | 'campaigns.triageIds'
  | 'campaigns.setTriage'
  | 'campaigns.rescreen'
  | 'campaigns.summary';

const NO_PROGRESS: Progress = {
  participants: 0,
  pending: 0,
  done: 0,
  declined: 0,
  absent: 0,
  consentGiven: 0,
  consentPending: 0,
  consentDeclined: 0,
  triageOpen: 0,
};

/**
 * A planned campaign is under way from its first day (its first form makes it so in storage); it
 * is closed only when someone closes it, since late forms and follow-up outlast the end date.
 */
function withStatus(row: CampaignRow, today: string): CampaignRow {
  return row.status === 'planned' && row.startDate <= today ? { ...row, status: 'active' } : row;
}

/** Screenings not closed that include one of these grades: a 升级 would move their students mid-way. */
export function openCampaignsOfGrades(db: Database, grades: readonly number[], today: string): CampaignRow[] {
  return listCampaigns(db)
    .map((c) => withStatus(c, today))
    .filter((c) => c.status !== 'closed' && c.grades.some((g) => grades.includes(g)));
}

function views(db: Database, rows: CampaignRow[], now: number): (CampaignView & { progress: Progress })[] {
  const today = schoolDate(db, now);
  const progress = progressOf(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...withStatus(r, today), scales: withTitles(db, r.scales), progress: progress.get(r.id) ?? NO_PROGRESS }));
}

/** The pinned scales with their titles; a definition no longer found keeps its id as its title. */
function withTitles(db: Database, scales: CampaignRow['scales']): CampaignView['scales'] {
  return scales.map((s) => ({ ...s, title: { ...(findDefinition(db, s.scaleId, s.version)?.definition.names ?? { 'zh-CN': s.scaleId }) } }));
}

/**
 * A principal sees that a screening happened and how far it got, not who: the counselor's note is
 * left out and small counts are withheld as in the summary, each related group suppressed together.
 */
function forPrincipal(c: CampaignView & { progress: Progress }): CampaignView {
  const p = c.progress;
  const progress = {
    participants: suppressCount(p.participants),
    triageOpen: suppressCount(p.triageOpen),
    ...suppressFields(p, ['pending', 'done', 'declined', 'absent']),
    ...suppressFields(p, ['consentGiven', 'consentPending', 'consentDeclined']),
  };
  return { ...c, note: '', progress };
}

const view = (db: Database, id: string, now: number): CampaignView => views(db, [getCampaign(db, id)!], now)[0]!;

function requireCampaign(db: Database, id: string): CampaignRow {
  const c = getCampaign(db, id);
  if (!c) throw new CounselError('NOT_FOUND', 'errors.notFound', { path: 'id', id });
  return c;
}

/** Closed is final: the consent list and outcomes are the record of what happened. */
function requireOpenCampaign(db: Database, id: string): CampaignRow {
  const c = requireCampaign(db, id);
  if (c.status === 'closed') throw new CounselError('CONFLICT', 'errors.campaign.closed', { path: 'id', id });
  return c;
}

type FieldProblem = ErrorDetail & { path: string; reason: string };

/** All the field problems at once, so the planning form can mark every one. */
function throwDetails(details: FieldProblem[]): void {
  if (details.length > 0) throw new CounselError('VALIDATION', details[0]!.reason, details);
}

const dateProblem = (d: { startDate: string; endDate: string }): FieldProblem[] =>
  d.endDate < d.startDate ? [{ path: 'endDate', reason: 'errors.campaign.endBeforeStart' }] : [];

/** Each scale pinned to the asked (or current) version, so every form of the campaign is scored alike. */
function pinScales(db: Database, scales: readonly { scaleId: string; version?: string | undefined }[], details: FieldProblem[]): CampaignRow['scales'] {
  const seen = new Set<string>();
  return scales.flatMap((s, i) => {
    if (seen.has(s.scaleId)) {
      details.push({ path: `scales.${i}.scaleId`, reason: 'errors.campaign.duplicateScale', scaleId: s.scaleId });
      return [];
    }
    seen.add(s.scaleId);
    const found = findDefinition(db, s.scaleId, s.version);
    if (!found) {
      const path = s.version !== undefined && findDefinition(db, s.scaleId) ? `scales.${i}.version` : `scales.${i}.scaleId`;
      details.push({ path, reason: 'errors.campaign.unknownScale', scaleId: s.scaleId });
      return [];
    }
    return [{ scaleId: found.definition.id, version: found.definition.version }];
  });
}

/** Why each student is in triage: per scale its latest completed form, and forms still in progress that raised an alert. */
function reasonsOf(forms: CampaignFormRow[]): Map<string, TriageEntryView['reasons']> {
  const byStudent = new Map<string, TriageEntryView['reasons']>();
  const latestSeen = new Set<string>();
  for (const f of forms) {
    let banded: FormResult['scales'][string] | undefined;
    if (f.status === 'completed') {
      // Rows come newest first per student and scale; older completed forms were superseded.
      const key = `${f.studentId}\u0000${f.scaleId}`;
      if (latestSeen.has(key)) continue;
      latestSeen.add(key);
      const scales = Object.values((JSON.parse(f.resultJson!) as FormResult).scales);
      banded = scales.find((s) => s.band?.flag) ?? scales.find((s) => s.band);
      if (!banded?.band?.flag && f.alertSeverity === null) continue;
    } else if (f.alertSeverity === null) continue;
    const band = banded?.band ?? null;
    const reasons = byStudent.get(f.studentId) ?? [];
    reasons.push({ scaleId: f.scaleId, formId: f.id, band: band?.code ?? null, bandLabel: band?.labelKey ?? null, score: band ? banded!.score : null, alertSeverity: f.alertSeverity });
    byStudent.set(f.studentId, reasons);
  }
  return byStudent;
}

/** Entries of the queue in its order (SQL, triage-order.ts), each with its reasons read for these entries alone. */
function triageViews(db: Database, campaignId: string, q: TriageFilter, page?: { offset: number; limit: number }): TriageEntryView[] {
  const entries = triageEntries(db, campaignId, q, page);
  const reasons = reasonsOf(triagedForms(db, campaignId, entries.map((e) => e.studentId)));
  return entries.map((e) => ({ ...e, reasons: reasons.get(e.studentId) ?? [] }));
}

/**
 * One page of the filtered list, each participant with the campaign's scales they have still to
 * take; the filter's total, and the campaign's classes (without a filter, those the page was
 * counted over: one pass over the index fewer).
 */
function participantsWithMissing(
  db: Database,
  c: CampaignRow,
  f: ParticipantFilter,
  page: { offset: number; limit: number },
): { participants: ParticipantView[]; total: number; classes: { grade: number; className: string }[] } {
  const perClass = participantsPerClass(db, c.id, f);
  const total = perClass.reduce((n, k) => n + k.count, 0);
  const classes = f.class || f.outcome ? participantClasses(db, c.id) : perClass.map(({ grade, className }) => ({ grade, className }));
  const participants = participantPage(db, c.id, f, perClass, page).map((p) => ({ ...p, missingScales: c.scales.map((s) => s.scaleId).filter((id) => !p.completedScales.includes(id)) }));
  return { participants, total, classes };
}

type ExactSummary = ReturnType<typeof summaryOf>;

/** Counts by grade and band; the band counted is the one of the scale's headline subscale (its first with bands). */
function summaryOf(db: Database, c: CampaignRow) {
  const grades = gradeCounts(db, c.id);
  const defs = c.scales.map((s) => requireDefinition(db, s.scaleId, s.version, 'id').definition);
  const headline = Object.fromEntries(defs.flatMap((d) => d.scales.filter((s) => s.bands).slice(0, 1).map((s) => [d.id, s.id])));
  const counted = bandCounts(db, c.id, c.scales.map((s) => s.scaleId));
  const partly = pendingScreened(db, c.id);
  const scales = defs.map((d) => {
    const bands = (d.scales.find((s) => s.id === headline[d.id])?.bands ?? []).map((b) => ({ code: b.code, labelKey: `scales.band.${b.label}` }));
    const byGrade = grades.map(({ grade, pending }) => {
      const mine = counted.filter((r) => r.scaleId === d.id && r.grade === grade);
      const sum = (rows: readonly { count: number }[]) => rows.reduce((n, r) => n + r.count, 0);
      const count = (band: string | null) => sum(mine.filter((r) => r.band === band));
      return {
        grade,
        counts: bands.map((b) => ({ band: b.code, count: count(b.code) })),
        // A scale without bands has no invalid forms to count: every band stored for it is null.
        invalid: headline[d.id] === undefined ? 0 : count(null),
        screened: sum(mine),
        toScreen: pending - sum(partly.filter((r) => r.grade === grade && r.scaleIds.includes(d.id))),
      };
    });
    return { scaleId: d.id, title: { ...d.names }, bands, byGrade };
  });
  return {
    campaign: { id: c.id, name: c.name, startDate: c.startDate, endDate: c.endDate, status: c.status },
    grades,
    scales,
  };
}

/** What a principal sees: each grade row's small cells withheld together with a complementary one. */
function withheldSmallCells(s: ExactSummary): OutputOf<'campaigns.summary'> {
  return {
    ...s,
    grades: s.grades.map((g) => ({ grade: g.grade, participants: suppressCount(g.participants), ...suppressFields(g, ['done', 'declined', 'absent', 'pending']) })),
    scales: s.scales.map((sc) => ({
      ...sc,
      byGrade: sc.byGrade.map((row) => {
        const shown = suppressGroup([...row.counts.map((x) => x.count), row.invalid]);
        return {
          grade: row.grade,
          counts: row.counts.map((x, i) => ({ band: x.band, count: shown[i]! })),
          invalid: shown[row.counts.length]!,
          ...suppressFields(row, ['screened', 'toScreen']),
        };
      }),
    })),
  };
}

export const campaignHandlers: HandlerMap<CampaignMethods> = {
  'campaigns.create': dbHandler<'campaigns.create'>({
    run: (ctx, input) => {
      const { db, actor, now } = ctx;
      const details = dateProblem(input);
      const scales = pinScales(db, input.scales, details);
      const grades = [...new Set(input.grades)].sort((a, b) => a - b);
      const students = targetStudents(db, grades, input.classNames);
      const classesFound = new Set(students.map((s) => s.className));
      input.classNames.forEach((name, i) => {
        if (!classesFound.has(name)) details.push({ path: `classNames.${i}`, reason: 'errors.campaign.unknownClass', className: name });
      });
      if (students.length === 0) details.push({ path: 'grades', reason: 'errors.campaign.noStudents' });
      throwDetails(details);
      const id = insertCampaign(db, { ...input, scales, grades, rescreenOf: null, createdBy: actor.userId }, now);
      insertParticipants(
        db,
        id,
        students.map((s) => ({ studentId: s.id, studentConsent: 'pending', guardianConsent: 'pending' })),
        now,
      );
      ctx.audit = { targetType: 'campaign', targetId: id, details: { scales, grades, classes: input.classNames.length, participants: students.length } };
      return view(db, id, now);
    },
  }),

  'campaigns.update': dbHandler<'campaigns.update'>({
    run: (ctx, input) => {
      const { db, now } = ctx;
      const { id, ...patch } = input;
      const before = withStatus(requireOpenCampaign(db, id), schoolDate(db, now));
      const given = definedOnly(patch);
      const next = { ...before, ...given };
      if (CAMPAIGN_STATUSES.indexOf(next.status) < CAMPAIGN_STATUSES.indexOf(before.status)) {
        throw new CounselError('CONFLICT', 'errors.campaign.statusBackwards', { path: 'status', from: before.status, to: next.status });
      }
      throwDetails(dateProblem(next));
      const changed = changedKeys(before, given);
      if (changed.length > 0) updateCampaign(db, next);
      ctx.audit = { targetType: 'campaign', targetId: id, details: { changed, status: next.status }, nothingChanged: changed.length === 0 };
      return view(db, id, now);
    },
  }),

  'campaigns.list': dbHandler<'campaigns.list'>({
    run: ({ db, actor, now }, input) => {
      const items = views(db, listCampaigns(db), now).filter((c) => input.status === undefined || c.status === input.status);
      return { items: actor.role === 'principal' ? items.map(forPrincipal) : items };
    },
  }),

  'campaigns.get': dbHandler<'campaigns.get'>({
    run: (ctx, input) => {
      const c = requireCampaign(ctx.db, input.id);
      const { participants, total, classes } = participantsWithMissing(ctx.db, c, input, { offset: (input.page - 1) * input.pageSize, limit: input.pageSize });
      ctx.audit = { targetType: 'campaign', targetId: c.id, details: { participants: participants.length, total } };
      return { campaign: views(ctx.db, [c], ctx.now)[0]!, participants, total, classes };
    },
  }),

  'campaigns.participantIds': dbHandler<'campaigns.participantIds'>({
    run: (ctx, input) => {
      const id = requireCampaign(ctx.db, input.id).id;
      const ids = participantIds(ctx.db, id, input);
      ctx.audit = { targetType: 'campaign', targetId: id, details: { total: ids.length } };
      return { ids };
    },
  }),

  // All or nothing: one unknown student refuses the whole list, so a half-entered pile of slips cannot happen.
  'campaigns.setConsent': dbHandler<'campaigns.setConsent'>({
    run: (ctx, input) => {
      const { db, now } = ctx;
      const c = requireOpenCampaign(db, input.id);
      const participants = participantMap(db, c.id);
      throwDetails(
        input.entries.flatMap((e, i) => (participants.has(e.studentId) ? [] : [{ path: `entries.${i}.studentId`, reason: 'errors.campaign.notParticipant' }])),
      );
      const updated = input.entries.filter((e) => setParticipantConsent(db, c.id, e, now)).length;
      const declined = input.entries.filter((e) => e.studentConsent === 'declined' || e.guardianConsent === 'declined').length;
      ctx.audit = { targetType: 'campaign', targetId: c.id, details: { entries: input.entries.length, updated, declined }, nothingChanged: updated === 0 };
      return { updated };
    },
  }),

  'campaigns.setOutcome': dbHandler<'campaigns.setOutcome'>({
    run: (ctx, input) => {
      const { db, now } = ctx;
      const c = requireOpenCampaign(db, input.id);
      const participants = participantMap(db, c.id);
      throwDetails(
        input.studentIds.flatMap((id, i) => (participants.has(id) ? [] : [{ path: `studentIds.${i}`, reason: 'errors.campaign.notParticipant' }])),
      );
      const done = input.studentIds.findIndex((id) => participants.get(id)!.outcome === 'done');
      if (done >= 0) throw new CounselError('CONFLICT', 'errors.campaign.alreadyDone', { path: `studentIds.${done}`, studentId: input.studentIds[done] });
      const ids = [...new Set(input.studentIds)];
      for (const id of ids) setParticipantOutcome(db, c.id, id, input.outcome, input.note, now);
      ctx.audit = { targetType: 'campaign', targetId: c.id, details: { outcome: input.outcome, count: ids.length } };
      return { updated: ids.length };
    },
  }),

  'campaigns.triage': dbHandler<'campaigns.triage'>({
    run: (ctx, input) => {
      const c = requireCampaign(ctx.db, input.id);
      const filter = { states: input.states ?? null, studentId: null };
      const items = triageViews(ctx.db, c.id, filter, { offset: (input.page - 1) * input.pageSize, limit: input.pageSize });
      const total = triageCount(ctx.db, c.id, filter);
      ctx.audit = { targetType: 'campaign', targetId: c.id, details: { states: input.states ?? null, count: items.length, total } };
      return { items, total };
    },
  }),

  'campaigns.triageIds': dbHandler<'campaigns.triageIds'>({
    run: (ctx, input) => {
      const id = requireCampaign(ctx.db, input.id).id;
      const ids = triageIds(ctx.db, id, { states: input.states ?? null, studentId: null });
      ctx.audit = { targetType: 'campaign', targetId: id, details: { states: input.states ?? null, total: ids.length } };
      return { ids };
    },
  }),

  // Follow-up goes on after a campaign closes: triage stays open to changes.
  'campaigns.setTriage': dbHandler<'campaigns.setTriage'>({
    run: (ctx, input) => {
      const { db, actor, now } = ctx;
      const c = requireCampaign(db, input.id);
      const [entry] = triageViews(db, c.id, { states: null, studentId: input.studentId });
      if (!entry) throw new CounselError('NOT_FOUND', 'errors.notFound', { path: 'studentId', id: input.studentId });
      if (input.caseId !== undefined && requireCase(db, input.caseId, 'caseId').studentId !== entry.studentId) {
        throw new CounselError('VALIDATION', 'errors.campaign.caseNotOfStudent', [{ path: 'caseId', reason: 'errors.campaign.caseNotOfStudent' }]);
      }
      const caseId = input.caseId ?? entry.caseId;
      if (input.state === 'caseOpened' && caseId === null) {
        throw new CounselError('VALIDATION', 'errors.campaign.caseRequired', [{ path: 'caseId', reason: 'errors.campaign.caseRequired' }]);
      }
      setTriageState(db, { campaignId: c.id, studentId: entry.studentId, state: input.state, note: input.note, caseId: input.caseId ?? null, userId: actor.userId }, now);
      ctx.audit = { targetType: 'campaign', targetId: c.id, details: { studentId: entry.studentId, from: entry.state, to: input.state, caseId } };
      return triageViews(db, c.id, { states: null, studentId: entry.studentId })[0]!;
    },
  }),

  'campaigns.rescreen': dbHandler<'campaigns.rescreen'>({
    run: (ctx, input) => {
      const { db, actor, now } = ctx;
      const original = requireCampaign(db, input.id);
      const triaged = new Map(triageEntries(db, original.id, { states: null, studentId: null }).map((e) => [e.studentId, e]));
      const details = dateProblem(input);
      input.studentIds.forEach((id, i) => {
        if (!triaged.has(id)) details.push({ path: `studentIds.${i}`, reason: 'errors.campaign.notInTriage' });
      });
      throwDetails(details);
      const ids = [...new Set(input.studentIds)];
      const scales = original.scales.map((s) => {
        const { definition } = requireDefinition(db, s.scaleId, undefined, 'id');
        return { scaleId: definition.id, version: definition.version };
      });
      const grades = [...new Set(ids.map((id) => triaged.get(id)!.grade))].sort((a, b) => a - b);
      const id = insertCampaign(
        db,
        { name: input.name, scales, grades, classNames: [], startDate: input.startDate, endDate: input.endDate, rescreenOf: original.id, note: '', createdBy: actor.userId },
        now,
      );
      // The slips returned for the first screening still stand for its follow-up.
      const consent = participantMap(db, original.id);
      insertParticipants(
        db,
        id,
        ids.map((studentId): NewParticipant => {
          const p = consent.get(studentId)!;
          return { studentId, studentConsent: p.studentConsent, guardianConsent: p.guardianConsent };
        }),
        now,
      );
      ctx.audit = { targetType: 'campaign', targetId: id, details: { rescreenOf: original.id, scales, participants: ids.length } };
      return view(db, id, now);
    },
  }),

  'campaigns.summary': dbHandler<'campaigns.summary'>({
    run: ({ db, actor, now }, input) => {
      const summary = summaryOf(db, withStatus(requireCampaign(db, input.id), schoolDate(db, now)));
      return actor.role === 'counselor' ? summary : withheldSmallCells(summary);
    },
  }),
};

/** The grades of each screening that started in a span and is under way or done (NAT-04). */
export function screeningGrades(db: Database, from: string, to: string, today: string): { grades: number[] }[] {
  return listCampaigns(db)
    .filter((c) => from <= c.startDate && c.startDate <= to && c.startDate <= today)
    .map((c) => ({ grades: [...c.grades] }));
}
