import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ComplianceReport, EvidenceView, RunItemView, RunSummary, RunView, TaskView } from '../../../shared/api/compliance';
import { CounselError } from '../../../shared/api/errors';
import { evaluateMetric, type ItemStatus, itemStatus, maxPoints, scoreRun } from '../../../shared/domain/compliance/evaluate';
import { type Pack, validatePack } from '../../../shared/domain/compliance/pack';
import { dbHandler, type HandlerMap } from '../../core/handler';
import { readSchool } from '../accounts/settings-store';
import { schoolDate } from '../common/clinical';
import { invalid } from '../common/validation';
import {
  evidenceOfRun,
  getRun,
  insertPack,
  insertRun,
  latestSignedRun,
  listRuns,
  listTasks,
  openRunOf,
  previousRunId,
  type ResultRow,
  resultsOf,
  type RunRow,
  saveAttestation,
  saveAuto,
  signRun,
  type TaskRow,
  touchRun,
} from './compliance-repo';
import { liveFacts } from './facts';
import { currentPacks, packSummaryOf, requirePack } from './packs';

type RunMethods = 'compliance.packs' | 'compliance.importPack' | 'compliance.start' | 'compliance.refresh' | 'compliance.runs' | 'compliance.get' | 'compliance.attest' | 'compliance.sign' | 'compliance.compare';

export function requireRun(db: Database, id: string, path = 'id'): RunRow {
  const run = getRun(db, id);
  if (!run) throw new CounselError('NOT_FOUND', 'errors.notFound', { path, id });
  return run;
}

/** A run still being prepared; a signed one is CONFLICT. */
export function requireOpenRun(db: Database, id: string, path = 'id'): RunRow {
  const run = requireRun(db, id, path);
  if (run.status !== 'open') throw new CounselError('CONFLICT', 'errors.compliance.runSigned', { path, id });
  return run;
}

/** The pack as it was when the run started: later versions never change an old run. */
export const packOfRun = (run: RunRow): Pack => JSON.parse(run.packJson) as Pack;

export function requireItem(pack: Pack, itemId: string) {
  const item = pack.items.find((i) => i.id === itemId);
  if (!item) throw invalid('itemId', 'errors.compliance.unknownItem', { itemId });
  return item;
}

const statusOf = (r: ResultRow | undefined): ItemStatus => itemStatus(r?.autoStatus ?? null, r?.attestation ?? null);

/** A task taken up in an earlier run is fixed in this one when its item now passes or no longer applies. */
export function taskViewIn(t: TaskRow, run: RunRow | null, results: ReadonlyMap<string, ResultRow>): TaskView {
  const later = run !== null && run.seq > t.fromSeq;
  const now = statusOf(results.get(t.itemId));
  return { ...t, fixed: later ? now === 'pass' || now === 'notApplicable' : null };
}

function scoreOf(pack: Pack, results: ReadonlyMap<string, ResultRow>) {
  return scoreRun(pack, new Map(pack.items.map((i) => [i.id, { status: statusOf(results.get(i.id)), level: results.get(i.id)?.level ?? null }])));
}

function summaryOf(run: RunRow, pack: Pack, results: ReadonlyMap<string, ResultRow>): RunSummary {
  return {
    id: run.id,
    packId: run.packId,
    packVersion: run.packVersion,
    packTitle: pack.title,
    asOf: run.asOf,
    termName: run.termName,
    status: run.status,
    startedBy: run.startedByName,
    startedAt: run.startedAt,
    score: scoreOf(pack, results),
    signed: run.signedAt === null ? null : { name: run.signerName ?? '', on: run.signedOn ?? '', at: run.signedAt },
  };
}

/**
 * The checklist signed last on or before a date, for the statistics and the district package;
 * null when none is signed. Fix items still open are those of the pack not yet done today.
 */
export function latestSignedReport(db: Database, onOrBefore: string): ComplianceReport | null {
  const run = latestSignedRun(db, onOrBefore);
  if (!run) return null;
  const pack = packOfRun(run);
  const results = resultsOf(db, run.id);
  return {
    packId: run.packId,
    packTitle: pack.title,
    packVersion: run.packVersion,
    asOf: run.asOf,
    signedOn: run.signedOn ?? run.asOf,
    signerName: run.signerName ?? '',
    score: scoreOf(pack, results),
    items: pack.items.map((i) => ({ id: i.id, status: statusOf(results.get(i.id)) })),
    openTasks: listTasks(db, run.packId)
      .filter((t) => t.status !== 'done')
      .map((t) => ({ itemId: t.itemId, dueDate: t.dueDate, status: t.status })),
  };
}

function itemView(pack: Pack, itemId: string, r: ResultRow | undefined, evidence: readonly EvidenceView[], tasks: readonly TaskView[]): RunItemView {
  const item = requireItem(pack, itemId);
  const source = pack.sources.find((s) => s.id === item.source.doc);
  return {
    id: item.id,
    category: item.category,
    text: item.text,
    source: { doc: item.source.doc, docNo: source?.docNo ?? '', title: source?.title ?? '', clause: item.source.clause },
    force: item.force,
    threshold: item.threshold ?? null,
    metric: item.metric ?? null,
    evidenceTypes: item.evidence,
    provisional: item.provisional || pack.status === 'provisional',
    note: item.note ?? null,
    points: maxPoints(pack, item),
    levels: item.levels ?? [],
    auto: r?.autoStatus ? { status: r.autoStatus, figure: JSON.parse(r.figureJson!) as NonNullable<RunItemView['auto']>['figure'], source: r.source! } : null,
    attestation: r?.attestation ?? null,
    level: r?.level ?? null,
    reason: r?.reason ?? '',
    notes: r?.notes ?? '',
    status: statusOf(r),
    evidence: evidence.filter((e) => e.itemId === itemId),
    tasks: tasks.filter((t) => t.itemId === itemId),
  };
}

/** Tasks of the run's pack that were taken up in this run or before it. */
function tasksFor(db: Database, run: RunRow, results: ReadonlyMap<string, ResultRow>): TaskView[] {
  return listTasks(db, run.packId)
    .filter((t) => t.fromSeq <= run.seq)
    .map((t) => taskViewIn(t, run, results));
}

export function runItem(db: Database, run: RunRow, itemId: string): RunItemView {
  const results = resultsOf(db, run.id);
  return itemView(packOfRun(run), itemId, results.get(itemId), evidenceOfRun(db, run.id), tasksFor(db, run, results));
}

export function runViewOf(db: Database, run: RunRow): RunView {
  const pack = packOfRun(run);
  const results = resultsOf(db, run.id);
  const evidence = evidenceOfRun(db, run.id);
  const tasks = tasksFor(db, run, results);
  return {
    ...summaryOf(run, pack, results),
    pack: packSummaryOf(pack),
    sources: pack.sources,
    school: readSchool(db).name,
    items: pack.items.map((i) => itemView(pack, i.id, results.get(i.id), evidence, tasks)),
    previousRunId: previousRunId(db, run),
  };
}

/** Reads every automatic item afresh as of today; attestations stay. */
function evaluateRun(db: Database, runId: string, pack: Pack, asOf: string, now: number): string | null {
  const facts = liveFacts(db, asOf, now);
  for (const item of pack.items) saveAuto(db, runId, item.id, evaluateMetric(item, facts));
  return facts.termName();
}

const RANK: Record<ItemStatus, number> = { pass: 3, notApplicable: 3, partial: 2, fail: 1, pending: 1 };

export const runHandlers: HandlerMap<RunMethods> = {
  'compliance.packs': dbHandler<'compliance.packs'>({ run: ({ db }) => ({ items: currentPacks(db).map(packSummaryOf) }) }),

  'compliance.importPack': dbHandler<'compliance.importPack'>({
    run: (ctx, input) => {
      let raw: unknown;
      try {
        raw = JSON.parse(input.json);
      } catch {
        throw invalid('json', 'compliance.pack.notJson');
      }
      const r = validatePack(raw);
      if (!r.ok) {
        throw new CounselError(
          'VALIDATION',
          r.problems[0]!.reason,
          r.problems.map((p) => ({ path: `json.${p.path}`, reason: p.reason, item: p.item })),
        );
      }
      const json = JSON.stringify(r.pack);
      const builtIn = packSummaryOf(r.pack).builtIn;
      if (builtIn || !insertPack(ctx.db, { id: r.pack.id, version: r.pack.version, json, userId: ctx.actor.userId }, ctx.now)) {
        throw new CounselError('CONFLICT', 'errors.compliance.packExists', { path: 'json', id: r.pack.id, version: r.pack.version });
      }
      ctx.audit = { targetType: 'compliancePack', targetId: null, details: { packId: r.pack.id, version: r.pack.version, items: r.pack.items.length } };
      return packSummaryOf(r.pack);
    },
  }),

  'compliance.start': dbHandler<'compliance.start'>({
    run: (ctx, input) => {
      const { db, now } = ctx;
      const open = openRunOf(db, input.packId);
      if (open) {
        ctx.audit = { targetType: 'complianceRun', targetId: open.id, details: { resumed: true }, nothingChanged: true };
        return runViewOf(db, open);
      }
      const pack = requirePack(db, input.packId);
      const asOf = schoolDate(db, now);
      const id = insertRun(db, { packId: pack.id, packVersion: pack.version, packJson: JSON.stringify(pack), asOf, termName: null, userId: ctx.actor.userId }, now);
      touchRun(db, id, asOf, evaluateRun(db, id, pack, asOf, now), now);
      ctx.audit = { targetType: 'complianceRun', targetId: id, details: { packId: pack.id, version: pack.version } };
      return runViewOf(db, getRun(db, id)!);
    },
  }),

  'compliance.refresh': dbHandler<'compliance.refresh'>({
    run: (ctx, input) => {
      const run = requireOpenRun(ctx.db, input.id);
      const asOf = schoolDate(ctx.db, ctx.now);
      touchRun(ctx.db, run.id, asOf, evaluateRun(ctx.db, run.id, packOfRun(run), asOf, ctx.now), ctx.now);
      ctx.audit = { targetType: 'complianceRun', targetId: run.id, details: { asOf } };
      return runViewOf(ctx.db, getRun(ctx.db, run.id)!);
    },
  }),

  'compliance.runs': dbHandler<'compliance.runs'>({
    run: ({ db }, input) => ({ items: listRuns(db, input.packId ?? null).map((r) => summaryOf(r, packOfRun(r), resultsOf(db, r.id))) }),
  }),

  'compliance.get': dbHandler<'compliance.get'>({ run: ({ db }, input) => runViewOf(db, requireRun(db, input.id)) }),

  'compliance.attest': dbHandler<'compliance.attest'>({
    run: (ctx, input) => {
      const run = requireOpenRun(ctx.db, input.runId, 'runId');
      const pack = packOfRun(run);
      const item = requireItem(pack, input.itemId);
      const result = resultsOf(ctx.db, run.id).get(item.id);
      if (result?.autoStatus && result.autoStatus !== 'manual') throw invalid('itemId', 'errors.compliance.automatic', { itemId: item.id });
      const { attestation, reason, notes } = input;
      if (attestation === 'notApplicable' && reason === '') throw invalid('reason', 'errors.compliance.reasonRequired');
      const levels = pack.scoring.style === 'levels' ? (pack.scoring.levels ?? []) : [];
      const wantsLevel = levels.length > 0 && attestation !== null && attestation !== 'notApplicable';
      if (wantsLevel ? input.level === null || !levels.includes(input.level) : input.level !== null) throw invalid('level', 'errors.compliance.level', { levels });
      saveAttestation(ctx.db, run.id, item.id, { attestation, level: wantsLevel ? input.level : null, reason, notes, userId: ctx.actor.userId }, ctx.now);
      ctx.audit = { targetType: 'complianceRun', targetId: run.id, details: { itemId: item.id, attestation } };
      return runItem(ctx.db, run, item.id);
    },
  }),

  'compliance.sign': dbHandler<'compliance.sign'>({
    run: (ctx, input) => {
      const run = requireOpenRun(ctx.db, input.id);
      const score = scoreOf(packOfRun(run), resultsOf(ctx.db, run.id));
      signRun(
        ctx.db,
        run.id,
        {
          userId: ctx.actor.userId,
          signerName: input.signerName,
          signedOn: input.signedOn,
          percent: score.percent,
          earned: score.earned,
          possible: score.possible,
          gradeZh: score.grade?.zh ?? null,
          gradeEn: score.grade?.en ?? null,
        },
        ctx.now,
      );
      ctx.audit = { targetType: 'complianceRun', targetId: run.id, details: { packId: run.packId, percent: score.percent, pending: score.counts.pending } };
      return runViewOf(ctx.db, getRun(ctx.db, run.id)!);
    },
  }),

  'compliance.compare': dbHandler<'compliance.compare'>({
    run: ({ db }, input) => {
      const [a, b] = [requireRun(db, input.a, 'a'), requireRun(db, input.b, 'b')];
      const [packA, packB] = [packOfRun(a), packOfRun(b)];
      const [resA, resB] = [resultsOf(db, a.id), resultsOf(db, b.id)];
      const inA = new Set(packA.items.map((i) => i.id));
      const items = [...packA.items, ...packB.items.filter((i) => !inA.has(i.id))].map((item) => {
        const sa = inA.has(item.id) ? statusOf(resA.get(item.id)) : null;
        const sb = packB.items.some((i) => i.id === item.id) ? statusOf(resB.get(item.id)) : null;
        const change = sa === null ? 'added' : sb === null ? 'removed' : RANK[sb] > RANK[sa] ? 'better' : RANK[sb] < RANK[sa] ? 'worse' : 'same';
        return { id: item.id, text: item.text, a: sa, b: sb, change } as const;
      });
      return { a: summaryOf(a, packA, resA), b: summaryOf(b, packB, resB), items };
    },
  }),
};
