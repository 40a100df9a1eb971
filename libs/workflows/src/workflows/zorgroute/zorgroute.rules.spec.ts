import { buildSchoolCalendar, DEFAULT_POLICIES } from '@zorgroute/domain/logic';
import type { IzoDiscussionInput, ZorgrouteStep } from './zorgroute.messages';
import {
  izoDiscussionAsSent,
  izoEvaluationDescription,
  mergeZatReferral,
  missingZatReferralParts,
  nextIzoMeeting,
  nextZatCalendarDate,
  openStepsWhile,
  prefilledZatReferral,
  triageDescription,
  zatInvitees,
  zatMeetingDateProblem,
  zatOutcomeDescription,
  type ZorgroutePolicy,
} from './zorgroute.rules';
import type { IzoRound } from './zorgroute.types';

// IZO on Tuesdays, weekly, the information 1 school day before; ZAT agenda 5 school days before; Flex-ZAT within 10.
const policy: ZorgroutePolicy = DEFAULT_POLICIES.zorgroute;
// Region midden 2026-2027: voorjaarsvakantie 20–28 February, meivakantie 24 April – 2 May, Hemelvaartsdag 6 May 2027.
const midden = buildSchoolCalendar('midden');

describe('P2 rules', () => {
  describe('the open steps', () => {
    it('the referral is open to its referrer in CONCEPT, TERUG_NAAR_AANMELDER and EERST_EERSTELIJNS_ACTIES, also while no step waits', () => {
      expect(openStepsWhile('CONCEPT', 'SUBMIT_REFERRAL')).toEqual(['SUBMIT_REFERRAL']);
      expect(openStepsWhile('TERUG_NAAR_AANMELDER', 'SUBMIT_REFERRAL')).toEqual(['SUBMIT_REFERRAL']);
      expect(openStepsWhile('EERST_EERSTELIJNS_ACTIES', null)).toEqual(['SUBMIT_REFERRAL']);
    });

    it('otherwise only the step the process waits for, and only a step of the process (not a consent request)', () => {
      expect(openStepsWhile('TRIAGE', 'TRIAGE')).toEqual(['TRIAGE']);
      expect(openStepsWhile('GEPLAND_ZAT', 'RECORD_ZAT')).toEqual(['RECORD_ZAT']);
      expect(openStepsWhile('VOORGESPREK', 'CONSENT_IZO_BESPREKING' as ZorgrouteStep)).toEqual([]);
      expect(openStepsWhile('UITVOERING', null)).toEqual([]);
    });
  });

  describe('the next IZO meeting', () => {
    it('is the next Tuesday that leaves one school day to send the information', () => {
      expect(nextIzoMeeting('2027-03-01', policy, midden).date).toBe('2027-03-02');
      expect(nextIzoMeeting('2027-03-02', policy, midden).date).toBe('2027-03-09');
    });

    it('skips a holiday: before the voorjaarsvakantie and the meivakantie it is the first Tuesday after', () => {
      expect(nextIzoMeeting('2027-02-19', policy, midden).date).toBe('2027-03-02');
      expect(nextIzoMeeting('2027-04-23', policy, midden).date).toBe('2027-05-04');
    });

    it('meets every N weeks in the even ISO weeks, and says so with its rule and inputs', () => {
      const d = nextIzoMeeting('2027-03-01', { ...policy, izoEveryWeeks: 2 }, midden);
      expect(d.date).toBe('2027-03-09');
      expect(d.rule).toBe('P2.izoWeekday');
      expect(d.inputs).toEqual({ from: '2027-03-01', izoWeekday: 2, izoEveryWeeks: 2, izoInfoBeforeSchoolDays: 1 });
      expect(d.explanation).toContain('om de 2 weken op dinsdag');
      expect(nextIzoMeeting('2027-03-01', policy, midden).explanation).toContain('wekelijks op dinsdag');
    });
  });

  describe('the ZAT', () => {
    it('takes the first date of the ZAT calendar that leaves 5 school days for the agenda, on a school day (not Hemelvaartsdag)', () => {
      const dates = ['2027-03-22', '2027-03-05', '2027-03-08'];
      expect(nextZatCalendarDate('2027-03-01', { ...policy, zatMeetingDates: dates }, midden)).toBe('2027-03-08');
      expect(nextZatCalendarDate('2027-04-20', { ...policy, zatMeetingDates: ['2027-05-06', '2027-05-11'] }, midden)).toBe('2027-05-11');
      expect(nextZatCalendarDate('2027-03-01', { ...policy, zatMeetingDates: ['2027-03-05'] }, midden)).toBeNull();
      expect(nextZatCalendarDate('2027-03-01', policy, midden)).toBeNull();
    });

    it('meets on a school day, at least 5 school days after today (the agenda)', () => {
      expect(zatMeetingDateProblem('2027-03-06', '2027-03-01', null, policy, midden)?.nl).toBe('De bespreking moet op een schooldag zijn');
      expect(zatMeetingDateProblem('2027-03-05', '2027-03-01', null, policy, midden)?.nl).toContain('kies 2027-03-08 of later');
      expect(zatMeetingDateProblem('2027-03-08', '2027-03-01', null, policy, midden)).toBeNull();
    });

    it('a Flex-ZAT meets within 10 school days of the start of its planning, holidays not counted', () => {
      const flex = { ...policy, flexZat: true };
      expect(zatMeetingDateProblem('2027-03-02', '2027-03-01', '2027-03-01', flex, midden)).toBeNull();
      expect(zatMeetingDateProblem('2027-03-15', '2027-03-03', '2027-03-01', flex, midden)).toBeNull();
      expect(zatMeetingDateProblem('2027-03-16', '2027-03-03', '2027-03-01', flex, midden)?.en).toBe('A Flex-ZAT is convened within 10 school days (by 2027-03-15)');
      expect(zatMeetingDateProblem('2027-03-15', '2027-03-01', '2027-02-19', flex, midden)?.nl).toContain('uiterlijk 2027-03-12');
      expect(zatMeetingDateProblem('2027-03-16', '2027-03-02', null, flex, midden)).toBeNull();
    });

    it('a Flex-ZAT invites parents, pupil, mentor, Sociaal Team and SWV; a ZAT the mentor; plus whom the zorgcoördinator adds, once', () => {
      expect(zatInvitees(true, null)).toEqual(['OUDERS', 'LEERLING', 'MENTOR', 'SOCIAAL_TEAM', 'SWV']);
      expect(zatInvitees(false, [' JEUGDARTS ', '', 'MENTOR', 'JEUGDARTS'])).toEqual(['MENTOR', 'JEUGDARTS']);
    });
  });

  describe('the ZAT referral', () => {
    const round = (n: number, zatQuestion: string | null): IzoRound => ({
      round: n,
      meetingDate: '2027-03-02',
      minutes: { summary: 'Afspraken', educationalNeeds: `Behoeften ${n}`, zatQuestion },
      decisions: [
        { kind: 'INTERNE_ONDERSTEUNING', description: `Begeleiding ${n}`, goal: 'Rust in de klas' },
        { kind: 'HANDELINGSPLAN', description: 'Handelingsplan' },
      ],
      evaluationDate: null,
      minutesDistributedAt: null,
      nagesprek: null,
    });

    it('is prefilled from the aanmeldformulier, every IZO round’s decisions and the last round’s minutes', () => {
      const form = { problem: 'Faalangst', hinderingFactors: 'Drukke klas', functioningAtHome: 'Rustig', pupilHelpQuestion: 'Minder stress', mentorSupportQuestion: 'Hoe begeleiden?', strengths: 'Creatief' };
      const z = prefilledZatReferral(form, [round(1, null), round(2, 'Is er meer nodig?')], []);
      expect(z).toEqual({
        problem: 'Faalangst',
        factors: 'Drukke klas\nRustig',
        needs: 'Behoeften 2',
        schoolCareer: null,
        functioning: null,
        internalSupportDone: 'Begeleiding 1 (doel: Rust in de klas)\nHandelingsplan\nBegeleiding 2 (doel: Rust in de klas)\nHandelingsplan',
        homeSituation: 'Rustig',
        earlierCareContacts: null,
        helpQuestion: 'Minder stress\nHoe begeleiden?',
        strengths: 'Creatief',
        questionToZat: 'Is er meer nodig?',
      });
    });

    it('asks the ZAT the last evaluation’s question when the IZO minutes have none', () => {
      expect(prefilledZatReferral({}, [round(1, null)], [{ note: 'Eerder' }, { note: 'Geen voortgang' }]).questionToZat).toBe('Geen voortgang');
      expect(prefilledZatReferral({}, [round(1, null)], []).questionToZat).toBeNull();
    });

    it('takes what the zorgcoördinator sends over the prefilled fields: trimmed, blank clears, left out keeps', () => {
      const merged = mergeZatReferral({ problem: 'Faalangst', helpQuestion: 'Minder stress' }, { helpQuestion: '  ', questionToZat: '  Wat kan het ZAT doen? ', strengths: undefined });
      expect(merged).toEqual({ problem: 'Faalangst', helpQuestion: null, questionToZat: 'Wat kan het ZAT doen?' });
      expect(mergeZatReferral(null, { problem: 'x' })).toEqual({ problem: 'x' });
    });

    it('is complete with both questions of at least 3 characters', () => {
      expect(missingZatReferralParts(null, {})).toEqual(['hulpvraag van leerling, ouders en school', 'vraag aan het ZAT']);
      expect(missingZatReferralParts({ helpQuestion: 'Minder stress' }, { questionToZat: ' ab ' })).toEqual(['vraag aan het ZAT']);
      expect(missingZatReferralParts({ helpQuestion: 'Minder stress' }, { questionToZat: 'Wat nu?' })).toEqual([]);
    });
  });

  it('the JOS mentor is not part of the IZO discussion as the caller sent it (the api adds it)', () => {
    const u = {
      actor: { id: 'u1', name: 'Zorgcoördinator' },
      minutes: { summary: 'Afspraken' },
      decisions: [{ kind: 'INTERNE_ONDERSTEUNING', description: 'JOS', startProcess: 'JOS', mentorId: 'm1', josWorkerId: 'j1' }],
    } as IzoDiscussionInput;
    expect(izoDiscussionAsSent(u)).toEqual({ ...u, decisions: [{ kind: 'INTERNE_ONDERSTEUNING', description: 'JOS', startProcess: 'JOS', josWorkerId: 'j1' }] });
    expect(u.decisions[0].mentorId).toBe('m1');
    const odd = { ...u, decisions: 'geen lijst' } as unknown as IzoDiscussionInput;
    expect(izoDiscussionAsSent(odd)).toBe(odd);
  });

  it('words the triage, the IZO evaluation and the end after the ZAT', () => {
    expect(triageDescription('EERST_EERSTELIJNS_ACTIES', '2027-03-15')).toBe('Eerst acties in de eerste lijn; opnieuw bekijken op 2027-03-15');
    expect(triageDescription('GEACCEPTEERD', null)).toBe('Aanmelding geaccepteerd voor het IZO');
    expect(izoEvaluationDescription('VOORTZETTEN', '2027-04-13')).toBe('Evaluatie: voortzetten, volgende evaluatie op 2027-04-13');
    expect(izoEvaluationDescription('VERWIJZING_ZAT', null)).toBe('Evaluatie: onvoldoende voortgang, verwijzing naar het ZAT');
    expect(zatOutcomeDescription('EXTERN_VERWEZEN', 'GGZ')).toBe('Extern verwezen (GGZ)');
    expect(zatOutcomeDescription('SWV_VOORZIENING_AANGEVRAAGD', null)).toBe('Voorziening van het samenwerkingsverband aangevraagd');
    expect(zatOutcomeDescription('LEERPLICHT', null)).toBe('Leerplichtambtenaar ingeschakeld');
    expect(zatOutcomeDescription('ONBEKEND', null)).toBe('ONBEKEND');
  });
});
