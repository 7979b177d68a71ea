import { stmt } from '../../db/statements';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Role } from '../../../shared/api/define';
import type { UserView } from '../../../shared/api/session';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  disabled: number;
  must_change_passphrase: number;
}

function toView(r: UserRow): UserView {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    disabled: r.disabled === 1,
    mustChangePassphrase: r.must_change_passphrase === 1,
  };
}

const COLUMNS = 'id, username, display_name, role, disabled, must_change_passphrase';

export function findUserById(db: Database, id: string): UserView | null {
  const r = stmt(db, `SELECT ${COLUMNS} FROM users WHERE id = ?`).get(id) as UserRow | undefined;
  return r ? toView(r) : null;
}

export function findUserByName(db: Database, username: string): UserView | null {
  const r = stmt(db, `SELECT ${COLUMNS} FROM users WHERE username = ?`).get(username.trim()) as UserRow | undefined;
  return r ? toView(r) : null;
}

/** Accounts whose display name (姓名) is this, as a colleague knows them; recovery may name an account so. */
export function findUsersByDisplayName(db: Database, displayName: string): UserView[] {
  return (stmt(db, `SELECT ${COLUMNS} FROM users WHERE display_name = ? ORDER BY username`).all(displayName.trim()) as UserRow[]).map(toView);
}

export function listUsers(db: Database): UserView[] {
  return (stmt(db, `SELECT ${COLUMNS} FROM users ORDER BY role, username`).all() as UserRow[]).map(toView);
}

export function insertUser(
  db: Database,
  u: { id: string; username: string; displayName: string; role: Role; mustChangePassphrase: boolean },
  now: number,
): void {
  stmt(
    db,
    `INSERT INTO users (id, username, display_name, role, disabled, must_change_passphrase, created_at, updated_at)
     VALUES (?, ?, ?, ?, 0, ?, ?, ?)`,
  ).run(u.id, u.username, u.displayName, u.role, u.mustChangePassphrase ? 1 : 0, now, now);
}

export function updateUser(
  db: Database,
  id: string,
  patch: { displayName?: string; role?: Role; disabled?: boolean; mustChangePassphrase?: boolean },
  now: number,
): void {
  stmt(
    db,
    `UPDATE users SET
       display_name = coalesce(@displayName, display_name),
       role = coalesce(@role, role),
       disabled = coalesce(@disabled, disabled),
       must_change_passphrase = coalesce(@mcp, must_change_passphrase),
       updated_at = @now
     WHERE id = @id`,
  ).run({
    id,
    now,
    displayName: patch.displayName ?? null,
    role: patch.role ?? null,
    disabled: patch.disabled === undefined ? null : patch.disabled ? 1 : 0,
    mcp: patch.mustChangePassphrase === undefined ? null : patch.mustChangePassphrase ? 1 : 0,
  });
}

export function countActiveCounselors(db: Database): number {
  return (stmt(db, `SELECT count(*) AS n FROM users WHERE role = 'counselor' AND disabled = 0`).get() as { n: number }).n;
}
