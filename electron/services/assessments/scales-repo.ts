import type { Database } from 'better-sqlite3-multiple-ciphers';
import { stmt } from '../../db/statements';

export interface StoredDefinition {
  id: string;
  version: string;
  json: string;
  hash: string;
  importedAt: number;
}

const SELECT = 'SELECT id, version, json, hash, imported_at AS importedAt FROM scale_definitions';

export function importedDefinitions(db: Database): StoredDefinition[] {
  return stmt(db, `${SELECT} ORDER BY id, imported_at`).all() as StoredDefinition[];
}

export function importedVersions(db: Database, id: string): StoredDefinition[] {
  return stmt(db, `${SELECT} WHERE id = ? ORDER BY imported_at`).all(id) as StoredDefinition[];
}

export function insertDefinition(db: Database, d: StoredDefinition): void {
  stmt(db, 'INSERT INTO scale_definitions (id, version, json, hash, built_in, imported_at) VALUES (@id, @version, @json, @hash, 0, @importedAt)').run(d);
}
