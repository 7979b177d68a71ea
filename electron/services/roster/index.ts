import { rollForwardHandlers } from './roll-forward';
import { studentHandlers } from './students';

/** Roster: the students, the yearly 升级 and the roster import. */
export const rosterArea = { ...studentHandlers, ...rollForwardHandlers };
