import type { ErrorCode } from '../../shared/api/errors';

/** 0 ok, 2 validation, 3 auth/forbidden, 4 not found/conflict, 1 anything else. */
export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION':
      return 2;
    case 'AUTH':
    case 'FORBIDDEN':
    case 'LOCKED':
      return 3;
    case 'NOT_FOUND':
    case 'CONFLICT':
      return 4;
    default:
      return 1;
  }
}
