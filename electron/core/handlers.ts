import type { MethodName } from '../../shared/api/contract';
import { auditHandlers } from '../services/audit';
import { sessionHandlers } from '../services/session';
import { settingsHandlers } from '../services/settings';
import { studentHandlers } from '../services/students';
import { userHandlers } from '../services/users';
import type { HandlerMap } from './handler';

/** One service function per contract method; the type makes a missing one a compile error. */
export const handlers: HandlerMap<MethodName> = {
  ...sessionHandlers,
  ...userHandlers,
  ...settingsHandlers,
  ...auditHandlers,
  ...studentHandlers,
};
