import { z } from 'zod';
import { defineMethod } from './define';
import { calendarDate, id, LIMITS, requiredText, text } from './fields';
import { MAX_GRADE, MIN_GRADE } from '../domain/grades';

/**
 * Screening campaigns (普测, issue 5 §7): who is screened with which scales, their consent list,
 * what happened to each student (done, declined, absent), the triage queue of flagged students and
 * the summary by grade and band. A principal sees only the summary, as counts with small cells withheld.
 */
export const CAMPAIGN_STATUSES = ['planned', 'active', 'closed'] as const;
/** The consent list: a returned slip per student and guardian; `pending` until it comes back. */
export const CONSENT_STATES = ['pending', 'given', 'declined'] as const;
/** `declined` is a valid outcome with no penalty (guide ETH-05); `done` is set once every scale of the campaign has a completed form. */
export const PARTICIPANT_OUTCOMES = ['pending', 'done', 'declined', 'absent'] as const;
/** 待复核, 已约谈, 无需关注, 已建个案, 已转介. */
export const TRIAGE_STATES = ['toReview', 'interviewed', 'noConcern', 'caseOpened', 'referred'] as const;
/** Why a student is in triage: a critical alert, any other alert, or a screen-positive band. */
export const TRIAGE_PRIORITIES = ['critical', 'alert', 'flagged'] as const;

/** The largest page: one class's whole list fits, which the class paper entry asks for. */
export const PARTICIPANT_PAGE_MAX = 500;
/** A page of the participant list or the triage queue (1-based). */
const paging = { page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(PARTICIPANT_PAGE_MAX).default(50) };

const scaleRef = z.object({ scaleId: z.string().min(2).max(40), version: text(LIMITS.short).optional() }).strict();
const grade = z.number().int().min(MIN_GRADE).max(MAX_GRADE);
/** The participant list's filters: one class (grade and name together, as the class list gives them) and an outcome. */
const participantFilter = {
  class: z.object({ grade, className: requiredText(LIMITS.name) }).strict().optional(),
  outcome: z.enum(PARTICIPANT_OUTCOMES).optional(),
};
/** The triage queue's filter: some states (none given: every state). */
const triageStates = z.array(z.enum(TRIAGE_STATES)).max(TRIAGE_STATES.length).optional();
/** A count a principal may see: null when withheld (1–4, or complementary suppression). */
const smallCount = z.number().int().nullable();

export const campaignView = z.object({
  id,
  name: z.string(),
  /**
   * Each scale pinned to the version current when the campaign was created, with its zh-CN and en
   * titles: a principal reads the campaign without access to the scale library, and sees names, not ids.
   */
  scales: z.array(z.object({ scaleId: z.string(), version: z.string(), title: z.record(z.string(), z.string()) })),
  grades: z.array(z.number().int()),
  /** Class names within those grades; empty means every class. */
  classNames: z.array(z.string()),
  startDate: z.string(),
  endDate: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  /** Set on a re-screen: the campaign whose triage it follows up. */
  rescreenOf: z.string().nullable(),
  note: z.string(),
  createdAt: z.number().int(),
  /** Exact for a counselor; for a principal counts from 1 to 4 are withheld (null) like the summary's. */
  progress: z.object({
    participants: smallCount,
    pending: smallCount,
    done: smallCount,
    declined: smallCount,
    absent: smallCount,
    consentGiven: smallCount,
    consentPending: smallCount,
    consentDeclined: smallCount,
    triageOpen: smallCount,
  }),
});
export type CampaignView = z.output<typeof campaignView>;

export const participantView = z.object({
  studentId: z.string(),
  studentNo: z.string(),
  name: z.string(),
  grade: z.number().int(),
  className: z.string(),
  studentConsent: z.enum(CONSENT_STATES),
  guardianConsent: z.enum(CONSENT_STATES),
  outcome: z.enum(PARTICIPANT_OUTCOMES),
  /** Scale ids with a completed form in this campaign. */
  completedScales: z.array(z.string()),
  /** The campaign's scales still without a completed form, in the campaign's order: done only when none is left. */
  missingScales: z.array(z.string()),
  note: z.string(),
});
export type ParticipantView = z.output<typeof participantView>;

export const triageEntryView = z.object({
  campaignId: z.string(),
  studentId: z.string(),
  studentNo: z.string(),
  name: z.string(),
  grade: z.number().int(),
  className: z.string(),
  priority: z.enum(TRIAGE_PRIORITIES),
  state: z.enum(TRIAGE_STATES),
  /** The flagged scales with their band code, neutral label key (scales.band.*) and the score banded. */
  reasons: z.array(
    z.object({
      scaleId: z.string(),
      formId: z.string(),
      band: z.string().nullable(),
      bandLabel: z.string().nullable(),
      score: z.number().nullable(),
      alertSeverity: z.enum(['critical', 'urgent', 'followup']).nullable(),
    }),
  ),
  note: z.string(),
  caseId: z.string().nullable(),
  /** The start date of a re-screen campaign this student is in, if one was scheduled. */
  rescreenDate: z.string().nullable(),
  flaggedAt: z.number().int(),
  updatedAt: z.number().int(),
  updatedBy: z.string().nullable(),
});
export type TriageEntryView = z.output<typeof triageEntryView>;

const campaignFields = {
  name: requiredText(LIMITS.line),
  scales: z.array(scaleRef).min(1).max(6),
  grades: z.array(grade).min(1).max(12),
  classNames: z.array(requiredText(LIMITS.name)).max(100).default([]),
  startDate: calendarDate,
  endDate: calendarDate,
  note: text(LIMITS.note, { multiline: true }).default(''),
};

export const campaignsApi = {
  'campaigns.create': defineMethod({
    summary:
      'Plan a screening: scales (pinned to their current version), target grades and optionally classes, dates. Every active student of those classes becomes a participant with consent pending. An end before the start, an unknown scale or a target with no students is VALIDATION naming the field.',
    input: z.object(campaignFields).strict(),
    output: campaignView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'campaigns.update': defineMethod({
    summary: 'Rename, change dates or note, or set the status (planned → active → closed; closed is final). Scales and targets are fixed once any form exists.',
    input: z
      .object({
        id,
        name: requiredText(LIMITS.line).optional(),
        startDate: calendarDate.optional(),
        endDate: calendarDate.optional(),
        note: text(LIMITS.note, { multiline: true }).optional(),
        status: z.enum(CAMPAIGN_STATUSES).optional(),
      })
      .strict(),
    output: campaignView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'campaigns.list': defineMethod({
    summary:
      'Campaigns, newest first, each with its progress counts (no names). A principal needs the list to reach each summary: the service leaves the note empty for a principal (free text a counselor wrote).',
    input: z.object({ status: z.enum(CAMPAIGN_STATUSES).optional() }).strict(),
    output: z.object({ items: z.array(campaignView) }),
    roles: ['counselor', 'principal'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'campaigns.get': defineMethod({
    summary:
      'One campaign with a page of its participants (consent, outcome, completed scales), by grade and class then 学号, optionally of one class and/or outcome; with the total of that filter and every class of the campaign (audited). The ids of a whole filter come from campaigns.participantIds.',
    input: z.object({ id, ...participantFilter, ...paging }).strict(),
    output: z.object({
      campaign: campaignView,
      participants: z.array(participantView),
      /** Participants matching the filter, over all pages. */
      total: z.number().int(),
      /** The campaign's classes (unfiltered), by grade then name. */
      classes: z.array(z.object({ grade: z.number().int(), className: z.string() })),
    }),
    roles: ['counselor'],
    kind: 'read',
    auditRead: true,
    gate: 'unlocked',
  }),
  'campaigns.participantIds': defineMethod({
    summary:
      'The ids of every participant matching a filter (one class and/or outcome), in list order: what 选择全部 selects across pages, without the rows. Audited like the list: the ids still say which minors a screening holds.',
    input: z.object({ id, ...participantFilter }).strict(),
    output: z.object({ ids: z.array(z.string()) }),
    roles: ['counselor'],
    kind: 'read',
    gate: 'unlocked',
    auditRead: true,
  }),
  'campaigns.setConsent': defineMethod({
    summary:
      'Record the consent list: returned slips for many students at once (student and/or guardian). A declined consent makes the outcome declined; a student not in the campaign is VALIDATION entries.N.studentId.',
    input: z
      .object({
        id,
        entries: z
          .array(
            z
              .object({ studentId: id, studentConsent: z.enum(CONSENT_STATES).optional(), guardianConsent: z.enum(CONSENT_STATES).optional() })
              .strict(),
          )
          .min(1)
          .max(5000),
      })
      .strict(),
    output: z.object({ updated: z.number().int() }),
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'campaigns.setOutcome': defineMethod({
    summary: 'Mark students declined (on the day, no penalty), absent or pending again, with an optional note. A student with a completed form is CONFLICT errors.campaign.alreadyDone.',
    input: z
      .object({
        id,
        studentIds: z.array(id).min(1).max(5000),
        outcome: z.enum(['pending', 'declined', 'absent']),
        note: text(LIMITS.line).default(''),
      })
      .strict(),
    output: z.object({ updated: z.number().int() }),
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'campaigns.triage': defineMethod({
    summary:
      'A page of the triage queue of flagged students: critical first, then other alerts, then screen-positive; within each, the severest first (alert severity, then band, then score), then the longest waiting, then 学号. Optionally only some states; with the total of that filter (audited). The ids of a whole filter come from campaigns.triageIds.',
    input: z.object({ id, states: triageStates, ...paging }).strict(),
    output: z.object({
      items: z.array(triageEntryView),
      /** Entries matching the filter, over all pages. */
      total: z.number().int(),
    }),
    roles: ['counselor'],
    kind: 'read',
    auditRead: true,
    gate: 'unlocked',
  }),
  'campaigns.triageIds': defineMethod({
    summary:
      'The student ids of every triage entry matching a filter (some states), in queue order: what 选择全部 selects across pages for a re-screen, without the rows. Audited like the queue.',
    input: z.object({ id, states: triageStates }).strict(),
    output: z.object({ ids: z.array(z.string()) }),
    roles: ['counselor'],
    kind: 'read',
    gate: 'unlocked',
    auditRead: true,
  }),
  'campaigns.setTriage': defineMethod({
    summary: 'Move a flagged student to another triage state with a note (audited without the note). caseOpened needs a caseId of this student.',
    input: z
      .object({ id, studentId: id, state: z.enum(TRIAGE_STATES), note: text(LIMITS.note, { multiline: true }).default(''), caseId: id.optional() })
      .strict(),
    output: triageEntryView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'campaigns.rescreen': defineMethod({
    summary: 'Schedule a re-screen: a new campaign with the same scales (current versions) for the named flagged students, carrying over their consent list.',
    input: z
      .object({ id, studentIds: z.array(id).min(1).max(5000), name: requiredText(LIMITS.line), startDate: calendarDate, endDate: calendarDate })
      .strict(),
    output: campaignView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'campaigns.summary': defineMethod({
    summary:
      'Counts by grade: participants, done (every scale taken), declined, absent, pending, and for each scale how many took it and how many pending students still have to, with the latest valid result per student by band. No names. For a principal, counts from 1 to 4 are withheld (null), with complementary suppression within each grade row.',
    input: z.object({ id }).strict(),
    output: z.object({
      campaign: z.object({ id: z.string(), name: z.string(), startDate: z.string(), endDate: z.string(), status: z.enum(CAMPAIGN_STATUSES) }),
      grades: z.array(
        z.object({
          grade: z.number().int(),
          participants: smallCount,
          done: smallCount,
          declined: smallCount,
          absent: smallCount,
          pending: smallCount,
        }),
      ),
      scales: z.array(
        z.object({
          scaleId: z.string(),
          /** zh-CN and en titles as the definition gives them (a principal has no scale library to look them up). */
          title: z.record(z.string(), z.string()),
          /** Bands in the definition's order, with their neutral label keys. */
          bands: z.array(z.object({ code: z.string(), labelKey: z.string() })),
          byGrade: z.array(
            z.object({
              grade: z.number().int(),
              counts: z.array(z.object({ band: z.string(), count: smallCount })),
              invalid: smallCount,
              /** Participants with a completed form of this scale. */
              screened: smallCount,
              /** Participants still pending who have yet to take this scale. */
              toScreen: smallCount,
            }),
          ),
        }),
      ),
    }),
    roles: ['counselor', 'principal'],
    kind: 'read',
    gate: 'unlocked',
  }),
} as const;
