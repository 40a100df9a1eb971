import type { NotifyRequest } from '../../activities/case-activities.types';
import { meetingCalendarId, meetingCancellations, meetingStillToCome } from './meetings';

const invitation = (key: string, date: string, time: string | null = null, over: Partial<NotifyRequest> = {}): NotifyRequest => ({
  key,
  caseId: key.split(':')[0],
  pupilId: 'pupil-1',
  schoolId: 's-1',
  recipients: { parentsOfPupil: 'pupil-1', userIds: ['mentor-1'] },
  kind: 'MEETING_INVITATION',
  stepLabel: 'Startgesprek JOS',
  dueDate: date,
  meeting: { kind: 'JOS_STARTGESPREK', date, time },
  ...over,
});
// Monday 23 November 2026, 09:00 in Amsterdam (CET, UTC+1).
const NOW = Date.parse('2026-11-23T08:00:00Z');

describe('meetingStillToCome', () => {
  it('compares a timed meeting with its start in Europe/Amsterdam, an untimed one by its date', () => {
    expect(meetingStillToCome({ kind: 'IZO', date: '2026-11-23', time: '09:30' }, NOW)).toBe(true);
    expect(meetingStillToCome({ kind: 'IZO', date: '2026-11-23', time: '08:30' }, NOW)).toBe(false);
    expect(meetingStillToCome({ kind: 'IZO', date: '2026-11-23' }, NOW)).toBe(true);
    expect(meetingStillToCome({ kind: 'IZO', date: '2026-11-20' }, NOW)).toBe(false);
    expect(meetingStillToCome({ kind: 'IZO', date: '2026-11-24', time: '08:00' }, NOW)).toBe(true);
  });
});

describe('meetingCancellations', () => {
  it('cancels the latest invitation of each meeting still to come, to the same recipients, keyed after it', () => {
    const first = invitation('jos-1:invitation:JOS_STARTGESPREK:1:2026-11-25', '2026-11-25', '10:00');
    const replanned = invitation('jos-1:invitation:JOS_STARTGESPREK:2:2026-11-30', '2026-11-30', '14:00');
    const cancellations = meetingCancellations([first, replanned], NOW);
    expect(cancellations).toEqual([{ ...replanned, key: 'jos-1:invitation:JOS_STARTGESPREK:2:2026-11-30:cancelled', kind: 'MEETING_CANCELLED' }]);
    // The cancellation belongs to the same calendar entry as every invitation to the meeting.
    expect(meetingCalendarId(cancellations[0])).toBe(meetingCalendarId(first));
  });

  it('leaves meetings that have begun, other messages, and a re-planned meeting whose latest date has passed', () => {
    const izoHeld = invitation('zr-1:invitation:IZO:1:2026-11-19', '2026-11-19', '15:00', { meeting: { kind: 'IZO', date: '2026-11-19', time: '15:00' } });
    const zatComing = invitation('zr-1:invitation:ZAT:1:2026-12-03', '2026-12-03', null, { meeting: { kind: 'ZAT', date: '2026-12-03' } });
    const reminder: NotifyRequest = { ...invitation('zr-1:REFERRAL:1:due', '2026-12-01'), kind: 'STEP_REMINDER', meeting: undefined };
    const cancelled = meetingCancellations([izoHeld, reminder, zatComing], NOW);
    expect(cancelled.map((c) => c.key)).toEqual(['zr-1:invitation:ZAT:1:2026-12-03:cancelled']);
    // Moved from next week back to a date that has passed: the latest invitation counts, nothing to cancel.
    const next = invitation('jos-2:invitation:JOS_STARTGESPREK:1:2026-11-30', '2026-11-30');
    const earlier = invitation('jos-2:invitation:JOS_STARTGESPREK:2:2026-11-20', '2026-11-20');
    expect(meetingCancellations([next, earlier], NOW)).toEqual([]);
  });

  it('never cancels a meeting that was held, also when its step was recorded before the planned time', () => {
    const coming = invitation('jos-3:invitation:JOS_STARTGESPREK:1:2026-11-30', '2026-11-30', '10:00');
    expect(meetingCancellations([coming], NOW, new Set([meetingCalendarId(coming)]))).toEqual([]);
    expect(meetingCancellations([coming], NOW, new Set(['jos-4:meeting:JOS_STARTGESPREK']))).toHaveLength(1);
  });
});
