import { TemplateRenderer } from '@zorgroute/notifications';
import { buildDeliveryRequest, meetingCalendarId } from './case-activities';
import type { NotifyRequest } from './case-activities.types';

const renderer = new TemplateRenderer();
const ctx = { schoolName: 'Testschool', pupilFirstName: 'Daan', ownerName: '', caseUrl: 'https://zorgroute.test/cases/zorgroute-1' };
const invitation: NotifyRequest = {
  key: 'zorgroute-1:invitation:FLEX_ZAT:1:2026-11-26',
  caseId: 'zorgroute-1',
  pupilId: 'pupil-1',
  schoolId: 's-1',
  recipients: { userIds: ['zc-1'], parentsOfPupil: 'pupil-1', pupilAccountOf: 'pupil-1' },
  kind: 'MEETING_INVITATION',
  stepLabel: 'Flex-ZAT-bespreking',
  dueDate: '2026-11-26',
  meeting: { kind: 'FLEX_ZAT', date: '2026-11-26', time: '15:30', mode: 'TELEFONISCH', location: null },
};

describe('buildDeliveryRequest for meeting messages', () => {
  it('writes each invitation for its recipient: a parent formally, the pupil and staff with "je"', () => {
    const parent = buildDeliveryRequest(invitation, { id: 'parent-1', email: 'ouder@example.test', name: 'Karin Smit', role: 'PARENT' }, ctx);
    expect(parent).toMatchObject({ key: `${invitation.key}:parent-1`, kind: 'MEETING_INVITATION', data: { audience: 'PARENT', meeting: 'FLEX_ZAT', meetingTime: '15:30', mode: 'TELEFONISCH', dueDate: '2026-11-26', pupilFirstName: 'Daan' } });
    if (parent.kind !== 'MEETING_INVITATION') throw new Error('kind');
    expect(renderer.render(parent.kind, { ...parent.data, recipientName: 'Karin Smit' }).text).toContain('Waar: telefonisch (u wordt gebeld)');
    const pupil = buildDeliveryRequest(invitation, { id: 'pupil-user-1', email: 'daan@example.test', name: 'Daan Smit', role: 'PUPIL' }, ctx);
    expect(pupil).toMatchObject({ data: { audience: 'PUPIL' } });
    const staff = buildDeliveryRequest(invitation, { id: 'zc-1', email: 'zc@example.test', name: 'Marieke Verhoef', role: 'ZORGCOORDINATOR' }, ctx);
    expect(staff).toMatchObject({ data: { audience: 'STAFF' } });
    expect((staff.data as { location?: string }).location).toBeUndefined();
  });

  it('maps the agenda for staff and refuses a meeting message without its meeting', () => {
    const agenda = buildDeliveryRequest({ ...invitation, kind: 'MEETING_AGENDA', stepLabel: 'ZAT-bespreking', meeting: { kind: 'ZAT', date: '2026-11-26' } }, { id: 'zc-1', email: 'zc@example.test', name: 'Marieke Verhoef' }, ctx);
    expect(agenda).toMatchObject({ kind: 'MEETING_AGENDA', data: { meeting: 'ZAT', dueDate: '2026-11-26' } });
    if (agenda.kind !== 'MEETING_AGENDA') throw new Error('kind');
    expect(renderer.render(agenda.kind, { ...agenda.data, recipientName: 'Marieke Verhoef' }).subject).toBe('Agenda ZAT-bespreking van donderdag 26 november 2026');
    expect(() => buildDeliveryRequest({ ...invitation, meeting: undefined }, { id: 'zc-1', email: 'zc@example.test', name: 'Marieke Verhoef' }, ctx)).toThrow(/needs its meeting/);
  });

  it('writes a cancellation like its invitation, for the same calendar entry', () => {
    const cancelled = { ...invitation, key: `${invitation.key}:cancelled`, kind: 'MEETING_CANCELLED' as const };
    const parent = buildDeliveryRequest(cancelled, { id: 'parent-1', email: 'ouder@example.test', name: 'Karin Smit', role: 'PARENT' }, ctx);
    expect(parent).toMatchObject({ key: `${invitation.key}:cancelled:parent-1`, kind: 'MEETING_CANCELLED', data: { audience: 'PARENT', meeting: 'FLEX_ZAT', calendarId: 'zorgroute-1:meeting:FLEX_ZAT:1' } });
    if (parent.kind !== 'MEETING_CANCELLED') throw new Error('kind');
    expect(renderer.render(parent.kind, { ...parent.data, recipientName: 'Karin Smit' }).subject).toBe('Gaat niet door: Flex-ZAT-bespreking op donderdag 26 november 2026 om 15:30');
  });

  it('gives every invitation to one meeting the same calendar id, also after it is re-planned', () => {
    const staff = buildDeliveryRequest(invitation, { id: 'zc-1', email: 'zc@example.test', name: 'Marieke Verhoef', role: 'ZORGCOORDINATOR' }, ctx);
    expect(staff.data).toMatchObject({ calendarId: 'zorgroute-1:meeting:FLEX_ZAT:1' });
    const replanned = { ...invitation, key: 'zorgroute-1:invitation:FLEX_ZAT:1:2026-12-03', meeting: { kind: 'FLEX_ZAT' as const, date: '2026-12-03' } };
    expect(meetingCalendarId(replanned)).toBe('zorgroute-1:meeting:FLEX_ZAT:1');
    // The next IZO round is another meeting.
    expect(meetingCalendarId({ ...invitation, key: 'zorgroute-1:invitation:IZO:2:2026-12-03' })).toBe('zorgroute-1:meeting:IZO:2');
    // The JOS startgesprek is one per case; its key counts the plans.
    expect(meetingCalendarId({ ...invitation, key: 'jos-1:invitation:JOS_STARTGESPREK:1:2026-11-26' })).toBe(meetingCalendarId({ ...invitation, key: 'jos-1:invitation:JOS_STARTGESPREK:2:2026-12-01' }));
  });
});
