import { addCalendarDays } from '../calendar';
import { endOfZonedDay, instantToMs, SCHOOL_TIME_ZONE, toIsoDate, zonedInstant } from './zoned-time';

describe('zonedInstant', () => {
  it('uses Europe/Amsterdam by default: UTC+1 in winter, UTC+2 in summer', () => {
    expect(SCHOOL_TIME_ZONE).toBe('Europe/Amsterdam');
    expect(zonedInstant('2026-11-23', 8, 0)).toBe('2026-11-23T07:00:00.000Z');
    expect(zonedInstant('2026-07-01', 8, 0)).toBe('2026-07-01T06:00:00.000Z');
    expect(zonedInstant('2026-07-01', 8, 45)).toBe('2026-07-01T06:45:00.000Z');
  });

  it('switches offset on the last Sunday of March and of October', () => {
    expect(zonedInstant('2026-03-28', 8, 0)).toBe('2026-03-28T07:00:00.000Z');
    expect(zonedInstant('2026-03-29', 8, 0)).toBe('2026-03-29T06:00:00.000Z');
    expect(zonedInstant('2026-10-24', 8, 0)).toBe('2026-10-24T06:00:00.000Z');
    expect(zonedInstant('2026-10-25', 8, 0)).toBe('2026-10-25T07:00:00.000Z');
    expect(zonedInstant('2027-03-28', 8, 0)).toBe('2027-03-28T06:00:00.000Z');
    expect(zonedInstant('2027-10-31', 8, 0)).toBe('2027-10-31T07:00:00.000Z');
  });

  it('moves a time in the spring-forward gap forward by an hour', () => {
    expect(zonedInstant('2026-03-29', 1, 59)).toBe('2026-03-29T00:59:00.000Z'); // 01:59 CET
    expect(zonedInstant('2026-03-29', 2, 0)).toBe('2026-03-29T01:00:00.000Z'); // → 03:00 CEST
    expect(zonedInstant('2026-03-29', 2, 30)).toBe('2026-03-29T01:30:00.000Z'); // → 03:30 CEST
    expect(zonedInstant('2026-03-29', 3, 0)).toBe('2026-03-29T01:00:00.000Z'); // 03:00 CEST
  });

  it('takes the earlier occurrence of a repeated autumn time', () => {
    expect(zonedInstant('2026-10-25', 1, 59)).toBe('2026-10-24T23:59:00.000Z'); // 01:59 CEST
    expect(zonedInstant('2026-10-25', 2, 30)).toBe('2026-10-25T00:30:00.000Z'); // first 02:30, CEST
    expect(zonedInstant('2026-10-25', 3, 0)).toBe('2026-10-25T02:00:00.000Z'); // 03:00 CET
  });

  it('can give an instant on the previous UTC day', () => {
    expect(zonedInstant('2026-11-23', 0, 30)).toBe('2026-11-22T23:30:00.000Z');
    expect(zonedInstant('2027-01-01', 0, 0)).toBe('2026-12-31T23:00:00.000Z');
    expect(zonedInstant('2028-03-01', 0, 0)).toBe('2028-02-29T23:00:00.000Z');
  });

  it('supports other zones, including negative and half-hour offsets and their own DST dates', () => {
    expect(zonedInstant('2026-11-23', 8, 0, 'UTC')).toBe('2026-11-23T08:00:00.000Z');
    expect(zonedInstant('2026-01-15', 8, 0, 'America/New_York')).toBe('2026-01-15T13:00:00.000Z');
    expect(zonedInstant('2026-03-08', 2, 30, 'America/New_York')).toBe('2026-03-08T07:30:00.000Z'); // gap → 03:30 EDT
    expect(zonedInstant('2026-11-01', 1, 30, 'America/New_York')).toBe('2026-11-01T05:30:00.000Z'); // first 01:30, EDT
    expect(zonedInstant('2026-01-01', 0, 0, 'Asia/Kolkata')).toBe('2025-12-31T18:30:00.000Z');
    expect(zonedInstant('2026-01-01', 12, 0, 'America/St_Johns')).toBe('2026-01-01T15:30:00.000Z');
  });

  it.each([
    ['2026-11-23', 24, 0, /hour: expected 0-23/],
    ['2026-11-23', -1, 0, /hour: expected 0-23/],
    ['2026-11-23', 8, 60, /minute: expected 0-59/],
    ['2026-11-23', 8.5, 0, /hour: expected an integer/],
    ['2026-11-31', 8, 0, /expected an ISO calendar date/],
  ] as const)('rejects %s %d:%d', (date, hour, minute, message) => {
    expect(() => zonedInstant(date, hour, minute)).toThrow(message);
  });

  it('rejects an unknown time zone', () => {
    expect(() => zonedInstant('2026-11-23', 8, 0, 'Europe/Atlantis')).toThrow(/Unknown time zone "Europe\/Atlantis"/);
  });
});

describe('toIsoDate', () => {
  it.each([
    ['2026-11-23T07:00:00.000Z', '2026-11-23'],
    ['2026-11-23T22:59:59.999Z', '2026-11-23'],
    ['2026-11-23T23:00:00.000Z', '2026-11-24'], // midnight in Amsterdam (UTC+1)
    ['2026-07-01T21:59:59Z', '2026-07-01'],
    ['2026-07-01T22:00:00Z', '2026-07-02'], // midnight in Amsterdam (UTC+2)
    ['2026-03-28T23:30:00Z', '2026-03-29'], // the night DST starts
    ['2026-10-24T22:30:00Z', '2026-10-25'], // the night DST ends
    ['2026-12-31T23:00:00Z', '2027-01-01'], // new year in Amsterdam, not yet in UTC
    ['2028-02-28T23:00:00Z', '2028-02-29'],
    ['2026-11-23T19:30:00-05:00', '2026-11-24'], // a negative offset: 00:30Z, 01:30 in Amsterdam
    ['2026-11-24T01:30:00+02:00', '2026-11-24'],
    ['2026-11-24T00:30:00+0100', '2026-11-24'],
    ['2026-11-23t23:00z', '2026-11-24'],
  ])('%s → %s', (instant, expected) => {
    expect(toIsoDate(instant)).toBe(expected);
  });

  it('accepts epoch milliseconds', () => {
    expect(toIsoDate(Date.UTC(2026, 10, 23, 23, 0))).toBe('2026-11-24');
    expect(toIsoDate(0)).toBe('1970-01-01');
  });

  it('converts to another zone', () => {
    expect(toIsoDate('2026-11-24T03:00:00Z', 'America/New_York')).toBe('2026-11-23');
    expect(toIsoDate('2026-11-24T03:00:00Z', 'UTC')).toBe('2026-11-24');
    expect(toIsoDate('2026-11-23T20:00:00Z', 'Pacific/Auckland')).toBe('2026-11-24');
  });

  it.each(['2026-11-23T10:00:00', '2026-11-23', 'yesterday', '', '2026-11-23T25:00:00Z'])(
    'rejects %p (no zone, or not a date-time)',
    (instant) => {
      expect(() => toIsoDate(instant)).toThrow(/instant: /);
    },
  );

  it('rejects non-finite milliseconds and an unknown zone', () => {
    expect(() => toIsoDate(Number.NaN)).toThrow(/finite epoch milliseconds/);
    expect(() => toIsoDate(Number.POSITIVE_INFINITY)).toThrow(/finite epoch milliseconds/);
    expect(() => toIsoDate(0, 'Mars/Olympus')).toThrow(/Unknown time zone/);
  });

  it('round-trips zonedInstant for every day of 2026 and 2028 at several times', () => {
    for (const start of ['2026-01-01', '2028-01-01']) {
      for (let i = 0, d = start; i < 366; i++, d = addCalendarDays(d, 1)) {
        for (const [h, m] of [
          [0, 0],
          [2, 30],
          [8, 0],
          [23, 59],
        ] as const) {
          expect(toIsoDate(zonedInstant(d, h, m))).toBe(d);
        }
      }
    }
  });
});

describe('instantToMs', () => {
  it('parses an instant with a zone', () => {
    expect(instantToMs('2026-11-23T07:00:00.000Z')).toBe(Date.UTC(2026, 10, 23, 7));
    expect(instantToMs('2026-11-23T08:00:00+01:00')).toBe(Date.UTC(2026, 10, 23, 7));
  });

  it('rejects a zone-less string', () => {
    expect(() => instantToMs('2026-11-23T07:00:00')).toThrow(/with Z or an offset/);
  });
});

describe('endOfZonedDay', () => {
  it('is the last millisecond of the day on the Amsterdam wall clock, in winter and in summer', () => {
    expect(endOfZonedDay('2027-01-12')).toBe('2027-01-12T22:59:59.999Z');
    expect(endOfZonedDay('2027-06-15')).toBe('2027-06-15T21:59:59.999Z');
    expect(toIsoDate(endOfZonedDay('2027-01-12'))).toBe('2027-01-12');
  });

  it('follows the daylight-saving changes (a 23-hour and a 25-hour day)', () => {
    // 28 March 2027: clocks go from 02:00 to 03:00; 31 October 2027: from 03:00 back to 02:00.
    expect(endOfZonedDay('2027-03-28')).toBe('2027-03-28T21:59:59.999Z');
    expect(endOfZonedDay('2027-03-27')).toBe('2027-03-27T22:59:59.999Z');
    expect(endOfZonedDay('2027-10-31')).toBe('2027-10-31T22:59:59.999Z');
    expect(endOfZonedDay('2027-10-30')).toBe('2027-10-30T21:59:59.999Z');
  });
});

describe('toIsoDate around midnight', () => {
  it('gives the Amsterdam date, not the UTC date, between midnight and 01:00/02:00', () => {
    expect(toIsoDate('2027-01-11T23:30:00Z')).toBe('2027-01-12');
    expect(toIsoDate('2027-06-14T22:30:00Z')).toBe('2027-06-15');
    expect(toIsoDate('2027-01-11T22:59:59.999Z')).toBe('2027-01-11');
  });
});
