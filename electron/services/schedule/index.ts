import { appointmentHandlers } from './appointments';
import { openingHandlers } from './openings';
import { roomHandlers } from './rooms';
import { scheduleHandlers } from './schedule';
import { calendarHandlers } from './school-calendar';
import { waitlistHandlers } from './waitlist';

/** Schedule: rooms, the school calendar, opening slots, appointments, the waitlist, metrics and the ICS export. */
export const scheduleArea = {
  ...roomHandlers,
  ...calendarHandlers,
  ...openingHandlers,
  ...appointmentHandlers,
  ...waitlistHandlers,
  ...scheduleHandlers,
};
