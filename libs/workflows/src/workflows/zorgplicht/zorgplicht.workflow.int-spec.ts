import { WorkflowFailedError, type WorkflowHandle } from '@temporalio/client';
import { addCalendarDays, buildSchoolCalendar, DEFAULT_LADDER, dueInCalendarWeeks, reminderLadder, toIsoDate, zonedInstant, ZOMERVAKANTIE, type PolicyOverrides } from '@zorgroute/domain/logic';
import { pdfPlainText, renderLetterPdf, type LetterPayload } from '@zorgroute/notifications';
import type { CaseDocumentRef, ZorgplichtLetterRequest } from '../../activities/zorgplicht-activities.types';
import type { NotifyRequest } from '../../activities/case-activities.types';
import { FakeCaseActivities } from '../../../test/fake-case-activities';
import { adminExtendDueDate } from '../common/admin-actions';
import { DAY, maybeRecordHistory, updateError, useWorkflowTestKit, waitUntil } from '../../../test/workflow-test-kit';
import {
  extendZorgplichtTerm,
  getZorgplichtState,
  recordZorgplichtInvestigation,
  recordZorgplichtDecision,
  zorgplichtWorkflow,
  type StartZorgplichtInput,
  type ZorgplichtState,
} from './zorgplicht.workflow';

const zc = { id: 'zc-1', name: 'Marieke Verhoef' };
const SCHOOL = 's-1';
const OTHER_SCHOOL = 's-2';

const kit = useWorkflowTestKit();
let starts = 0;




/** Case activities in memory plus a letter activity that renders the real PDF with fixed names. */
class Fakes extends FakeCaseActivities {
  readonly letters: { request: ZorgplichtLetterRequest; text: string; ref: CaseDocumentRef }[] = [];

  /** `summer`: an extra zomervakantie in the school calendar (the test server's clock may be past the holiday data). */
  constructor(
    overrides: PolicyOverrides = {},
    private readonly summer?: { from: string; to: string },
  ) {
    super(overrides);
  }

  allActivities() {
    const base = this.activities();
    return {
      ...base,
      loadCaseContext: async (input: { schoolId: string }) => {
        const ctx = await base.loadCaseContext(input);
        if (!this.summer) return ctx;
        return { ...ctx, calendar: { ...ctx.calendar, holidays: [...ctx.calendar.holidays, { ...this.summer, name: ZOMERVAKANTIE }] } };
      },
      createZorgplichtLetter: async (request: ZorgplichtLetterRequest): Promise<CaseDocumentRef> => {
        const existing = this.letters.find((l) => l.request.docKey === request.docKey);
        if (existing) return existing.ref;
        const base = { schoolName: 'Testschool', pupilName: 'Zoë Testleerling', pupilFirstName: 'Zoë', letterDate: request.letterDate, signedByName: zc.name, signedByRole: 'Zorgcoördinator', receivedOn: request.receivedOn, reference: request.caseId };
        const payload: LetterPayload =
          request.kind === 'ZORGPLICHT_VERLENGING'
            ? { kind: request.kind, data: { ...base, ...(request.extension as NonNullable<ZorgplichtLetterRequest['extension']>), extensionWeeks: request.extension?.weeks ?? 0 } }
            : { kind: request.kind, data: { ...base, ...(request.decision as NonNullable<ZorgplichtLetterRequest['decision']>) } };
        const pdf = await renderLetterPdf(payload, { compress: false });
        const ref: CaseDocumentRef = { documentId: `doc-${this.letters.length + 1}`, kind: request.kind, fileName: pdf.fileName, sha256: 'x'.repeat(64), sizeBytes: pdf.content.length };
        expect(pdf.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        this.letters.push({ request, text: pdfPlainText(pdf.content), ref });
        return ref;
      },
    };
  }

  swv(): NotifyRequest[] {
    return this.notifications.filter((n) => n.kind === 'ZORGPLICHT_TERMIJN');
  }

  swvKeys(): string[] {
    return this.swv().map((n) => n.key.split(':swv:')[1]);
  }
}


async function today(): Promise<string> {
  return toIsoDate(await kit.env.currentTimeMs());
}

/** Skips time to `hour`:00 (Amsterdam) on `date`. */
async function sleepUntil(date: string, hour = 12): Promise<void> {
  const ms = Date.parse(zonedInstant(date, hour, 0)) - (await kit.env.currentTimeMs());
  if (ms > 0) await kit.env.sleep(ms);
}

function start(taskQueue: string, input: Partial<StartZorgplichtInput> & { receivedOn: string }): Promise<WorkflowHandle<typeof zorgplichtWorkflow>> {
  const full: StartZorgplichtInput = { schoolId: SCHOOL, pupilId: 'pupil-1', startedBy: zc, extraSupportExpected: true, preferenceSchoolIds: [SCHOOL, OTHER_SCHOOL], ...input };
  return kit.env.client.workflow.start(zorgplichtWorkflow, { taskQueue, workflowId: `p4-${taskQueue}-${++starts}`, args: [full] });
}

async function stateOf(h: WorkflowHandle<typeof zorgplichtWorkflow>): Promise<ZorgplichtState> {
  for (let i = 0; i < 200; i++) {
    const st = await h.query(getZorgplichtState).catch(() => null);
    if (st && st.case.waitingFor === 'RECORD_DECISION') return st;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the decision step was not opened');
}




describe('P4 zorgplicht workflow (time skipping)', () => {
  it('ONTVANGEN → ONDERZOEK → BESLUIT → TOEGELATEN within the term; the SWV hears when one week remains; the decision letter goes to the parents', async () => {
    const fakes = new Fakes();
    const final = await kit.withWorker(fakes.allActivities(), async (tq) => {
      const received = await today();
      const h = await start(tq, { receivedOn: received });
      const st = await stateOf(h);
      expect(st.case.status).toBe('ONTVANGEN');
      expect(st.clock.firstTerm.date).toBe(addCalendarDays(received, 42));
      expect(st.clock.due.rule).toBe('P4.decisionWeeks');
      expect(st.clock.due.explanation).toContain('6 kalenderweken na');
      expect(st.clock.due.explanation).toContain('de zomervakantie schort de termijn niet op');
      expect(st.clock.tenWeekMark.date).toBe(addCalendarDays(received, 70));
      expect(st.case.ownerUserId).toBe('zc-1');
      expect(st.openSteps).toEqual(['RECORD_INVESTIGATION', 'EXTEND_TERM', 'RECORD_DECISION']);

      await h.executeUpdate(recordZorgplichtInvestigation, { args: [{ actor: zc, kind: 'INFO_VORIGE_SCHOOL_GEVRAAGD', date: received }] });
      expect((await h.query(getZorgplichtState)).case.status).toBe('ONDERZOEK');
      await kit.env.sleep(3 * DAY);
      await h.executeUpdate(recordZorgplichtInvestigation, { args: [{ actor: zc, kind: 'OSO_DOSSIER_ONTVANGEN', date: await today(), summary: 'Dossier compleet' }] });
      await h.executeUpdate(recordZorgplichtInvestigation, { args: [{ actor: zc, kind: 'INTAKE', date: await today() }] });
      await h.executeUpdate(recordZorgplichtInvestigation, { args: [{ actor: zc, kind: 'OBSERVATIE', date: await today() }] });
      await h.executeUpdate(recordZorgplichtInvestigation, { args: [{ actor: zc, kind: 'INFO_OUDERS_GEVRAAGD', date: await today() }] });

      // One week before the due date the SWV loket is told (no decision, no extension).
      await sleepUntil(addCalendarDays(st.clock.due.date, -7), 7);
      expect(fakes.swv()).toHaveLength(0);
      await sleepUntil(addCalendarDays(st.clock.due.date, -7), 12);
      await waitUntil(() => fakes.swv().length === 1, 'the week-left signal');
      const weekLeft = fakes.swv()[0];
      expect(weekLeft.recipients).toEqual({ swvLoketOfSchool: SCHOOL });
      expect(weekLeft.zorgplicht).toEqual({ signal: 'WEEK_LEFT', receivedOn: received, extended: false, calendarDays: 7 });
      expect(weekLeft.dueDate).toBe(st.clock.due.date);

      const decided = await h.executeUpdate(recordZorgplichtDecision, {
        args: [{ actor: zc, outcome: 'TOEGELATEN', motivation: 'De intake en observatie laten zien dat wij de ondersteuning kunnen bieden.', arrangement: 'Twee uur per week begeleiding in de trajectvoorziening.' }],
      });
      expect(decided.decision).toEqual(expect.objectContaining({ outcome: 'TOEGELATEN', onTime: true, bezwaarUntil: addCalendarDays(await today(), 42) }));
      const result = await h.result();
      await maybeRecordHistory(h, 'zorgplicht-toegelaten');
      return result;
    });
    expect(final.case.status).toBe('TOEGELATEN');
    expect(final.case.outcome).toBe('TOEGELATEN');
    expect(final.case.closedAt).not.toBeNull();
    expect(final.investigations.map((i) => i.kind)).toEqual(expect.arrayContaining(['INFO_VORIGE_SCHOOL_GEVRAAGD', 'OSO_DOSSIER_ONTVANGEN', 'INTAKE', 'OBSERVATIE', 'INFO_OUDERS_GEVRAAGD']));
    const statuses = fakes.audit.map((a) => a.action).filter((a) => a.startsWith('STATUS_'));
    expect(statuses).toEqual(['STATUS_ONDERZOEK', 'STATUS_BESLUIT', 'STATUS_TOEGELATEN']);
    expect(fakes.audit.map((a) => a.action)).toEqual(expect.arrayContaining(['CASE_STARTED', 'INVESTIGATION_RECORDED', 'SWV_WEEK_LEFT', 'DECISION_RECORDED']));
    // The decision letter (PDF) names the arrangement and how to object; the parents get a link.
    expect(fakes.letters).toHaveLength(1);
    expect(fakes.letters[0].request.kind).toBe('ZORGPLICHT_BESLUIT');
    expect(fakes.letters[0].text).toContain('met extra ondersteuning: Twee uur per week begeleiding');
    expect(fakes.letters[0].text).toContain('binnen 6 weken na de datum van deze brief');
    const toParents = fakes.notifications.filter((n) => n.kind === 'LETTER_AVAILABLE');
    expect(toParents).toEqual([expect.objectContaining({ recipients: { parentsOfPupil: 'pupil-1' }, document: { id: 'doc-1', letter: 'ZORGPLICHT_BESLUIT' } })]);
    expect(fakes.swvKeys()).toEqual(['week-left-1']);
    expect(fakes.duplicates).toBe(0);
    expect(new Set(fakes.audit.map((a) => a.eventKey)).size).toBe(fakes.audit.length);
  }, 180_000);

  it('extends on the last allowed day with a written notice, refuses a second extension and more than 4 weeks, and places the pupil elsewhere on the extended due date (on time)', async () => {
    const fakes = new Fakes();
    const final = await kit.withWorker(fakes.allActivities(), async (tq) => {
      const received = await today();
      const h = await start(tq, { receivedOn: received });
      const st = await stateOf(h);
      const firstDue = st.clock.firstTerm.date;

      // The last allowed day is the first due date itself.
      await sleepUntil(firstDue);
      expect(await today()).toBe(firstDue);
      await waitUntil(() => fakes.swvKeys().includes('week-left-1'), 'the week-left signal');
      const recorded = fakes.snapshots.length;
      const tooLong = await updateError(h.executeUpdate(extendZorgplichtTerm, { args: [{ actor: zc, weeks: 5, reason: 'Wachten op het OSO-dossier' }] }));
      expect(tooLong.type).toBe('BAD_USER_INPUT');
      expect(tooLong.message).toBe('Verlengen met (weken) moet een getal van 1 tot en met 4 zijn');
      const noReason = await updateError(h.executeUpdate(extendZorgplichtTerm, { args: [{ actor: zc, weeks: 4, reason: ' ' }] }));
      expect(noReason.type).toBe('BAD_USER_INPUT');
      expect(fakes.snapshots.length).toBe(recorded);

      const ext = await h.executeUpdate(extendZorgplichtTerm, { args: [{ actor: zc, weeks: 4, reason: 'Het onderwijskundig rapport van de vorige school ontbreekt nog.' }] });
      expect(ext.case.status).toBe('VERLENGD');
      expect(ext.clock.extension).toEqual({ weeks: 4, reason: 'Het onderwijskundig rapport van de vorige school ontbreekt nog.', extendedOn: firstDue });
      expect(ext.clock.due.date).toBe(addCalendarDays(firstDue, 28));
      expect(ext.clock.due.rule).toBe('P4.extensionMaxWeeks');
      expect(ext.clock.due.explanation).toContain(`eenmalig verlengd met 4 weken na het einde van de eerste termijn (${firstDue}`);
      expect(ext.openSteps).toEqual(['RECORD_INVESTIGATION', 'RECORD_DECISION']);
      // The written notice states the reason and the new date, and the parents get a link to it.
      expect(fakes.letters[0].request.kind).toBe('ZORGPLICHT_VERLENGING');
      expect(fakes.letters[0].text).toContain('Het onderwijskundig rapport van de vorige school ontbreekt nog.');
      expect(fakes.letters[0].text).toContain('verlengen wij de termijn eenmalig met 4 weken');
      await waitUntil(() => fakes.notifications.some((n) => n.kind === 'LETTER_AVAILABLE'), 'the letter notice');
      expect(fakes.notifications.find((n) => n.kind === 'LETTER_AVAILABLE')).toEqual(
        expect.objectContaining({ recipients: { parentsOfPupil: 'pupil-1' }, dueDate: ext.clock.due.date, document: { id: 'doc-1', letter: 'ZORGPLICHT_VERLENGING' } }),
      );

      const second = await updateError(h.executeUpdate(extendZorgplichtTerm, { args: [{ actor: zc, weeks: 1, reason: 'Nog meer tijd nodig' }] }));
      expect(second.type).toBe('STEP_NOT_ALLOWED');
      expect(second.message).toContain('al een keer verlengd');

      // The decision on the extended due date itself is on time; the admitting school and its agreement are recorded.
      await sleepUntil(ext.clock.due.date, 15);
      expect(await today()).toBe(ext.clock.due.date);
      const missingAgreement = await updateError(h.executeUpdate(recordZorgplichtDecision, { args: [{ actor: zc, outcome: 'PLEK_ELDERS', motivation: 'Wij kunnen de ondersteuning niet bieden.', admittingSchoolName: 'Stedelijk Lyceum Het Baken' }] }));
      expect(missingAgreement.type).toBe('BAD_USER_INPUT');
      const ownSchool = await updateError(h.executeUpdate(recordZorgplichtDecision, { args: [{ actor: zc, outcome: 'PLEK_ELDERS', motivation: 'Wij kunnen de ondersteuning niet bieden.', admittingSchoolName: 'Testschool', admittingSchoolId: SCHOOL, agreementDate: await today() }] }));
      expect(ownSchool.type).toBe('BAD_USER_INPUT');
      const done = await h.executeUpdate(recordZorgplichtDecision, {
        args: [{ actor: zc, outcome: 'PLEK_ELDERS', motivation: 'Wij kunnen de benodigde ondersteuning niet bieden.', admittingSchoolName: 'Stedelijk Lyceum Het Baken', admittingSchoolId: OTHER_SCHOOL, agreementDate: addCalendarDays(await today(), -2), agreementNote: 'Per e-mail bevestigd door de zorgcoördinator' }],
      });
      expect(done.decision).toEqual(expect.objectContaining({ outcome: 'PLEK_ELDERS', onTime: true, admittingSchoolName: 'Stedelijk Lyceum Het Baken', admittingSchoolId: OTHER_SCHOOL }));
      const result = await h.result();
      await maybeRecordHistory(h, 'zorgplicht-verlengd-plek-elders');
      return result;
    });
    expect(final.case.status).toBe('PLEK_ELDERS');
    expect(final.extensionsUsed).toBe(1);
    expect(fakes.letters.map((l) => l.request.kind)).toEqual(['ZORGPLICHT_VERLENGING', 'ZORGPLICHT_BESLUIT']);
    expect(fakes.letters[1].text).toContain('Stedelijk Lyceum Het Baken heeft op');
    // Term 1: a week left; after the extension no second "week left" (P4.3: "without decision or extension"); never
    // overdue. The 10-week mark is the extended due date itself.
    expect(fakes.swvKeys()).toEqual(['week-left-1', 'ten-weeks']);
    expect(fakes.audit.map((a) => a.action)).toEqual(expect.arrayContaining(['TERM_EXTENDED', 'DECISION_RECORDED', 'STATUS_PLEK_ELDERS']));
    expect(fakes.duplicates).toBe(0);
  }, 180_000);

  it('refuses an extension after the term; the SWV hears the term is overdue and again at 10 weeks; the late TLV decision is recorded as late', async () => {
    const fakes = new Fakes();
    const final = await kit.withWorker(fakes.allActivities(), async (tq) => {
      const received = await today();
      const h = await start(tq, { receivedOn: received });
      const st = await stateOf(h);
      const due = st.clock.due.date;

      // The day after the due date: overdue, and an extension is no longer possible.
      await sleepUntil(addCalendarDays(due, 1));
      await waitUntil(() => fakes.swvKeys().includes('overdue-1'), 'the overdue signal');
      const overdue = fakes.swv().find((n) => n.key.endsWith('overdue-1'));
      expect(overdue?.zorgplicht).toEqual({ signal: 'OVERDUE', receivedOn: received, extended: false, calendarDays: 1 });
      const late = await updateError(h.executeUpdate(extendZorgplichtTerm, { args: [{ actor: zc, weeks: 2, reason: 'Toch meer tijd nodig' }] }));
      expect(late.type).toBe('STEP_NOT_ALLOWED');
      expect(late.message).toContain(`De eerste termijn is verstreken op ${due}`);
      expect((await h.query(getZorgplichtState)).openSteps).toEqual(['RECORD_INVESTIGATION', 'RECORD_DECISION']);

      // 10 weeks after receipt, still no decision: the SWV is alerted again; by now the decision step is stuck.
      const tenWeeks = st.clock.tenWeekMark.date;
      await sleepUntil(addCalendarDays(tenWeeks, -1));
      expect(fakes.swvKeys()).not.toContain('ten-weeks');
      await sleepUntil(tenWeeks);
      await waitUntil(() => fakes.swvKeys().includes('ten-weeks'), 'the 10-week signal');
      expect(fakes.swv().find((n) => n.key.endsWith('ten-weeks'))?.zorgplicht).toEqual({ signal: 'TEN_WEEKS', receivedOn: received, extended: false });
      // The decision step's ladder marks the case stuck at 10 school days overdue (holidays may put that after the 10-week mark).
      const stuckRung = reminderLadder(due, DEFAULT_LADDER, buildSchoolCalendar('midden')).find((r) => r.kind === 'STUCK');
      const stuckAt = Math.max(Date.parse(stuckRung?.at ?? ''), Date.parse(zonedInstant(tenWeeks, 12, 0))) + 3600_000;
      await kit.env.sleep(Math.max(1, stuckAt - (await kit.env.currentTimeMs())));
      await waitUntil(() => fakes.latest?.stuck === true, 'the stuck flag');
      expect(fakes.latest?.stuckReason).toBe('OVERDUE:RECORD_DECISION');

      const decided = await h.executeUpdate(recordZorgplichtDecision, { args: [{ actor: zc, outcome: 'TLV_AANGEVRAAGD', motivation: 'Voortgezet speciaal onderwijs past het best.', tlvRequestedOn: await today() }] });
      expect(decided.decision).toEqual(expect.objectContaining({ outcome: 'TLV_AANGEVRAAGD', onTime: false }));
      const result = await h.result();
      await maybeRecordHistory(h, 'zorgplicht-te-laat-tlv');
      return result;
    });
    expect(final.case.status).toBe('TLV_AANGEVRAAGD');
    expect(final.case.stuck).toBe(false);
    expect(fakes.swvKeys()).toEqual(['week-left-1', 'overdue-1', 'ten-weeks']);
    expect(fakes.audit.find((a) => a.action === 'DECISION_RECORDED')?.description).toContain('te laat');
    expect(fakes.letters[0].text).toContain('toelaatbaarheidsverklaring (TLV) aangevraagd');
    // The decision step's own ladder ran too: reminders, the zorgcoördinator told, then stuck.
    const ladder = fakes.notifications.filter((n) => n.key.includes(':RECORD_DECISION:')).map((n) => n.key.split(':').at(-1));
    expect(ladder).toEqual(expect.arrayContaining(['assigned', 'before-2', 'due', 'escalate-3', 'stuck-10']));
    expect(fakes.duplicates).toBe(0);
  }, 180_000);

  it('a decision exactly on the due date is on time; a receipt in the past sends the week-left signal at once', async () => {
    const fakes = new Fakes();
    const final = await kit.withWorker(fakes.allActivities(), async (tq) => {
      const now = await today();
      const received = addCalendarDays(now, -42);
      const h = await start(tq, { receivedOn: received });
      const st = await stateOf(h);
      expect(st.clock.due.date).toBe(now);
      await waitUntil(() => fakes.swv().length === 1, 'the week-left signal');
      // On the due date itself: "vandaag" (no day count).
      expect(fakes.swv()[0].zorgplicht).toEqual({ signal: 'WEEK_LEFT', receivedOn: received, extended: false });
      const decided = await h.executeUpdate(recordZorgplichtDecision, { args: [{ actor: zc, outcome: 'TOEGELATEN', motivation: 'Basisondersteuning volstaat.' }] });
      expect(decided.decision).toEqual(expect.objectContaining({ outcome: 'TOEGELATEN', onTime: true, decidedOn: now, arrangement: null }));
      const result = await h.result();
      await maybeRecordHistory(h, 'zorgplicht-op-de-vervaldag');
      return result;
    });
    expect(final.case.status).toBe('TOEGELATEN');
    expect(fakes.letters[0].text).toContain('een extra ondersteuningsarrangement is niet nodig');
    expect(fakes.swvKeys()).toEqual(['week-left-1']);
  }, 120_000);

  it('a clock registered 11 weeks after receipt sends only the 10-week alert (covering the others), refuses an extension, and is withdrawn without a letter', async () => {
    const fakes = new Fakes();
    const final = await kit.withWorker(fakes.allActivities(), async (tq) => {
      const now = await today();
      const h = await start(tq, { receivedOn: addCalendarDays(now, -77), extraSupportExpected: false });
      await stateOf(h);
      await waitUntil(() => fakes.swv().length === 1, 'the 10-week signal');
      expect(fakes.swvKeys()).toEqual(['ten-weeks']);
      const st = await h.query(getZorgplichtState);
      expect(st.swvSignals).toEqual([expect.objectContaining({ signal: 'TEN_WEEKS', covers: ['week-left-1', 'overdue-1'] })]);
      expect(st.openSteps).not.toContain('EXTEND_TERM');
      const late = await updateError(h.executeUpdate(extendZorgplichtTerm, { args: [{ actor: zc, weeks: 4, reason: 'Te laat geregistreerd' }] }));
      expect(late.type).toBe('STEP_NOT_ALLOWED');
      const noReason = await updateError(h.executeUpdate(recordZorgplichtDecision, { args: [{ actor: zc, outcome: 'INGETROKKEN' }] }));
      expect(noReason.type).toBe('BAD_USER_INPUT');
      await h.executeUpdate(recordZorgplichtDecision, { args: [{ actor: zc, outcome: 'INGETROKKEN', reason: 'Ouders kiezen voor een andere school' }] });
      // Nothing can be recorded after the decision (the validator refuses, or the workflow has already completed).
      await expect(h.executeUpdate(recordZorgplichtInvestigation, { args: [{ actor: zc, kind: 'INTAKE', date: now }] })).rejects.toThrow();
      const result = await h.result();
      await maybeRecordHistory(h, 'zorgplicht-laat-geregistreerd-ingetrokken');
      return result;
    });
    expect(final.case.status).toBe('INGETROKKEN');
    expect(final.decision?.reason).toBe('Ouders kiezen voor een andere school');
    expect(fakes.letters).toHaveLength(0);
    expect(fakes.notifications.filter((n) => n.kind === 'LETTER_AVAILABLE')).toHaveLength(0);
    expect(fakes.audit.map((a) => a.action).filter((a) => a.startsWith('STATUS_'))).toEqual(['STATUS_INGETROKKEN']);
  }, 120_000);

  it('a decision step that opens long overdue is escalated and stuck at once (no late reminders); beheer cannot extend the statutory term, the decision clears it', async () => {
    const fakes = new Fakes();
    await kit.withWorker(fakes.allActivities(), async (tq) => {
      const now = await today();
      const h = await start(tq, { receivedOn: addCalendarDays(now, -77), extraSupportExpected: false });
      await stateOf(h);
      await waitUntil(() => fakes.latest?.stuck === true, 'the stuck flag');
      expect(fakes.latest?.stuckReason).toBe('OVERDUE:RECORD_DECISION');
      await waitUntil(() => fakes.notifications.some((n) => n.kind === 'CASE_STUCK'), 'the stuck message');
      const ladder = fakes.notifications.filter((n) => n.key.includes(':RECORD_DECISION:')).map((n) => n.key.split(':').at(-1));
      // The owner is told the step is his; the zorgcoördinator hears it is late and stuck; no reminder is sent late.
      expect([...ladder].sort()).toEqual(['assigned', 'escalate-3', 'stuck-10']);
      expect(fakes.audit.map((a) => a.action)).toEqual(expect.arrayContaining(['STEP_ESCALATED', 'CASE_STUCK']));

      // The term is statutory: beheer cannot extend it; the decision (late) ends the stuck state.
      const admin = { id: 'admin-1', name: 'Beheerder' };
      const refused = await updateError(h.executeUpdate(adminExtendDueDate, { args: [{ actor: admin, reason: 'Aanmelding te laat geregistreerd', newDueDate: addCalendarDays(now, 14) }] }));
      expect(refused.message).toContain('wettelijk');
      await h.executeUpdate(recordZorgplichtDecision, { args: [{ actor: zc, outcome: 'INGETROKKEN', reason: 'Ouders kiezen voor een andere school' }] });
      const result = await h.result();
      expect(result.case.stuck).toBe(false);
      await maybeRecordHistory(h, 'zorgplicht-te-laat-geregistreerd-vastgelopen');
    });
    expect(fakes.duplicates).toBe(0);
    expect(fakes.notifications.filter((n) => n.kind === 'CASE_STUCK')).toHaveLength(1);
  }, 120_000);

  it('does not start a clock at a school that is not the parents’ first preference', async () => {
    const fakes = new Fakes();
    await kit.withWorker(fakes.allActivities(), async (tq) => {
      const h = await start(tq, { receivedOn: await today(), preferenceSchoolIds: [OTHER_SCHOOL, SCHOOL] });
      const err = await h.result().then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(WorkflowFailedError);
      const cause = (err as WorkflowFailedError).cause as { type?: string; message: string };
      expect(cause.type).toBe('BAD_USER_INPUT');
      expect(cause.message).toContain('niet de school van eerste voorkeur');
    });
    expect(fakes.snapshots).toHaveLength(0);
  }, 60_000);

  it('with the policy flag suspendSummerHoliday the zomervakantie does not count (default off), and the case says which rule applied', async () => {
    const now = await today();
    const summer = { from: addCalendarDays(now, 21), to: addCalendarDays(now, 21 + 43) };
    const cal = buildSchoolCalendar('midden');
    cal.holidays.push({ ...summer, name: ZOMERVAKANTIE });
    const received = addCalendarDays(summer.from, -14);
    const expected = dueInCalendarWeeks(received, 6, 'P4.decisionWeeks', { suspendSummerHoliday: true, cal });
    const summerDays = Number(expected.inputs.daysSuspended);
    expect(summerDays).toBe(44);
    await sleepUntil(received, 9);

    const suspendedFakes = new Fakes({ zorgplicht: { suspendSummerHoliday: true } } as PolicyOverrides, summer);
    const plainFakes = new Fakes({}, summer);
    await kit.withWorker(suspendedFakes.allActivities(), (tqSuspended) =>
      kit.withWorker(plainFakes.allActivities(), async (tqPlain) => {
        const suspended = await start(tqSuspended, { receivedOn: received });
        const plain = await start(tqPlain, { receivedOn: received, pupilId: 'pupil-2' });
        const s1 = await stateOf(suspended);
        const s2 = await stateOf(plain);
        expect(s1.clock.suspendSummerHoliday).toBe(true);
        expect(s1.clock.due.date).toBe(expected.date);
        expect(s1.clock.due.date).toBe(addCalendarDays(received, 42 + summerDays));
        expect(s1.clock.due.inputs).toEqual(expect.objectContaining({ suspendSummerHoliday: true, daysSuspended: summerDays }));
        expect(s1.clock.due.explanation).toContain(`verlengd met ${summerDays} dagen zomervakantie`);
        expect(s1.case.data.clock).toEqual(expect.objectContaining({ suspendSummerHoliday: true, dueDate: expected.date, dueRule: 'P4.decisionWeeks' }));
        expect(s2.clock.suspendSummerHoliday).toBe(false);
        expect(s2.clock.due.date).toBe(addCalendarDays(received, 42));
        expect(s2.clock.due.explanation).toContain('de zomervakantie schort de termijn niet op');

        // Without the flag the week-left signal comes during the summer; with it, a week before the suspended due date.
        await sleepUntil(addCalendarDays(received, 35), 12);
        await waitUntil(() => plainFakes.swv().length === 1, 'the plain week-left signal');
        expect(suspendedFakes.swv()).toHaveLength(0);
        await sleepUntil(addCalendarDays(expected.date, -8), 12);
        expect(suspendedFakes.swv()).toHaveLength(0);
        await sleepUntil(addCalendarDays(expected.date, -7), 12);
        await waitUntil(() => suspendedFakes.swv().length === 1, 'the suspended week-left signal');
        expect(suspendedFakes.swv()[0].zorgplicht).toEqual(expect.objectContaining({ signal: 'WEEK_LEFT', calendarDays: 7 }));
        for (const h of [suspended, plain]) await h.executeUpdate(recordZorgplichtDecision, { args: [{ actor: zc, outcome: 'INGETROKKEN', reason: 'Verhuisd' }] });
        // Let both workflows close before asking for their results: waiting on a result lets the test server skip
        // time, and under load it could skip past a workflow that has not yet run its closing task.
        for (const h of [suspended, plain]) {
          for (let i = 0; i < 400 && !(await h.query(getZorgplichtState)).case.closedAt; i++) await new Promise((r) => setTimeout(r, 50));
        }
        const results = [await suspended.result(), await plain.result()];
        await maybeRecordHistory(suspended, 'zorgplicht-zomervakantie-opgeschort');
        expect(results.map((r) => r.case.status)).toEqual(['INGETROKKEN', 'INGETROKKEN']);
      }),
    );
  }, 180_000);
});
