import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { EVIDENCE_MIMES, TASK_STATUSES } from '../../../shared/api/compliance';
import type { Attestation, MetricOutcome } from '../../../shared/domain/compliance/evaluate';
import { uuidv7 } from '../../../shared/ids';
import { stmt } from '../../db/statements';

export interface RunRow {
  id: string;
  /** Order of starting: ids made in the same millisecond do not sort by time. */
  seq: number;
  packId: string;
  packVersion: string;
  packJson: string;
  asOf: string;
  termName: string | null;
  status: 'open' | 'signed';
  startedBy: string;
  startedByName: string;
  startedAt: number;
  signerName: string | null;
  signedOn: string | null;
  signedAt: number | null;
}

const SELECT_RUN = `
  SELECT r.rowid AS seq, r.id, r.pack_id AS packId, r.pack_version AS packVersion, r.pack_json AS packJson, r.as_of AS asOf, r.term_name AS termName,
    r.status, r.started_by AS startedBy, u.display_name AS startedByName, r.started_at AS startedAt,
    r.signer_name AS signerName, r.signed_on AS signedOn, r.signed_at AS signedAt
  FROM compliance_runs r JOIN users u ON u.id = r.started_by`;

export function getRun(db: Database, id: string): RunRow | null {
  return (stmt(db, `${SELECT_RUN} WHERE r.id = ?`).get(id) as RunRow | undefined) ?? null;
}

export function openRunOf(db: Database, packId: string): RunRow | null {
  return (stmt(db, `${SELECT_RUN} WHERE r.pack_id = ? AND r.status = 'open'`).get(packId) as RunRow | undefined) ?? null;
}

/** The run signed last on or before a date (any pack). */
export function latestSignedRun(db: Database, onOrBefore: string): RunRow | null {
  return (stmt(db, `${SELECT_RUN} WHERE r.status = 'signed' AND r.signed_on <= ? ORDER BY r.signed_on DESC, r.signed_at DESC LIMIT 1`).get(onOrBefore) as RunRow | undefined) ?? null;
}

export function listRuns(db: Database, packId: string | null): RunRow[] {
  return stmt(db, `${SELECT_RUN} WHERE (@packId IS NULL OR r.pack_id = @packId) ORDER BY r.rowid DESC`).all({ packId }) as RunRow[];
}

/** The run of the same pack started just before this one. */
export function previousRunId(db: Database, run: Pick<RunRow, 'seq' | 'packId'>): string | null {
  return (stmt(db, 'SELECT id FROM compliance_runs WHERE pack_id = ? AND rowid < ? ORDER BY rowid DESC LIMIT 1').pluck().get(run.packId, run.seq) as string | undefined) ?? null;
}

export function insertRun(db: Database, r: { packId: string; packVersion: string; packJson: string; asOf: string; termName: string | null; userId: string }, now: number): string {
  const id = uuidv7(now);
  stmt(
    db,
    `INSERT INTO compliance_runs (id, pack_id, pack_version, pack_json, as_of, term_name, status, started_by, started_at, updated_at)
     VALUES (@id, @packId, @packVersion, @packJson, @asOf, @termName, 'open', @userId, @now, @now)`,
  ).run({ id, ...r, now });
  return id;
}

export function touchRun(db: Database, id: string, asOf: string, termName: string | null, now: number): void {
  stmt(db, 'UPDATE compliance_runs SET as_of = ?, term_name = ?, updated_at = ? WHERE id = ?').run(asOf, termName, now, id);
}

export function signRun(
  db: Database,
  id: string,
  s: { userId: string; signerName: string; signedOn: string; percent: number | null; earned: number; possible: number; gradeZh: string | null; gradeEn: string | null },
  now: number,
): void {
  stmt(
    db,
    `UPDATE compliance_runs SET status = 'signed', signed_by = @userId, signer_name = @signerName, signed_on = @signedOn, signed_at = @now,
       score_percent = @percent, score_earned = @earned, score_possible = @possible, grade_zh = @gradeZh, grade_en = @gradeEn, updated_at = @now
     WHERE id = @id`,
  ).run({ id, ...s, now });
}

export interface ResultRow {
  itemId: string;
  autoStatus: MetricOutcome['status'] | null;
  figureJson: string | null;
  source: string | null;
  attestation: Attestation | null;
  level: number | null;
  reason: string;
  notes: string;
}

export function resultsOf(db: Database, runId: string): Map<string, ResultRow> {
  const rows = stmt(
    db,
    `SELECT item_id AS itemId, auto_status AS autoStatus, figure_json AS figureJson, source, attestation, level, reason, notes
     FROM compliance_results WHERE run_id = ?`,
  ).all(runId) as ResultRow[];
  return new Map(rows.map((r) => [r.itemId, r]));
}

/** Writes an item's automatic outcome (or none), keeping whatever was attested. */
export function saveAuto(db: Database, runId: string, itemId: string, o: MetricOutcome | null): void {
  stmt(
    db,
    `INSERT INTO compliance_results (run_id, item_id, auto_status, figure_json, source) VALUES (@runId, @itemId, @status, @figure, @source)
     ON CONFLICT (run_id, item_id) DO UPDATE SET auto_status = excluded.auto_status, figure_json = excluded.figure_json, source = excluded.source`,
  ).run({ runId, itemId, status: o?.status ?? null, figure: o ? JSON.stringify(o.figure) : null, source: o?.source ?? null });
}

export function saveAttestation(
  db: Database,
  runId: string,
  itemId: string,
  a: { attestation: Attestation | null; level: number | null; reason: string; notes: string; userId: string },
  now: number,
): void {
  stmt(
    db,
    `UPDATE compliance_results SET attestation = @attestation, level = @level, reason = @reason, notes = @notes, attested_by = @userId, attested_at = @now
     WHERE run_id = @runId AND item_id = @itemId`,
  ).run({ runId, itemId, ...a, now });
}

export interface EvidenceRow {
  id: string;
  runId: string;
  itemId: string;
  fileName: string;
  mime: (typeof EVIDENCE_MIMES)[number];
  size: number;
  addedAt: number;
  addedBy: string;
}

const SELECT_EVIDENCE = `
  SELECT e.id, e.run_id AS runId, e.item_id AS itemId, e.file_name AS fileName, e.mime, e.size, e.added_at AS addedAt, u.display_name AS addedBy
  FROM compliance_evidence e JOIN users u ON u.id = e.added_by
  WHERE e.removed_at IS NULL`;

export function evidenceOfRun(db: Database, runId: string): EvidenceRow[] {
  return stmt(db, `${SELECT_EVIDENCE} AND e.run_id = ? ORDER BY e.added_at, e.id`).all(runId) as EvidenceRow[];
}

export function getEvidence(db: Database, id: string): EvidenceRow | null {
  return (stmt(db, `${SELECT_EVIDENCE} AND e.id = ?`).get(id) as EvidenceRow | undefined) ?? null;
}

export function evidenceData(db: Database, id: string): Buffer {
  return stmt(db, 'SELECT data FROM compliance_evidence WHERE id = ?').pluck().get(id) as Buffer;
}

export function insertEvidence(db: Database, e: { runId: string; itemId: string; fileName: string; mime: string; data: Buffer; userId: string }, now: number): string {
  const id = uuidv7(now);
  stmt(
    db,
    `INSERT INTO compliance_evidence (id, run_id, item_id, file_name, mime, size, data, added_by, added_at)
     VALUES (@id, @runId, @itemId, @fileName, @mime, @size, @data, @userId, @now)`,
  ).run({ id, ...e, size: e.data.length, now });
  return id;
}

export function removeEvidence(db: Database, id: string, now: number): void {
  stmt(db, 'UPDATE compliance_evidence SET removed_at = ? WHERE id = ?').run(now, id);
}

export interface TaskRow {
  id: string;
  packId: string;
  itemId: string;
  fromRunId: string;
  title: string;
  owner: string;
  dueDate: string;
  status: (typeof TASK_STATUSES)[number];
  createdAt: number;
  /** The start order of the run the task came from. */
  fromSeq: number;
}

const SELECT_TASK = `
  SELECT t.id, t.pack_id AS packId, t.item_id AS itemId, t.from_run_id AS fromRunId, t.title, t.owner, t.due_date AS dueDate, t.status,
    t.created_at AS createdAt, r.rowid AS fromSeq
  FROM compliance_tasks t JOIN compliance_runs r ON r.id = t.from_run_id`;

export function listTasks(db: Database, packId: string | null): TaskRow[] {
  return stmt(db, `${SELECT_TASK} WHERE (@packId IS NULL OR t.pack_id = @packId) ORDER BY t.rowid DESC`).all({ packId }) as TaskRow[];
}

export function getTask(db: Database, id: string): TaskRow | null {
  return (stmt(db, `${SELECT_TASK} WHERE t.id = ?`).get(id) as TaskRow | undefined) ?? null;
}

export function insertTask(db: Database, t: Omit<TaskRow, 'id' | 'createdAt' | 'fromSeq'> & { userId: string }, now: number): string {
  const id = uuidv7(now);
  stmt(
    db,
    `INSERT INTO compliance_tasks (id, pack_id, item_id, from_run_id, title, owner, due_date, status, created_by, created_at, updated_at)
     VALUES (@id, @packId, @itemId, @fromRunId, @title, @owner, @dueDate, @status, @userId, @now, @now)`,
  ).run({ id, ...t, now });
  return id;
}

export function updateTask(db: Database, id: string, t: Pick<TaskRow, 'title' | 'owner' | 'dueDate' | 'status'>, now: number): void {
  stmt(db, 'UPDATE compliance_tasks SET title = @title, owner = @owner, due_date = @dueDate, status = @status, updated_at = @now WHERE id = @id').run({ id, ...t, now });
}

export function importedPacks(db: Database): string[] {
  return stmt(db, 'SELECT pack_json FROM compliance_packs ORDER BY id, version').pluck().all() as string[];
}

export function insertPack(db: Database, p: { id: string; version: string; json: string; userId: string }, now: number): boolean {
  return stmt(db, 'INSERT OR IGNORE INTO compliance_packs (id, version, pack_json, imported_by, imported_at) VALUES (?, ?, ?, ?, ?)').run(p.id, p.version, p.json, p.userId, now).changes === 1;
}
