import { instantToMs, toIsoDate, zonedInstant } from '@zorgroute/domain/logic';
import type { MeetingNotice, NotifyRequest } from '../../activities/case-activities.types';

/**
 * The stable id of the meeting an invitation is for (the UID of its calendar entry), the same for every invitation
 * to it and for its cancellation. Invitation keys are `<case>:invitation:<KIND>:<n>:<date>` (a re-planned meeting is
 * a new key; a cancellation appends `:cancelled`): for the IZO and the ZAT `n` is the IZO round (one meeting of each
 * per round); the JOS startgesprek is one per case (`n` counts its plans). Any other key: the key without its date.
 * Pure: used by the workflow (which meetings to cancel) and by the notify activity (the .ics UID).
 */
export function meetingCalendarId(req: Pick<NotifyRequest, 'key' | 'caseId' | 'meeting'>): string {
  const m = /^(.*):invitation:([A-Z_]+):(\d+):\d{4}-\d{2}-\d{2}(?::cancelled)?$/.exec(req.key);
  if (!m) return req.meeting ? req.key.replace(`:${req.meeting.date}`, '') : req.key;
  const [, prefix, kind, n] = m;
  return kind === 'JOS_STARTGESPREK' ? `${prefix}:meeting:${kind}` : `${prefix}:meeting:${kind}:${n}`;
}

/** Whether a meeting has yet to begin at `nowMs`: its start (Europe/Amsterdam) is later, or, without a time, it is today or later. */
export function meetingStillToCome(meeting: MeetingNotice, nowMs: number): boolean {
  const time = meeting.time ? /^(\d{2}):(\d{2})$/.exec(meeting.time) : null;
  if (!time) return meeting.date >= toIsoDate(nowMs);
  return instantToMs(zonedInstant(meeting.date, Number(time[1]), Number(time[2]))) > nowMs;
}

/**
 * The cancellations of every planned meeting that has yet to begin at `nowMs` and was not held (`held`: calendar ids of
 * meetings whose step was recorded, also when that was before the planned time): per meeting its latest invitation
 * (`requests` in the order they were sent) — to the same recipients, keyed after it.
 */
export function meetingCancellations(requests: Iterable<NotifyRequest>, nowMs: number, held: ReadonlySet<string> = new Set()): NotifyRequest[] {
  const latest = new Map<string, NotifyRequest>();
  for (const req of requests) if (req.kind === 'MEETING_INVITATION' && req.meeting) latest.set(meetingCalendarId(req), req);
  return [...latest.entries()]
    .filter(([id, req]) => !held.has(id) && req.meeting && meetingStillToCome(req.meeting, nowMs))
    .map(([, req]) => req)
    .map((req) => ({ ...req, key: `${req.key}:cancelled`, kind: 'MEETING_CANCELLED' as const }));
}
