import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_LADDER } from '../reminders';
import { DEFAULT_POLICIES } from './process-policies';
import { validatePolicies } from './validate-policies';

function allFrozen(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  return Object.isFrozen(value) && Object.values(value).every(allFrozen);
}

describe('DEFAULT_POLICIES', () => {
  it('holds the defaults of PROCESSES.md', () => {
    expect(DEFAULT_POLICIES).toEqual({
      ladder: {
        remindBeforeSchoolDays: [2],
        remindOnDueDate: true,
        repeatEverySchoolDays: 2,
        escalateAfterSchoolDays: 3,
        stuckAfterSchoolDays: 10,
        sendAtHour: 8,
        sendAtMinute: 0,
      },
      ondersteuningstraject: {
        informParents: true,
        registrationConsentRequired: false,
        intakeWithinSchoolDays: 10,
        matchingWithinSchoolDays: 5,
        defaultWeeks: 8,
        minWeeks: 6,
        maxWeeks: 9,
        sessionEveryWeeks: 1,
        sessionMinutes: 60,
        sessionLogWithinSchoolDays: 2,
        midEvaluationAtFraction: 0.5,
        sessionReminders: false,
        sessionReminderHoursBefore: 24,
        outcomeWithinSchoolDays: 5,
        maxExtensions: 1,
        extensionMinWeeks: 2,
        extensionMaxWeeks: 9,
      },
      zorgroute: {
        triageWithinSchoolDays: 5,
        izoEveryWeeks: 1,
        minutesWithinSchoolDays: 2,
        nagesprekWithinSchoolDays: 5,
        evaluationAfterWeeks: 6,
        zatMinMeetingsPerSchoolYear: 6,
        zatAgendaBeforeSchoolDays: 5,
        flexZat: false,
        flexZatWithinSchoolDays: 10,
        referralCompleteWithinSchoolDays: 5,
        bilateralWithinSchoolDays: 10,
        voorgesprekWithinSchoolDays: 5,
        izoConsentRequired: true,
        izoWeekday: 2,
        izoInfoBeforeSchoolDays: 1,
        zatInfoWithinSchoolDays: 10,
        zatMeetingDates: [],
        zatPlanWithinSchoolDays: 5,
      },
      jos: {
        formWithinSchoolDays: 5,
        startgesprekWithinSchoolDays: 10,
        goalsWithinSchoolDays: 10,
        signatureTimeoutSchoolDays: 15,
        maxMonths: 5,
        evaluationEveryWeeks: 6,
        capWarningWeeksBefore: 4,
        outcomeWithinSchoolDays: 10,
      },
      zorgplicht: {
        decisionWeeks: 6,
        maxExtensions: 1,
        extensionMaxWeeks: 4,
        suspendSummerHoliday: false,
        swvWarnDaysBefore: 7,
        swvAlertAfterWeeks: 10,
        bezwaarWeeks: 6,
      },
      oov: {
        observatietrajectWeeks: 6,
        behandeltrajectKortMonths: 3,
        behandeltrajectLangMonths: 6,
        midEvaluationAtFraction: 0.5,
        evaluationBeforeEndWeeks: 2,
        followUpAfterReturnWeeks: 6,
        preparationWithinSchoolDays: 10,
        requestWithinSchoolDays: 5,
        swvDecisionWithinSchoolDays: 10,
        intakeWithinSchoolDays: 10,
        maxExtensions: 1,
      },
      overdracht: {
        terugkoppelingMoments: ['NA_EERSTE_RAPPORT', 'EINDE_LEERJAAR_1'],
        regionalCalendars: [],
        okrWithinSchoolDays: 10,
        sendWithinSchoolDays: 5,
        receiptWithinSchoolDays: 5,
        mentorReadWithinSchoolDays: 5,
        feedbackWithinSchoolDays: 10,
      },
      opp: {
        drawUpWithinWeeks: 6,
        adjustWithinSchoolDays: 20,
        hearPupilWithinSchoolDays: 10,
        refusalFollowUpWithinSchoolDays: 10,
        evaluateEveryMonths: 12,
        evaluationOpensWeeksBefore: 4,
        bronWithinSchoolDays: 10,
        shareWithSwv: false,
        geschillencommissieWeeks: 6,
      },
      consent: { timeoutSchoolDays: 15, respondWithinSchoolDays: 5 },
      notifications: {
        mailStuckAfterSeconds: 3600,
        mailRetryInitialSeconds: 10,
        mailRetryMaxSeconds: 600,
        mailHeartbeatSeconds: 30,
        digestHour: 8,
        digestMinute: 30,
        digestSchoolDaysOnly: true,
      },
      retention: { closeAfterInactiveMonths: 12, purgeAfterClosedYears: 2 },
      // P8 TLV: the seed gives no durations (extracts/000-003.md); the SWV's own policy, common practice as defaults.
      tlv: {
        dossierWithinSchoolDays: 20,
        requiredDossierItems: ['OPP', 'ONDERBOUWING', 'OBSERVATIEVERSLAG', 'GESPREKSVERSLAG', 'ONDERZOEKSVERSLAG', 'DESKUNDIGHEIDSVERKLARING_VSO', 'ZIENSWIJZE_OUDERS', 'HANDTEKENING_OUDERS', 'HANDTEKENING_LEERLING'],
        checkWithinSchoolDays: 5,
        adviceWithinSchoolDays: 15,
        decisionWeeks: 6,
        maxExtensions: 1,
        extensionMaxWeeks: 4,
        minValidityMonths: 12,
        bezwaarWeeks: 6,
        registrationWithinSchoolDays: 10,
        expiryReminderMonths: 6,
        herindicatieDecisionWithinSchoolDays: 20,
      },
    });
  });

  it('uses the default ladder, as a copy', () => {
    expect(DEFAULT_POLICIES.ladder).toEqual(DEFAULT_LADDER);
    expect(DEFAULT_POLICIES.ladder).not.toBe(DEFAULT_LADDER);
  });

  it('passes its own validation', () => {
    expect(validatePolicies(DEFAULT_POLICIES)).toEqual([]);
  });

  it('is deeply frozen', () => {
    expect(allFrozen(DEFAULT_POLICIES)).toBe(true);
    expect(() => {
      (DEFAULT_POLICIES.jos as { maxMonths: number }).maxMonths = 6;
    }).toThrow(TypeError);
    expect(DEFAULT_POLICIES.jos.maxMonths).toBe(5);
  });

  it('documents every field with its source in the spec', () => {
    // Guard against undocumented policy fields: every field of the interfaces carries a TSDoc comment with an anchor.
    const source = readFileSync(join(__dirname, 'process-policies.ts'), 'utf8');
    const interfaces = ['OndersteuningstrajectPolicy', 'ZorgroutePolicy', 'JosPolicy', 'ZorgplichtPolicy', 'OovPolicy'];
    for (const name of interfaces) {
      const body = source.slice(source.indexOf(`export interface ${name}`));
      const block = body.slice(0, body.indexOf('\n}'));
      const fields = [...block.matchAll(/^ {2}(\w+): /gm)].map((m) => m[1]);
      const documented = [...block.matchAll(/\/\*\*[^]*?\*\/\n {2}(\w+):/g)].map((m) => m[1]);
      expect(documented).toEqual(fields);
      for (const doc of block.match(/\/\*\*[^]*?\*\//g) ?? []) expect(doc).toMatch(/P\d(\.\d)?|\[\d{3}:/);
    }
  });
});
