import { z } from 'zod';
import { defineMethod, ROLES } from './define';
import { id, LIMITS, requiredText, text } from './fields';
import { newAccount, userView } from './session';
import { complianceReport } from './compliance';
import { crisisDetail } from './crisis';
import { periodInput, statReport, statTable, suppressionK } from './statistics';
import { AGE_RECIPIENT, packageManifest, REJECTION_REASONS } from '../domain/district-package';

export const ageRecipient = z.string().trim().max(80).regex(AGE_RECIPIENT, 'errors.field.ageRecipient');

const schoolKeyView = z.object({ keyId: z.string(), fingerprint: z.string(), publicKeyPem: z.string(), createdAt: z.number().int() });

/**
 * A package's payload: the suppressed statistics, the signed checklist when the manifest lists it,
 * and the named crisis cases for a referral when the manifest lists those (empty otherwise).
 */
export const packagePayload = z.object({ statistics: statReport, compliance: complianceReport.nullable().default(null), referrals: z.array(crisisDetail).default([]) });
export type PackagePayload = z.output<typeof packagePayload>;

/** What a package would carry, shown before anything is written: the manifest and every table. */
const preview = z.object({
  manifest: packageManifest.omit({ payloadSha256: true, packageId: true, createdAt: true }),
  payload: packagePayload,
});

/**
 * What goes into a package besides the statistics: the checklist signed last by the period's end
 * (default yes; nothing when none is signed).
 */
const contentChoice = {
  includeCompliance: z.boolean().default(true),
  /** Named crisis cases for a referral: a separate choice, none by default. */
  referralCaseIds: z.array(id).max(50).default([]),
};
/**
 * The second confirmation of named cases: the number of students the counselor was shown and
 * confirmed. It must match the cases chosen (CONFLICT otherwise), so nothing named leaves unseen.
 */
const referralConfirmation = { confirmedReferralStudents: z.number().int().min(0).max(50).optional() };

/** A file path chosen by the user (a save dialog, the CLI); the service writes there atomically. */
const filePath = z.string().trim().min(1).max(1000);

/** Where a package being written stands (district.startExport, district.exportProgress, district.cancelExport). */
export const EXPORT_STEPS = ['figures', 'seal', 'write', 'done'] as const;
const exportJobView = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  /** The step under way (the last one reached once it has ended); null before the first. */
  step: z.enum(EXPORT_STEPS).nullable(),
  path: z.string(),
  /** The written package; null unless done. */
  result: z.object({ packageId: z.string(), bytes: z.number().int(), sha256: z.string() }).nullable(),
  /** Why it failed, as a call's error would say it; null unless failed. */
  error: z.object({ code: z.string(), messageKey: z.string(), details: z.unknown() }).nullable(),
});
export type ExportJobView = z.output<typeof exportJobView>;

const schoolView = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string(),
  keyId: z.string(),
  fingerprint: z.string(),
  publicKeyPem: z.string(),
  registeredAt: z.number().int(),
  packages: z.number().int(),
});

/** A school's checklist as its package carried it: grade, score and fix items still open. */
const complianceHeadline = z.object({
  packTitle: z.object({ zh: z.string(), en: z.string() }),
  signedOn: z.string(),
  percent: z.number().nullable(),
  grade: z.object({ zh: z.string(), en: z.string() }).nullable(),
  openTasks: z.number().int(),
});

/** Headline figures of one school's package (null: withheld there). */
const headline = z.object({
  sessions: z.number().nullable(),
  clients: z.number().nullable(),
  groupAttendance: z.number().nullable(),
  screened: z.number().nullable(),
  alerts: z.number().nullable(),
  alertsOpen: z.number().nullable(),
});
export type Headline = z.output<typeof headline>;

export const districtApi = {
  // ---- school side: the counselor sends figures up ----
  'district.exportSettings': defineMethod({
    summary: 'The district recipient (age1…) set for exports and the school signing key (key id, phone-readable fingerprint, PEM), each null until made.',
    input: z.object({}).strict(),
    output: z.object({ recipient: z.string().nullable(), schoolKey: schoolKeyView.nullable() }),
    roles: ['counselor'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'district.setRecipient': defineMethod({
    summary: 'Set the district’s age public key (age1…) packages are encrypted to. Audited.',
    input: z.object({ recipient: ageRecipient }).strict(),
    output: z.object({ recipient: z.string() }),
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'district.createSchoolKey': defineMethod({
    summary: 'Make the school’s Ed25519 signing key, kept in the encrypted archive; returns the existing one if made before. Audited.',
    input: z.object({}).strict(),
    output: schoolKeyView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'district.previewExport': defineMethod({
    summary:
      'Exactly what a package for the period would carry: the manifest fields, the suppressed statistics and, if included, the checklist signed last by the period’s end (null when none is). Writes nothing.',
    input: periodInput.extend({ k: suppressionK, ...contentChoice }).strict(),
    output: preview,
    roles: ['counselor'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'district.exportPackage': defineMethod({
    summary:
      'Write the signed, encrypted package for the period to path (temp file, fsync, rename: never a partial file; a failure changes nothing). Makes the school key on first use. Audited with the package id and hash.',
    input: periodInput.extend({ k: suppressionK, ...contentChoice, ...referralConfirmation, path: filePath }).strict(),
    output: z.object({ path: z.string(), packageId: z.string(), bytes: z.number().int(), sha256: z.string(), manifest: packageManifest }),
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'district.startExport': defineMethod({
    summary:
      'Start writing the package as district.exportPackage does, between other calls, so the screen can follow it with district.exportProgress and stop it with district.cancelExport. The finished export is audited as district.exportPackage.',
    input: periodInput.extend({ k: suppressionK, ...contentChoice, ...referralConfirmation, path: filePath }).strict(),
    output: exportJobView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'district.exportProgress': defineMethod({
    summary: 'Where a package being written stands: its step, and how it ended (the package, or why it failed or that it was cancelled).',
    input: z.object({ jobId: id }).strict(),
    output: exportJobView,
    roles: ['counselor'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'district.cancelExport': defineMethod({
    summary: 'Stop a package being written: the target path keeps exactly what it held (no partial or new file), no school key is stored. CONFLICT once it has ended. Audited.',
    input: z.object({ jobId: id }).strict(),
    output: exportJobView,
    roles: ['counselor'],
    kind: 'write',
    gate: 'unlocked',
  }),

  // ---- district mode ----
  'setup.initializeDistrict': defineMethod({
    summary: 'First run on a district officer’s computer: the office, the first officer account, the recovery key, and the district’s age key pair (identity kept in the encrypted archive).',
    input: z
      .object({
        office: z.object({ name: requiredText(LIMITS.line), code: requiredText(LIMITS.code), timeZone: z.string().max(64).default('Asia/Shanghai') }).strict(),
        officer: newAccount,
      })
      .strict(),
    output: z.object({ user: userView, recoveryKey: z.string(), recipient: z.string() }),
    roles: ROLES,
    kind: 'write',
    gate: 'none',
  }),
  'district.identity': defineMethod({
    summary: 'The district’s public key (age1…) to give to schools.',
    input: z.object({}).strict(),
    output: z.object({ recipient: z.string(), office: z.string() }),
    roles: ['district'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'district.exportIdentity': defineMethod({
    summary: 'The district identity file (AGE-SECRET-KEY-1…) for opening packages with the standard age tool. Audited.',
    input: z.object({}).strict(),
    output: z.object({ identity: z.string() }),
    roles: ['district'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'district.schools': defineMethod({
    summary: 'The registry of schools with their pinned key fingerprints and how many packages each sent.',
    input: z.object({}).strict(),
    output: z.object({ items: z.array(schoolView) }),
    roles: ['district'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'district.registerSchool': defineMethod({
    summary:
      'Register a school’s public key (PEM or base64) after confirming its fingerprint with the school by phone: the fingerprint typed must match (VALIDATION path fingerprint). A key registered already: CONFLICT.',
    input: z.object({ name: requiredText(LIMITS.line), code: requiredText(LIMITS.code), publicKey: text(400, { min: 1, multiline: true }), fingerprint: requiredText(60) }).strict(),
    output: schoolView,
    roles: ['district'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'district.import': defineMethod({
    summary:
      'Import package files (base64). Each is decrypted and verified on its own and imported in its own transaction, or refused with one reason: notPackage, wrongIdentity, altered, truncated, malformed, badSignature, unregisteredKey (with the school’s name and fingerprint to confirm), otherDistrict, payloadHash, duplicate, stale.',
    input: z.object({ files: z.array(z.object({ name: text(LIMITS.line), base64: z.string().max(20_000_000) }).strict()).min(1).max(1000) }).strict(),
    output: z.object({
      results: z.array(
        z.object({
          name: z.string(),
          status: z.enum(['imported', 'rejected']),
          reason: z.enum(REJECTION_REASONS).nullable(),
          school: z.string().nullable(),
          period: z.object({ from: z.string(), to: z.string() }).nullable(),
          /** For an unregistered key: what to confirm with the school before registering it. */
          offer: z.object({ name: z.string(), code: z.string(), fingerprint: z.string(), publicKey: z.string() }).nullable(),
        }),
      ),
      imported: z.number().int(),
      rejected: z.number().int(),
    }),
    roles: ['district'],
    kind: 'write',
    gate: 'unlocked',
  }),
  'district.periods': defineMethod({
    summary: 'The periods packages were received for, newest first, with how many schools reported each.',
    input: z.object({}).strict(),
    output: z.object({ items: z.array(z.object({ from: z.string(), to: z.string(), schools: z.number().int() })) }),
    roles: ['district'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'district.dashboard': defineMethod({
    summary:
      'Figures of a period across schools: headline figures per school and in total, each school’s compliance grade and open fix items (null when its package carried no signed checklist) (a total is null where a school withheld its figure), the schools that have not reported, and every table summed across schools (a cell withheld by any school is null).',
    input: periodInput,
    output: z.object({
      schools: z.array(
        z.object({ schoolId: z.string(), name: z.string(), code: z.string(), createdAt: z.number().int(), k: z.number().int(), figures: headline, compliance: complianceHeadline.nullable() }),
      ),
      notReported: z.array(z.object({ schoolId: z.string(), name: z.string(), code: z.string() })),
      totals: headline,
      tables: z.array(statTable),
    }),
    roles: ['district'],
    kind: 'read',
    gate: 'unlocked',
  }),
  'district.referrals': defineMethod({
    summary:
      'The named crisis cases the period’s packages carry for a referral (each school chose and confirmed them twice), with the school that sent each. Never part of the dashboard or its workbook; every read is audited with the period and the count.',
    input: periodInput,
    output: z.object({ items: z.array(z.object({ packageId: z.string(), school: z.string(), code: z.string(), crisis: crisisDetail })) }),
    roles: ['district'],
    kind: 'read',
    auditRead: true,
    gate: 'unlocked',
  }),
  'district.reportXlsx': defineMethod({
    summary: 'The period’s dashboard as an .xlsx workbook (schools sheet, then one sheet per table summed across schools), base64. Audited.',
    input: periodInput,
    output: z.object({ filename: z.string(), base64: z.string() }),
    roles: ['district'],
    kind: 'read',
    gate: 'unlocked',
  }),
} as const;
