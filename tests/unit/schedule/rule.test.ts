import { describe, expect, it } from 'vitest';
import { parseSlotRule } from '../../../shared/domain/schedule';

const unsupported = (params: Record<string, unknown>) => ({ path: [], messageKey: 'errors.schedule.rruleUnsupported', params });
const invalid = (part: string) => ({ ok: false, problems: [{ path: [], messageKey: 'errors.schedule.rruleInvalid', params: { part } }] });

describe('slot rules', () => {
  it('reads weekly and daily rules, in any case, with weekdays sorted and deduplicated', () => {
    expect(parseSlotRule('FREQ=WEEKLY;BYDAY=MO,WE')).toEqual({ ok: true, rule: { freq: 'WEEKLY', interval: 1, byDay: [1, 3] } });
    expect(parseSlotRule('freq=weekly;interval=2;byday=fr,mo,fr')).toEqual({ ok: true, rule: { freq: 'WEEKLY', interval: 2, byDay: [1, 5] } });
    expect(parseSlotRule('FREQ=DAILY;INTERVAL=8')).toEqual({ ok: true, rule: { freq: 'DAILY', interval: 8, byDay: [] } });
  });

  it('refuses valid RFC 5545 that slots do not support, naming each part', () => {
    expect(parseSlotRule('FREQ=WEEKLY;BYDAY=MO;COUNT=5')).toEqual({ ok: false, problems: [unsupported({ part: 'COUNT' })] });
    expect(parseSlotRule('FREQ=WEEKLY;UNTIL=20270101')).toEqual({ ok: false, problems: [unsupported({ part: 'UNTIL' })] });
    expect(parseSlotRule('FREQ=MONTHLY;BYMONTHDAY=1')).toEqual({
      ok: false,
      problems: [unsupported({ part: 'FREQ', value: 'MONTHLY' }), unsupported({ part: 'BYMONTHDAY' })],
    });
    expect(parseSlotRule('FREQ=WEEKLY;INTERVAL=9;BYDAY=MO')).toEqual({ ok: false, problems: [unsupported({ part: 'INTERVAL', value: '9' })] });
    expect(parseSlotRule('FREQ=WEEKLY;BYDAY=1MO,2SA')).toEqual({
      ok: false,
      problems: [unsupported({ part: 'BYDAY', value: '1MO' }), unsupported({ part: 'BYDAY', value: '2SA' })],
    });
    // A boarding school opens on Saturday and Sunday too.
    expect(parseSlotRule('FREQ=WEEKLY;BYDAY=SU,SA')).toEqual({ ok: true, rule: { freq: 'WEEKLY', interval: 1, byDay: [6, 7] } });
    expect(parseSlotRule('FREQ=DAILY;BYDAY=MO')).toEqual({ ok: false, problems: [unsupported({ part: 'BYDAY' })] });
  });

  it('refuses text that is no RRULE body, naming the part at fault', () => {
    expect(parseSlotRule('')).toEqual(invalid(''));
    expect(parseSlotRule('BYDAY=MO')).toEqual(invalid('FREQ'));
    expect(parseSlotRule('FREQ=FORTNIGHTLY')).toEqual(invalid('FREQ'));
    expect(parseSlotRule('FREQ=WEEKLY;BYDAY=XX')).toEqual(invalid('BYDAY'));
    expect(parseSlotRule('FREQ=WEEKLY;INTERVAL=0')).toEqual(invalid('INTERVAL'));
    expect(parseSlotRule('FREQ=WEEKLY;INTERVAL=two')).toEqual(invalid('INTERVAL'));
    expect(parseSlotRule('FREQ=WEEKLY;FREQ=DAILY')).toEqual(invalid('FREQ=DAILY'));
    expect(parseSlotRule('DTSTART=20260901;FREQ=WEEKLY')).toEqual(invalid('DTSTART=20260901'));
    expect(parseSlotRule('FREQ=WEEKLY;')).toEqual(invalid(''));
  });
});
