import { z } from 'zod';
import { CRISIS_STEPS, CRISIS_TIERS } from '../domain/crisis';
import { defineMethod } from './define';
import { calendarDate, empty, id, LIMITS, requiredText, text } from './fields';

/** Where the concern came from. */
export const CRISIS_SOURCES = ['screening', 'session', 'teacher', 'peer', 'guardian', 'selfReport', 'other'] as const;
/** Closed only through crisis.close; monitoring is "stable, still watched". */
export const CRISIS_STATUSES = ['open', 'monitoring', 'closed'] as const;
export const STEP_STATES = ['open', 'done', 'notApplicable'] as const;
export const CHECK_IN_CHANNELS = ['inPerson', 'phone', 'message', 'visit', 'other'] as const;
export const NOTICE_OUTCOMES = ['signed', 'refused'] as const;
export const RETURN_DECISIONS = ['returns', 'returnsWithSupport', 'notYet'] as const;
export const WEATHER = ['calm', 'someConcern', 'concern'] as const;

const line = text(LIMITS.line);
const note = text(LIMITS.note, { multiline: true });
const day = calendarDate;

/**
 * What can be written into a step, one shape per kind; the step follows from the kind (a note names
 * its step). Entries are kept as written: a correction is a new entry.
 */
export const ENTRY_SHAPES = {
  note: { step: z.enum(CRISIS_STEPS), date: day, text: text(LIMITS.note, { min: 1, multiline: true }) },
  pairing: { date: day, teacherName: requiredText(LIMITS.name), teacherRole: line.default(''), contact: text(LIMITS.name).default('') },
  checkIn: { date: day, channel: z.enum(CHECK_IN_CHANNELS), observed: note.default(''), concerns: note.default('') },
  plan: { date: day, goals: text(LIMITS.note, { min: 1, multiline: true }), actions: note.default(''), frequency: line.default('') },
  appointmentLink: { date: day, appointmentId: id },
  /** A form of the student's, linked when it is started from the step (assessments.start crisisCaseId). */
  assessmentLink: { date: day, formId: id },
  peerAssigned: { date: day, peerId: id },
  peerReport: { date: day, peerId: id, report: text(LIMITS.note, { min: 1, multiline: true }) },
  guardianNotice: { date: day, who: requiredText(LIMITS.name), channel: z.enum(CHECK_IN_CHANNELS), response: note.default('') },
  meeting: { date: day, attendees: requiredText(LIMITS.line), notes: note.default('') },
  informedNotice: { date: day, outcome: z.enum(NOTICE_OUTCOMES) },
  referral: { date: day, partnerId: id, reason: note.default('') },
  receipt: { date: day, referralId: id },
  /** The partner's words as reported: stored as text, never turned into a label. */
  feedback: { date: day, referralId: id, words: text(LIMITS.clinical, { min: 1, multiline: true }) },
  returnReview: { date: day, decision: z.enum(RETURN_DECISIONS), followUpPlan: note.default('') },
} as const;
export type EntryKind = keyof typeof ENTRY_SHAPES;
export const ENTRY_KINDS = Object.keys(ENTRY_SHAPES) as EntryKind[];

/** The step each kind of entry belongs to (a note says its own). */
export const STEP_OF_ENTRY: Record<Exclude<EntryKind, 'note'>, (typeof CRISIS_STEPS)[number]> = {
  pairing: 'pairing',
  checkIn: 'pairing',
  assessmentLink: 'assess',
  plan: 'intervention',
  appointmentLink: 'intervention',
  peerAssigned: 'peer',
  peerReport: 'peer',
  guardianNotice: 'family',
  meeting: 'family',
  informedNotice: 'family',
  referral: 'referral',
  receipt: 'referral',
  feedback: 'referral',
  returnReview: 'referral',
};

/** One strict object per kind (unknown keys refused, as every input is), plus the fields a view adds. */
function entryUnion<E extends z.ZodRawShape>(extra: E) {
  const variant = <K extends EntryKind>(kind: K) => z.strictObject({ kind: z.literal(kind), ...ENTRY_SHAPES[kind], ...extra });
  return z.discriminatedUnion('kind', [
    variant('note'),
    variant('pairing'),
    variant('checkIn'),
    variant('plan'),
    variant('appointmentLink'),
    variant('assessmentLink'),
    variant('peerAssigned'),
    variant('peerReport'),
    variant('guardianNotice'),
    variant('meeting'),
    variant('informedNotice'),
    variant('referral'),
    variant('receipt'),
    variant('feedback'),
    variant('returnReview'),
  ]);
}
export const entryInput = entryUnion({});
export type EntryInput = z.output<typeof entryInput>;

export const entryView = entryUnion({
  id: z.string(),
  step: z.enum(CRISIS_STEPS),
  createdAt: z.number().int(),
  createdByName: z.string(),
  /** A referral's partner, a peer supporter's or an appointment's display line, for the page and the print. */
  refLabel: z.string(),
});
export type EntryView = z.output<typeof entryView>;

export const stepView = z.object({
  step: z.enum(CRISIS_STEPS),
  ownerId: z.string(),
  ownerName: z.string(),
  dueOn: z.string(),
  state: z.enum(STEP_STATES),
  /** Why it is not applicable, or why it was left open at closing. */
  stateReason: z.string(),
  doneOn: z.string().nullable(),
  overdue: z.boolean(),
  /** How many entries were written into it: an open step with some is under way. */
  entryCount: z.number().int(),
});
export type StepView = z.output<typeof stepView>;

const studentLine = {
  studentId: z.string(),
  studentName: z.string(),
  grade: z.number().int(),
  className: z.string(),
};

const crisisHead = z.object({
  caseId: z.string(),
  ...studentLine,
  source: z.enum(CRISIS_SOURCES),
  tier: z.enum(CRISIS_TIERS),
  reason: z.string(),
  status: z.enum(CRISIS_STATUSES),
  openedOn: z.string(),
  counselorId: z.string(),
  counselorName: z.string(),
  steps: z.array(stepView),
  /** The next case review meeting: the last one's next date, else the tier's interval from opening. */
  reviewDueOn: z.string().nullable(),
});

export const reviewView = z.object({
  id: z.string(),
  date: z.string(),
  attendees: z.string(),
  decision: z.string(),
  nextReviewOn: z.string().nullable(),
  createdByName: z.string(),
});

export const crisisDetail = crisisHead.extend({
  sourceAlert: z.object({ id: z.string(), scaleId: z.string(), severity: z.string(), raisedAt: z.number().int() }).nullable(),
  closedOn: z.string().nullable(),
  closedReason: z.string().nullable(),
  entries: z.array(entryView),
  reviews: z.array(reviewView),
  /** Every change of tier, owner (by name), due date, step state or status, with the value before. */
  history: z.array(
    z.object({
      field: z.enum(['tier', 'owner', 'dueOn', 'state', 'status']),
      step: z.enum(CRISIS_STEPS).nullable(),
      from: z.string().nullable(),
      to: z.string(),
      reason: z.string(),
      byName: z.string(),
      at: z.number().int(),
    }),
  ),
});
export type CrisisDetail = z.output<typeof crisisDetail>;

export const boardItem = crisisHead.extend({ overdueSteps: z.number().int(), nextDueOn: z.string().nullable() });
export type BoardItem = z.output<typeof boardItem>;

export const tierRule = z
  .object({
    name: text(LIMITS.short),
    color: z.string().max(7).regex(/^#[0-9a-fA-F]{6}$/, 'errors.crisis.color'),
    dueDays: z.object(Object.fromEntries(CRISIS_STEPS.map((s) => [s, z.number().int().min(0).max(60)])) as Record<(typeof CRISIS_STEPS)[number], z.ZodNumber>).strict(),
    reviewEveryDays: z.number().int().min(1).max(180),
  })
  .strict();
const tierRules = z.object({ red: tierRule, orange: tierRule, yellow: tierRule }).strict();

export const partnerView = z.object({
  id: z.string(),
  name: z.string(),
  department: z.string(),
  contact: z.string(),
  agreementOnFile: z.boolean(),
  agreementNote: z.string(),
  active: z.boolean(),
});
export const peerView = z.object({ id: z.string(), ...studentLine, since: z.string(), active: z.boolean() });
export const weatherView = z.object({
  id: z.string(),
  peerId: z.string(),
  grade: z.number().int(),
  className: z.string(),
  weekOf: z.string(),
  weather: z.enum(WEATHER),
  note: z.string(),
});

const caseRef = z.object({ caseId: id }).strict();
const smallCount = z.number().int().nullable();

export const crisisApi = {
  'crisis.open': defineMethod({
    summary:
      'Open a crisis case by hand (a case of category crisis) for a student, with its source, tier and a short reason; the six steps get the caller as owner and due dates from the tier on the school calendar. A graduated or transferred student needs acknowledgeInactive (CONFLICT errors.case.studentInactive).',
    input: z
      .object({
        studentId: id,
        source: z.enum(CRISIS_SOURCES),
        tier: z.enum(CRISIS_TIERS),
        reason: requiredText(LIMITS.line),
        openedOn: calendarDate.optional(),
        acknowledgeInactive: z.boolean().default(false),
      })
      .strict(),
    output: crisisDetail,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'crisis.attach': defineMethod({
    summary:
      'Give an open case of category crisis that has no crisis details (opened before they were required) its source, tier and reason: the six steps, owned by the counselor in charge, due by the tier counted from today. A case with crisis details already is CONFLICT errors.crisis.alreadyAttached; a case of another category VALIDATION errors.crisis.notCrisisCategory on caseId.',
    input: z.object({ caseId: id, source: z.enum(CRISIS_SOURCES), tier: z.enum(CRISIS_TIERS), reason: requiredText(LIMITS.line) }).strict(),
    output: crisisDetail,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'crisis.get': defineMethod({
    summary: 'A crisis case with its steps, entries, review meetings and change history (audited). NOT_FOUND for a case without crisis details.',
    input: caseRef,
    output: crisisDetail,
    roles: ['counselor'],
    kind: 'read',
    auditRead: true,
    gate: 'unlocked',
  }),
  'crisis.board': defineMethod({
    summary: 'Open and monitored crisis cases, overdue steps first, then by tier and next due date; counts of steps due today, this week (to Sunday) and overdue.',
    input: empty,
    output: z.object({
      today: z.string(),
      weekEnd: z.string(),
      items: z.array(boardItem),
      dueToday: z.number().int(),
      dueThisWeek: z.number().int(),
      overdue: z.number().int(),
    }),
    roles: ['counselor'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'crisis.redOverdue': defineMethod({
    summary: 'How many steps of red-tier crisis cases are overdue today: the banner on 我的个案 (no names).',
    input: empty,
    output: z.object({ steps: z.number().int(), cases: z.number().int() }),
    roles: ['counselor'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'crisis.setTier': defineMethod({
    summary: 'Change the risk tier with a reason; open steps get due dates from the new tier counted from today. Audited with the previous tier.',
    input: z.object({ caseId: id, tier: z.enum(CRISIS_TIERS), reason: requiredText(LIMITS.line) }).strict(),
    output: crisisDetail,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'crisis.setStatus': defineMethod({
    summary: 'Move between open and monitoring with a reason (closing is crisis.close). Audited with the previous status.',
    input: z.object({ caseId: id, status: z.enum(['open', 'monitoring']), reason: requiredText(LIMITS.line) }).strict(),
    output: crisisDetail,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'crisis.updateStep': defineMethod({
    summary:
      'Change a step’s owner (an enabled counselor), due date (not in the past: VALIDATION errors.crisis.dueInPast) or state (done; notApplicable needs a reason; open again). Each change is audited with its previous value.',
    input: z
      .object({
        caseId: id,
        step: z.enum(CRISIS_STEPS),
        ownerId: id.optional(),
        dueOn: calendarDate.optional(),
        state: z.enum(STEP_STATES).optional(),
        reason: text(LIMITS.line).default(''),
      })
      .strict(),
    output: crisisDetail,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'crisis.addEntry': defineMethod({
    summary:
      'Write an entry into a step (check-in, guardian notice, referral, feedback…); kept as written. Dates not in the future; a referral names an active partner; feedback and receipts name a referral of the case and are not dated before it; a peer supporter is of the student’s class. A return-to-school review marks the referral step done.',
    input: z.object({ caseId: id, entry: entryInput }).strict(),
    output: crisisDetail,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'crisis.addReview': defineMethod({
    summary: 'Record a case review meeting (研判会): date, attendees, decision, next review date.',
    input: z
      .object({
        caseId: id,
        date: calendarDate,
        attendees: requiredText(LIMITS.line),
        decision: text(LIMITS.note, { min: 1, multiline: true }),
        nextReviewOn: calendarDate.nullable().default(null),
      })
      .strict(),
    output: crisisDetail,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'crisis.close': defineMethod({
    summary:
      'Close the crisis case and its case. Every step still open needs a reason (VALIDATION stepReasons.<step>); a red case needs a review meeting or a return-to-school review (VALIDATION errors.crisis.redNeedsReview); session records must be signed (as cases.close).',
    input: z
      .object({
        caseId: id,
        reason: text(LIMITS.clinical, { min: 1, multiline: true }),
        closedOn: calendarDate.optional(),
        stepReasons: z.object(Object.fromEntries(CRISIS_STEPS.map((s) => [s, requiredText(LIMITS.line).optional()])) as Record<(typeof CRISIS_STEPS)[number], z.ZodOptional<z.ZodString>>).strict().default({}),
      })
      .strict(),
    output: crisisDetail,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'crisis.referralExport': defineMethod({
    summary: 'After an explicit confirmation, the crisis case for a referral partner (name included); one audited call, printed exactly as returned.',
    input: z.object({ caseId: id, confirmed: z.literal(true) }).strict(),
    output: z.object({ schoolName: z.string(), exportedAt: z.number().int(), crisis: crisisDetail }),
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'crisis.summary': defineMethod({
    summary:
      'Counts only: open crisis cases by tier, overdue steps, and the median days from alert to first intervention. For a principal, counts from 1 to 4 are withheld (null) and the median needs five cases.',
    input: empty,
    output: z.object({
      byTier: z.array(z.object({ tier: z.enum(CRISIS_TIERS), count: smallCount })),
      overdueSteps: smallCount,
      medianDaysToFirstIntervention: z.number().nullable(),
    }),
    roles: ['counselor', 'principal'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'crisis.rules': defineMethod({
    summary: 'The tier names, colours, step due days and review intervals.',
    input: empty,
    output: tierRules,
    roles: ['counselor'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'crisis.updateRules': defineMethod({
    summary: 'Replace the tier rules; cases already open keep their due dates.',
    input: tierRules,
    output: tierRules,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'referralPartners.list': defineMethod({
    summary: 'The referral partners (hospital or clinic, department, contact, agreement on file).',
    input: z.object({ includeInactive: z.boolean().default(false) }).strict(),
    output: z.object({ items: z.array(partnerView) }),
    roles: ['counselor'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'referralPartners.save': defineMethod({
    summary: 'Add a referral partner, or change one (id); a partner is never deleted, only made inactive.',
    input: z
      .object({
        id: id.optional(),
        name: requiredText(LIMITS.line),
        department: text(LIMITS.name).default(''),
        contact: text(LIMITS.line).default(''),
        agreementOnFile: z.boolean().default(false),
        agreementNote: text(LIMITS.line).default(''),
        active: z.boolean().default(true),
      })
      .strict(),
    output: partnerView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'peerSupporters.list': defineMethod({
    summary: 'The register of class peer supporters (心理委员).',
    input: z.object({ includeInactive: z.boolean().default(false) }).strict(),
    output: z.object({ items: z.array(peerView) }),
    roles: ['counselor'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'peerSupporters.save': defineMethod({
    summary: 'Register an active student as their class’s peer supporter, or change one (id: since, active); never deleted.',
    input: z.object({ id: id.optional(), studentId: id, since: calendarDate, active: z.boolean().default(true) }).strict(),
    output: peerView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'peerSupporters.addWeather': defineMethod({
    summary: 'A class’s weekly report (班级心理晴雨表) handed in by its peer supporter; one per supporter and week.',
    input: z.object({ peerId: id, weekOf: calendarDate, weather: z.enum(WEATHER), note: note.default('') }).strict(),
    output: weatherView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'peerSupporters.weather': defineMethod({
    summary: 'The weekly class reports of a week (any date in it).',
    input: z.object({ weekOf: calendarDate }).strict(),
    output: z.object({ items: z.array(weatherView) }),
    roles: ['counselor'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'crisisPlan.current': defineMethod({
    summary: 'The school’s written crisis procedure (危机干预预案) in force: version and date, no text; null when none is stored.',
    input: empty,
    output: z.object({ version: z.string(), effectiveOn: z.string(), savedAt: z.number().int() }).nullable(),
    roles: ['counselor', 'principal'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'crisisPlan.get': defineMethod({
    summary: 'The crisis procedure in force with its text, and the earlier versions (version and date).',
    input: empty,
    output: z.object({
      current: z.object({ version: z.string(), effectiveOn: z.string(), savedAt: z.number().int(), text: z.string() }).nullable(),
      versions: z.array(z.object({ version: z.string(), effectiveOn: z.string(), savedAt: z.number().int() })),
    }),
    roles: ['counselor'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'crisisPlan.save': defineMethod({
    summary: 'Store a new version of the crisis procedure; earlier versions are kept. A version already stored is CONFLICT errors.crisis.planVersionExists.',
    input: z
      .object({ version: requiredText(LIMITS.short), effectiveOn: calendarDate, text: text(20000, { min: 1, multiline: true }) })
      .strict(),
    output: z.object({ version: z.string(), effectiveOn: z.string(), savedAt: z.number().int() }),
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
} as const;
