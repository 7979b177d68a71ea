import { auditHandlers } from './audit';
import { sessionHandlers } from './session';
import { settingsHandlers } from './settings';
import { userHandlers } from './users';

/** Accounts: setup, login, lock and recovery, users, settings, and reading the audit log. */
export const accountsArea = { ...sessionHandlers, ...userHandlers, ...settingsHandlers, ...auditHandlers };
