import type { MessageDataByKind } from '../messages/message-data.types';
import { ProcessType } from '@zorgroute/domain';
import { MESSAGE_KINDS, MeetingKind, type MessageKind, ReminderRung, TrajectMoment, TrajectOutcomeKind, ZorgplichtSignal } from '../messages/message-kind';
import { KIND_OF_HELP_IN_SUBJECT, subjectLabel } from './subject-words';
import { TemplateRenderer } from './template.renderer';

const renderer = new TemplateRenderer();

/** Step labels the workflows send, as they name the kind of help (P1, P3, P5 and the coming P7/P8). */
const LABELS = [
  'Startgesprek JOS',
  'Besluit over de afronding van JOS (eindgrens 2026-12-11)',
  'Besluit SWV over de OOV-aanvraag',
  'Sessie ondersteuningstraject',
  'Toestemming voor de TLV-aanvraag',
  'OPP ondertekenen',
  'Intakegesprek en ontwikkeldoel',
];

const base = { recipientName: 'Jan de Vries', schoolName: 'Het Stedelijk Lyceum', dueDate: '2026-11-23', caseUrl: 'https://zorgroute.test/cases/c-1' };

/** Every variant of every kind that changes its subject. */
function samples(stepLabel: string): { [K in MessageKind]: MessageDataByKind[K][] } {
  const b = { ...base, stepLabel };
  return {
    STEP_ASSIGNED: [{ ...b, pupilFirstName: 'Sanne' }],
    STEP_REMINDER: Object.values(ReminderRung).map((rung) => ({ ...b, pupilFirstName: 'Sanne', rung, schoolDaysUntilDue: 2, daysOverdue: 2 })),
    STEP_ESCALATION: [{ ...b, daysOverdue: 3, ownerName: 'Piet Bakker' }],
    CASE_STUCK: [{ ...b, stuckKind: 'STEP_OVERDUE', daysOverdue: 10, ownerName: 'Piet Bakker' }],
    CASE_STARTED: [{ ...b, pupilFirstName: 'Sanne', ownerName: 'Piet Bakker' }],
    CONSENT_REQUESTED: [{ ...b, pupilFirstName: 'Sanne' }, { ...b, pupilFirstName: 'Sanne', audience: 'PUPIL' }],
    ZORGPLICHT_TERMIJN: Object.values(ZorgplichtSignal).map((signal) => ({ ...b, signal, receivedOn: '2026-10-12', extended: false, calendarDays: 7 })),
    LETTER_AVAILABLE: [{ ...b, pupilFirstName: 'Sanne', letter: 'ZORGPLICHT_BESLUIT' }, { ...b, pupilFirstName: 'Sanne', letter: 'ZORGPLICHT_VERLENGING' }],
    TRAJECT_PARENT_UPDATE: Object.values(TrajectMoment).map((moment) => ({ ...b, pupilFirstName: 'Sanne', moment, ownerName: 'Piet Bakker' })),
    TRAJECT_OUTCOME: Object.values(TrajectOutcomeKind).map((outcome) => ({ ...b, pupilFirstName: 'Sanne', outcome, ownerName: 'Piet Bakker' })),
    CASE_CLOSED: Object.values(ProcessType).map((process) => ({ ...b, pupilFirstName: 'Sanne', process })),
    MEETING_INVITATION: Object.values(MeetingKind).map((meeting) => ({ ...b, meeting, audience: 'STAFF', pupilFirstName: 'Sanne', meetingTime: '14:30', mode: 'OP_SCHOOL', location: 'lokaal 1' })),
    MEETING_CANCELLED: Object.values(MeetingKind).map((meeting) => ({ ...b, meeting, audience: 'PARENT', pupilFirstName: 'Sanne', meetingTime: '10:00', mode: 'OP_SCHOOL', calendarId: 'c-1:m' })),
    MEETING_AGENDA: [{ ...b, meeting: 'ZAT', pupilFirstName: 'Sanne', meetingTime: '09:00', mode: 'OP_SCHOOL' }],
    MEETING_OVERVIEW_AGENDA: [{ ...b, meeting: 'IZO', caseCount: 3, meetingTime: '14:30', location: 'kamer 12' }],
    REFERRAL_RETURNED: [{ ...b, pupilFirstName: 'Sanne', missingParts: ['hulpvraag'] }],
    SESSION_REMINDER: [{ ...b, sessionTime: '10:15', audience: 'STAFF', pupilFirstName: 'Sanne' }, { ...b, sessionTime: '10:15', audience: 'PUPIL', pupilFirstName: 'Sanne' }],
    DOCUMENT_REQUESTED: [{ ...b, pupilFirstName: 'Sanne', ownerName: 'Piet Bakker' }, { ...b, pupilFirstName: 'Sanne', reminder: true }],
    LOGIN_INVITATION: [{ ...b }, { ...b, audience: 'PUPIL' }, { ...b, renewed: true }],
    LOGIN_CODE: [{ ...b, code: '12345678', validMinutes: 10 }],
    DAILY_DIGEST: [{ ...b, items: [{ title: `Herinnering: ${stepLabel}`, stepLabel, dueDate: '2026-11-23', caseUrl: base.caseUrl, pupilFirstName: 'Sanne' }] }],
  } as never;
}

describe('e-mail subjects never name the kind of help (PROCESSES.md rule 8, issue 17.12)', () => {
  it.each(LABELS)('every template and variant, with the step "%s"', (label) => {
    const all = samples(label);
    for (const kind of MESSAGE_KINDS) {
      expect(all[kind].length).toBeGreaterThan(0);
      for (const data of all[kind]) {
        const { subject } = renderer.render(kind, data as never);
        expect({ kind, subject, named: KIND_OF_HELP_IN_SUBJECT.test(subject) }).toEqual({ kind, subject, named: false });
      }
    }
  });

  it('keeps the task in the subject', () => {
    expect(subjectLabel('Startgesprek JOS')).toBe('Startgesprek');
    expect(subjectLabel('Besluit SWV over de OOV-aanvraag')).toBe('Besluit SWV over de aanvraag');
    expect(subjectLabel('Besluit over de afronding van JOS (eindgrens 2026-12-11)')).toBe('Besluit over de afronding (eindgrens 2026-12-11)');
    expect(subjectLabel('Sessie ondersteuningstraject')).toBe('Sessie begeleiding');
    expect(subjectLabel('OPP ondertekenen')).toBe('Ondertekenen');
    expect(subjectLabel('Intakegesprek en ontwikkeldoel')).toBe('Intakegesprek en ontwikkeldoel');
  });
});
