import type { ProgramView } from '../../../../shared/api/groups';

/** Running stands out, what is over fades, a cancelled program warns. */
export const STATUS_COLORS: Record<ProgramView['status'], string> = {
  planned: 'blue',
  running: 'green',
  finished: 'default',
  cancelled: 'red',
};
