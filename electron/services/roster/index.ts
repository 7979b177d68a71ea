import { studentHandlers } from './students';

/** Roster: the students and the roster import. */
export const rosterArea = { ...studentHandlers };
