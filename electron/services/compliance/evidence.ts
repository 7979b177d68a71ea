import { EVIDENCE_MAX_BYTES, type EVIDENCE_MIMES, type EvidenceView } from '../../../shared/api/compliance';
import { CounselError } from '../../../shared/api/errors';
import { dbHandler, type HandlerMap } from '../../core/handler';
import { invalid } from '../common/validation';
import { evidenceData, getEvidence, insertEvidence, removeEvidence } from './compliance-repo';
import { packOfRun, requireItem, requireOpenRun } from './runs';
import { fileBase64 } from '../common/file-base64';

type EvidenceMethods = 'compliance.addEvidence' | 'compliance.evidence' | 'compliance.removeEvidence';
type Mime = (typeof EVIDENCE_MIMES)[number];

/** The first bytes each accepted type starts with: a file is what its bytes say, not what its name claims. */
const MAGIC: Record<Mime, { bytes: number[]; ext: string }> = {
  'image/jpeg': { bytes: [0xff, 0xd8, 0xff], ext: '.jpg' },
  'image/png': { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], ext: '.png' },
  'application/pdf': { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], ext: '.pdf' },
};

// A flat character class: a grouped repetition over megabytes of text overflows the regex engine's stack.
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f<>:"|?*]/g;

/**
 * Only the last part of whatever path the name came with, without characters a file system
 * treats specially or leading dots, and with the extension its type has. It is a label: the file
 * lives in the archive, so no name ever becomes a path.
 */
export function sanitiseFileName(name: string, mime: Mime): string {
  const last = name.split(/[/\\]/).pop() ?? '';
  const base = last.replace(UNSAFE, '_').replace(/^[.\s]+/, '').trim().slice(0, 100);
  const { ext } = MAGIC[mime];
  const stem = base === '' ? 'evidence' : base;
  const hasExt = stem.toLowerCase().endsWith(ext) || (mime === 'image/jpeg' && stem.toLowerCase().endsWith('.jpeg'));
  return hasExt ? stem : `${stem}${ext}`;
}

function decode(dataBase64: string, mime: Mime): Buffer {
  if (dataBase64.length % 4 !== 0 || !BASE64.test(dataBase64)) throw invalid('dataBase64', 'errors.compliance.evidenceEncoding');
  const data = Buffer.from(dataBase64, 'base64');
  if (data.length > EVIDENCE_MAX_BYTES) throw invalid('dataBase64', 'errors.compliance.evidenceSize', { maximum: EVIDENCE_MAX_BYTES });
  const { bytes } = MAGIC[mime];
  if (data.length <= bytes.length || bytes.some((b, i) => data[i] !== b)) throw invalid('dataBase64', 'errors.compliance.evidenceType', { mime });
  return data;
}

function requireEvidence(db: Parameters<typeof getEvidence>[0], id: string): EvidenceView {
  const e = getEvidence(db, id);
  if (!e) throw new CounselError('NOT_FOUND', 'errors.notFound', { path: 'id', id });
  return e;
}

export const evidenceHandlers: HandlerMap<EvidenceMethods> = {
  'compliance.addEvidence': dbHandler<'compliance.addEvidence'>({
    run: (ctx, input) => {
      const run = requireOpenRun(ctx.db, input.runId, 'runId');
      const item = requireItem(packOfRun(run), input.itemId);
      const data = decode(input.dataBase64, input.mime);
      const fileName = sanitiseFileName(input.fileName, input.mime);
      const id = insertEvidence(ctx.db, { runId: run.id, itemId: item.id, fileName, mime: input.mime, data, userId: ctx.actor.userId }, ctx.now);
      // The name is left out of the audit row: it is free text someone typed or a camera chose.
      ctx.audit = { targetType: 'complianceRun', targetId: run.id, details: { itemId: item.id, evidenceId: id, mime: input.mime, size: data.length } };
      return requireEvidence(ctx.db, id);
    },
  }),

  'compliance.evidence': dbHandler<'compliance.evidence'>({
    run: ({ db }, input) => {
      const e = requireEvidence(db, input.id);
      return { ...e, dataBase64: fileBase64(evidenceData(db, e.id)) };
    },
  }),

  'compliance.removeEvidence': dbHandler<'compliance.removeEvidence'>({
    run: (ctx, input) => {
      const e = getEvidence(ctx.db, input.id);
      if (!e) throw new CounselError('NOT_FOUND', 'errors.notFound', { path: 'id', id: input.id });
      requireOpenRun(ctx.db, e.runId);
      removeEvidence(ctx.db, e.id, ctx.now);
      ctx.audit = { targetType: 'complianceRun', targetId: e.runId, details: { itemId: e.itemId, evidenceId: e.id } };
      return { ok: true as const };
    },
  }),
};
