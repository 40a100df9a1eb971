import { MeetingAudience, MeetingKind, MeetingMode, type MessageKind } from '../messages/message-kind';
import { InvalidMessageDataError } from './template.errors';

/** The meeting fields a template can see (MEETING_INVITATION, MEETING_AGENDA). */
export interface MeetingView {
  /** The meeting in a sentence: "de IZO-bespreking", "een startgesprek". */
  meetingPhrase?: string;
  meetingTime?: string;
  placeText?: string;
  bringText?: string;
  isParent?: boolean;
  isPupil?: boolean;
  isStaff?: boolean;
}

const PHRASES: Record<MeetingKind, string> = {
  IZO: 'de bespreking in het intern zorgoverleg (IZO)',
  ZAT: 'de bespreking in het zorg- en adviesteam (ZAT)',
  FLEX_ZAT: 'een gesprek met het zorg- en adviesteam (Flex-ZAT)',
  JOS_STARTGESPREK: 'een startgesprek over Jeugd Ondersteuning op School (JOS)',
};

/** What to bring: a fixed text per audience and meeting, never case details. */
function bringText(meeting: MeetingKind, audience: MeetingAudience): string {
  if (audience === 'PARENT') {
    return meeting === 'JOS_STARTGESPREK'
      ? 'Neem gerust uw vragen mee. In het gesprek maken we samen afspraken over de begeleiding.'
      : 'Neem gerust uw vragen mee en, als u die heeft, informatie van hulpverleners die u met de school wilt delen.';
  }
  if (audience === 'PUPIL') return 'Neem je vragen mee en denk alvast na over wat jij graag anders zou willen.';
  if (meeting === 'IZO') return 'Lees vooraf de informatie in Zorgroute (via de knop hieronder) en neem je eigen observaties en vragen mee.';
  if (meeting === 'JOS_STARTGESPREK') return 'Neem je ervaringen met de leerling in de klas en je vragen mee.';
  return 'Lees vooraf de ZAT-aanmelding in Zorgroute (via de knop hieronder) en neem je eigen observaties en vragen mee.';
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Builds the meeting fields from the caller's data, field by field (anything else in the data is ignored). */
export function buildMeetingView(kind: MessageKind, data: Record<string, unknown>, schoolName: string): MeetingView {
  const invalid = (field: string, problem: string) => new InvalidMessageDataError(`${kind}: ${field} ${problem}`);
  const oneOf = <T extends string>(field: string, allowed: readonly T[], required: boolean): T | undefined => {
    const raw = data[field];
    if (raw === undefined || raw === null) {
      if (required) throw invalid(field, `is required (one of ${allowed.join(', ')})`);
      return undefined;
    }
    if (typeof raw !== 'string' || !(allowed as readonly string[]).includes(raw)) throw invalid(field, `must be one of ${allowed.join(', ')}`);
    return raw as T;
  };
  const meeting = oneOf('meeting', Object.values(MeetingKind), true) as MeetingKind;
  const audience = kind === 'MEETING_AGENDA' || kind === 'MEETING_OVERVIEW_AGENDA' ? 'STAFF' : (oneOf('audience', Object.values(MeetingAudience), true) as MeetingAudience);
  const mode = oneOf('mode', Object.values(MeetingMode), false);
  const rawTime = data.meetingTime;
  if (rawTime !== undefined && rawTime !== null && (typeof rawTime !== 'string' || !TIME.test(rawTime))) throw invalid('meetingTime', 'must be a time HH:MM');
  const rawLocation = data.location;
  if (rawLocation !== undefined && rawLocation !== null && typeof rawLocation !== 'string') throw invalid('location', 'must be a string');
  const location = typeof rawLocation === 'string' ? rawLocation.replace(/\s+/g, ' ').trim().slice(0, 120) : '';
  const place =
    mode === 'TELEFONISCH'
      ? audience === 'PARENT'
        ? 'telefonisch (u wordt gebeld)'
        : 'telefonisch'
      : location
        ? `${schoolName}, ${location}`
        : schoolName;
  return {
    meetingPhrase: PHRASES[meeting],
    meetingTime: typeof rawTime === 'string' ? rawTime : undefined,
    placeText: place,
    bringText: bringText(meeting, audience),
    isParent: audience === 'PARENT',
    isPupil: audience === 'PUPIL',
    isStaff: audience === 'STAFF',
  };
}
