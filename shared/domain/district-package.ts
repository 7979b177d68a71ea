import { z } from 'zod';

/**
 * The district package as both sides read it. Inside the age encryption the file is text:
 *
 *   line 1  SIGNING_CONTEXT (without its newline)
 *   line 2  the manifest, canonical JSON
 *   line 3  the Ed25519 signature over lines 1–2 (joined by their newline, no final newline), base64
 *   rest    the payload, canonical JSON; its SHA-256 is in the manifest
 *
 * So after `age -d` the signed bytes are `head -n 2 | head -c -1`, and any standard Ed25519 tool
 * verifies them (docs/DISTRICT.md). The context line keeps a school signature made for anything
 * else from ever passing as a package.
 */
export const SIGNING_CONTEXT = 'counselroom-district-export/v1';
export const PACKAGE_SCHEMA_VERSION = 1 as const;
/**
 * Statistics always; the checklist signed last by the period's end when the counselor includes it
 * and one is signed; named crisis cases for a referral only when the counselor chose them and
 * confirmed twice (never by default).
 */
export const PACKAGE_CONTENTS = ['statistics', 'compliance', 'referrals'] as const;

/** A package file's extension, fixed for the exchange: the installers associate it with the app, and a folder's other files (a USB stick's) are left alone. */
export const PACKAGE_EXTENSION = '.crpkg';

/** The package files among a folder's entries, in name order: what the CLI and the import screen take from a folder. */
export function packageFilesOf<T>(entries: readonly T[], nameOf: (entry: T) => string): T[] {
  return entries.filter((e) => nameOf(e).endsWith(PACKAGE_EXTENSION)).sort((a, b) => (nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0));
}

/** An age X25519 recipient: "age1" and 58 bech32 characters. */
export const AGE_RECIPIENT = /^age1[02-9ac-hj-np-z]{58}$/;

export const packageManifest = z
  .object({
    schemaVersion: z.literal(PACKAGE_SCHEMA_VERSION),
    packageId: z.string().max(36),
    school: z.object({ name: z.string().max(200), code: z.string().max(64), district: z.string().max(200) }).strict(),
    schoolKeyId: z.string().regex(/^[0-9a-f]{16}$/),
    /** Carried so a district can offer a first-seen school for registration; never trusted for verification. */
    schoolPublicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
    period: z.object({ from: z.string().max(10), to: z.string().max(10) }).strict(),
    contents: z.array(z.enum(PACKAGE_CONTENTS)).min(1),
    /** The district's age recipient the school meant: a package re-encrypted elsewhere says so. */
    recipient: z.string().regex(AGE_RECIPIENT),
    k: z.number().int(),
    createdAt: z.number().int(),
    payloadSha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type PackageManifest = z.output<typeof packageManifest>;

/** JSON with object keys sorted at every level: one byte string per value, so signatures and hashes are reproducible. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Why a package file was refused, one reason per file. */
export const REJECTION_REASONS = [
  'notPackage',
  'wrongIdentity',
  'altered',
  'truncated',
  'malformed',
  'badSignature',
  'unregisteredKey',
  'otherDistrict',
  'payloadHash',
  'duplicate',
  'stale',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/**
 * A key fingerprint that can be read over the phone: 30 digits in six groups of five (digits are
 * what a Chinese speaker reads out without ambiguity). `digest` is the SHA-256 of the public key.
 */
export function phoneFingerprint(digest: Uint8Array): string {
  const groups: string[] = [];
  for (let g = 0; g < 6; g++) {
    let n = 0;
    for (let i = 0; i < 5; i++) n = n * 256 + digest[g * 5 + i]!;
    groups.push(String(n % 100000).padStart(5, '0'));
  }
  return groups.join(' ');
}
