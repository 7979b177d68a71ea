/*
 * iCalendar text (RFC 5545) for a counselor's own calendar app. Pure: the caller decides what a
 * title may say. Lines end in CRLF and are folded at 75 octets (UTF-8, never inside a character);
 * times are local to the school's zone, named by TZID with a VTIMEZONE for it.
 */
import { addDays } from '../../../shared/domain/dates';
import { DAY_MINUTES } from '../../../shared/domain/schedule';

export interface IcsEvent {
  uid: string;
  date: string;
  startMin: number;
  endMin: number;
  summary: string;
  location: string | null;
  tentative: boolean;
}

export interface IcsCalendar {
  timeZone: string;
  /** The core's clock, for DTSTAMP and the zone's offset. */
  now: number;
  events: readonly IcsEvent[];
}

const MAX_OCTETS = 75;

export function buildIcs({ timeZone, now, events }: IcsCalendar): string {
  const offset = utcOffset(timeZone, now);
  const stamp = `${new Date(now).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//CounselRoom//Schedule//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    // Chinese zones have kept one offset since 1991, so a single STANDARD rule describes them; a zone
    // with daylight saving would need its DAYLIGHT rules here.
    'BEGIN:VTIMEZONE',
    `TZID:${timeZone}`,
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    `TZOFFSETFROM:${offset}`,
    `TZOFFSETTO:${offset}`,
    'END:STANDARD',
    'END:VTIMEZONE',
    ...events.flatMap((e) => [
      'BEGIN:VEVENT',
      `UID:${escapeText(e.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;TZID=${timeZone}:${localDateTime(e.date, e.startMin)}`,
      `DTEND;TZID=${timeZone}:${localDateTime(e.date, e.endMin)}`,
      `SUMMARY:${escapeText(e.summary)}`,
      ...(e.location === null ? [] : [`LOCATION:${escapeText(e.location)}`]),
      `STATUS:${e.tentative ? 'TENTATIVE' : 'CONFIRMED'}`,
      'END:VEVENT',
    ]),
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** TEXT values: backslash, semicolon and comma escaped, line breaks as \n. */
export function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/** A content line folded so no physical line exceeds 75 octets; each continuation starts with a space. */
export function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = utf8Length(ch.codePointAt(0)!);
    if (octets + n > MAX_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += n;
  }
  parts.push(current);
  return parts.join('\r\n');
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** 'YYYYMMDDTHHMMSS' of a time of day; 24:00 is midnight of the next day. */
function localDateTime(date: string, minutes: number): string {
  const day = addDays(date, Math.floor(minutes / DAY_MINUTES));
  const m = minutes % DAY_MINUTES;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.replace(/-/g, '')}T${pad(Math.floor(m / 60))}${pad(m % 60)}00`;
}

/** The zone's UTC offset at an instant as ±HHMM (Asia/Shanghai: +0800). */
function utcOffset(timeZone: string, at: number): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(new Date(at)).find((p) => p.type === 'timeZoneName')!.value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? `${m[1]}${m[2]}${m[3]}` : '+0000';
}
