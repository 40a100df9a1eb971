import ICAL from 'ical.js';
import type { MeetingInvitationData } from '../messages/message-data.types';
import { buildMeetingInvitationIcs, icalParameterText, meetingSequence, meetingUid, type MeetingInvitationIcsInput } from './meeting-invitation.ics';

const data: MeetingInvitationData = {
  recipientName: 'Karin Smit',
  schoolName: 'Het Testcollege',
  stepLabel: 'IZO-bespreking',
  dueDate: '2026-11-26',
  caseUrl: 'https://zorgroute.test/cases/zorgroute-1',
  meeting: 'IZO',
  audience: 'STAFF',
  pupilFirstName: 'Daan',
  meetingTime: '15:30',
  location: 'lokaal 1.12',
  calendarId: 'zorgroute-1:meeting:IZO:1',
};

const input = (over: Partial<MeetingInvitationIcsInput> = {}, dataOver: Partial<MeetingInvitationData> = {}): MeetingInvitationIcsInput => ({
  data: { ...data, ...dataOver } as MeetingInvitationData,
  caseId: 'zorgroute-1',
  recipient: { email: 'zc@example.test', name: 'Marieke Verhoef' },
  organizer: { email: 'noreply@zorgroute.local', name: 'Zorgroute' },
  requestedAt: new Date('2026-11-20T09:15:00.000Z'),
  ...over,
});

function parse(ics: string): { calendar: ICAL.Component; vevent: ICAL.Component; event: ICAL.Event } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

describe('buildMeetingInvitationIcs', () => {
  it('writes a METHOD:REQUEST invitation at the local time in Europe/Amsterdam, titled without the reason', () => {
    const ics = buildMeetingInvitationIcs(input());
    const { calendar, vevent, event } = parse(ics);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.summary).toBe('IZO-overleg over Daan');
    expect(event.location).toBe('Het Testcollege, lokaal 1.12');
    expect(event.uid).toBe(meetingUid(data, 'zorgroute-1'));
    expect(event.sequence).toBe(meetingSequence(new Date('2026-11-20T09:15:00.000Z')));
    // 15:30 in Amsterdam in November (CET, UTC+1) is 14:30 UTC; an hour long.
    expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Amsterdam');
    expect(event.startDate.toString()).toBe('2026-11-26T15:30:00');
    expect(event.endDate.toString()).toBe('2026-11-26T16:30:00');
    const tz = calendar.getFirstSubcomponent('vtimezone');
    expect(tz?.getFirstPropertyValue('tzid')).toBe('Europe/Amsterdam');
    ICAL.TimezoneService.register(tz as ICAL.Component);
    const utc = parse(ics).event.startDate.toUnixTime();
    expect(new Date(utc * 1000).toISOString()).toBe('2026-11-26T14:30:00.000Z');
    expect(String(vevent.getFirstPropertyValue('organizer'))).toMatch(/noreply@zorgroute\.local/i);
    expect(String(vevent.getFirstPropertyValue('attendee'))).toMatch(/zc@example\.test/i);
    expect(event.description).toContain('https://zorgroute.test/cases/zorgroute-1');
    expect(ics).not.toMatch(/Karin|diagnose/i);
  });

  it('is an all-day event when the meeting has no time yet', () => {
    const { event } = parse(buildMeetingInvitationIcs(input({}, { meetingTime: undefined })));
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe('2026-11-26');
  });

  it('keeps the UID of a re-planned meeting with a higher SEQUENCE, and builds the same file again for a retry', () => {
    const first = buildMeetingInvitationIcs(input());
    expect(buildMeetingInvitationIcs(input())).toBe(first);
    const replanned = parse(buildMeetingInvitationIcs(input({ requestedAt: new Date('2026-11-24T10:00:00.000Z') }, { dueDate: '2026-12-03', meetingTime: '09:00' })));
    expect(replanned.event.uid).toBe(parse(first).event.uid);
    expect(replanned.event.sequence).toBeGreaterThan(parse(first).event.sequence);
    expect(replanned.event.startDate.toString()).toBe('2026-12-03T09:00:00');
    // Another meeting (the next round) is another entry.
    expect(meetingUid({ ...data, calendarId: 'zorgroute-1:meeting:IZO:2' }, 'zorgroute-1')).not.toBe(replanned.event.uid);
  });

  it('cancels the same calendar entry: METHOD:CANCEL, STATUS:CANCELLED, the same UID and a higher SEQUENCE', () => {
    const invitation = parse(buildMeetingInvitationIcs(input()));
    const ics = buildMeetingInvitationIcs(input({ requestedAt: new Date('2026-11-23T08:00:00.000Z'), cancelled: true }));
    const { calendar, vevent, event } = parse(ics);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.uid).toBe(invitation.event.uid);
    expect(event.sequence).toBeGreaterThan(invitation.event.sequence);
    expect(event.startDate.toString()).toBe('2026-11-26T15:30:00');
    expect(event.description).toMatch(/^Gaat niet door: /);
    expect(invitation.calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(invitation.vevent.getFirstPropertyValue('status')).toBeNull();
  });

  it('addresses the pupil without "over" and parents about their child', () => {
    expect(parse(buildMeetingInvitationIcs(input({}, { audience: 'PUPIL', meeting: 'FLEX_ZAT' }))).event.summary).toBe('Flex-ZAT-gesprek op Het Testcollege');
    expect(parse(buildMeetingInvitationIcs(input({}, { audience: 'PARENT', meeting: 'JOS_STARTGESPREK', mode: 'TELEFONISCH' }))).event.location).toBe('telefonisch (u wordt gebeld)');
  });

  it('keeps the attendee address whatever the names hold: quotes, colons, carets, line breaks', () => {
    const names = ['Jan" ;ROLE=CHAIR:mailto:indringer@elders.example', 'Piet "de Vries":MAILTO:x@y.example', 'A^\'B', 'Regel1\nATTENDEE:mailto:extra@elders.example'];
    for (const name of names) {
      const ics = buildMeetingInvitationIcs(input({ recipient: { email: 'ouder@voorbeeldmail.example', name }, organizer: { email: 'noreply@zorgroute.local', name: `Zorg "route"` } }));
      const { vevent } = parse(ics);
      const attendees = vevent.getAllProperties('attendee');
      expect(attendees).toHaveLength(1);
      expect(String(attendees[0].getFirstValue())).toBe('MAILTO:ouder@voorbeeldmail.example');
      expect(attendees[0].getParameter('cn')).toBe(name);
      expect(attendees[0].getParameter('role')).toBe('REQ-PARTICIPANT');
      expect(String(vevent.getFirstPropertyValue('organizer'))).toBe('mailto:noreply@zorgroute.local');
      expect(vevent.getFirstProperty('organizer')?.getParameter('cn')).toBe('Zorg "route"');
    }
  });

  it('encodes parameter text as RFC 6868 says', () => {
    expect(icalParameterText('a"b^c\nd')).toBe("a^'b^^c^nd");
    expect(icalParameterText('Karin Smit')).toBe('Karin Smit');
  });
});
