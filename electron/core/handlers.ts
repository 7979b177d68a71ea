import type { MethodName } from '../../shared/api/contract';
import { accountsArea } from '../services/accounts';
import { assessmentsArea } from '../services/assessments';
import { backupArea } from '../services/backup';
import { complianceArea } from '../services/compliance';
import { counselingArea } from '../services/counseling';
import { crisisArea } from '../services/crisis';
import { districtArea } from '../services/district';
import { groupsArea } from '../services/groups';
import { rosterArea } from '../services/roster';
import { scheduleArea } from '../services/schedule';
import { statisticsArea } from '../services/statistics';
import type { HandlerMap } from './handler';

/** One service function per contract method, gathered by area; the type makes a missing one a compile error. */
export const handlers: HandlerMap<MethodName> = {
  ...accountsArea,
  ...rosterArea,
  ...counselingArea,
  ...scheduleArea,
  ...groupsArea,
  ...assessmentsArea,
  ...statisticsArea,
  ...backupArea,
  ...crisisArea,
  ...districtArea,
  ...complianceArea,
};
