import type { MethodName } from '../../shared/api/contract';
import { archiveHandlers } from '../services/archive';
import { auditHandlers } from '../services/audit';
import { caseHandlers } from '../services/cases';
import { contactHandlers } from '../services/contacts';
import { recordHandlers } from '../services/records';
import { searchHandlers } from '../services/search';
import { sessionHandlers } from '../services/session';
import { settingsHandlers } from '../services/settings';
import { studentHandlers } from '../services/students';
import { trashHandlers } from '../services/trash';
import { userHandlers } from '../services/users';
import type { HandlerMap } from './handler';

/** One service function per contract method; the type makes a missing one a compile error. */
export const handlers: HandlerMap<MethodName> = {
  ...sessionHandlers,
  ...userHandlers,
  ...settingsHandlers,
  ...auditHandlers,
  ...studentHandlers,
  ...caseHandlers,
  ...recordHandlers,
  ...contactHandlers,
  ...archiveHandlers,
  ...searchHandlers,
  ...trashHandlers,
};
