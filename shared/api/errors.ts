export const ERROR_CODES = ['VALIDATION', 'AUTH', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'LOCKED', 'INTERNAL'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * One detail of an error. `path` names the input field at fault and is stable: forms put the
 * message on that field. VALIDATION carries an array of these; CONFLICT and NOT_FOUND carry one
 * object with `path` (the field) and, for a clash, `id` of the clashing record.
 */
export interface ErrorDetail {
  /** Dotted path of the offending field, e.g. "guardians.0.phone", or a row/column for imports. */
  path?: string;
  /** i18n key of the reason. */
  reason?: string;
  /** Values safe to show (limits, ids of clashing records); never record content. */
  [key: string]: unknown;
}

export interface ApiError {
  code: ErrorCode;
  messageKey: string;
  details?: ErrorDetail[] | Record<string, unknown>;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown by services and the dispatcher; crosses the doors only as an ApiError. */
export class CounselError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: string;
  readonly details?: ApiError['details'];

  constructor(code: ErrorCode, messageKey: string, details?: ApiError['details']) {
    super(`${code}: ${messageKey}`);
    this.name = 'CounselError';
    this.code = code;
    this.messageKey = messageKey;
    this.details = details;
  }

  toApiError(): ApiError {
    return this.details === undefined
      ? { code: this.code, messageKey: this.messageKey }
      : { code: this.code, messageKey: this.messageKey, details: this.details };
  }
}

export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiError).code === 'string' &&
    (ERROR_CODES as readonly string[]).includes((value as ApiError).code) &&
    typeof (value as ApiError).messageKey === 'string'
  );
}

/** A call's value, or its error thrown as a CounselError carrying the typed code (what every client does with a result). */
export function resultValue<T>(result: ApiResult<T>): T {
  if (result.ok) return result.value;
  throw new CounselError(result.error.code, result.error.messageKey, result.error.details);
}
