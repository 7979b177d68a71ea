import { z } from 'zod';
import { defineMethod } from './define';
import { calendarDate, id, LIMITS, ok, requiredText, text } from './fields';

/** 心理教师, 班主任, 学科教师, 学校领导, 其他. */
export const STAFF_ROLES = ['counselingTeacher', 'homeroomTeacher', 'teacher', 'leader', 'other'] as const;
/** 专职 / 兼职 (for counseling teachers: STAFF-01/02). */
export const EMPLOYMENT = ['fullTime', 'partTime'] as const;
/** 专科, 本科, 硕士, 博士 (STAFF-03 asks for 本科 in principle). */
export const DEGREES = ['none', 'associate', 'bachelor', 'master', 'doctor'] as const;
/** The three tiers: 专兼职心理教师, 班主任, 全体教师. */
export const TRAINING_TIERS = ['counselingTeachers', 'homeroomTeachers', 'allTeachers'] as const;
export const TRAINING_SCOPES = ['internal', 'external'] as const;

/** Hours with at most one decimal (a 90-minute session is 1.5). */
export const trainingHours = z
  .number()
  .min(0.5)
  .max(200)
  .refine((v) => Math.abs(Math.round(v * 10) - v * 10) < 1e-9, { message: 'errors.field.oneDecimal' });

const staffShape = {
  name: requiredText(LIMITS.name),
  role: z.enum(STAFF_ROLES),
  employment: z.enum(EMPLOYMENT).nullable(),
  degree: z.enum(DEGREES).nullable(),
  /** Psychology or a related major (STAFF-03). */
  psychologyMajor: z.boolean(),
  /** Certificates held, as written on them (e.g. 心理健康教育C证). */
  qualification: text(LIMITS.line),
  active: z.boolean(),
};

export const staffView = z.object({
  id,
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  employment: z.enum(EMPLOYMENT).nullable(),
  degree: z.enum(DEGREES).nullable(),
  psychologyMajor: z.boolean(),
  qualification: z.string(),
  active: z.boolean(),
});
export type StaffView = z.output<typeof staffView>;

const eventShape = {
  title: requiredText(LIMITS.line),
  scope: z.enum(TRAINING_SCOPES),
  tier: z.enum(TRAINING_TIERS),
  startDate: calendarDate,
  endDate: calendarDate,
  hours: trainingHours,
  provider: text(LIMITS.line),
  attendeeIds: z.array(id).max(500),
  notes: text(LIMITS.note, { multiline: true }),
};

export const trainingEventView = z.object({
  id,
  title: z.string(),
  scope: z.enum(TRAINING_SCOPES),
  tier: z.enum(TRAINING_TIERS),
  startDate: z.string(),
  endDate: z.string(),
  hours: z.number(),
  provider: z.string(),
  attendees: z.array(z.object({ id: z.string(), name: z.string() })),
  notes: z.string(),
});
export type TrainingEventView = z.output<typeof trainingEventView>;

export const trainingApi = {
  'staff.list': defineMethod({
    summary: 'The staff register (name, role, 专职/兼职, degree, qualification); inactive staff only when asked.',
    input: z.object({ includeInactive: z.boolean().default(false) }).strict(),
    output: z.object({ items: z.array(staffView) }),
    roles: ['counselor', 'principal'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'staff.create': defineMethod({
    summary: 'Add a staff member to the register. employment is for counseling teachers only (VALIDATION errors.staff.employmentOnlyCounselors otherwise).',
    input: z
      .object({
        ...staffShape,
        employment: staffShape.employment.default(null),
        degree: staffShape.degree.default(null),
        psychologyMajor: staffShape.psychologyMajor.default(false),
        qualification: staffShape.qualification.default(''),
        active: staffShape.active.default(true),
      })
      .strict(),
    output: staffView,
    roles: ['counselor', 'principal'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'staff.update': defineMethod({
    summary: 'Change a staff member; deactivate one who left (their training history stays).',
    input: z.object(staffShape).partial().extend({ id }).strict(),
    output: staffView,
    roles: ['counselor', 'principal'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'training.list': defineMethod({
    summary: 'Training events of a calendar year (by start date), newest first, with attendees.',
    input: z.object({ year: z.number().int().min(1900).max(2100) }).strict(),
    output: z.object({ items: z.array(trainingEventView) }),
    roles: ['counselor', 'principal'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'training.save': defineMethod({
    summary:
      'Add (or, with id, change) a training event with its tier, hours and attendees from the staff register. End before start: VALIDATION path endDate; an unknown or inactive attendee: VALIDATION path attendeeIds.N.',
    input: z
      .object({
        id: id.optional(),
        ...eventShape,
        provider: eventShape.provider.default(''),
        notes: eventShape.notes.default(''),
      })
      .strict(),
    output: trainingEventView,
    roles: ['counselor', 'principal'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'training.remove': defineMethod({
    summary: 'Remove a training event entered by mistake, with a reason (audited).',
    input: z.object({ id, reason: requiredText(LIMITS.line) }).strict(),
    output: ok,
    roles: ['counselor', 'principal'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'training.totals': defineMethod({
    summary:
      'Training hours per staff member in a calendar year, by tier, with the number of events: what the compliance checklist reads (STAFF-04). Staff with no training that year are listed with 0.',
    input: z.object({ year: z.number().int().min(1900).max(2100) }).strict(),
    output: z.object({
      items: z.array(
        z.object({
          staffId: z.string(),
          name: z.string(),
          role: z.enum(STAFF_ROLES),
          employment: z.enum(EMPLOYMENT).nullable(),
          hours: z.number(),
          events: z.number().int(),
          byTier: z.array(z.object({ tier: z.enum(TRAINING_TIERS), hours: z.number() })),
        }),
      ),
      totalHours: z.number(),
    }),
    roles: ['counselor', 'principal'],
    kind: 'read',
    gate: 'unlocked',
  }),
} as const;
