import type { ProcessPolicies } from './process-policies';
import { resolvePolicies, type PolicyOverrides } from './resolve-policies';
import { validatePolicies } from './validate-policies';

/** Validates the defaults with one layer applied; the layer may hold values of the wrong type on purpose. */
const errorsWith = (layer: unknown) => validatePolicies(resolvePolicies(layer as PolicyOverrides));
/** Validates the defaults after a raw change that resolvePolicies would refuse (wrong types). */
function errorsAfter(change: (p: Record<string, Record<string, unknown>>) => void): string[] {
  const p = resolvePolicies();
  change(p as unknown as Record<string, Record<string, unknown>>);
  return validatePolicies(p);
}

const validCalendar = {
  schoolYear: '2027-2028',
  schooladviesBy: '2027-03-24',
  aanmeldweek: { from: '2027-03-29', to: '2027-04-02' },
  osoDeadline: '2027-04-16',
  warmeOverdracht: { from: '2027-05-10', to: '2027-06-25' },
  startSchoolYear: '2027-08-30',
};

describe('validatePolicies', () => {
  it('accepts the defaults and sensible school choices', () => {
    expect(validatePolicies(resolvePolicies())).toEqual([]);
    expect(
      errorsWith({
        ondersteuningstraject: { minWeeks: 7, defaultWeeks: 7, maxWeeks: 7, maxExtensions: 0 },
        zorgplicht: { decisionWeeks: 6, extensionMaxWeeks: 0, maxExtensions: 0, suspendSummerHoliday: true },
        ladder: { remindBeforeSchoolDays: [], sendAtHour: 0, sendAtMinute: 59 },
        overdracht: { regionalCalendars: [validCalendar], terugkoppelingMoments: ['EINDE_LEERJAAR_1'] },
      }),
    ).toEqual([]);
  });

  it('writes one bilingual message per problem, with path and value', () => {
    expect(errorsWith({ jos: { maxMonths: 0 } })).toEqual([
      'jos.maxMonths: moet een positief geheel getal zijn (must be a positive integer); waarde/value: 0',
    ]);
  });

  describe('ladder', () => {
    it.each([
      [{ sendAtHour: 24 }, 'ladder.sendAtHour: moet een geheel getal van 0 tot en met 23 zijn (must be an integer from 0 to 23); waarde/value: 24'],
      [{ sendAtHour: -1 }, 'ladder.sendAtHour: moet een geheel getal van 0 tot en met 23 zijn'],
      [{ sendAtHour: 7.5 }, 'ladder.sendAtHour: moet een geheel getal van 0 tot en met 23 zijn'],
      [{ sendAtMinute: 60 }, 'ladder.sendAtMinute: moet een geheel getal van 0 tot en met 59 zijn'],
      [{ repeatEverySchoolDays: 0 }, 'ladder.repeatEverySchoolDays: moet een positief geheel getal zijn'],
      [{ escalateAfterSchoolDays: 1.5 }, 'ladder.escalateAfterSchoolDays: moet een positief geheel getal zijn'],
      [{ remindBeforeSchoolDays: [2, 0] }, 'ladder.remindBeforeSchoolDays.1: moet een positief geheel getal zijn'],
      [{ remindBeforeSchoolDays: [2, 2] }, 'ladder.remindBeforeSchoolDays: bevat dubbele waarden (contains duplicates)'],
      [{ escalateAfterSchoolDays: 10 }, 'ladder.stuckAfterSchoolDays: moet groter zijn dan escalateAfterSchoolDays'],
      [{ escalateAfterSchoolDays: 12 }, 'ladder.stuckAfterSchoolDays: moet groter zijn dan escalateAfterSchoolDays'],
    ])('%p → %s', (ladder, message) => {
      const errors = errorsWith({ ladder });
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain(message);
    });

    it('reports a missing list and a non-boolean flag', () => {
      const errors = errorsAfter((p) => {
        p.ladder = { ...p.ladder, remindBeforeSchoolDays: 2, remindOnDueDate: 'ja' };
      });
      expect(errors).toEqual([
        'ladder.remindBeforeSchoolDays: moet een lijst van positieve gehele getallen zijn (must be a list of positive integers); waarde/value: 2',
        'ladder.remindOnDueDate: moet waar of onwaar zijn (must be true or false); waarde/value: "ja"',
      ]);
    });
  });

  describe('ondersteuningstraject (P1)', () => {
    it('requires minWeeks ≤ defaultWeeks ≤ maxWeeks', () => {
      expect(errorsWith({ ondersteuningstraject: { defaultWeeks: 5 } })).toEqual([
        'ondersteuningstraject.defaultWeeks: moet minstens minWeeks zijn (must be at least minWeeks); waarde/value: 5',
      ]);
      expect(errorsWith({ ondersteuningstraject: { defaultWeeks: 10 } })).toEqual([
        'ondersteuningstraject.defaultWeeks: mag niet groter zijn dan maxWeeks (must not exceed maxWeeks); waarde/value: 10',
      ]);
      expect(errorsWith({ ondersteuningstraject: { minWeeks: 10, defaultWeeks: 10, maxWeeks: 9 } })).toEqual([
        'ondersteuningstraject.defaultWeeks: mag niet groter zijn dan maxWeeks (must not exceed maxWeeks); waarde/value: 10',
        'ondersteuningstraject.maxWeeks: moet minstens minWeeks zijn (must be at least minWeeks); waarde/value: 9',
      ]);
    });

    it('requires extensionMinWeeks ≤ extensionMaxWeeks and a non-negative number of extensions', () => {
      expect(errorsWith({ ondersteuningstraject: { extensionMinWeeks: 10 } })).toEqual([
        'ondersteuningstraject.extensionMaxWeeks: moet minstens extensionMinWeeks zijn (must be at least extensionMinWeeks); waarde/value: 9',
      ]);
      expect(errorsWith({ ondersteuningstraject: { maxExtensions: -1 } })).toEqual([
        'ondersteuningstraject.maxExtensions: moet een geheel getal van 0 of meer zijn (must be an integer of 0 or more); waarde/value: -1',
      ]);
    });

    it.each([
      ['intakeWithinSchoolDays', 0],
      ['sessionLogWithinSchoolDays', -2],
      ['outcomeWithinSchoolDays', 2.5],
      ['sessionEveryWeeks', 0],
    ])('requires %s to be a positive integer (not %p)', (key, value) => {
      expect(errorsWith({ ondersteuningstraject: { [key]: value } })).toEqual([
        `ondersteuningstraject.${key}: moet een positief geheel getal zijn (must be a positive integer); waarde/value: ${value}`,
      ]);
    });

    it('bounds the session length and the mid-way fraction', () => {
      expect(errorsWith({ ondersteuningstraject: { sessionMinutes: 24 * 60 + 1 } })[0]).toContain(
        'ondersteuningstraject.sessionMinutes: moet een geheel getal van 1 tot en met 1440 zijn',
      );
      for (const fraction of [0, 1, 1.5, -0.5]) {
        expect(errorsWith({ ondersteuningstraject: { midEvaluationAtFraction: fraction } })).toEqual([
          `ondersteuningstraject.midEvaluationAtFraction: moet een getal groter dan 0 en kleiner dan 1 zijn (must be a number greater than 0 and less than 1); waarde/value: ${fraction}`,
        ]);
      }
      expect(errorsWith({ ondersteuningstraject: { midEvaluationAtFraction: 0.4 } })).toEqual([]);
    });
  });

  describe('zorgroute (P2)', () => {
    it.each([
      'triageWithinSchoolDays',
      'izoEveryWeeks',
      'minutesWithinSchoolDays',
      'nagesprekWithinSchoolDays',
      'evaluationAfterWeeks',
      'zatMinMeetingsPerSchoolYear',
      'zatAgendaBeforeSchoolDays',
      'flexZatWithinSchoolDays',
      'referralCompleteWithinSchoolDays',
      'bilateralWithinSchoolDays',
      'voorgesprekWithinSchoolDays',
      'izoInfoBeforeSchoolDays',
      'zatInfoWithinSchoolDays',
      'zatPlanWithinSchoolDays',
    ])('requires %s to be a positive integer', (key) => {
      expect(errorsWith({ zorgroute: { [key]: 0 } })).toEqual([
        `zorgroute.${key}: moet een positief geheel getal zijn (must be a positive integer); waarde/value: 0`,
      ]);
    });

    it('requires the IZO weekday to be a school weekday and the ZAT calendar to hold dates', () => {
      expect(errorsWith({ zorgroute: { izoWeekday: 6 } })).toEqual([
        'zorgroute.izoWeekday: moet een geheel getal van 1 tot en met 5 zijn (must be an integer from 1 to 5); waarde/value: 6',
      ]);
      expect(errorsWith({ zorgroute: { zatMeetingDates: ['2026-13-01'] } })).toEqual([
        'zorgroute.zatMeetingDates.0: moet een datum JJJJ-MM-DD zijn (must be a date YYYY-MM-DD); waarde/value: "2026-13-01"',
      ]);
      expect(errorsWith({ zorgroute: { zatMeetingDates: ['2026-12-08', '2027-02-02'] } })).toEqual([]);
    });
  });

  describe('jos (P3)', () => {
    it('requires a positive term for setting the goals', () => {
      expect(errorsWith({ jos: { goalsWithinSchoolDays: 0 } })).toEqual([
        'jos.goalsWithinSchoolDays: moet een positief geheel getal zijn (must be a positive integer); waarde/value: 0',
      ]);
    });

    it('requires the cap warning and the evaluation interval to fit within the cap', () => {
      // 5 months ≥ 140 days: a warning 20 weeks (140 days) before the cap would fall on or before the start.
      expect(errorsWith({ jos: { capWarningWeeksBefore: 20 } })).toEqual([
        'jos.capWarningWeeksBefore: moet korter zijn dan maxMonths (anders valt de waarschuwing vóór de start) (must be shorter than maxMonths (else the warning falls before the start)); waarde/value: 20',
      ]);
      expect(errorsWith({ jos: { capWarningWeeksBefore: 19 } })).toEqual([]);
      expect(errorsWith({ jos: { maxMonths: 1, capWarningWeeksBefore: 3, evaluationEveryWeeks: 4 } })).toEqual([
        expect.stringContaining('jos.evaluationEveryWeeks: moet korter zijn dan maxMonths') as string,
      ]);
    });
  });

  describe('zorgplicht (P4)', () => {
    it('enforces the statutory maxima: 6 weeks, one extension of at most 4 weeks', () => {
      expect(errorsWith({ zorgplicht: { decisionWeeks: 7 } })).toEqual([
        'zorgplicht.decisionWeeks: mag niet langer zijn dan de wettelijke 6 weken (must not exceed the statutory 6 weeks); waarde/value: 7',
      ]);
      expect(errorsWith({ zorgplicht: { maxExtensions: 2 } })).toEqual([
        'zorgplicht.maxExtensions: de wet staat één verlenging toe (the law allows one extension); waarde/value: 2',
      ]);
      expect(errorsWith({ zorgplicht: { extensionMaxWeeks: 5 } })).toEqual([
        'zorgplicht.extensionMaxWeeks: mag niet langer zijn dan de wettelijke 4 weken (must not exceed the statutory 4 weeks); waarde/value: 5',
      ]);
    });

    it('requires the SWV warning inside the term and the SWV alert after it', () => {
      expect(errorsWith({ zorgplicht: { swvWarnDaysBefore: 42 } })).toEqual([
        'zorgplicht.swvWarnDaysBefore: moet korter zijn dan de beslistermijn (must be shorter than the decision term); waarde/value: 42',
      ]);
      expect(errorsWith({ zorgplicht: { swvWarnDaysBefore: 41 } })).toEqual([]);
      expect(errorsWith({ zorgplicht: { swvAlertAfterWeeks: 6 } })).toEqual([
        'zorgplicht.swvAlertAfterWeeks: moet langer zijn dan decisionWeeks (must be longer than decisionWeeks); waarde/value: 6',
      ]);
      expect(errorsWith({ zorgplicht: { bezwaarWeeks: 0 } })[0]).toContain('zorgplicht.bezwaarWeeks');
    });
  });

  describe('oov (P5)', () => {
    it('requires the short arrangement not to exceed the long one and the end evaluation inside the shortest', () => {
      expect(errorsWith({ oov: { behandeltrajectKortMonths: 7 } })).toEqual([
        'oov.behandeltrajectLangMonths: moet minstens behandeltrajectKortMonths zijn (must be at least behandeltrajectKortMonths); waarde/value: 6',
      ]);
      expect(errorsWith({ oov: { evaluationBeforeEndWeeks: 6 } })).toEqual([
        expect.stringContaining('oov.evaluationBeforeEndWeeks: moet korter zijn dan het kortste arrangement') as string,
      ]);
      expect(errorsWith({ oov: { followUpAfterReturnWeeks: 0 } })[0]).toContain('oov.followUpAfterReturnWeeks');
    });

    it('requires positive terms for preparation, request, SWV decision and intake; extensions may be 0', () => {
      for (const key of ['preparationWithinSchoolDays', 'requestWithinSchoolDays', 'swvDecisionWithinSchoolDays', 'intakeWithinSchoolDays']) {
        expect(errorsWith({ oov: { [key]: 0 } })).toEqual([`oov.${key}: moet een positief geheel getal zijn (must be a positive integer); waarde/value: 0`]);
      }
      expect(errorsWith({ oov: { maxExtensions: 0 } })).toEqual([]);
      expect(errorsWith({ oov: { maxExtensions: -1 } })).toEqual(['oov.maxExtensions: moet een geheel getal van 0 of meer zijn (must be an integer of 0 or more); waarde/value: -1']);
    });
  });

  describe('opp (P7)', () => {
    it('evaluates at least yearly: more often may, less often may not', () => {
      expect(errorsWith({ opp: { evaluateEveryMonths: 6, evaluationOpensWeeksBefore: 2, shareWithSwv: true } })).toEqual([]);
      expect(errorsWith({ opp: { evaluateEveryMonths: 13 } })).toEqual(['opp.evaluateEveryMonths: moet een geheel getal van 1 tot en met 12 zijn (must be an integer from 1 to 12); waarde/value: 13']);
    });

    it('opens the evaluation before it is due, within the cycle', () => {
      expect(errorsWith({ opp: { evaluateEveryMonths: 1, evaluationOpensWeeksBefore: 4 } })).toEqual([
        'opp.evaluationOpensWeeksBefore: moet korter zijn dan evaluateEveryMonths (anders opent de evaluatie vóór de vorige is afgerond) (must be shorter than evaluateEveryMonths (else the evaluation opens before the previous one concluded)); waarde/value: 4',
      ]);
    });

    it('requires positive terms', () => {
      for (const key of ['drawUpWithinWeeks', 'adjustWithinSchoolDays', 'hearPupilWithinSchoolDays', 'refusalFollowUpWithinSchoolDays', 'bronWithinSchoolDays', 'geschillencommissieWeeks']) {
        expect(errorsWith({ opp: { [key]: 0 } })).toEqual([`opp.${key}: moet een positief geheel getal zijn (must be a positive integer); waarde/value: 0`]);
      }
    });
  });

  describe('overdracht (P6)', () => {
    it('accepts only known feedback moments, once each', () => {
      expect(errorsWith({ overdracht: { terugkoppelingMoments: ['NA_EERSTE_RAPPORT', 'KERST'] } })).toEqual([
        'overdracht.terugkoppelingMoments.1: moet een van NA_EERSTE_RAPPORT, EINDE_LEERJAAR_1 zijn (must be one of NA_EERSTE_RAPPORT, EINDE_LEERJAAR_1); waarde/value: "KERST"',
      ]);
      expect(errorsWith({ overdracht: { terugkoppelingMoments: ['EINDE_LEERJAAR_1', 'EINDE_LEERJAAR_1'] } })).toEqual([
        'overdracht.terugkoppelingMoments: bevat dubbele waarden (contains duplicates); waarde/value: ["EINDE_LEERJAAR_1","EINDE_LEERJAAR_1"]',
      ]);
    });

    it('checks each regional calendar: school year, dates and their order', () => {
      const calendars = [
        { ...validCalendar, schoolYear: '2027/2028' },
        { ...validCalendar, aanmeldweek: { from: '2027-04-02', to: '2027-03-29' } },
        { ...validCalendar, schooladviesBy: '2027-04-01', osoDeadline: '2027-02-30' },
        { ...validCalendar, warmeOverdracht: { from: '2027-06-25', to: '2027-05-10' }, startSchoolYear: '2028-08-28' },
        { ...validCalendar, osoDeadline: '2027-09-01' },
      ];
      // Calendar 0 has a malformed year, so calendar 1 is the first "2027-2028" and the later ones repeat it.
      expect(errorsWith({ overdracht: { regionalCalendars: calendars } })).toEqual([
        'overdracht.regionalCalendars.0.schoolYear: moet een schooljaar als "2027-2028" zijn (must be a school year such as "2027-2028"); waarde/value: "2027/2028"',
        'overdracht.regionalCalendars.1.aanmeldweek.to: mag niet vóór aanmeldweek.from liggen (must not be before aanmeldweek.from); waarde/value: "2027-03-29"',
        'overdracht.regionalCalendars.2.schoolYear: komt meer dan eens voor (occurs more than once); waarde/value: "2027-2028"',
        'overdracht.regionalCalendars.2.osoDeadline: moet een datum JJJJ-MM-DD zijn (must be a date YYYY-MM-DD); waarde/value: "2027-02-30"',
        'overdracht.regionalCalendars.2.schooladviesBy: moet vóór de aanmeldweek liggen (must be before the aanmeldweek); waarde/value: "2027-04-01"',
        'overdracht.regionalCalendars.3.schoolYear: komt meer dan eens voor (occurs more than once); waarde/value: "2027-2028"',
        'overdracht.regionalCalendars.3.warmeOverdracht.to: mag niet vóór warmeOverdracht.from liggen (must not be before warmeOverdracht.from); waarde/value: "2027-05-10"',
        'overdracht.regionalCalendars.3.startSchoolYear: moet in het schooljaar liggen (must fall in the school year); waarde/value: "2028-08-28"',
        'overdracht.regionalCalendars.4.schoolYear: komt meer dan eens voor (occurs more than once); waarde/value: "2027-2028"',
        'overdracht.regionalCalendars.4.osoDeadline: moet vóór de start van het schooljaar liggen (must be before the start of the school year); waarde/value: "2027-09-01"',
      ]);
    });

    it('checks the optional feedback moments of a calendar and the P6 terms', () => {
      const ok = { ...validCalendar, terugkoppeling: { naEersteRapport: '2027-12-17', eindeLeerjaar1: '2028-07-07' } };
      expect(errorsWith({ overdracht: { regionalCalendars: [ok] } })).toEqual([]);
      const bad = { ...validCalendar, terugkoppeling: { naEersteRapport: '2027-08-02', eindeLeerjaar1: '2028-08-07' } };
      expect(errorsWith({ overdracht: { regionalCalendars: [bad] } })).toEqual([
        `overdracht.regionalCalendars.0.terugkoppeling.naEersteRapport: mag niet vóór de start van het schooljaar liggen (must not be before the start of the school year); waarde/value: "2027-08-02"`,
        `overdracht.regionalCalendars.0.terugkoppeling.eindeLeerjaar1: moet in het schooljaar liggen (must fall in the school year); waarde/value: "2028-08-07"`,
      ]);
      const swapped = { ...validCalendar, terugkoppeling: { naEersteRapport: '2028-02-01', eindeLeerjaar1: '2027-12-01' } };
      expect(errorsWith({ overdracht: { regionalCalendars: [swapped] } })).toEqual([
        `overdracht.regionalCalendars.0.terugkoppeling.eindeLeerjaar1: mag niet vóór terugkoppeling.naEersteRapport liggen (must not be before terugkoppeling.naEersteRapport); waarde/value: "2027-12-01"`,
      ]);
      expect(errorsWith({ overdracht: { feedbackWithinSchoolDays: 0 } })).toEqual([
        'overdracht.feedbackWithinSchoolDays: moet een positief geheel getal zijn (must be a positive integer); waarde/value: 0',
      ]);
    });

    it('accepts calendars of different school years', () => {
      const next = {
        ...validCalendar,
        schoolYear: '2028-2029',
        schooladviesBy: '2028-03-24',
        aanmeldweek: { from: '2028-03-27', to: '2028-03-31' },
        osoDeadline: '2028-04-14',
        warmeOverdracht: { from: '2028-05-08', to: '2028-06-23' },
        startSchoolYear: '2028-09-04',
      };
      expect(errorsWith({ overdracht: { regionalCalendars: [validCalendar, next] } })).toEqual([]);
    });
  });

  it('requires the consent answer to be due no later than its timeout', () => {
    expect(errorsWith({ consent: { respondWithinSchoolDays: 16 } })).toEqual([
      'consent.respondWithinSchoolDays: mag niet groter zijn dan timeoutSchoolDays (must not exceed timeoutSchoolDays); waarde/value: 16',
    ]);
  });

  it('requires a positive consent timeout', () => {
    expect(errorsWith({ consent: { timeoutSchoolDays: 0 } })).toEqual([
      'consent.timeoutSchoolDays: moet een positief geheel getal zijn (must be a positive integer); waarde/value: 0',
    ]);
  });

  it('reports NaN and Infinity as such', () => {
    expect(errorsWith({ jos: { maxMonths: Number.NaN } })[0]).toMatch(/jos\.maxMonths: .*waarde\/value: NaN$/);
    expect(errorsWith({ zorgroute: { izoEveryWeeks: Number.POSITIVE_INFINITY } })[0]).toMatch(/value: Infinity$/);
  });

  it('never throws, also not on a malformed object, and reports what is missing', () => {
    const errors = validatePolicies({ ladder: null } as unknown as ProcessPolicies);
    expect(errors.length).toBeGreaterThan(40);
    expect(errors).toContain(
      'ladder.sendAtHour: moet een geheel getal van 0 tot en met 23 zijn (must be an integer from 0 to 23); waarde/value: undefined',
    );
    expect(errors).toContain('overdracht.regionalCalendars: moet een lijst zijn (must be a list); waarde/value: undefined');
    expect(() => validatePolicies(null as unknown as ProcessPolicies)).not.toThrow();
  });
});
