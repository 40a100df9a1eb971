import type { WorkflowHandle } from '@temporalio/client';
import { addCalendarDays, buildSchoolCalendar, nextSchoolDay, previousSchoolDay, schoolDaysBetween, toIsoDate, type OverdrachtRegionalCalendar, type PolicyOverrides } from '@zorgroute/domain/logic';
import { FakeCaseActivities } from '../../../test/fake-case-activities';
import { maybeRecordHistory, updateError, useWorkflowTestKit, waitUntil } from '../../../test/workflow-test-kit';
import { decideConsentTimeout, recordConsentDecision } from '../common/consent';
import { getZorgplichtState, type zorgplichtWorkflow } from '../zorgplicht/zorgplicht.workflow';
import { zorgplichtWorkflowId } from '../zorgplicht/zorgplicht-clock';
import { closeZorgroute, getZorgrouteState, type zorgrouteWorkflow } from '../zorgroute/zorgroute.workflow';
import {
  addOverdrachtZienswijze,
  confirmOverdrachtRead,
  confirmOverdrachtReceived,
  getOverdrachtState,
  OVERDRACHT_CONSENT_DECISION_STEP,
  OVERDRACHT_CONSENT_STEP,
  overdrachtWorkflow,
  placeOverdrachtPupil,
  recordOverdrachtFeedback,
  recordOverdrachtOkr,
  recordOverdrachtSent,
  recordWarmeOverdracht,
  referOverdrachtToIzo,
  type OverdrachtState,
  type StartOverdrachtInput,
} from './overdracht.workflow';

const cal = buildSchoolCalendar('midden');
const contact = { id: 'zc-1', name: 'Marieke Verhoef' };
const brugklas = { id: 'bkc-1', name: 'Joost Dekker' };
const mentor = { id: 'mentor-1', name: 'Sanne de Wit' };
const parent = { id: 'parent-1', name: 'Petra Veldkamp' };

type Handle = WorkflowHandle<typeof overdrachtWorkflow>;

const kit = useWorkflowTestKit();

/**
 * A regional calendar relative to `today` (the tests share the test server's clock, which only moves forward), named
 * after a school year; the workflow only looks dates up by that name.
 */
function regionalCalendar(today: string, feedback = true): OverdrachtRegionalCalendar {
  const start = nextSchoolDay(addCalendarDays(today, 120), cal);
  return {
    schoolYear: '2027-2028',
    schooladviesBy: addCalendarDays(today, 5),
    aanmeldweek: { from: addCalendarDays(today, 10), to: nextSchoolDay(addCalendarDays(today, 14), cal) },
    osoDeadline: nextSchoolDay(addCalendarDays(today, 30), cal),
    warmeOverdracht: { from: nextSchoolDay(addCalendarDays(today, 40), cal), to: nextSchoolDay(addCalendarDays(today, 80), cal) },
    startSchoolYear: start,
    ...(feedback ? { terugkoppeling: { naEersteRapport: nextSchoolDay(addCalendarDays(start, 110), cal), eindeLeerjaar1: nextSchoolDay(addCalendarDays(start, 300), cal) } } : {}),
  };
}

function fakesWith(calendar: OverdrachtRegionalCalendar, more: PolicyOverrides = {}): FakeCaseActivities {
  return new FakeCaseActivities({ ...more, overdracht: { ...(more.overdracht ?? {}), regionalCalendars: [calendar] } });
}

async function start(taskQueue: string, workflowId: string, over: Partial<StartOverdrachtInput> = {}): Promise<Handle> {
  const input: StartOverdrachtInput = {
    schoolId: 's-1',
    pupilId: 'pupil-1',
    startedBy: contact,
    schoolYear: '2027-2028',
    applicationReceivedOn: await kit.today(),
    poSchoolName: 'Basisschool De Regenboog',
    poContactName: 'Anja Vos (intern begeleider)',
    supportNeedsExpected: false,
    brugklascoordinatorId: brugklas.id,
  };
  return kit.env.client.workflow.start(overdrachtWorkflow, { taskQueue, workflowId, args: [{ ...input, ...over }] });
}

async function waitFor(h: Handle, check: (st: OverdrachtState) => boolean, what: string): Promise<OverdrachtState> {
  for (let i = 0; i < 300; i++) {
    const st = await h.query(getOverdrachtState).catch(() => null);
    if (st && check(st)) return st;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what} not reached`);
}

const waitForStep = (h: Handle, step: string) => waitFor(h, (st) => st.case.waitingFor === step, `step ${step}`);

async function recordOkr(h: Handle, supportNeeds: boolean): Promise<void> {
  await waitForStep(h, 'OVERDRACHT_RECORD_OKR');
  await h.executeUpdate(recordOverdrachtOkr, {
    args: [
      {
        actor: contact,
        schooladvies: 'havo/vwo',
        taalLezen: 'Leest op niveau 2F',
        rekenen: 'Rekent op niveau 1S',
        sociaalEmotioneel: 'Teruggetrokken in grote groepen',
        werkhouding: 'Zelfstandig, plant goed',
        externeZorg: supportNeeds ? 'Logopedie tot groep 6' : null,
        supportNeeds,
        supportNeedsDescription: supportNeeds ? 'Heeft structuur en een vast aanspreekpunt nodig' : null,
      },
    ],
  });
}

async function consent(h: Handle): Promise<void> {
  const asked = await waitFor(h, (st) => st.case.waitingFor === OVERDRACHT_CONSENT_STEP && st.consent?.status === 'PENDING', 'consent asked');
  await h.executeUpdate(recordConsentDecision, {
    args: [{ actor: parent, requestId: asked.consent?.requestId as string, decision: 'GIVEN', method: 'DIGITAL', giverUserId: parent.id, giverRole: 'PARENT' }],
  });
}

async function sendAndReceive(h: Handle, supportNeedsAtReceipt: boolean | null = null): Promise<void> {
  await waitForStep(h, 'OVERDRACHT_SEND_OKR');
  await h.executeUpdate(recordOverdrachtSent, { args: [{ actor: contact, sentOn: await kit.today(), via: 'OSO' }] });
  await waitForStep(h, 'OVERDRACHT_CONFIRM_RECEIPT');
  await h.executeUpdate(confirmOverdrachtReceived, { args: [{ actor: contact, receivedOn: await kit.today(), supportNeeds: supportNeedsAtReceipt, note: 'Dossier compleet' }] });
}

async function place(h: Handle): Promise<void> {
  await waitForStep(h, 'OVERDRACHT_PLACEMENT');
  await h.executeUpdate(placeOverdrachtPupil, { args: [{ actor: brugklas, className: '1H2', mentorId: mentor.id, mentorName: mentor.name, level: 'havo/vwo', note: 'Dakpanklas' }] });
}

describe('P6 PO→VO overdracht workflow (time skipping)', () => {
  it('closes as GEEN_TOESTEMMING when the parents never consent before the OSO deadline; reminders run to the deadline and nothing is sent', async () => {
    const today = await kit.today();
    const calendar = regionalCalendar(today);
    const fakes = fakesWith(calendar);
    const final = await kit.withWorker(
      fakes.activities(),
      async (tq) => {
        // Support needs, but this school is not the parents' first preference: no zorgplicht clock here.
        const h = await start(tq, 'overdracht-geen-toestemming', { supportNeedsExpected: true, preferenceSchoolIds: ['s-elders', 's-1'] });
        const first = await waitForStep(h, 'OVERDRACHT_RECORD_OKR');
        expect(first.case.status).toBe('OKR_IN_VOORBEREIDING');
        expect(first.case.nextDueDate).toBe(calendar.aanmeldweek.to);
        expect(first.zorgplicht).toMatchObject({ started: false });
        expect(first.zorgplicht?.reason).toContain('niet de school van eerste voorkeur');
        await recordOkr(h, true);
        const asked = await waitFor(h, (st) => st.consent?.status === 'PENDING', 'consent asked');
        expect(asked.case.status).toBe('INZAGE_OUDERS');
        // The request runs to the end of the OSO exchange deadline (an answer that day is on time).
        expect(toIsoDate(asked.consent?.timeoutAt as string)).toBe(calendar.osoDeadline);
        expect(schoolDaysBetween(today, calendar.osoDeadline, cal)).toBeGreaterThan(5);
        // Nothing can be sent before the parents consent.
        const early = await updateError(h.executeUpdate(recordOverdrachtSent, { args: [{ actor: contact, sentOn: today }] }));
        expect(early.type).toBe('STEP_NOT_ALLOWED');
        // The parents read it and add their view, but do not consent.
        await h.executeUpdate(addOverdrachtZienswijze, { args: [{ actor: parent, text: 'Wij herkennen het beeld van rekenen niet; thuis gaat het goed' }] });

        await kit.sleepUntil(calendar.osoDeadline, 14);
        expect((await h.query(getOverdrachtState)).consent?.status).toBe('PENDING');
        await kit.sleepUntil(addCalendarDays(calendar.osoDeadline, 1), 9);
        const timedOut = await waitForStep(h, OVERDRACHT_CONSENT_DECISION_STEP);
        expect(timedOut.consent?.status).toBe('TIMED_OUT');
        expect(timedOut.case.stuck).toBe(true);
        expect(timedOut.case.stuckReason).toBe('CONSENT_TIMEOUT:OVERDRACHT_OKR');
        // Reminders to the parents up to the deadline.
        const reminders = fakes.notifications.filter((n) => n.kind === 'CONSENT_REQUESTED' && n.recipients.parentsOfPupil === 'pupil-1');
        expect(reminders.length).toBeGreaterThanOrEqual(4);
        expect(reminders.every((n) => n.stepLabel === 'Overdracht van het onderwijskundig rapport naar de VO-school')).toBe(true);
        const lateView = await updateError(h.executeUpdate(addOverdrachtZienswijze, { args: [{ actor: parent, text: 'Nog een aanvulling' }] }));
        expect(lateView.type).toBe('STEP_NOT_ALLOWED');
        await h.executeUpdate(decideConsentTimeout, { args: [{ actor: contact, requestId: timedOut.consent?.requestId as string, decision: 'ABANDON', reason: 'Ouders willen het rapport niet laten overdragen' }] });
        const result = await h.result();
        await maybeRecordHistory(h, 'overdracht-geen-toestemming');
        return result;
      },
      'p6',
    );
    expect(final.case.status).toBe('GEEN_TOESTEMMING');
    expect(final.case.outcome).toBe('GEEN_ANTWOORD');
    expect(final.sent).toBeNull();
    expect(final.zienswijzen).toHaveLength(1);
    expect(fakes.audit.map((a) => a.action)).toEqual(expect.arrayContaining(['ZORGPLICHT_NOT_STARTED', 'ZIENSWIJZE_ADDED', 'CONSENT_TIMED_OUT', 'STATUS_GEEN_TOESTEMMING']));
    expect(fakes.audit.map((a) => a.action)).not.toContain('OKR_SENT');
    expect(fakes.duplicates).toBe(0);
  }, 300_000);

  it('runs the full path for a pupil with support needs: zorgplicht clock, zienswijze, warm handover in the window, placement, mentor reads, feedback at both moments', async () => {
    const today = await kit.today();
    const calendar = regionalCalendar(today);
    const fakes = fakesWith(calendar);
    const final = await kit.withWorker(
      fakes.activities(),
      async (tq) => {
        const h = await start(tq, 'overdracht-warme-overdracht-terugkoppeling', { supportNeedsExpected: true });
        const first = await waitForStep(h, 'OVERDRACHT_RECORD_OKR');
        // The application of a pupil with support needs starts the zorgplicht clock (P4), linked to this case.
        expect(first.zorgplicht).toEqual({ caseId: zorgplichtWorkflowId('pupil-1', today), started: true, reason: null });
        expect(first.ledTo).toEqual([expect.objectContaining({ caseId: zorgplichtWorkflowId('pupil-1', today), process: 'ZORGPLICHT', started: true })]);
        const zp = kit.env.client.workflow.getHandle<typeof zorgplichtWorkflow>(zorgplichtWorkflowId('pupil-1', today));
        let clock = await zp.query(getZorgplichtState).catch(() => null);
        for (let i = 0; !clock && i < 100; i++) {
          await new Promise((r) => setTimeout(r, 50));
          clock = await zp.query(getZorgplichtState).catch(() => null);
        }
        expect(clock?.case.originCaseId).toBe('overdracht-warme-overdracht-terugkoppeling');
        expect(clock?.clock.receivedOn).toBe(today);
        expect(clock?.case.data.source).toBe('OVERDRACHT');

        await recordOkr(h, true);
        await waitFor(h, (st) => st.consent?.status === 'PENDING', 'consent asked');
        const empty = await updateError(h.executeUpdate(addOverdrachtZienswijze, { args: [{ actor: parent, text: '' }] }));
        expect(empty.type).toBe('BAD_USER_INPUT');
        await h.executeUpdate(addOverdrachtZienswijze, { args: [{ actor: parent, text: 'Onze zoon heeft baat bij een vaste plek in de klas' }] });
        await consent(h);
        const sending = await waitForStep(h, 'OVERDRACHT_SEND_OKR');
        expect(sending.case.ownerUserId).toBe('zc-1');
        expect((sending.case.nextDueDate as string) <= calendar.osoDeadline).toBe(true);
        await sendAndReceive(h);

        // Warm handover within the regional window.
        const warm = await waitForStep(h, 'OVERDRACHT_WARM_HANDOVER');
        expect(warm.case.status).toBe('WARME_OVERDRACHT');
        expect(warm.case.ownerUserId).toBe('bkc-1');
        expect(warm.case.nextDueDate).toBe(calendar.warmeOverdracht.to);
        await kit.sleepUntil(calendar.warmeOverdracht.from);
        await h.executeUpdate(recordWarmeOverdracht, {
          args: [
            {
              actor: brugklas,
              date: await kit.today(),
              poPresent: true,
              parentsPresent: true,
              pupilPresent: true,
              specificNeeds: 'Voorspelbaarheid; vooraf weten wat er komt',
              approach: 'Dagplanning op het bord; vaste plek',
              talents: 'Tekenen, techniek',
              aftercare: 'Intern begeleider belbaar tot de herfstvakantie',
              summary: 'Goed gesprek met ouders, leerling en basisschool',
            },
          ],
        });

        // Placement before the summer, by the brugklascoördinator.
        const placing = await waitForStep(h, 'OVERDRACHT_PLACEMENT');
        expect(placing.case.nextDueDate).toBe(previousSchoolDay(addCalendarDays(calendar.startSchoolYear, -1), cal));
        await place(h);

        // The mentor gets the information and confirms he has read it (no one else can).
        const shared = await waitForStep(h, 'OVERDRACHT_MENTOR_READ');
        expect(shared.case.status).toBe('INFORMATIE_GEDEELD');
        expect(shared.case.ownerUserId).toBe('mentor-1');
        expect(shared.case.participantIds).toEqual(expect.arrayContaining(['zc-1', 'bkc-1', 'mentor-1']));
        await waitUntil(() => fakes.notifications.some((n) => n.kind === 'STEP_ASSIGNED' && n.recipients.userIds?.includes('mentor-1')), 'mentor told');
        const other = await updateError(h.executeUpdate(confirmOverdrachtRead, { args: [{ actor: contact }] }));
        expect(other.type).toBe('STEP_NOT_ALLOWED');
        await kit.sleepUntil(calendar.startSchoolYear);
        await h.executeUpdate(confirmOverdrachtRead, { args: [{ actor: mentor, note: 'Gelezen en besproken met het docententeam' }] });

        // Feedback to the primary school at both moments.
        const waiting = await waitFor(h, (st) => st.case.status === 'TERUGKOPPELING_PO', 'feedback phase');
        expect(waiting.feedbackMoments.map((m) => m.moment)).toEqual(['NA_EERSTE_RAPPORT', 'EINDE_LEERJAAR_1']);
        expect(waiting.case.nextDueDate).toBe(calendar.terugkoppeling?.naEersteRapport);
        expect(waiting.case.waitingFor).toBeNull();
        const tooEarly = await updateError(h.executeUpdate(recordOverdrachtFeedback, { args: [{ actor: mentor, summary: 'Te vroeg' }] }));
        expect(tooEarly.type).toBe('STEP_NOT_ALLOWED');
        for (const m of waiting.feedbackMoments) {
          await kit.sleepUntil(m.date);
          const open = await waitForStep(h, 'OVERDRACHT_FEEDBACK');
          expect(open.case.ownerUserId).toBe('mentor-1');
          // The clock outlives the handover; end it before the last step, so the test server never skips ahead to its timeout.
          if (m.moment === 'EINDE_LEERJAAR_1') await zp.terminate('end of test');
          await h.executeUpdate(recordOverdrachtFeedback, { args: [{ actor: mentor, summary: `Gaat goed (${m.moment})`, sentTo: 'Anja Vos' }] });
        }
        const result = await h.result();
        await maybeRecordHistory(h, 'overdracht-warme-overdracht-terugkoppeling');
        return result;
      },
      'p6',
    );
    expect(final.case.status).toBe('AFGESLOTEN');
    expect(final.case.outcome).toBe('AFGEROND');
    expect(final.warmeOverdracht?.withinWindow).toBe(true);
    expect(final.zienswijzen.map((z) => z.parentUserId)).toEqual(['parent-1']);
    expect(final.feedback.map((f) => f.moment)).toEqual(['NA_EERSTE_RAPPORT', 'EINDE_LEERJAAR_1']);
    expect(fakes.audit.map((a) => a.action).filter((a) => a.startsWith('STATUS_'))).toEqual([
      'STATUS_INZAGE_OUDERS',
      'STATUS_VERZONDEN',
      'STATUS_ONTVANGEN_VO',
      'STATUS_WARME_OVERDRACHT',
      'STATUS_PLAATSING',
      'STATUS_INFORMATIE_GEDEELD',
      'STATUS_TERUGKOPPELING_PO',
      'STATUS_TERUGKOPPELING_PO',
      'STATUS_AFGESLOTEN',
    ]);
    // One zorgplicht clock only, although the OKR and the receipt confirm the support needs again.
    expect(fakes.audit.filter((a) => a.action === 'ZORGPLICHT_STARTED')).toHaveLength(1);
    expect(fakes.duplicates).toBe(0);
  }, 300_000);

  it('refers a pupil without support needs straight to the IZO: no warm handover and no zorgplicht clock; P2 starts prefilled and submitted', async () => {
    const today = await kit.today();
    const calendar = regionalCalendar(today, false);
    const fakes = fakesWith(calendar, { overdracht: { terugkoppelingMoments: ['NA_EERSTE_RAPPORT'] } });
    const final = await kit.withWorker(
      fakes.activities(),
      async (tq) => {
        const h = await start(tq, 'overdracht-directe-izo-aanmelding', { pupilId: 'pupil-2' });
        await recordOkr(h, false);
        await consent(h);
        await sendAndReceive(h, false);
        await place(h);
        const shared = await waitForStep(h, 'OVERDRACHT_MENTOR_READ');
        expect(shared.openSteps).toEqual(['OVERDRACHT_MENTOR_READ', 'OVERDRACHT_IZO_REFERRAL']);
        await h.executeUpdate(referOverdrachtToIzo, {
          args: [
            {
              actor: contact,
              reasons: ['ONTWIKKELPERSPECTIEF_ONDUIDELIJK'],
              pupilHelpQuestion: 'Ik wil weten hoe ik beter kan leren plannen',
              mentorSupportQuestion: 'Hoe kunnen we hem vanaf de eerste week goed begeleiden?',
              problem: 'Schooladvies en toetsresultaten lopen uiteen',
              parentsInformed: true,
            },
          ],
        });
        const twice = await updateError(
          h.executeUpdate(referOverdrachtToIzo, { args: [{ actor: contact, reasons: ['ONTWIKKELPERSPECTIEF_ONDUIDELIJK'], pupilHelpQuestion: 'Nog eens', mentorSupportQuestion: 'Nog eens', parentsInformed: true }] }),
        );
        expect(twice.type).toBe('STEP_NOT_ALLOWED');
        await h.executeUpdate(confirmOverdrachtRead, { args: [{ actor: mentor }] });
        const referred = await waitFor(h, (st) => st.izoReferral?.caseId != null, 'IZO referral started');
        expect(referred.izoReferral?.caseId).toBe('zorgroute-from-overdracht-directe-izo-aanmelding');
        expect(referred.ledTo).toEqual([expect.objectContaining({ process: 'ZORGROUTE', started: true })]);

        const p2 = kit.env.client.workflow.getHandle<typeof zorgrouteWorkflow>('zorgroute-from-overdracht-directe-izo-aanmelding');
        let z = await p2.query(getZorgrouteState).catch(() => null);
        for (let i = 0; (!z || z.case.status !== 'TRIAGE') && i < 100; i++) {
          await new Promise((r) => setTimeout(r, 50));
          z = await p2.query(getZorgrouteState).catch(() => null);
        }
        expect(z?.case.status).toBe('TRIAGE');
        expect(z?.source).toBe('PO_VO_INSTROOM');
        expect(z?.case.originCaseId).toBe('overdracht-directe-izo-aanmelding');
        expect(z?.form.pupilHelpQuestion).toBe('Ik wil weten hoe ik beter kan leren plannen');
        expect(z?.form.schoolCareer).toBe('Basisschool Basisschool De Regenboog; schooladvies havo/vwo');

        // The default feedback moment: 16 weeks after the start of the school year.
        const waiting = await waitFor(h, (st) => st.case.status === 'TERUGKOPPELING_PO', 'feedback phase');
        expect(waiting.feedbackMoments).toEqual([expect.objectContaining({ moment: 'NA_EERSTE_RAPPORT', explanation: expect.stringContaining('16 weken na de start') as string })]);
        await kit.sleepUntil(waiting.feedbackMoments[0].date);
        await waitForStep(h, 'OVERDRACHT_FEEDBACK');
        // The IZO case outlives the handover; close it first, so nothing is left waiting on this test's task queue.
        await p2.executeUpdate(closeZorgroute, { args: [{ actor: contact, reason: 'Einde van de test' }] });
        await p2.result();
        await h.executeUpdate(recordOverdrachtFeedback, { args: [{ actor: mentor, summary: 'Goede start; begeleiding via het IZO loopt' }] });
        const result = await h.result();
        await maybeRecordHistory(h, 'overdracht-directe-izo-aanmelding');
        return result;
      },
      'p6',
    );
    expect(final.case.status).toBe('AFGESLOTEN');
    expect(final.supportNeeds).toBe(false);
    expect(final.zorgplicht).toBeNull();
    expect(final.warmeOverdracht).toBeNull();
    const statuses = fakes.audit.filter((a) => a.action.startsWith('STATUS_') && a.eventKey.startsWith('overdracht-directe-izo-aanmelding:')).map((a) => a.action);
    expect(statuses).toEqual(expect.arrayContaining(['STATUS_DIRECTE_IZO_AANMELDING']));
    expect(statuses).not.toContain('STATUS_WARME_OVERDRACHT');
  }, 300_000);
  it('answers each step once the process has moved on, so the next step taken at once is accepted', async () => {
    const today = await kit.today();
    const fakes = fakesWith(regionalCalendar(today));
    await kit.withWorker(fakes.activities(), async (tq) => {
      const h = await start(tq, 'p6-direct-stappen');
      await waitForStep(h, 'OVERDRACHT_RECORD_OKR');
      const okr = await h.executeUpdate(recordOverdrachtOkr, {
        args: [{ actor: contact, schooladvies: 'havo', taalLezen: 'Niveau 2F', rekenen: 'Niveau 1S', sociaalEmotioneel: 'Stabiel', werkhouding: 'Zelfstandig', externeZorg: null, supportNeeds: false, supportNeedsDescription: null }],
      });
      expect([okr.case.status, okr.case.waitingFor]).toEqual(['INZAGE_OUDERS', OVERDRACHT_CONSENT_STEP]);
      expect(okr.consent?.status).toBe('PENDING');
      await h.executeUpdate(recordConsentDecision, { args: [{ actor: parent, requestId: okr.consent?.requestId as string, decision: 'GIVEN', method: 'DIGITAL', giverUserId: parent.id, giverRole: 'PARENT' }] });
      // (A consent answer goes through the shared consent machinery.)
      await waitForStep(h, 'OVERDRACHT_SEND_OKR');
      const sent = await h.executeUpdate(recordOverdrachtSent, { args: [{ actor: contact, sentOn: today, via: 'OSO' }] });
      expect([sent.case.status, sent.case.waitingFor]).toEqual(['VERZONDEN', 'OVERDRACHT_CONFIRM_RECEIPT']);
      const received = await h.executeUpdate(confirmOverdrachtReceived, { args: [{ actor: contact, receivedOn: today, supportNeeds: false, note: null }] });
      expect([received.case.status, received.case.waitingFor]).toEqual(['PLAATSING', 'OVERDRACHT_PLACEMENT']);
      const placed = await h.executeUpdate(placeOverdrachtPupil, { args: [{ actor: brugklas, className: '1H2', mentorId: mentor.id, mentorName: mentor.name, level: 'havo', note: null }] });
      expect([placed.case.status, placed.case.waitingFor]).toEqual(['INFORMATIE_GEDEELD', 'OVERDRACHT_MENTOR_READ']);
      const read = await h.executeUpdate(confirmOverdrachtRead, { args: [{ actor: mentor }] });
      // Then it waits for the first feedback moment without an open step.
      expect([read.case.status, read.case.waitingFor]).toEqual(['TERUGKOPPELING_PO', null]);
      await h.terminate('einde van de test');
    });
    expect(fakes.duplicates).toBe(0);
  }, 240_000);
});
