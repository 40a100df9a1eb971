import type { MeetingAgendaData, MeetingInvitationData } from '../messages/message-data.types';
import { InvalidMessageDataError } from './template.errors';
import { TemplateRenderer } from './template.renderer';

const CASE_URL = 'https://zorgroute.test/cases/zorgroute-1';
const base = {
  recipientName: 'Petra Veldkamp',
  schoolName: 'Het Stedelijk Lyceum',
  stepLabel: 'Flex-ZAT-bespreking',
  dueDate: '2026-11-26',
  caseUrl: CASE_URL,
  pupilFirstName: 'Daan',
};
const LONG_DATE = 'donderdag 26 november 2026';
const renderer = new TemplateRenderer();

function invitation(over: Partial<MeetingInvitationData>) {
  return renderer.render('MEETING_INVITATION', { ...base, meeting: 'FLEX_ZAT', audience: 'PARENT', ...over });
}

describe('MEETING_INVITATION', () => {
  it('invites a parent formally with date, time, place and what to bring, and nothing about the case', () => {
    const m = invitation({ meetingTime: '15:30', mode: 'OP_SCHOOL', location: 'kamer zorgcoördinator' });
    expect(m.subject).toBe(`Uitnodiging: Flex-ZAT-bespreking op ${LONG_DATE} om 15:30`);
    for (const body of [m.html, m.text]) {
      expect(body).toContain('Wij nodigen u uit voor een gesprek met het zorg- en adviesteam (Flex-ZAT) over Daan');
      expect(body).toContain(LONG_DATE);
      expect(body).toContain('15:30');
      expect(body).toContain('Het Stedelijk Lyceum, kamer zorgcoördinator');
      expect(body).toContain('Neem gerust uw vragen mee');
      expect(body).toContain('Kunt u niet op deze datum?');
      expect(body).toContain('U ontvangt dit bericht omdat u bij Het Stedelijk Lyceum geregistreerd staat als ouder of verzorger van Daan');
      expect(body).not.toMatch(/\bje\b/);
    }
    expect(m.html).toContain('Bekijken in het portaal');
  });

  it('leaves out the time when it is not known and says a phone meeting is by phone', () => {
    const m = invitation({ mode: 'TELEFONISCH' });
    expect(m.subject).toBe(`Uitnodiging: Flex-ZAT-bespreking op ${LONG_DATE}`);
    expect(m.text).not.toContain('Tijd:');
    expect(m.text).toContain('Waar: telefonisch (u wordt gebeld)');
  });

  it('addresses the pupil with "je" and staff with "je" and a link to the case', () => {
    const pupil = invitation({ audience: 'PUPIL', recipientName: 'Daan Veldkamp' });
    expect(pupil.text).toContain('We nodigen je uit voor een gesprek met het zorg- en adviesteam (Flex-ZAT) op Het Stedelijk Lyceum.');
    expect(pupil.text).toContain('Je ontvangt dit bericht omdat je leerling bent van Het Stedelijk Lyceum');
    const staff = renderer.render('MEETING_INVITATION', { ...base, stepLabel: 'IZO-bespreking', meeting: 'IZO', audience: 'STAFF', recipientName: 'Sanne de Wit' });
    expect(staff.text).toContain('Je bent uitgenodigd voor de bespreking in het intern zorgoverleg (IZO) over Daan.');
    expect(staff.text).toContain('Lees vooraf de informatie in Zorgroute');
    expect(staff.text).toContain('Waar: Het Stedelijk Lyceum');
    expect(staff.html).toContain('Dossier openen');
  });

  it('words the JOS startgesprek for parents', () => {
    const m = invitation({ meeting: 'JOS_STARTGESPREK', stepLabel: 'Startgesprek JOS' });
    expect(m.text).toContain('Wij nodigen u uit voor een startgesprek over Jeugd Ondersteuning op School (JOS) over Daan');
    expect(m.text).toContain('samen afspraken over de begeleiding');
  });

  it('rejects an unknown meeting, audience or a malformed time without echoing values', () => {
    const bad: [Partial<MeetingInvitationData> & Record<string, unknown>, RegExp][] = [
      [{ meeting: 'THERAPIE' as never }, /meeting must be one of/],
      [{ audience: undefined }, /audience is required/],
      [{ meetingTime: '25:00' }, /meetingTime must be a time HH:MM/],
      [{ mode: 'VIDEO' as never }, /mode must be one of/],
      [{ pupilFirstName: undefined }, /pupilFirstName is required/],
    ];
    for (const [over, problem] of bad) {
      const attempt = () => invitation(over);
      expect(attempt).toThrow(InvalidMessageDataError);
      expect(attempt).toThrow(problem);
    }
  });
});

describe('MEETING_AGENDA', () => {
  const data: MeetingAgendaData = { ...base, stepLabel: 'ZAT-bespreking', meeting: 'ZAT', recipientName: 'Marieke Verhoef', meetingTime: '09:00' };

  it('tells a participant that the agenda and information are ready, with date, time and place', () => {
    const m = renderer.render('MEETING_AGENDA', data);
    expect(m.subject).toBe(`Agenda ZAT-bespreking van ${LONG_DATE} om 09:00`);
    for (const body of [m.html, m.text]) {
      expect(body).toContain(`De agenda en de informatie voor de bespreking in het zorg- en adviesteam (ZAT) van ${LONG_DATE} (bespreking van Daan) staan voor je klaar`);
      expect(body).toContain('Het Stedelijk Lyceum');
      expect(body).toContain('Lees vooraf de ZAT-aanmelding');
      expect(body).toContain(CASE_URL);
    }
  });

  it('ignores an audience: the agenda goes to staff only', () => {
    const m = renderer.render('MEETING_AGENDA', { ...data, audience: 'PARENT' } as MeetingAgendaData);
    expect(m.text).toContain('Je ontvangt dit bericht omdat je bij Het Stedelijk Lyceum deelnemer bent');
  });
});

describe('MEETING_CANCELLED', () => {
  it('tells a parent formally that the meeting does not take place, with date, time and place, and no reason', () => {
    const m = renderer.render('MEETING_CANCELLED', {
      ...base,
      stepLabel: 'Startgesprek JOS',
      meeting: 'JOS_STARTGESPREK',
      audience: 'PARENT',
      meetingTime: '10:00',
      // Not part of the message data: must never reach the e-mail.
      ...({ reason: 'Dubbel aangemaakt dossier' } as object),
    } as MeetingInvitationData);
    // The subject names the meeting, not the kind of help (subject-words.ts).
    expect(m.subject).toBe(`Gaat niet door: Startgesprek op ${LONG_DATE} om 10:00`);
    for (const body of [m.html, m.text]) {
      expect(body).toContain('Helaas gaat een startgesprek over Jeugd Ondersteuning op School (JOS) over Daan op Het Stedelijk Lyceum, waarvoor u was uitgenodigd, niet door.');
      expect(body).toContain(LONG_DATE);
      expect(body).toContain('Had u de uitnodiging in uw agenda gezet?');
      expect(body).not.toMatch(/\bje\b|Dubbel|Neem gerust/);
    }
  });

  it('tells staff with "je"', () => {
    const m = renderer.render('MEETING_CANCELLED', { ...base, stepLabel: 'IZO-bespreking', meeting: 'IZO', audience: 'STAFF' });
    expect(m.text).toContain('Helaas gaat de bespreking in het intern zorgoverleg (IZO) over Daan, waarvoor je was uitgenodigd, niet door.');
    expect(m.text).toContain('Had je de uitnodiging in je agenda gezet?');
    expect(m.text).not.toContain('Tijd:');
  });
});
