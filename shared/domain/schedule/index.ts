/** The counseling-room calendar: school days, bell schedule, opening hours, bookings and metrics. */
export { type ClassPeriod, classMinutesOverlap, validatePeriods } from './bell';
export {
  type DayReason,
  type OpeningDay,
  type SchoolCalendar,
  type SchoolDay,
  type SchoolDayInfo,
  type SpecialDay,
  type Term,
  listOpeningDays,
  listSchoolDays,
  schoolDayInfo,
  schoolDayLookup,
  validateCalendar,
} from './calendar';
export { type Booking, type Conflict, type ConflictReason, coveredByOpenings, findConflicts } from './conflicts';
export { occurrencesWithoutDuty, outsideClassShare, schoolDaysWithOpening, weeklyOpenMinutes } from './metrics';
export {
  type ExpandOpeningsInput,
  type Occurrence,
  type OpeningException,
  type OpeningSlot,
  expandOpenings,
  validateExceptions,
  validateSlots,
} from './openings';
export { DAY_MINUTES, type Problem } from './problems';
export { type SlotRule, type SlotRuleResult, parseSlotRule } from './rule';
export { type SeriesInput, expandSeries } from './series';
export { formatTime, isoWeekday, parseTime } from './time';
