import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { useState } from 'react';
import { useSettings } from '../stores/settings';

dayjs.extend(utc);
dayjs.extend(timezone);

/** An instant as the school's wall-clock time, whatever zone this PC is set to. */
export function formatInSchoolZone(epochMs: number, timeZone: string, format = 'YYYY-MM-DD HH:mm:ss'): string {
  return dayjs(epochMs).tz(timeZone).format(format);
}

/** The instant a school-local calendar day starts ('YYYY-MM-DD' → epoch ms). */
export function startOfSchoolDay(date: string, timeZone: string): number {
  return dayjs.tz(date, timeZone).valueOf();
}

/** The school's time zone for formatting; Shanghai until settings have loaded. */
export function useSchoolZone(): string {
  return useSettings((s) => s.settings?.school.timeZone ?? 'Asia/Shanghai');
}

/** A formatter of instants in the school's zone, for components. */
export function useFormatInstant(): (epochMs: number, format?: string) => string {
  const zone = useSchoolZone();
  return (epochMs, format) => formatInSchoolZone(epochMs, zone, format);
}

/** Today's date at the school, 'YYYY-MM-DD'. */
export function useSchoolToday(): string {
  // The moment the component first showed: a form's default date must not change under the user.
  const [now] = useState(() => Date.now());
  return formatInSchoolZone(now, useSchoolZone(), 'YYYY-MM-DD');
}
