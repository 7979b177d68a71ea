import { groupSessionHandlers } from './group-sessions';
import { groupHandlers } from './groups';
import { trainingHandlers } from './training';

/** Groups: group programs and their sessions, and the staff-training register. */
export const groupsArea = { ...groupHandlers, ...groupSessionHandlers, ...trainingHandlers };
