import type { WorkflowHandle } from '@temporalio/client';
import { addCalendarDays, addCalendarMonths, addCalendarWeeks, addSchoolDays, buildSchoolCalendar, dueInSchoolDays, nextSchoolDay } from '@zorgroute/domain/logic';
import { FakeCaseActivities } from '../../../test/fake-case-activities';
import { DAY, maybeRecordHistory, updateError, useWorkflowTestKit, waitUntil } from '../../../test/workflow-test-kit';
import { recordConsentDecision } from '../common/consent';
import { getJosState, josWorkflow, recordJosOutcome, recordJosStartgesprek, setJosGoals, submitJosForm, type JosState } from '../jos/jos.workflow';
import {
  getOovState,
  OOV_CONSENT_STEP,
  oovWorkflow,
  recordOovConsultation,
  recordOovEvaluation,
  recordOovFollowUp,
  recordOovIntake,
  recordOovReturnPlan,
  recordOovSwvDecision,
  stopOov,
  submitOovRequest,
  type OovArrangement,
  type OovState,
  type StartOovInput,
} from './oov.workflow';

const cal = buildSchoolCalendar('midden');
const zc = { id: 'zc-1', name: 'Marieke Verhoef' };
const lb = { id: 'lb-1', name: 'Thijs Bakker' };
const swv = { id: 'swv-1', name: 'Esther van Dam' };
const parent = { id: 'parent-1', name: 'Petra Veldkamp' };

type Handle = WorkflowHandle<typeof oovWorkflow>;

const kit = useWorkflowTestKit();

async function start(taskQueue: string, workflowId: string, over: Partial<StartOovInput> = {}): Promise<Handle> {
  const input: StartOovInput = {
    schoolId: 's-1',
    pupilId: 'pupil-1',
    startedBy: zc,
    reason: 'Ernstige schoolangst; komt al weken niet naar school',
    source: 'DIRECT',
  };
  return kit.env.client.workflow.start(oovWorkflow, { taskQueue, workflowId, args: [{ ...input, ...over }] });
}

async function state(h: Handle): Promise<OovState> {
  return h.query(getOovState);
}

async function waitFor(h: Handle, check: (st: OovState) => boolean, what: string): Promise<OovState> {
  for (let i = 0; i < 300; i++) {
    const st = await h.query(getOovState).catch(() => null);
    if (st && check(st)) return st;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what} not reached`);
}

const waitForStep = (h: Handle, step: string) => waitFor(h, (st) => st.case.waitingFor === step, `step ${step}`);

/** VOORBEREIDING: the three consultations, then the parents' answer. */
async function prepare(h: Handle, answer: 'GIVEN' | 'REFUSED' = 'GIVEN'): Promise<OovState> {
  await waitForStep(h, 'OOV_RECORD_CONSULTATIONS');
  const today = await kit.today();
  for (const [party, summary] of [
    ['OUDERS', 'Ouders zien dat het zo niet langer gaat en staan open voor een OOV'],
    ['SWV', 'Onderwijsspecialist adviseert een observatietraject'],
    ['SOCIAAL_TEAM', 'Gezinsspecialist ondersteunt thuis; geeft indicatie voor OOV'],
  ] as const) {
    await h.executeUpdate(recordOovConsultation, { args: [{ actor: zc, party, date: today, withWhom: null, summary }] });
  }
  const asked = await waitFor(h, (st) => st.case.waitingFor === OOV_CONSENT_STEP && st.consent?.status === 'PENDING', 'consent asked');
  await h.executeUpdate(recordConsentDecision, {
    args: [{ actor: parent, requestId: asked.consent?.requestId as string, decision: answer, method: 'DIGITAL', giverUserId: parent.id, giverRole: 'PARENT', note: answer === 'REFUSED' ? 'Wij willen dit niet' : null }],
  });
  return asked;
}

async function request(h: Handle, arrangement: OovArrangement = 'OBSERVATIE_6W'): Promise<void> {
  await waitForStep(h, 'OOV_SUBMIT_REQUEST');
  await h.executeUpdate(submitOovRequest, {
    args: [
      {
        actor: zc,
        reasons: ['SCHOOLANGST', 'OBSERVATIE_ONDERWIJSBEHOEFTE'],
        arrangement,
        preferredLocation: 'Gouda',
        motivation: 'Na JOS en een ondersteuningstraject nog steeds thuiszittend; kleinere setting nodig',
        goals: 'Weer naar school durven; zicht op onderwijsbehoeften',
        leerlingbegeleiderId: lb.id,
      },
    ],
  });
}

async function decide(h: Handle, decision: 'TOEGEKEND' | 'AFGEWEZEN', arrangement: OovArrangement | null = 'OBSERVATIE_6W'): Promise<void> {
  await waitForStep(h, 'OOV_SWV_DECISION');
  await h.executeUpdate(recordOovSwvDecision, {
    args: [
      decision === 'TOEGEKEND'
        ? { actor: swv, decision, arrangement, location: 'Gouda', motivation: 'Voldoet aan de criteria; plaats beschikbaar' }
        : { actor: swv, decision, motivation: 'Eerst inzet van ambulante begeleiding op school' },
    ],
  });
}

/** INTAKE today; the placement starts on the next school day. Returns the start date. */
async function intake(h: Handle): Promise<string> {
  await waitForStep(h, 'OOV_INTAKE');
  const today = await kit.today();
  const startDate = nextSchoolDay(addCalendarDays(today, 1), cal);
  await h.executeUpdate(recordOovIntake, {
    args: [{ actor: lb, date: today, startDate, leerlingbegeleiderPresent: true, zorgcoordinatorPresent: true, oovContact: 'coördinator OOV Gouda', carePartners: ['STEK', 'Sociaal Team'], summary: 'Kennismaking; afspraken over vervoer en lestijden' }],
  });
  return startDate;
}

describe('P5 OOV workflow (time skipping)', () => {
  it('runs an OOV that is extended and then returned: 6 weeks, a new SWV decision for 3 months, the return plan and a follow-up 6 weeks after the return', async () => {
    const fakes = new FakeCaseActivities();
    const final = await kit.withWorker(
      fakes.activities(),
      async (tq) => {
        const h = await start(tq, 'oov-verlengd-teruggekeerd');
        const started = await waitForStep(h, 'OOV_RECORD_CONSULTATIONS');
        expect(started.case.status).toBe('VOORBEREIDING');
        expect(started.enrolment.note).toContain('blijft ingeschreven op Testschool');
        expect(started.case.data.enrolment).toEqual(started.enrolment);

        // The request cannot go before the consultations and the consent.
        const early = await updateError(h.executeUpdate(submitOovRequest, { args: [{ actor: zc, reasons: ['SCHOOLANGST'], arrangement: 'OBSERVATIE_6W', motivation: 'Te vroeg ingediend verzoek', goals: 'Doel' }] }));
        expect(early.type).toBe('STEP_NOT_ALLOWED');
        await prepare(h);
        await request(h);
        const waiting = await waitForStep(h, 'OOV_SWV_DECISION');
        expect(waiting.case.status).toBe('BESLUIT_SWV');
        expect(waiting.case.ownerUserId).toBeNull();
        // The SWV loket is told (and reminded) about the decision it has to take.
        await waitUntil(() => fakes.notifications.some((n) => n.kind === 'STEP_ASSIGNED' && n.recipients.swvLoketOfSchool === 's-1'), 'SWV loket told');
        const toSwv = fakes.notifications.find((n) => n.kind === 'STEP_ASSIGNED' && n.recipients.swvLoketOfSchool === 's-1');
        expect(toSwv?.stepLabel).toBe('Besluit van het SWV over de OOV-aanvraag');
        expect(waiting.case.participantIds).toEqual(expect.arrayContaining(['zc-1', 'lb-1']));

        const noLocation = await updateError(h.executeUpdate(recordOovSwvDecision, { args: [{ actor: swv, decision: 'TOEGEKEND', arrangement: 'OBSERVATIE_6W', location: null, motivation: 'Akkoord' }] }));
        expect(noLocation.type).toBe('BAD_USER_INPUT');
        await decide(h, 'TOEGEKEND', 'OBSERVATIE_6W');
        const startDate = await intake(h);
        const placed = await waitFor(h, (st) => st.case.status === 'GEPLAATST', 'placed');
        const first = placed.periods[0];
        expect(first).toMatchObject({ round: 1, arrangement: 'OBSERVATIE_6W', location: 'Gouda', startDate, endDate: addCalendarWeeks(startDate, 6) });
        expect(first.midEvaluationDate).toBe(addCalendarDays(startDate, 21));
        expect(first.endEvaluationDate).toBe(addCalendarWeeks(first.endDate, -2));

        // Evaluation at half-time.
        await kit.sleepUntil(startDate);
        const mid = await waitForStep(h, 'OOV_MID_EVALUATION');
        expect(mid.case.nextDueDate).toBe(nextSchoolDay(first.midEvaluationDate, cal));
        expect(mid.case.ownerUserId).toBe('lb-1');
        const tooSoon = await updateError(h.executeUpdate(recordOovEvaluation, { args: [{ actor: lb, summary: 'Gaat goed', nextStep: 'TERUGKEER' }] }));
        expect(tooSoon.type).toBe('BAD_USER_INPUT');
        await kit.sleepUntil(first.midEvaluationDate);
        await h.executeUpdate(recordOovEvaluation, { args: [{ actor: lb, summary: 'Komt elke dag; observatie loopt' }] });

        // Two weeks before the end: the observation shows treatment is needed — a longer arrangement.
        const before = await waitForStep(h, 'OOV_END_EVALUATION');
        expect(before.case.nextDueDate).toBe(nextSchoolDay(first.endEvaluationDate, cal));
        await kit.sleepUntil(first.endEvaluationDate);
        const shorter = await updateError(h.executeUpdate(recordOovEvaluation, { args: [{ actor: zc, summary: 'Verlengen', nextStep: 'VERLENGD', extensionArrangement: 'OBSERVATIE_6W', extensionMotivation: 'Nog eens zes weken observeren' }] }));
        expect(shorter.type).toBe('BAD_USER_INPUT');
        await h.executeUpdate(recordOovEvaluation, {
          args: [{ actor: zc, summary: 'Observatie toont angststoornis; behandeling nodig', nextStep: 'VERLENGD', extensionArrangement: 'OBS_BEHANDEL_3M', extensionMotivation: 'Behandeling door GGZ binnen de OOV is nodig voor een terugkeer' }],
        });
        const extension = await waitForStep(h, 'OOV_SWV_DECISION');
        expect(extension.case.status).toBe('BESLUIT_SWV');
        expect(extension.requests).toHaveLength(2);
        expect(extension.requests[1]).toMatchObject({ round: 2, arrangement: 'OBS_BEHANDEL_3M', extension: true });
        await decide(h, 'TOEGEKEND', 'OBS_BEHANDEL_3M');

        // The longer arrangement continues from the end of the first one (no new intake).
        const extended = await waitFor(h, (st) => st.periods.length === 2, 'second period');
        const second = extended.periods[1];
        expect(extended.case.status).toBe('GEPLAATST');
        expect(extended.extensions).toBe(1);
        expect(second).toMatchObject({ round: 2, arrangement: 'OBS_BEHANDEL_3M', startDate: first.endDate, endDate: addCalendarMonths(first.endDate, 3) });
        const noMore = second.endEvaluationDate;
        await kit.sleepUntil(second.startDate);
        await waitForStep(h, 'OOV_MID_EVALUATION');
        await kit.sleepUntil(second.midEvaluationDate);
        await h.executeUpdate(recordOovEvaluation, { args: [{ actor: lb, summary: 'Behandeling slaat aan; bouwt schooldagen op' }] });
        await waitForStep(h, 'OOV_END_EVALUATION');
        await kit.sleepUntil(noMore);
        // Extended once already: the policy allows one extension.
        const twice = await updateError(h.executeUpdate(recordOovEvaluation, { args: [{ actor: zc, summary: 'Nog langer', nextStep: 'VERLENGD', extensionArrangement: 'OBS_BEHANDEL_6M', extensionMotivation: 'Nog een half jaar behandeling nodig' }] }));
        expect(twice.type).toBe('STEP_NOT_ALLOWED');
        await h.executeUpdate(recordOovEvaluation, { args: [{ actor: zc, summary: 'Klaar voor terugkeer naar de eigen school', nextStep: 'TERUGKEER' }] });

        // TERUGKEER: return plan and handover by the end date.
        const returning = await waitForStep(h, 'OOV_RETURN_PLAN');
        expect(returning.case.status).toBe('TERUGKEER');
        expect(returning.case.nextDueDate).toBe(nextSchoolDay(second.endDate, cal));
        const returnDate = nextSchoolDay(second.endDate, cal);
        await h.executeUpdate(recordOovReturnPlan, {
          args: [{ actor: zc, returnDate, plan: 'Eerste twee weken halve dagen; vaste mentor als aanspreekpunt', handoverDate: await kit.today(), handoverSummary: 'Overdracht met OOV en mentor gehouden', mentorInformed: true }],
        });
        const planned = await waitFor(h, (st) => st.followUpDate !== null, 'follow-up date');
        const followUpDate = addCalendarWeeks(returnDate, 6);
        expect(planned.followUpDate).toBe(followUpDate);

        // The follow-up evaluation 6 weeks after the return, with its reminders; it cannot be recorded before the return.
        const back = await waitForStep(h, 'OOV_FOLLOW_UP');
        const beforeReturn = await updateError(h.executeUpdate(recordOovFollowUp, { args: [{ actor: zc, date: await kit.today(), summary: 'Te vroeg', returnSucceeded: true }] }));
        expect(beforeReturn.type).toBe('BAD_USER_INPUT');
        await kit.sleepUntil(returnDate);
        expect(back.case.nextDueDate).toBe(nextSchoolDay(followUpDate, cal));
        expect((back.case.data.dueDates as { step: string; explanation: string }[]).find((d) => d.step === 'OOV_FOLLOW_UP')?.explanation).toContain(`6 weken na de terugkeer op ${returnDate}`);
        await kit.sleepUntil(back.case.nextDueDate as string);
        await waitUntil(() => fakes.notifications.some((n) => n.kind === 'STEP_REMINDER' && n.stepLabel === 'Evaluatie na de terugkeer' && n.rung === 'due'), 'reminder on the follow-up date');
        const beforeRung = fakes.notifications.find((n) => n.kind === 'STEP_REMINDER' && n.stepLabel === 'Evaluatie na de terugkeer' && n.rung === 'before-2');
        expect(beforeRung).toBeDefined();
        await h.executeUpdate(recordOovFollowUp, { args: [{ actor: zc, date: await kit.today(), summary: 'Volledig rooster; gaat goed', returnSucceeded: true }] });
        const result = await h.result();
        await maybeRecordHistory(h, 'oov-verlengd-teruggekeerd');
        return result;
      },
      'p5',
    );
    expect(final.case.status).toBe('AFGESLOTEN');
    expect(final.case.outcome).toBe('TERUGKEER');
    expect(final.case.closedAt).not.toBeNull();
    expect(final.decisions.map((d) => [d.round, d.decision, d.arrangement])).toEqual([
      [1, 'TOEGEKEND', 'OBSERVATIE_6W'],
      [2, 'TOEGEKEND', 'OBS_BEHANDEL_3M'],
    ]);
    expect(final.evaluations.map((e) => `${e.round}:${e.kind}:${e.nextStep ?? ''}`)).toEqual(['1:HALVERWEGE:', '1:EIND:VERLENGD', '2:HALVERWEGE:', '2:EIND:TERUGKEER']);
    expect(final.consultations.map((c) => c.party)).toEqual(['OUDERS', 'SWV', 'SOCIAAL_TEAM']);
    expect(fakes.audit.map((a) => a.action).filter((a) => a.startsWith('STATUS_'))).toEqual([
      'STATUS_AANVRAAG_SWV',
      'STATUS_BESLUIT_SWV',
      'STATUS_INTAKE',
      'STATUS_GEPLAATST',
      'STATUS_VERLENGD',
      'STATUS_BESLUIT_SWV',
      'STATUS_GEPLAATST',
      'STATUS_TERUGKEER',
      'STATUS_AFGESLOTEN',
    ]);
    expect(fakes.audit.map((a) => a.action)).toEqual(expect.arrayContaining(['CONSENT_REQUESTED', 'CONSENT_GIVEN', 'OOV_RETURN_PLANNED', 'OOV_FOLLOW_UP_RECORDED']));
    expect(fakes.duplicates).toBe(0);
  }, 300_000);

  it('closes as AFGEWEZEN when the SWV rejects the request', async () => {
    const fakes = new FakeCaseActivities();
    const final = await kit.withWorker(
      fakes.activities(),
      async (tq) => {
        const h = await start(tq, 'oov-afgewezen');
        await prepare(h);
        await request(h, 'OBS_BEHANDEL_6M');
        const waiting = await waitForStep(h, 'OOV_SWV_DECISION');
        // Overdue: reminders go to the SWV loket, the escalation to the zorgcoördinator.
        const decisionDue = waiting.case.nextDueDate as string;
        expect(decisionDue).toBe(dueInSchoolDays(await kit.today(), 10, cal, 'x').date);
        await kit.sleepUntil(addSchoolDays(decisionDue, 3, cal));
        await waitUntil(() => fakes.notifications.some((n) => n.kind === 'STEP_ESCALATION' && n.stepLabel === 'Besluit van het SWV over de OOV-aanvraag'), 'escalation');
        const reminders = fakes.notifications.filter((n) => n.kind === 'STEP_REMINDER' && n.stepLabel === 'Besluit van het SWV over de OOV-aanvraag');
        expect(reminders.length).toBeGreaterThanOrEqual(2);
        expect(reminders.every((n) => n.recipients.swvLoketOfSchool === 's-1')).toBe(true);
        expect(fakes.notifications.find((n) => n.kind === 'STEP_ESCALATION' && n.stepLabel === 'Besluit van het SWV over de OOV-aanvraag')?.recipients.userIds).toEqual(['zc-1']);
        const bad = await updateError(h.executeUpdate(recordOovSwvDecision, { args: [{ actor: swv, decision: 'AFGEWEZEN', arrangement: 'OBSERVATIE_6W', motivation: 'Nee' }] }));
        expect(bad.type).toBe('BAD_USER_INPUT');
        await decide(h, 'AFGEWEZEN');
        const result = await h.result();
        await maybeRecordHistory(h, 'oov-afgewezen');
        return result;
      },
      'p5',
    );
    expect(final.case.status).toBe('AFGEWEZEN');
    expect(final.case.outcome).toBe('AFGEWEZEN');
    expect(final.decisions[0]).toMatchObject({ decision: 'AFGEWEZEN', arrangement: null, location: null, decidedBy: 'Esther van Dam' });
    expect(final.intake).toBeNull();
    expect(final.case.participantIds).toContain('swv-1');
  }, 300_000);

  it('closes as GEEN_TOESTEMMING when the parents refuse; nothing goes to the SWV', async () => {
    const fakes = new FakeCaseActivities();
    const final = await kit.withWorker(
      fakes.activities(),
      async (tq) => {
        const h = await start(tq, 'oov-geen-toestemming');
        await waitForStep(h, 'OOV_RECORD_CONSULTATIONS');
        // Two of three consultations: the consent is not asked yet.
        await h.executeUpdate(recordOovConsultation, { args: [{ actor: zc, party: 'OUDERS', date: await kit.today(), summary: 'Gesprek met moeder' }] });
        const future = await updateError(h.executeUpdate(recordOovConsultation, { args: [{ actor: zc, party: 'SWV', date: addCalendarDays(await kit.today(), 3), summary: 'Gepland overleg' }] }));
        expect(future.type).toBe('BAD_USER_INPUT');
        const st = await state(h);
        expect(st.case.waitingFor).toBe('OOV_RECORD_CONSULTATIONS');
        expect(st.consent).toBeNull();
        await prepare(h, 'REFUSED');
        const result = await h.result();
        await maybeRecordHistory(h, 'oov-geen-toestemming');
        return result;
      },
      'p5',
    );
    expect(final.case.status).toBe('GEEN_TOESTEMMING');
    expect(final.case.outcome).toBe('GEWEIGERD');
    expect(final.consent?.status).toBe('REFUSED');
    expect(final.requests).toEqual([]);
    expect(fakes.notifications.some((n) => n.recipients.swvLoketOfSchool)).toBe(false);
  }, 300_000);

  it('ends in the VSO route (TLV) after the evaluation before the end', async () => {
    const fakes = new FakeCaseActivities();
    const final = await kit.withWorker(
      fakes.activities(),
      async (tq) => {
        const h = await start(tq, 'oov-vervolg-vso', { leerlingbegeleiderId: lb.id });
        await prepare(h);
        await request(h, 'OBS_BEHANDEL_3M');
        await decide(h, 'TOEGEKEND', 'OBS_BEHANDEL_3M');
        const startDate = await intake(h);
        const placed = await waitFor(h, (st) => st.case.status === 'GEPLAATST', 'placed');
        expect(placed.periods[0].endDate).toBe(addCalendarMonths(startDate, 3));
        await kit.sleepUntil(placed.periods[0].midEvaluationDate);
        await waitForStep(h, 'OOV_MID_EVALUATION');
        await h.executeUpdate(recordOovEvaluation, { args: [{ actor: lb, summary: 'Intensieve begeleiding blijft nodig' }] });
        await kit.sleepUntil(placed.periods[0].endEvaluationDate);
        await waitForStep(h, 'OOV_END_EVALUATION');
        const noNote = await updateError(h.executeUpdate(recordOovEvaluation, { args: [{ actor: zc, summary: 'VSO', nextStep: 'VERVOLG_VSO' }] }));
        expect(noNote.type).toBe('BAD_USER_INPUT');
        await h.executeUpdate(recordOovEvaluation, {
          args: [{ actor: zc, summary: 'Terugkeer naar regulier onderwijs is niet haalbaar', nextStep: 'VERVOLG_VSO', vsoNote: 'TLV aangevraagd bij de CTA van het SWV', tlvRequestedOn: await kit.today() }],
        });
        const result = await h.result();
        await maybeRecordHistory(h, 'oov-vervolg-vso');
        return result;
      },
      'p5',
    );
    expect(final.case.status).toBe('VERVOLG_VSO');
    expect(final.case.outcome).toBe('VERVOLG_VSO');
    expect(final.vso?.note).toContain('TLV');
    expect(final.returnPlan).toBeNull();
  }, 300_000);

  it('returns to school when the SWV refuses an extension, and can be stopped by the zorgcoördinator', async () => {
    const fakes = new FakeCaseActivities();
    await kit.withWorker(
      fakes.activities(),
      async (tq) => {
        const h = await start(tq, 'oov-verlenging-afgewezen');
        await prepare(h);
        await request(h);
        await decide(h, 'TOEGEKEND', 'OBSERVATIE_6W');
        const startDate = await intake(h);
        await kit.sleepUntil(startDate);
        await waitForStep(h, 'OOV_MID_EVALUATION');
        await h.executeUpdate(recordOovEvaluation, { args: [{ actor: lb, summary: 'Halverwege' }] });
        await waitForStep(h, 'OOV_END_EVALUATION');
        await h.executeUpdate(recordOovEvaluation, { args: [{ actor: zc, summary: 'Meer tijd nodig', nextStep: 'VERLENGD', extensionArrangement: 'OBS_BEHANDEL_3M', extensionMotivation: 'Behandeling nodig voordat terugkeer kan' }] });
        await decide(h, 'AFGEWEZEN');
        const returning = await waitForStep(h, 'OOV_RETURN_PLAN');
        expect(returning.case.status).toBe('TERUGKEER');
        expect(fakes.audit.find((a) => a.action === 'STATUS_TERUGKEER')?.description).toContain('Verlenging afgewezen');
        await h.executeUpdate(stopOov, { args: [{ actor: zc, reason: 'Leerling verhuist naar een andere regio' }] });
        const result = await h.result();
        await maybeRecordHistory(h, 'oov-verlenging-afgewezen');
        expect(result.case.status).toBe('GESTOPT');
        expect(result.stopReason).toBe('Leerling verhuist naar een andere regio');
      },
      'p5',
    );
  }, 300_000);

  it('opens an OOV case when JOS ends with a referral to the OOV (linked: originCaseId and ledTo)', async () => {
    const fakes = new FakeCaseActivities();
    await kit.withWorker(
      fakes.activities(),
      async (tq) => {
        const jos = await kit.env.client.workflow.start(josWorkflow, {
          taskQueue: tq,
          workflowId: `p5-jos-${tq}`,
          args: [{ schoolId: 's-1', pupilId: 'pupil-9', startedBy: zc, decisionDate: await kit.today(), needs: ['BEGINNENDE_SCHOOLANGST'], mentorId: 'mentor-1', josWorkerId: 'jos-1' }],
        });
        const josState = async (check: (st: JosState) => boolean): Promise<JosState> => {
          for (let i = 0; i < 300; i++) {
            const st = await jos.query(getJosState).catch(() => null);
            if (st && check(st)) return st;
            await new Promise((r) => setTimeout(r, 50));
          }
          throw new Error('JOS state not reached');
        };
        await josState((st) => st.case.status === 'AANMELDFORMULIER');
        await jos.executeUpdate(submitJosForm, {
          args: [{ actor: { id: 'mentor-1', name: 'Sanne' }, needs: ['BEGINNENDE_SCHOOLANGST'], problemDescription: 'Komt steeds vaker niet op school', singleSchoolRelatedProblem: true, alreadyTried: 'Gesprekken', parentsInformed: true }],
        });
        await josState((st) => st.case.status === 'STARTGESPREK');
        await jos.executeUpdate(recordJosStartgesprek, { args: [{ actor: { id: 'jos-1', name: 'Lotte' }, date: await kit.today(), parentsPresent: true, mentorPresent: true, pupilPresent: true, summary: 'Kennismaking' }] });
        const sig = await josState((st) => st.signature?.status === 'PENDING');
        await jos.executeUpdate(recordConsentDecision, { args: [{ actor: parent, requestId: sig.signature?.requestId as string, decision: 'GIVEN', method: 'DIGITAL', giverUserId: parent.id, giverRole: 'PARENT' }] });
        await josState((st) => st.case.status === 'DOELEN');
        await jos.executeUpdate(setJosGoals, { args: [{ actor: { id: 'jos-1', name: 'Lotte' }, pupilGoal: 'Weer elke dag naar school', agreedWithPupil: true, agreedWithMentor: true, agreedWithParents: true }] });
        await kit.env.sleep(7 * DAY);
        await jos.executeUpdate(recordJosOutcome, { args: [{ actor: { id: 'jos-1', name: 'Lotte' }, outcome: 'DOORVERWEZEN', referralTo: 'OOV', summary: 'Schoolangst neemt toe; JOS is niet genoeg' }] });
        const josClosed = await josState((st) => st.case.status === 'DOORVERWEZEN');
        const ledTo = josClosed.case.data.ledTo as { caseId: string; process: string; started: boolean }[];
        expect(ledTo).toEqual([expect.objectContaining({ caseId: `oov-from-p5-jos-${tq}`, process: 'OOV', started: true })]);

        const oov = kit.env.client.workflow.getHandle<typeof oovWorkflow>(`oov-from-p5-jos-${tq}`);
        const st = await waitFor(oov, (x) => x.case.waitingFor === 'OOV_RECORD_CONSULTATIONS', 'linked OOV case');
        expect(st.case.originCaseId).toBe(`p5-jos-${tq}`);
        expect(st.source).toBe('JOS');
        expect(st.case.pupilId).toBe('pupil-9');
        expect(st.case.ownerUserId).toBe('zc-1');
        // The linked case outlives JOS; stop it before waiting for results, so the test server never skips ahead to a timeout.
        await oov.executeUpdate(stopOov, { args: [{ actor: zc, reason: 'Test afgerond' }] });
        await oov.result();
        await jos.result();
      },
      'p5',
    );
  }, 300_000);
  it('answers each step once the process has moved on, so the next step taken at once is accepted', async () => {
    const fakes = new FakeCaseActivities();
    await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await start(tq, 'p5-direct-stappen');
      await waitForStep(h, 'OOV_RECORD_CONSULTATIONS');
      const today = await kit.today();
      await h.executeUpdate(recordOovConsultation, { args: [{ actor: zc, party: 'OUDERS', date: today, withWhom: null, summary: 'Ouders staan open voor een OOV' }] });
      await h.executeUpdate(recordOovConsultation, { args: [{ actor: zc, party: 'SWV', date: today, withWhom: null, summary: 'Onderwijsspecialist adviseert observatie' }] });
      // The last consultation ends the preparation: it answers once the consent request is open.
      const prepared = await h.executeUpdate(recordOovConsultation, { args: [{ actor: zc, party: 'SOCIAAL_TEAM', date: today, withWhom: null, summary: 'Gezinsspecialist ondersteunt thuis' }] });
      expect(prepared.case.waitingFor).toBe(OOV_CONSENT_STEP);
      expect(prepared.consent?.status).toBe('PENDING');
      await h.executeUpdate(recordConsentDecision, { args: [{ actor: parent, requestId: prepared.consent?.requestId as string, decision: 'GIVEN', method: 'DIGITAL', giverUserId: parent.id, giverRole: 'PARENT' }] });
      // (A consent answer goes through the shared consent machinery.)
      await waitForStep(h, 'OOV_SUBMIT_REQUEST');
      const submitted = await h.executeUpdate(submitOovRequest, {
        args: [{ actor: zc, reasons: ['SCHOOLANGST'], arrangement: 'OBSERVATIE_6W', motivation: 'Thuiszittend ondanks ondersteuning op school', goals: 'Weer naar school durven', leerlingbegeleiderId: lb.id }],
      });
      expect([submitted.case.status, submitted.case.waitingFor]).toEqual(['BESLUIT_SWV', 'OOV_SWV_DECISION']);
      const granted = await h.executeUpdate(recordOovSwvDecision, { args: [{ actor: swv, decision: 'TOEGEKEND', arrangement: 'OBSERVATIE_6W', location: 'Gouda', motivation: 'Voldoet aan de criteria' }] });
      expect([granted.case.status, granted.case.waitingFor]).toEqual(['INTAKE', 'OOV_INTAKE']);
      const startDate = nextSchoolDay(addCalendarDays(today, 1), cal);
      const placed = await h.executeUpdate(recordOovIntake, {
        args: [{ actor: lb, date: today, startDate, leerlingbegeleiderPresent: true, zorgcoordinatorPresent: true, oovContact: null, carePartners: [], summary: 'Kennismaking en afspraken' }],
      });
      expect([placed.case.status, placed.case.waitingFor]).toEqual(['GEPLAATST', 'OOV_MID_EVALUATION']);
      await h.executeUpdate(stopOov, { args: [{ actor: zc, reason: 'Einde van de test' }] });
      await h.result();
    });
    expect(fakes.duplicates).toBe(0);
  }, 240_000);
});

describe('P5 OOV consent by a pupil of 16+ (PROCESSES.md rule 2, time skipping)', () => {
  async function askConsent(fakes: FakeCaseActivities, tq: string): Promise<OovState> {
    const h = await start(tq, `oov-16-${tq}`);
    await waitForStep(h, 'OOV_RECORD_CONSULTATIONS');
    const today = await kit.today();
    for (const party of ['OUDERS', 'SWV', 'SOCIAAL_TEAM'] as const) {
      await h.executeUpdate(recordOovConsultation, { args: [{ actor: zc, party, date: today, withWhom: null, summary: 'Overleg gevoerd' }] });
    }
    const asked = await waitFor(h, (st) => st.consent?.status === 'PENDING', 'consent asked');
    await waitUntil(() => fakes.notifications.some((n) => n.kind === 'CONSENT_REQUESTED'), 'the consent request');
    await h.executeUpdate(stopOov, { args: [{ actor: zc, reason: 'Einde test' }] });
    await h.result();
    return asked;
  }

  it('asks the pupil himself on his 16th birthday, not his parents', async () => {
    const fakes = new FakeCaseActivities();
    await kit.withWorker(fakes.activities(), async (tq) => {
      fakes.pupilSixteenOn = await kit.today();
      await askConsent(fakes, tq);
    });
    const record = [...fakes.consents.values()][0];
    expect(record).toMatchObject({ pupilMayDecide: true, parentsOfPupil: false });
    expect(record.scope).toContain('Omdat je 16 bent of ouder, beslis je hier zelf over.');
    const request = fakes.notifications.find((n) => n.kind === 'CONSENT_REQUESTED');
    expect(request?.recipients).toEqual({ pupilAccountOf: 'pupil-1' });
  }, 120_000);

  it('asks the parents the day before (the pupil is still 15)', async () => {
    const fakes = new FakeCaseActivities();
    await kit.withWorker(fakes.activities(), async (tq) => {
      fakes.pupilSixteenOn = addCalendarDays(await kit.today(), 1);
      await askConsent(fakes, tq);
    });
    const record = [...fakes.consents.values()][0];
    expect(record).toMatchObject({ pupilMayDecide: false, parentsOfPupil: true });
    expect(fakes.notifications.find((n) => n.kind === 'CONSENT_REQUESTED')?.recipients).toEqual({ parentsOfPupil: 'pupil-1' });
  }, 120_000);
});
