import { auditHandlers } from './audit';
import { gettingStartedHandlers } from './getting-started';
import { sessionHandlers } from './session';
import { settingsHandlers } from './settings';
import { userHandlers } from './users';

/** Accounts: setup, login, lock and recovery, users, settings, the getting-started list, and reading the audit log. */
export const accountsArea = { ...sessionHandlers, ...userHandlers, ...settingsHandlers, ...gettingStartedHandlers, ...auditHandlers };
