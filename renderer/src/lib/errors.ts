import type { FormInstance } from 'antd';
import { CounselError, isApiError, type ApiError, type ErrorDetail } from '../../../shared/api/errors';
import i18n from '../i18n';
import { FIRST_ERROR } from './revealError';

/** Any thrown value as an ApiError: client calls reject with CounselError, anything else is internal. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof CounselError) return err.toApiError();
  if (isApiError(err)) return err;
  return { code: 'INTERNAL', messageKey: 'errors.internal' };
}

function detailRecord(details: ApiError['details']): Record<string, unknown> {
  return details !== undefined && !Array.isArray(details) ? details : {};
}

/** A VALIDATION's first detail carries the values its top-level key names ({{maximum}}, {{part}}). */
function messageParams(details: ApiError['details']): Record<string, unknown> {
  return Array.isArray(details) ? { ...details[0] } : detailRecord(details);
}

/**
 * The message for a failed call: its own key when the catalog has it, otherwise a
 * generic text for the error code, so a key added in the core before the catalog
 * still reads sensibly.
 */
export function errorMessage(err: unknown): string {
  const error = toApiError(err);
  const record = detailRecord(error.details);
  const params = messageParams(error.details);
  if (typeof record.retryAfterMs === 'number') params.seconds = Math.ceil(record.retryAfterMs / 1000);
  const text = i18n.exists(error.messageKey) ? i18n.t(error.messageKey, params) : i18n.t(`errors.code.${error.code}`);
  // Internal errors carry only a reference that support can find in the core's log.
  return typeof record.ref === 'string' ? text + i18n.t('errors.reference', { ref: record.ref }) : text;
}

/** The fields of a zod issue (or of a VALIDATION detail built from one) that name its message. */
interface IssueLike {
  path?: unknown;
  code?: unknown;
  message?: unknown;
  reason?: unknown;
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  input?: unknown;
}

const SIZE_KEYS = {
  too_small: { string: 'tooShort', number: 'tooSmall', array: 'tooFew' },
  too_big: { string: 'tooLong', number: 'tooBig', array: 'tooMany' },
} as const;

/**
 * A precise field message from a zod issue (client side, where origin and input are known),
 * or from the core's VALIDATION detail (reason = a catalog key such as errors.zod.too_small).
 */
export function issueMessage(issue: IssueLike): string {
  // A core detail may carry more values for its message than zod's bounds ({{part}} of a rule).
  const params = { ...(issue as Record<string, unknown>), min: issue.minimum, max: issue.maximum };
  for (const key of [issue.reason, issue.message]) {
    if (typeof key === 'string' && key.includes('.') && i18n.exists(key)) return i18n.t(key, params);
  }
  const code = issue.code;
  if ((code === 'too_small' && issue.minimum === 1 && issue.origin === 'string') || (code === 'invalid_type' && issue.input == null)) {
    return i18n.t('errors.field.required');
  }
  if ((code === 'too_small' || code === 'too_big') && typeof issue.origin === 'string') {
    const byOrigin: Record<string, string> = SIZE_KEYS[code];
    const key = byOrigin[issue.origin];
    if (key) return i18n.t(`errors.field.${key}`, params);
  }
  if (code === 'invalid_value') return i18n.t('errors.field.choose');
  return i18n.t('errors.field.invalid');
}

export type FieldPath = (string | number)[];

/** 'guardians.0.phone' → ['guardians', 0, 'phone'], the path antd's Form.List uses. */
export function toFieldPath(path: unknown): FieldPath {
  const parts = Array.isArray(path) ? path : typeof path === 'string' && path !== '' ? path.split('.') : [];
  return parts.map((p) => (typeof p === 'number' || /^\d+$/.test(String(p)) ? Number(p) : String(p)));
}

export function validationDetails(err: unknown): ErrorDetail[] {
  const error = toApiError(err);
  return error.code === 'VALIDATION' && Array.isArray(error.details) ? error.details : [];
}

export interface FormErrorOptions {
  /** Leading path segments the form does not have, e.g. ['school'] for the setup call. */
  prefix?: FieldPath;
  /** Errors that belong to a field but do not name it, e.g. a wrong current passphrase. */
  fieldFor?: Readonly<Record<string, string>>;
}

/**
 * Shows a failed call on a form: VALIDATION details land on the fields they name,
 * as does any other error whose details name a `path` (a duplicate 学号 or username)
 * or that `fieldFor` assigns to a field. Whatever no field can show is returned as
 * one message for the caller to display, or null. The first field with an error is scrolled into
 * view and focused.
 */
export function showErrorOnForm(form: FormInstance, err: unknown, { prefix = [], fieldFor = {} }: FormErrorOptions = {}): string | null {
  const registered = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)));
  const byField = new Map<string, { name: FieldPath; errors: string[] }>();
  const add = (name: FieldPath, text: string) => {
    const key = JSON.stringify(name);
    if (!registered.has(key)) return;
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(text);
    byField.set(key, entry);
  };
  const addAt = (path: FieldPath, text: string) => {
    if (prefix.every((p, i) => path[i] === p)) add(path.slice(prefix.length), text);
  };
  for (const detail of validationDetails(err)) addAt(toFieldPath(detail.path), issueMessage(detail));
  const error = toApiError(err);
  const named = detailRecord(error.details).path;
  if (typeof named === 'string') addAt(toFieldPath(named), errorMessage(err));
  else if (fieldFor[error.messageKey] !== undefined) add(toFieldPath(fieldFor[error.messageKey]), errorMessage(err));
  form.setFields([...byField.values()]);
  // The first field in the form's own order, which is the order on screen.
  const first = form.getFieldsError().find((f) => byField.has(JSON.stringify(f.name)));
  if (first) form.scrollToField(first.name, FIRST_ERROR);
  return byField.size > 0 ? null : errorMessage(err);
}
