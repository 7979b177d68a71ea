import { crisisHandlers } from './crisis';
import { registerHandlers } from './registers';

/** Crisis intervention: crisis cases and their six steps, the board, the registers they draw on, the written procedure. */
export const crisisArea = {
  ...crisisHandlers,
  ...registerHandlers,
};
