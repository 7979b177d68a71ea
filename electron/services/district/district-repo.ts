import type { Database } from 'better-sqlite3-multiple-ciphers';
import { stmt } from '../../db/statements';

/** SQL of the district exchange (migration 013): the school's signing key, and district mode's identity, registry and packages. */

export interface StoredSigningKey {
  secretKey: Uint8Array;
  publicKey: Uint8Array;
  keyId: string;
  createdAt: number;
}

export function readSigningKey(db: Database): StoredSigningKey | null {
  const r = stmt(db, 'SELECT secret_key AS secretKey, public_key AS publicKey, key_id AS keyId, created_at AS createdAt FROM district_signing_key WHERE id = 1').get() as
    | { secretKey: Buffer; publicKey: Buffer; keyId: string; createdAt: number }
    | undefined;
  return r ? { ...r, secretKey: new Uint8Array(r.secretKey), publicKey: new Uint8Array(r.publicKey) } : null;
}

export function insertSigningKey(db: Database, k: StoredSigningKey): void {
  stmt(db, 'INSERT INTO district_signing_key (id, secret_key, public_key, key_id, created_at) VALUES (1, ?, ?, ?, ?)').run(
    Buffer.from(k.secretKey),
    Buffer.from(k.publicKey),
    k.keyId,
    k.createdAt,
  );
}

export function readIdentity(db: Database): { identity: string; recipient: string } | null {
  return (stmt(db, 'SELECT identity, recipient FROM district_identity WHERE id = 1').get() as { identity: string; recipient: string } | undefined) ?? null;
}

export function insertIdentity(db: Database, identity: string, recipient: string, now: number): void {
  stmt(db, 'INSERT INTO district_identity (id, identity, recipient, created_at) VALUES (1, ?, ?, ?)').run(identity, recipient, now);
}

export interface SchoolRow {
  id: string;
  name: string;
  code: string;
  keyId: string;
  publicKey: Uint8Array;
  registeredAt: number;
  packages: number;
}

const SELECT_SCHOOL = `SELECT s.id, s.name, s.code, s.key_id AS keyId, s.public_key AS publicKey, s.registered_at AS registeredAt,
  (SELECT count(*) FROM district_packages p WHERE p.school_id = s.id) AS packages FROM district_schools s`;

const schoolRow = (r: SchoolRow & { publicKey: Buffer }): SchoolRow => ({ ...r, publicKey: new Uint8Array(r.publicKey) });

export function listSchools(db: Database): SchoolRow[] {
  return (stmt(db, `${SELECT_SCHOOL} ORDER BY s.code, s.name`).all() as (SchoolRow & { publicKey: Buffer })[]).map(schoolRow);
}

export function schoolByKeyId(db: Database, keyId: string): SchoolRow | null {
  const r = stmt(db, `${SELECT_SCHOOL} WHERE s.key_id = ?`).get(keyId) as (SchoolRow & { publicKey: Buffer }) | undefined;
  return r ? schoolRow(r) : null;
}

export function insertSchool(db: Database, s: Omit<SchoolRow, 'packages'>, by: string): void {
  stmt(db, 'INSERT INTO district_schools (id, name, code, key_id, public_key, registered_at, registered_by) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    s.id, s.name, s.code, s.keyId, Buffer.from(s.publicKey), s.registeredAt, by,
  );
}

export interface PackageRow {
  packageId: string;
  schoolId: string;
  from: string;
  to: string;
  createdAt: number;
  manifestJson: string;
  payloadJson: string;
}

export function packageExists(db: Database, packageId: string): boolean {
  return stmt(db, 'SELECT 1 FROM district_packages WHERE package_id = ?').get(packageId) !== undefined;
}

/** The package that currently counts for a school and period. */
export function currentPackage(db: Database, schoolId: string, from: string, to: string): { packageId: string; createdAt: number } | null {
  return (
    (stmt(db, 'SELECT package_id AS packageId, created_at AS createdAt FROM district_packages WHERE school_id = ? AND period_from = ? AND period_to = ? AND superseded_by IS NULL').get(
      schoolId, from, to,
    ) as { packageId: string; createdAt: number } | undefined) ?? null
  );
}

export function insertPackage(db: Database, p: PackageRow, fileSha256: string, now: number, by: string): void {
  stmt(
    db,
    `INSERT INTO district_packages (package_id, school_id, period_from, period_to, created_at, imported_at, imported_by, file_sha256, manifest_json, payload_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(p.packageId, p.schoolId, p.from, p.to, p.createdAt, now, by, fileSha256, p.manifestJson, p.payloadJson);
}

export function supersede(db: Database, older: string, newer: string): void {
  stmt(db, 'UPDATE district_packages SET superseded_by = ? WHERE package_id = ?').run(newer, older);
}

export function currentPackagesOf(db: Database, from: string, to: string): PackageRow[] {
  return stmt(
    db,
    `SELECT package_id AS packageId, school_id AS schoolId, period_from AS "from", period_to AS "to", created_at AS createdAt,
       manifest_json AS manifestJson, payload_json AS payloadJson
     FROM district_packages WHERE period_from = ? AND period_to = ? AND superseded_by IS NULL`,
  ).all(from, to) as PackageRow[];
}

export function periods(db: Database): { from: string; to: string; schools: number }[] {
  return stmt(
    db,
    `SELECT period_from AS "from", period_to AS "to", count(DISTINCT school_id) AS schools FROM district_packages
     WHERE superseded_by IS NULL GROUP BY period_from, period_to ORDER BY period_to DESC, period_from DESC`,
  ).all() as { from: string; to: string; schools: number }[];
}
