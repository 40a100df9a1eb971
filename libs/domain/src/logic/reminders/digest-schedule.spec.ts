import { buildSchoolCalendar } from '../calendar';
import { nextDigestMoment } from './digest-schedule';

const midden = buildSchoolCalendar('midden', [{ from: '2026-11-25', to: '2026-11-25', name: 'Studiedag' }]);
const at830 = { hour: 8, minute: 30, schoolDaysOnly: true };
const ms = (iso: string) => Date.parse(iso);

describe('nextDigestMoment', () => {
  it('is today at the digest time when that is still ahead (08:30 Amsterdam = 07:30Z in winter)', () => {
    expect(nextDigestMoment(ms('2026-11-23T06:00:00Z'), at830, midden)).toEqual({ date: '2026-11-23', at: '2026-11-23T07:30:00.000Z' });
  });

  it('is the next school day once today’s moment has passed (strictly after now)', () => {
    expect(nextDigestMoment(ms('2026-11-23T07:30:00Z'), at830, midden)).toEqual({ date: '2026-11-24', at: '2026-11-24T07:30:00.000Z' });
  });

  it('skips the school’s own day off and the weekend', () => {
    expect(nextDigestMoment(ms('2026-11-24T12:00:00Z'), at830, midden).date).toBe('2026-11-26');
    expect(nextDigestMoment(ms('2026-11-27T12:00:00Z'), at830, midden).date).toBe('2026-11-30');
  });

  it('skips a holiday: from the last day before the kerstvakantie to the first school day of January', () => {
    // Kerstvakantie 2026-2027: 19 December 2026 – 3 January 2027 (all regions).
    expect(nextDigestMoment(ms('2026-12-18T12:00:00Z'), at830, midden)).toEqual({ date: '2027-01-04', at: '2027-01-04T07:30:00.000Z' });
  });

  it('runs every day when not limited to school days, and follows daylight saving time', () => {
    const daily = { hour: 16, minute: 0, schoolDaysOnly: false };
    expect(nextDigestMoment(ms('2026-11-28T16:00:00Z'), daily, midden)).toEqual({ date: '2026-11-29', at: '2026-11-29T15:00:00.000Z' });
    expect(nextDigestMoment(ms('2026-06-06T10:00:00Z'), daily, midden)).toEqual({ date: '2026-06-06', at: '2026-06-06T14:00:00.000Z' });
  });
});
