import { z } from 'zod';
import { ATTESTATIONS } from '../domain/compliance/evaluate';
import { EVIDENCE_TYPES, FORCES, SCORING_STYLES, THRESHOLD_UNITS } from '../domain/compliance/pack';
import { defineMethod } from './define';
import { calendarDate, id, LIMITS, ok, requiredText, text } from './fields';

/** Evidence a principal or counselor attaches: photos and PDFs, each at most this big (after the screen shrinks photos). */
export const EVIDENCE_MIMES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;
/** Base64 of EVIDENCE_MAX_BYTES, rounded up to whole 4-character groups. */
const EVIDENCE_MAX_BASE64 = Math.ceil(EVIDENCE_MAX_BYTES / 3) * 4;
export const TASK_STATUSES = ['open', 'inProgress', 'done'] as const;
export const ITEM_STATUSES = ['pass', 'partial', 'fail', 'notApplicable', 'pending'] as const;
export const AUTO_STATUSES = ['pass', 'partial', 'fail', 'manual'] as const;

const packId = z.string().regex(/^[a-z0-9-]{2,40}$/).max(40);
const itemId = z.string().regex(/^[A-Z]+(-[A-Z]+)*-[A-Z]?\d{1,2}[a-z]?$/).max(24);
const label = z.object({ zh: z.string(), en: z.string() });

export const packSummary = z.object({
  id: z.string(),
  version: z.string(),
  title: label,
  issuer: label,
  date: z.string(),
  jurisdiction: z.string(),
  status: z.enum(['confirmed', 'provisional']),
  style: z.enum(SCORING_STYLES),
  items: z.number().int(),
  builtIn: z.boolean(),
});
export type PackSummary = z.output<typeof packSummary>;

const figure = z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) });

export const taskView = z.object({
  id,
  packId: z.string(),
  itemId: z.string(),
  fromRunId: z.string(),
  title: z.string(),
  owner: z.string(),
  dueDate: z.string(),
  status: z.enum(TASK_STATUSES),
  createdAt: z.number().int(),
  /** In the run being viewed: whether the item now passes (or no longer applies); null outside a run. */
  fixed: z.boolean().nullable(),
});
export type TaskView = z.output<typeof taskView>;

export const evidenceView = z.object({ id, itemId: z.string(), fileName: z.string(), mime: z.enum(EVIDENCE_MIMES), size: z.number().int(), addedAt: z.number().int(), addedBy: z.string() });
export type EvidenceView = z.output<typeof evidenceView>;

export const runItemView = z.object({
  id: z.string(),
  category: label,
  text: label,
  source: z.object({ doc: z.string(), docNo: z.string(), title: z.string(), clause: z.string() }),
  force: z.enum(FORCES),
  threshold: z.object({ unit: z.enum(THRESHOLD_UNITS), min: z.number().optional(), max: z.number().optional(), years: z.number().optional() }).nullable(),
  metric: z.string().nullable(),
  evidenceTypes: z.array(z.enum(EVIDENCE_TYPES)),
  provisional: z.boolean(),
  note: label.nullable(),
  points: z.number(),
  levels: z.array(z.object({ score: z.number(), text: label })),
  auto: z.object({ status: z.enum(AUTO_STATUSES), figure, source: z.string() }).nullable(),
  attestation: z.enum(ATTESTATIONS).nullable(),
  level: z.number().nullable(),
  reason: z.string(),
  notes: z.string(),
  status: z.enum(ITEM_STATUSES),
  evidence: z.array(evidenceView),
  tasks: z.array(taskView),
});
export type RunItemView = z.output<typeof runItemView>;

const scoreView = z.object({
  earned: z.number(),
  possible: z.number(),
  percent: z.number().nullable(),
  grade: label.nullable(),
  counts: z.object({ pass: z.number().int(), partial: z.number().int(), fail: z.number().int(), notApplicable: z.number().int(), pending: z.number().int() }),
});

export const runSummary = z.object({
  id,
  packId: z.string(),
  packVersion: z.string(),
  packTitle: label,
  asOf: z.string(),
  termName: z.string().nullable(),
  status: z.enum(['open', 'signed']),
  startedBy: z.string(),
  startedAt: z.number().int(),
  score: scoreView,
  signed: z.object({ name: z.string(), on: z.string(), at: z.number().int() }).nullable(),
});
export type RunSummary = z.output<typeof runSummary>;

/**
 * The latest signed checklist as it leaves the school in a district package: pack, score, each
 * item's result and the fix items still open (item, due date, state; not their free text). The
 * signer is the principal; nothing here comes from a student's record.
 */
export const complianceReport = z.object({
  packId: z.string().max(60),
  packTitle: label,
  packVersion: z.string().max(40),
  asOf: z.string().max(10),
  signedOn: z.string().max(10),
  signerName: z.string().max(100),
  score: scoreView,
  items: z.array(z.object({ id: z.string().max(20), status: z.enum(['pass', 'partial', 'fail', 'notApplicable', 'pending']) }).strict()).max(500),
  openTasks: z.array(z.object({ itemId: z.string().max(20), dueDate: z.string().max(10), status: z.enum(TASK_STATUSES) }).strict()).max(500),
});
export type ComplianceReport = z.output<typeof complianceReport>;

export const runView = runSummary.extend({
  pack: packSummary,
  sources: z.array(z.object({ id: z.string(), title: z.string(), docNo: z.string(), date: z.string() })),
  school: z.string(),
  items: z.array(runItemView),
  /** The run of the same pack before this one, to compare with. */
  previousRunId: z.string().nullable(),
});
export type RunView = z.output<typeof runView>;

export const complianceApi = {
  'compliance.packs': defineMethod({
    summary: 'The rule packs: built-in (national, provincial) and imported, with version, issuer, status (confirmed or provisional) and scoring style.',
    input: z.object({}).strict(),
    output: z.object({ items: z.array(packSummary) }),
    roles: ['principal', 'counselor'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'compliance.importPack': defineMethod({
    summary:
      'Bring in a rule pack from a JSON file. A pack with an unknown metric, a malformed threshold, duplicate item ids or bands not covering 0–100 is refused: VALIDATION, one detail per problem with path (json.items.N.field), item and reason. Nothing is stored then.',
    input: z.object({ json: z.string().min(2).max(500_000) }).strict(),
    output: packSummary,
    roles: ['principal'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'compliance.start': defineMethod({
    summary:
      'Start a checklist run of a pack (the newest version), or resume the one in progress: the automatic items are filled from live data (rooms, openings, staff, training, records, screenings, consents, audit chain) as of today.',
    input: z.object({ packId }).strict(),
    output: runView,
    roles: ['principal'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'compliance.refresh': defineMethod({
    summary: 'Read the automatic figures of a run in progress again (after a room or the schedule was fixed). Attestations and evidence stay.',
    input: z.object({ id }).strict(),
    output: runView,
    roles: ['principal'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'compliance.runs': defineMethod({
    summary: 'Every run, newest first, with pack, score, grade and sign-off.',
    input: z.object({ packId: packId.optional() }).strict(),
    output: z.object({ items: z.array(runSummary) }),
    roles: ['principal', 'counselor'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'compliance.get': defineMethod({
    summary: 'One run: every item with its requirement, source, automatic figure and source, attestation, evidence and fix tasks (with whether they got fixed).',
    input: z.object({ id }).strict(),
    output: runView,
    roles: ['principal', 'counselor'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'compliance.attest': defineMethod({
    summary:
      'Attest an item the app cannot judge: compliant, partly, not compliant, or not applicable (with a reason: VALIDATION path reason otherwise); a levels pack takes the level (one of the pack’s). An automatic verdict stands: attesting one is VALIDATION path itemId. Null clears.',
    input: z
      .object({
        runId: id,
        itemId,
        attestation: z.enum(ATTESTATIONS).nullable(),
        level: z.number().int().min(0).max(100).nullable().default(null),
        reason: text(LIMITS.line).default(''),
        notes: text(LIMITS.note, { multiline: true }).default(''),
      })
      .strict(),
    output: runItemView,
    roles: ['principal'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'compliance.addEvidence': defineMethod({
    summary:
      'Attach a photo (JPEG, PNG) or a PDF to an item of a run in progress, stored inside the encrypted archive. The name is reduced to its last part; a type that does not match the file’s bytes, or more than 5 MB, is VALIDATION (path data).',
    input: z
      .object({
        runId: id,
        itemId,
        fileName: requiredText(LIMITS.line),
        mime: z.enum(EVIDENCE_MIMES),
        dataBase64: z.string().min(4).max(EVIDENCE_MAX_BASE64 + 4),
      })
      .strict(),
    output: evidenceView,
    roles: ['principal', 'counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'compliance.evidence': defineMethod({
    summary: 'One evidence file with its bytes (base64), to show or print.',
    input: z.object({ id }).strict(),
    output: evidenceView.extend({ dataBase64: z.string() }),
    roles: ['principal', 'counselor'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'compliance.removeEvidence': defineMethod({
    summary: 'Take an evidence file off an item of a run in progress (attached by mistake).',
    input: z.object({ id }).strict(),
    output: ok,
    roles: ['principal', 'counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'compliance.tasks': defineMethod({
    summary: 'The fix list (整改) of a pack, or of every pack: owner, due date, status; newest first.',
    input: z.object({ packId: packId.optional() }).strict(),
    output: z.object({ items: z.array(taskView) }),
    roles: ['principal', 'counselor'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'compliance.saveTask': defineMethod({
    summary:
      'Create a fix task from a failing or partial item of a run (VALIDATION path itemId for an item that passes), or, with id, change its title, owner, due date or status.',
    input: z
      .object({
        id: id.optional(),
        runId: id.optional(),
        itemId: itemId.optional(),
        title: requiredText(LIMITS.line),
        owner: requiredText(LIMITS.name),
        dueDate: calendarDate,
        status: z.enum(TASK_STATUSES).default('open'),
      })
      .strict(),
    output: taskView,
    roles: ['principal'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'compliance.sign': defineMethod({
    summary:
      'The principal signs a run off with name and date: the score and grade are fixed and the run can no longer change. Items still pending count as not met.',
    input: z.object({ id, signerName: requiredText(LIMITS.name), signedOn: calendarDate }).strict(),
    output: runView,
    roles: ['principal'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'compliance.compare': defineMethod({
    summary: 'Two runs item by item (by id): each side’s result and whether it got better, worse or stayed; items only one side has are marked.',
    input: z.object({ a: id, b: id }).strict(),
    output: z.object({
      a: runSummary,
      b: runSummary,
      items: z.array(
        z.object({
          id: z.string(),
          text: label,
          a: z.enum(ITEM_STATUSES).nullable(),
          b: z.enum(ITEM_STATUSES).nullable(),
          change: z.enum(['better', 'worse', 'same', 'added', 'removed']),
        }),
      ),
    }),
    roles: ['principal', 'counselor'],
    kind: 'read',
    gate: 'unlocked',
  }),
} as const;
