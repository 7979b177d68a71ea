import type { AppointmentStatus } from '../../../../shared/api/appointments';

/** One colour per status, the same on the calendar and on tags, so a glance reads both alike. */
export const STATUS_COLORS: Record<AppointmentStatus, string> = {
  requested: '#c27c0e',
  confirmed: '#2f6f73',
  completed: '#5b7f5a',
  noShow: '#b23a48',
  cancelled: '#8c8c8c',
};
