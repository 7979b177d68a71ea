import type { MethodName } from '../../shared/api/contract';
import { alertHandlers } from '../services/alerts';
import { answerImportHandlers } from '../services/answer-import';
import { appointmentHandlers } from '../services/appointments';
import { archiveHandlers } from '../services/archive';
import { assessmentHandlers } from '../services/assessments';
import { auditHandlers } from '../services/audit';
import { campaignHandlers } from '../services/campaigns';
import { caseHandlers } from '../services/cases';
import { contactHandlers } from '../services/contacts';
import { groupSessionHandlers } from '../services/group-sessions';
import { groupHandlers } from '../services/groups';
import { openingHandlers } from '../services/openings';
import { recordHandlers } from '../services/records';
import { roomHandlers } from '../services/rooms';
import { scaleHandlers } from '../services/scales';
import { scheduleHandlers } from '../services/schedule';
import { calendarHandlers } from '../services/school-calendar';
import { searchHandlers } from '../services/search';
import { sessionHandlers } from '../services/session';
import { settingsHandlers } from '../services/settings';
import { studentHandlers } from '../services/students';
import { trainingHandlers } from '../services/training';
import { trashHandlers } from '../services/trash';
import { userHandlers } from '../services/users';
import { waitlistHandlers } from '../services/waitlist';
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
  ...roomHandlers,
  ...calendarHandlers,
  ...openingHandlers,
  ...appointmentHandlers,
  ...waitlistHandlers,
  ...scheduleHandlers,
  ...groupHandlers,
  ...groupSessionHandlers,
  ...trainingHandlers,
  ...scaleHandlers,
  ...assessmentHandlers,
  ...answerImportHandlers,
  ...alertHandlers,
  ...campaignHandlers,
};
