import { createHash } from 'node:crypto';
import icalGenerator, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { MeetingInvitationData } from '../messages/message-data.types';
import type { MeetingKind } from '../messages/message-kind';
import { buildMeetingView } from '../templates/meeting.view';

/** The time zone of every school: meeting times are local times there. */
export const MEETING_TIME_ZONE = 'Europe/Amsterdam';

/** A timed meeting lasts an hour in the calendar (the invitation does not say how long it takes). */
export const MEETING_DURATION_MINUTES = 60;

/** SEQUENCE counts seconds from this instant, so a later invitation to the same meeting has a higher one. */
const SEQUENCE_EPOCH_MS = Date.UTC(2024, 0, 1);

/** Europe/Amsterdam (CET/CEST, EU rules since 1996), for the TZID the times refer to (RFC 5545 3.6.5). */
const VTIMEZONE_AMSTERDAM = [
  'BEGIN:VTIMEZONE',
  `TZID:${MEETING_TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/** The calendar title per meeting: what and about whom, never why. */
const TITLES: Record<MeetingKind, string> = {
  IZO: 'IZO-overleg',
  ZAT: 'ZAT-overleg',
  FLEX_ZAT: 'Flex-ZAT-gesprek',
  JOS_STARTGESPREK: 'Startgesprek JOS',
};

export interface MeetingInvitationIcsInput {
  /** The invitation's data as it is rendered (validated by the renderer first). */
  data: MeetingInvitationData;
  /** The delivery's case, for the fallback UID when the data carries no `calendarId`. */
  caseId: string | null;
  recipient: { email: string; name: string };
  /** Who sends the invitation (the e-mail's From): the ORGANIZER a METHOD:REQUEST needs. */
  organizer: { email: string; name: string };
  /**
   * When the invitation was first requested (the delivery row's `created_at`): DTSTAMP, and the SEQUENCE (seconds
   * since 2024), so a retry builds the same file and a re-planned meeting — a later invitation — a higher SEQUENCE.
   */
  requestedAt: Date;
  /**
   * A cancellation (MEETING_CANCELLED): METHOD:CANCEL and STATUS:CANCELLED for the same UID; its later `requestedAt`
   * gives it a higher SEQUENCE than the invitation, so calendars remove the entry.
   */
  cancelled?: boolean;
}

/** The UID of a meeting's calendar entry: one per case and meeting, the same for every invitation to it. */
export function meetingUid(data: Pick<MeetingInvitationData, 'calendarId' | 'meeting' | 'dueDate'>, caseId: string | null): string {
  const id = data.calendarId?.trim() || `${caseId ?? 'zonder-casus'}:${data.meeting}:${data.dueDate}`;
  return `${createHash('sha256').update(id, 'utf8').digest('hex').slice(0, 32)}@zorgroute`;
}

/** The SEQUENCE of an invitation first requested at `requestedAt`. */
export function meetingSequence(requestedAt: Date): number {
  return Math.max(0, Math.floor((requestedAt.getTime() - SEQUENCE_EPOCH_MS) / 1000));
}

/**
 * The iCalendar invitation (METHOD:REQUEST) of a MEETING_INVITATION: one event at the meeting's local time in
 * Europe/Amsterdam (an hour), or an all-day event when the meeting has no time yet. Only what the e-mail itself shows:
 * the kind of meeting, the pupil's first name, date, time, place and the link — never the reason for the meeting.
 * Built from the delivery's data at send time (nothing binary is stored), deterministic for the same input.
 */
export function buildMeetingInvitationIcs(input: MeetingInvitationIcsInput): string {
  const { data } = input;
  const view = buildMeetingView('MEETING_INVITATION', data as unknown as Record<string, unknown>, data.schoolName);
  const title = TITLES[data.meeting];
  const summary = data.audience === 'PUPIL' ? `${title} op ${data.schoolName}` : `${title} over ${data.pupilFirstName}`;
  const calendar = icalGenerator({
    method: input.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    prodId: { company: 'Zorgroute', product: 'uitnodigingen', language: 'NL' },
  });
  const timing = data.meetingTime
    ? { start: `${data.dueDate}T${data.meetingTime}:00`, end: localPlusMinutes(data.dueDate, data.meetingTime, MEETING_DURATION_MINUTES), timezone: MEETING_TIME_ZONE }
    : // A calendar date: from its UTC fields, so no time zone can move it to another day.
      { start: new Date(`${data.dueDate}T00:00:00Z`), allDay: true };
  const event = calendar.createEvent({
    id: meetingUid(data, input.caseId),
    sequence: meetingSequence(input.requestedAt),
    stamp: input.requestedAt,
    ...timing,
    summary,
    location: view.placeText ?? data.schoolName,
    description: input.cancelled
      ? `Gaat niet door: ${view.meetingPhrase ?? data.stepLabel}.\nMeer informatie: ${data.caseUrl}`
      : `Uitnodiging voor ${view.meetingPhrase ?? data.stepLabel}.\n${view.bringText ?? ''}\nMeer informatie: ${data.caseUrl}`.trim(),
    ...(input.cancelled ? { status: ICalEventStatus.CANCELLED } : {}),
    url: data.caseUrl,
    organizer: { name: icalParameterText(input.organizer.name || input.organizer.email), email: input.organizer.email },
  });
  event.createAttendee({ email: input.recipient.email, name: icalParameterText(input.recipient.name), rsvp: false });
  const text = calendar.toString();
  // ical-generator writes no VTIMEZONE for an event's TZID; add the one the times refer to.
  return data.meetingTime ? text.replace(/\r\nBEGIN:VEVENT/, `\r\n${VTIMEZONE_AMSTERDAM}\r\nBEGIN:VEVENT`) : text;
}

/** `date`T`time` plus `minutes`, as a local date-time string (no time zone): the end of a timed meeting. */
function localPlusMinutes(date: string, time: string, minutes: number): string {
  const end = new Date(Date.parse(`${date}T${time}:00Z`) + minutes * 60_000);
  return end.toISOString().slice(0, 19);
}

/**
 * A name for a quoted iCalendar parameter such as `CN="…"` (RFC 6868): `^` → `^^`, `"` → `^'`, a line break → `^n`.
 * ical-generator 9 escapes a `"` in a parameter with a backslash, which RFC 5545 does not know: calendars end the
 * quoted value there, and the rest of the name (`…:mailto:someone@else`) became the attendee's address. With the
 * caret encoding no `"` reaches ical-generator, and calendars (and ical.js) decode the name as it was. ical-generator
 * 11 does the same itself but needs Node 22; drop this when the project moves there.
 */
export function icalParameterText(value: string): string {
  return value.replace(/\^/g, '^^').replace(/"/g, "^'").replace(/\r\n|\r|\n/g, '^n');
}
