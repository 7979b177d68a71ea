import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AnswerImportIssue, AnswerImportPreview } from '../../../../shared/api/assessments';
import type { ParsedInputOf } from '../../../../shared/api/contract';
import { CounselError } from '../../../../shared/api/errors';
import type { FormResult, ScaleDefinition } from '../../../../shared/domain/scales';
import { dbHandler, systemHandler, type HandlerMap, type ServiceContext } from '../../../core/handler';
import { getAlert, raiseAlerts } from '../alerts-repo';
import { eligibleEnough, eligibilityOn } from '../assessments';
import { completeForm, insertForm, saveAnswer } from '../assessments-repo';
import { requireCampaignVersion } from '../campaign-gate';
import { afterAlertsRaised, afterFormCompleted } from '../campaign-hooks';
import { participantMap } from '../campaigns-repo';
import { assertNotFuture, schoolDate } from '../../common/clinical';
import { mappingMemory } from '../../common/import-mappings';
import { issueValue } from '../../roster/roster-import/rows';
import { base64Bytes, isBlankRow, type ParsedSheet, parseSpreadsheet, unreadable } from '../../roster/roster-import/spreadsheet';
import { type Resolved, requireDefinition } from '../scales';
import { missingConsent } from '../testing-consent';
import { mapColumns, mappingFitsScale } from './columns';
import { answerSheetTemplate, answerTemplateName } from './template';
import { type RosterEntry, rosterByStudentNo, studentsWithFormOn } from './lookup-repo';
import { type AnswerImportReason, readRows, type SheetRow } from './rows';

export { ANSWER_IMPORT_REASONS } from './rows';

type Methods = 'assessments.importTemplate' | 'assessments.importPreview' | 'assessments.importCommit';
type AnswerSheet = ParsedInputOf<'assessments.importPreview'>;

/** A row that passed every check, ready to become a completed form. */
interface ReadyRow {
  studentId: string;
  answers: Record<string, string>;
  result: FormResult;
}

interface ImportPlan {
  format: ParsedSheet['format'];
  scale: Resolved;
  mapping: AnswerImportPreview['mapping'];
  remembered: boolean;
  totalRows: number;
  ready: ReadyRow[];
  /** Header issues first, then each row's issues left to right, rows in sheet order. */
  issues: AnswerImportIssue[];
  criticalRows: AnswerImportPreview['criticalRows'];
}

/** Hand-made mappings by scale and header row: the item ids they name belong to that scale. */
const answerMappings = mappingMemory<string>('answerImportMappings');

const readSheet = (input: AnswerSheet) => parseSpreadsheet(base64Bytes(input.contentBase64), input.fileName);

function planImport(db: Database, input: AnswerSheet, sheet: ParsedSheet, now: number): ImportPlan {
  const campaignId = input.campaignId ?? null;
  const version = campaignId === null ? input.version : requireCampaignVersion(db, campaignId, { scaleId: input.scaleId, studentId: null, version: input.version });
  const scale = requireDefinition(db, input.scaleId, version, 'scaleId');
  assertNotFuture(input.date, schoolDate(db, now), 'date');
  const header = sheet.rows[0];
  if (header === undefined) throw unreadable('import.error.empty');
  // A remembered mapping naming an item this version of the scale no longer has is left unused.
  const recalled = input.mapping === undefined ? answerMappings.recall(db, header, input.scaleId) : undefined;
  const remembered = recalled !== undefined && mappingFitsScale(scale.definition, recalled) ? recalled : undefined;
  const columns = mapColumns(header, scale.definition, input.mapping ?? remembered);
  const base = { format: sheet.format, scale, mapping: columns.mapping, remembered: remembered !== undefined };
  if (columns.issues.length > 0) {
    // Rows read through a wrong header would only repeat its problem on every line.
    const totalRows = sheet.rows.slice(1).filter((r) => !isBlankRow(r)).length;
    return { ...base, totalRows, ready: [], issues: columns.issues, criticalRows: [] };
  }
  const { rows, totalRows } = readRows(sheet.rows, columns, scale.definition);
  if (totalRows === 0) throw unreadable('import.error.empty');
  const roster = rosterByStudentNo(db);
  const ready = checkAgainstArchive(db, input, scale.definition, rows, columns.studentNo!, roster);
  const who = (r: SheetRow) => rowStudent(r, roster);
  return {
    ...base,
    totalRows,
    ready,
    issues: rows.flatMap((r) => r.issues.sort((a, b) => a.index - b.index).map((x) => ({ ...x.issue, ...who(r) }))),
    criticalRows: rows.filter((r) => r.critical).map((r) => ({ row: r.row, studentNo: r.studentNo, name: who(r).name ?? '' })),
  };
}

/**
 * Who a row is about, for its issues: the 学号 as written and the roster's 姓名 for it (the sheet's own
 * 姓名 cell when the roster does not know the 学号), so the counselor finds the paper form by name.
 */
function rowStudent(r: SheetRow, roster: ReadonlyMap<string, RosterEntry>): { studentNo?: string; name?: string } {
  const name = issueValue(roster.get(r.studentNo)?.name ?? r.sheetName);
  return { ...(r.studentNo === '' ? {} : { studentNo: issueValue(r.studentNo) }), ...(name === '' ? {} : { name }) };
}

/**
 * The checks that need the archive, each read once for the whole sheet where it can be: the
 * roster by 学号, the day's forms of this scale, the campaign's participants. Adds the issues to
 * their rows and returns the rows left without any.
 */
function checkAgainstArchive(
  db: Database,
  input: AnswerSheet,
  definition: ScaleDefinition,
  rows: SheetRow[],
  studentNo: { index: number; column: string },
  roster: ReadonlyMap<string, RosterEntry>,
): ReadyRow[] {
  const campaignId = input.campaignId ?? null;
  const formToday = studentsWithFormOn(db, input.scaleId, input.date);
  const participants = campaignId === null ? null : participantMap(db, campaignId);
  const ready: ReadyRow[] = [];
  for (const r of rows) {
    if (r.studentNo === '') continue;
    const report = (reason: AnswerImportReason, params?: Record<string, string | number>) =>
      r.issues.push({ index: studentNo.index, issue: { row: r.row, column: studentNo.column, value: issueValue(r.studentNo), reason, ...(params ? { params } : {}) } });
    const student = roster.get(r.studentNo);
    if (student === undefined) {
      report('answerImport.reason.notInRoster');
      continue;
    }
    if (student.status !== 'active') report('answerImport.reason.notActive', { status: student.status });
    if (participants !== null && !participants.has(student.id)) report('answerImport.reason.notParticipant');
    const consent = missingConsent(db, student.id, campaignId);
    if (consent !== null) report('answerImport.reason.noConsent', { student: consent.student ?? 'none', guardian: consent.guardian ?? 'none' });
    if (formToday.has(student.id)) report('answerImport.reason.alreadyToday', { date: input.date });
    const eligibility = eligibilityOn(definition, student, input.date);
    if (!eligibleEnough(eligibility, input.acknowledgeIneligible)) report('answerImport.reason.ineligible', { outside: eligibility.outside.join(',') });
    if (r.issues.length === 0 && r.result !== null) ready.push({ studentId: student.id, answers: r.answers, result: r.result });
  }
  return ready;
}

function refuse(issues: readonly AnswerImportIssue[]): CounselError {
  return new CounselError(
    'VALIDATION',
    'errors.assessment.importInvalid',
    issues.map(({ params, ...i }) => ({ path: `rows.${i.row}.${i.column}`, ...i, ...params })),
  );
}

const flagged = (result: FormResult) => Object.values(result.scales).some((s) => s.band?.flag === true);

/** Each row becomes a completed form (mode import) with its answers, result and alerts, as a finished paper form would. */
function commit(ctx: ServiceContext, input: AnswerSheet, plan: ImportPlan): string[] {
  const { db, actor, now } = ctx;
  const { definition, hash } = plan.scale;
  const campaignId = input.campaignId ?? null;
  return plan.ready.flatMap(({ studentId, answers, result }) => {
    const form = { studentId, scaleId: definition.id, campaignId };
    const id = insertForm(db, { ...form, version: definition.version, definitionHash: hash, mode: 'import', date: input.date, normProfileId: null, administeredBy: actor.userId }, now);
    for (const [itemId, code] of Object.entries(answers)) saveAnswer(db, id, itemId, code, now);
    const raised = raiseAlerts(db, { id, ...form }, result.alerts, now);
    completeForm(db, id, result, now);
    afterAlertsRaised(db, { id, ...form }, raised, now);
    afterFormCompleted(db, { id, ...form }, result, now);
    return raised;
  });
}

export const answerImportHandlers: HandlerMap<Methods> = {
  // A system handler: the definition is read first, then the workbook written, which is async.
  'assessments.importTemplate': systemHandler<'assessments.importTemplate'>(async ({ core }, input) => {
    const scale = requireDefinition(core.requireDb(), input.scaleId, input.version, 'scaleId');
    return { filename: answerTemplateName(scale.definition.id, scale.definition.version), base64: await answerSheetTemplate(scale.definition) };
  }),
  'assessments.importPreview': dbHandler<'assessments.importPreview', ParsedSheet>({
    prepare: readSheet,
    run: ({ db, now }, input, sheet) => {
      const plan = planImport(db, input, sheet, now);
      return {
        format: plan.format,
        scaleId: plan.scale.definition.id,
        version: plan.scale.definition.version,
        mapping: plan.mapping,
        remembered: plan.remembered,
        totalRows: plan.totalRows,
        validRows: plan.ready.length,
        issues: plan.issues,
        criticalRows: plan.criticalRows,
      };
    },
  }),

  // All or nothing: the preview is recomputed inside the write transaction, and any issue refuses the file.
  'assessments.importCommit': dbHandler<'assessments.importCommit', ParsedSheet>({
    prepare: readSheet,
    run: (ctx, input, sheet) => {
      const plan = planImport(ctx.db, input, sheet, ctx.now);
      if (plan.issues.length > 0) throw refuse(plan.issues);
      if (input.mapping !== undefined) answerMappings.remember(ctx.db, sheet.rows[0]!, input.mapping, input.scaleId);
      const raised = commit(ctx, input, plan);
      const { id: scaleId, version } = plan.scale.definition;
      const counts = { rows: plan.ready.length, flagged: plan.ready.filter((r) => flagged(r.result)).length, alerts: raised.length };
      ctx.audit = {
        targetType: input.campaignId === undefined ? 'scale' : 'campaign',
        targetId: input.campaignId ?? scaleId,
        details: { scaleId, version, date: input.date, format: plan.format, ...counts },
      };
      return { imported: counts.rows, flagged: counts.flagged, alerts: raised.map((id) => getAlert(ctx.db, id)!) };
    },
  }),
};
