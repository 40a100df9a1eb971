import type { WorkflowHandle } from '@temporalio/client';
import { addCalendarDays, addCalendarMonths, addCalendarWeeks, addSchoolDays, buildSchoolCalendar, dueInSchoolDays, type PolicyOverrides } from '@zorgroute/domain/logic';
import { pdfPlainText, renderLetterPdf, type LetterPayload } from '@zorgroute/notifications';
import type { TlvDocumentRef, TlvLetterRequest } from '../../activities/tlv-activities.types';
import { FakeCaseActivities } from '../../../test/fake-case-activities';
import { maybeRecordHistory, updateError, useWorkflowTestKit, waitUntil } from '../../../test/workflow-test-kit';
import { getConsents, recordConsentDecision } from '../common/consent';
import {
  checkTlvDossier,
  decideTlvHerindicatie,
  extendTlvTerm,
  getTlvState,
  recordTlvBezwaar,
  recordTlvBron,
  recordTlvDecision,
  recordTlvDossierItem,
  recordTlvFirstExpertAdvice,
  recordTlvSchoolSystem,
  recordTlvSecondExpertAdvice,
  submitTlvRequest,
  TLV_CONSENT_STEP,
  tlvWorkflow,
  withdrawTlvRequest,
  type StartTlvInput,
  type TlvState,
} from './tlv.workflow';
import type { TlvDossierItem } from '@zorgroute/domain/logic';
import { dateInWords } from '@zorgroute/dates';

const cal = buildSchoolCalendar('midden');
const zc = { id: 'zc-1', name: 'Marieke Verhoef' };
const swv = { id: 'swv-1', name: 'Esther van Dam' };
const parent = { id: 'parent-1', name: 'Petra Veldkamp' };
const SCHOOL = 's-1';

type Handle = WorkflowHandle<typeof tlvWorkflow>;

const kit = useWorkflowTestKit();

/** Case activities in memory plus the letter activity rendering the real PDF with fixed names. */
class Fakes extends FakeCaseActivities {
  readonly letters: { request: TlvLetterRequest; text: string; ref: TlvDocumentRef }[] = [];

  constructor(overrides: PolicyOverrides = {}) {
    super(overrides);
  }

  allActivities() {
    return {
      ...this.activities(),
      createTlvLetter: async (request: TlvLetterRequest): Promise<TlvDocumentRef> => {
        const existing = this.letters.find((l) => l.request.docKey === request.docKey);
        if (existing) return existing.ref;
        const base = { swvName: 'SWV Rijnstreek', schoolName: 'Testschool', pupilName: 'Zoë Testleerling', pupilFirstName: 'Zoë', letterDate: request.letterDate, signedByName: swv.name, completeOn: request.completeOn, reference: request.caseId };
        const payload: LetterPayload =
          request.kind === 'TLV_VERLENGING'
            ? { kind: request.kind, data: { ...base, ...(request.extension as NonNullable<TlvLetterRequest['extension']>), extensionWeeks: request.extension?.weeks ?? 0 } }
            : { kind: request.kind, data: { ...base, ...(request.decision as NonNullable<TlvLetterRequest['decision']>) } };
        const pdf = await renderLetterPdf(payload, { compress: false });
        const ref: TlvDocumentRef = { documentId: `doc-${this.letters.length + 1}`, kind: request.kind, fileName: pdf.fileName, sha256: 'x'.repeat(64), sizeBytes: pdf.content.length };
        this.letters.push({ request, text: pdfPlainText(pdf.content), ref });
        return ref;
      },
    };
  }

  toSwv(kind: string, label: string): boolean {
    return this.notifications.some((n) => n.kind === kind && n.recipients.swvLoketOfSchool === SCHOOL && (n.stepLabel ?? '').startsWith(label));
  }
}

const ALL_BUT_SIGNATURE: TlvDossierItem[] = ['OPP', 'ONDERBOUWING', 'OBSERVATIEVERSLAG', 'GESPREKSVERSLAG', 'ONDERZOEKSVERSLAG', 'DESKUNDIGHEIDSVERKLARING_VSO', 'ZIENSWIJZE_OUDERS', 'HANDTEKENING_LEERLING'];

async function start(taskQueue: string, workflowId: string, over: Partial<StartTlvInput> = {}): Promise<Handle> {
  const input: StartTlvInput = {
    schoolId: SCHOOL,
    pupilId: 'pupil-1',
    startedBy: zc,
    sourceCaseId: 'zorgroute-pupil-1',
    flexZatDate: '2027-01-11',
    deskundigheidsverklaringVso: true,
    reason: 'De Flex-ZAT adviseert een plaats in het VSO',
  };
  return kit.env.client.workflow.start(tlvWorkflow, { taskQueue, workflowId, args: [{ ...input, ...over }] });
}

async function waitFor(h: Handle, check: (st: TlvState) => boolean, what: string): Promise<TlvState> {
  for (let i = 0; i < 300; i++) {
    const st = await h.query(getTlvState).catch(() => null);
    if (st && check(st)) return st;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what} not reached`);
}

const waitForStep = (h: Handle, step: string) => waitFor(h, (st) => st.case.waitingFor === step, `step ${step}`);

async function answerConsent(h: Handle, decision: 'GIVEN' | 'REFUSED' = 'GIVEN'): Promise<void> {
  await waitForStep(h, TLV_CONSENT_STEP);
  const request = (await h.query(getConsents)).at(-1);
  await h.executeUpdate(recordConsentDecision, { args: [{ actor: parent, requestId: request?.requestId as string, decision, method: 'DIGITAL', giverUserId: parent.id, giverRole: 'PARENT', note: decision === 'REFUSED' ? 'Wij willen eerst een ander arrangement' : null }] });
}

async function record(h: Handle, items: TlvDossierItem[]): Promise<TlvState> {
  let st: TlvState | null = null;
  for (const item of items) st = await h.executeUpdate(recordTlvDossierItem, { args: [{ actor: zc, item, reference: `Dossier/${item.toLowerCase()}.pdf`, date: await kit.today(), note: null }] });
  return st as TlvState;
}

const submit = (h: Handle) => h.executeUpdate(submitTlvRequest, { args: [{ actor: zc, requestedCategory: 'MIDDEN', vsoSchool: 'VSO De Brug', motivation: 'Ondanks een jaar arrangement op school onvoldoende ontwikkeling' }] });

const complete = (h: Handle) =>
  h.executeUpdate(checkTlvDossier, {
    args: [{ actor: swv, outcome: 'COMPLEET', firstExpertName: 'Drs. A. Jansen', firstExpertDiscipline: 'ORTHOPEDAGOOG', secondExpertName: 'Dr. B. de Wit', secondExpertDiscipline: 'KINDER_JEUGDPSYCHIATER' }],
  });

const advise = async (h: Handle, slot: 1 | 2) =>
  h.executeUpdate(slot === 1 ? recordTlvFirstExpertAdvice : recordTlvSecondExpertAdvice, {
    args: [{ actor: swv, date: await kit.today(), advice: 'TOEKENNEN', category: 'MIDDEN', summary: `Advies ${slot}: de onderwijsbehoeften vragen om een VSO-setting` }],
  });

/** From the start to ADVIES: the parents agree, the dossier is complete, the SWV finds it complete. */
async function toAdvice(h: Handle): Promise<TlvState> {
  await answerConsent(h);
  await waitForStep(h, 'TLV_SUBMIT_REQUEST');
  await record(h, ALL_BUT_SIGNATURE);
  await submit(h);
  await waitForStep(h, 'TLV_CHECK_DOSSIER');
  await complete(h);
  return waitFor(h, (st) => st.case.status === 'ADVIES' && st.openSteps.includes('TLV_EXPERT_ADVICE_2'), 'ADVIES');
}

/**
 * The first day from `from` on whose next six weeks hold at least 28 school days (the 15-school-day advice term, the
 * stuck mark ten school days later, and margin), so the advice is overdue before the commissie's term ends.
 */
function holidayFreeRunway(from: string): string {
  let day = from;
  while (addSchoolDays(day, 28, cal) >= addCalendarWeeks(day, 6)) day = addCalendarDays(day, 1);
  return day;
}

describe('P8 TLV workflow (time skipping)', () => {
  it('an incomplete dossier is refused and sent back; once complete both experts advise, the TLV is granted, noted and registered, reminded before the end and expires', async () => {
    const fakes = new Fakes();
    const final = await kit.withWorker(
      fakes.allActivities(),
      async (tq) => {
        const h = await start(tq, 'tlv-onvolledig-afgegeven-verlopen');
        const asked = await waitForStep(h, TLV_CONSENT_STEP);
        expect(asked.case.status).toBe('DOSSIER');
        expect(asked.availableSteps).toEqual(['TLV_RECORD_DOSSIER_ITEM', 'TLV_WITHDRAW']);
        // The request cannot go before the parents agree.
        expect((await updateError(submit(h))).type).toBe('STEP_NOT_ALLOWED');
        await record(h, ALL_BUT_SIGNATURE.filter((i) => i !== 'OPP' && i !== 'HANDTEKENING_LEERLING'));
        await answerConsent(h);
        const open = await waitForStep(h, 'TLV_SUBMIT_REQUEST');
        // The parents' akkoord counts as their signature; the SWV's checklist still misses two documents.
        expect(open.checklist.find((c) => c.item === 'HANDTEKENING_OUDERS')).toMatchObject({ present: true, reference: 'Akkoord van de ouders in Zorgroute' });
        expect(open.missingItems).toEqual(['OPP', 'HANDTEKENING_LEERLING']);
        expect(await updateError(submit(h))).toEqual({ type: 'STEP_NOT_ALLOWED', message: 'Het dossier is niet compleet; nog nodig: Ontwikkelingsperspectiefplan (OPP), Handtekening van de leerling' });
        await record(h, ['OPP', 'HANDTEKENING_LEERLING']);
        const submitted = await submit(h);
        expect(submitted.case.status).toBe('INGEDIEND');
        expect(submitted.case.waitingFor).toBe('TLV_CHECK_DOSSIER');
        expect(submitted.case.ownerUserId).toBeNull();
        await waitUntil(() => fakes.toSwv('STEP_ASSIGNED', 'TLV-dossier controleren'), 'SWV loket told to check the dossier');

        // The SWV finds the research report missing: back to the school, which cannot resubmit without it.
        const back = await h.executeUpdate(checkTlvDossier, { args: [{ actor: swv, outcome: 'ONVOLLEDIG', missingItems: ['ONDERZOEKSVERSLAG'], note: 'Het onderzoeksverslag is ouder dan twee jaar' }] });
        expect(back.case.status).toBe('DOSSIER');
        expect(back.case.waitingFor).toBe('TLV_SUBMIT_REQUEST');
        expect(back.missingItems).toEqual(['ONDERZOEKSVERSLAG']);
        expect(back.checks).toEqual([expect.objectContaining({ round: 1, outcome: 'ONVOLLEDIG', missingItems: ['ONDERZOEKSVERSLAG'], note: 'Het onderzoeksverslag is ouder dan twee jaar' })]);
        expect((await updateError(submit(h))).message).toBe('Het dossier is niet compleet; nog nodig: Onderzoeksverslag');
        await record(h, ['ONDERZOEKSVERSLAG']);
        await submit(h);
        await waitForStep(h, 'TLV_CHECK_DOSSIER');
        const today = await kit.today();
        const advice = await complete(h);
        expect(advice.case.status).toBe('ADVIES');
        expect(advice.openSteps).toEqual(['TLV_EXPERT_ADVICE_1', 'TLV_EXPERT_ADVICE_2', 'TLV_EXTEND_TERM']);
        expect(advice.term).toMatchObject({ completeOn: today, firstDueDate: addCalendarWeeks(today, 6), dueDate: addCalendarWeeks(today, 6), extended: false });
        const adviceDue = dueInSchoolDays(today, 15, cal, 'x').date;
        expect(advice.experts.map((e) => [e.slot, e.name, e.discipline, e.dueDate])).toEqual([
          [1, 'Drs. A. Jansen', 'ORTHOPEDAGOOG', adviceDue],
          [2, 'Dr. B. de Wit', 'KINDER_JEUGDPSYCHIATER', adviceDue],
        ]);
        expect(advice.case.data.dueDates).toEqual(expect.arrayContaining([expect.objectContaining({ step: 'TLV_DECISION_TERM', date: addCalendarWeeks(today, 6) })]));
        // The commissie decides only after both experts advised.
        expect((await updateError(h.executeUpdate(recordTlvDecision, { args: [{ actor: swv, decision: 'AFGEWEZEN', motivation: 'Te vroeg genomen besluit' }] }))).type).toBe('STEP_NOT_ALLOWED');
        await advise(h, 1);
        await advise(h, 2);
        await waitForStep(h, 'TLV_DECISION');

        // A TLV is valid at least 12 months. It starts on the first of next month (from the suite's default start:
        // 1 February 2027 to 31 January 2028), derived from the test server's date so a moved clock changes no outcome.
        const startDate = addCalendarMonths(`${(await kit.today()).slice(0, 8)}01`, 1);
        const endDate = addCalendarDays(addCalendarMonths(startDate, 12), -1);
        const decision = { actor: swv, decision: 'TOEGEKEND' as const, category: 'MIDDEN' as const, startDate, motivation: 'Beide deskundigen adviseren een VSO-plaats in categorie midden' };
        expect(await updateError(h.executeUpdate(recordTlvDecision, { args: [{ ...decision, endDate: addCalendarDays(endDate, -31) }] }))).toEqual({
          type: 'BAD_USER_INPUT',
          message: `Een TLV geldt minstens 12 maanden: de einddatum ligt op of na ${endDate}`,
        });
        const granted = await h.executeUpdate(recordTlvDecision, { args: [{ ...decision, endDate }] });
        expect(granted.case.status).toBe('AFGEGEVEN');
        expect(granted.decision).toMatchObject({ decision: 'TOEGEKEND', category: 'MIDDEN', startDate, endDate, onTime: true, bezwaarUntil: addCalendarWeeks(await kit.today(), 6) });
        expect(granted.case.waitingFor).toBe('TLV_RECORD_SCHOOL_SYSTEM');
        expect(granted.case.ownerUserId).toBe(zc.id);
        expect(granted.availableSteps).toEqual(['TLV_RECORD_BEZWAAR']);
        expect(fakes.letters.map((l) => l.request.kind)).toEqual(['TLV_BESLUIT']);
        expect(fakes.letters[0].text).toContain('in de categorie midden');
        expect(fakes.letters[0].text).toContain(`De verklaring geldt van ${dateInWords(startDate)} tot en met ${dateInWords(endDate)}`);
        expect(fakes.letters[0].text).toContain('Landelijke Bezwaaradviescommissie Toelaatbaarheidsverklaringen');
        await waitUntil(() => fakes.notifications.some((n) => n.kind === 'LETTER_AVAILABLE' && n.recipients.parentsOfPupil === 'pupil-1' && n.document?.letter === 'TLV_BESLUIT'), 'the parents told of the letter');

        // Noted in the school system, then registered in BRON.
        const noted = await h.executeUpdate(recordTlvSchoolSystem, { args: [{ actor: zc, date: await kit.today(), note: null }] });
        expect(noted.case.waitingFor).toBe('TLV_RECORD_BRON');
        const registered = await h.executeUpdate(recordTlvBron, { args: [{ actor: zc, date: await kit.today(), note: 'BRON-melding verwerkt' }] });
        expect(registered.registration).toEqual({ schoolSystemOn: await kit.today(), bronOn: await kit.today() });

        // Six months before the end date the SWV and the school are reminded; the school decides on a herindicatie.
        const reminderDate = addCalendarMonths(endDate, -6);
        expect(registered.expiry).toEqual({ reminderDate, remindedOn: null });
        await kit.sleepUntil(reminderDate);
        const expiring = await waitFor(h, (st) => st.case.status === 'AFLOPEND' && st.openSteps.includes('TLV_DECIDE_HERINDICATIE'), 'the expiry reminder');
        expect(expiring.expiry).toEqual({ reminderDate, remindedOn: reminderDate });
        expect(expiring.case.waitingFor).toBe('TLV_DECIDE_HERINDICATIE');
        expect(expiring.case.ownerUserId).toBe(zc.id);
        await waitUntil(() => fakes.toSwv('STEP_ASSIGNED', 'TLV loopt af: herindicatie'), 'SWV loket reminded');
        await waitUntil(() => fakes.notifications.some((n) => n.kind === 'STEP_ASSIGNED' && n.recipients.userIds?.includes(zc.id) && n.stepLabel === 'Herindicatie van de TLV'), 'school reminded');
        expect(fakes.audit.some((a) => a.action === 'TLV_EXPIRY_REMINDED')).toBe(true);
        await h.executeUpdate(decideTlvHerindicatie, { args: [{ actor: zc, herindicatie: 'NIET_NODIG', reason: 'Zoë gaat na dit schooljaar naar het mbo' }] });

        await kit.sleepUntil(addCalendarDays(endDate, 1));
        const result = await h.result();
        await maybeRecordHistory(h, 'tlv-onvolledig-afgegeven-verlopen');
        return result;
      },
      'tlv',
    );
    expect(final.case.status).toBe('VERLOPEN');
    expect(final.case.outcome).toBe('VERLOPEN');
    expect(final.case.closedAt).not.toBeNull();
    expect(final.herindicatie).toMatchObject({ decision: 'NIET_NODIG', caseId: null });
    expect(fakes.duplicates).toBe(0);
  });

  it('one expert is late: the SWV loket is reminded, the zorgcoördinator told and the case stuck until the advice; the commissie refuses on the last day of its term; a bezwaar keeps the case open until it is decided', async () => {
    const fakes = new Fakes();
    const final = await kit.withWorker(
      fakes.allActivities(),
      async (tq) => {
        // The late advice is marked stuck while the commissie's six-week term still runs (it could still extend): that
        // holds when the weeks ahead have no holiday. Move the test server's clock to the first such day (from the
        // suite's default start: that day itself), so a suite started before a vacation asserts the same.
        const runway = holidayFreeRunway(await kit.today());
        if (runway !== (await kit.today())) await kit.sleepUntil(runway, 10);
        const h = await start(tq, 'tlv-deskundige-te-laat-afgewezen-bezwaar');
        const advice = await toAdvice(h);
        await advise(h, 1);
        const due = advice.experts[1].dueDate;
        await kit.sleepUntil(addSchoolDays(due, 10, cal));
        const stuck = await waitFor(h, (st) => st.case.stuck, 'stuck');
        expect(stuck.case.stuckReason).toBe('OVERDUE:TLV_EXPERT_ADVICE_2');
        expect(stuck.case.waitingFor).toBe('TLV_EXPERT_ADVICE_2');
        expect(stuck.openSteps).toEqual(['TLV_EXPERT_ADVICE_2', 'TLV_EXTEND_TERM']);
        await waitUntil(() => fakes.notifications.some((n) => n.kind === 'STEP_REMINDER' && n.recipients.swvLoketOfSchool === SCHOOL && n.stepLabel === 'Advies van de tweede deskundige (Dr. B. de Wit)' && n.rung?.startsWith('after-')), 'SWV loket reminded when overdue');
        await waitUntil(() => fakes.notifications.some((n) => n.kind === 'STEP_ESCALATION' && n.recipients.userIds?.includes(zc.id)), 'zorgcoördinator told');
        expect(fakes.notifications.some((n) => n.stepLabel === 'Advies van de orthopedagoog of psycholoog (Drs. A. Jansen)' && n.kind !== 'STEP_ASSIGNED')).toBe(false);
        await advise(h, 2);
        const deciding = await waitForStep(h, 'TLV_DECISION');
        expect(deciding.case.stuck).toBe(false);
        expect(deciding.case.status).toBe('BESLUIT');
        expect(deciding.case.nextDueDate).toBe(advice.term?.dueDate);

        // The last day of the term: on time.
        await kit.sleepUntil(advice.term?.dueDate as string);
        const refused = await h.executeUpdate(recordTlvDecision, { args: [{ actor: swv, decision: 'AFGEWEZEN', motivation: 'Eerst een arrangement met ambulante begeleiding op school' }] });
        expect(refused.case.status).toBe('AFGEWEZEN');
        expect(refused.decision).toMatchObject({ decision: 'AFGEWEZEN', decidedOn: advice.term?.dueDate, onTime: true, category: null, endDate: null });
        expect(refused.case.stuck).toBe(false);
        expect(fakes.letters[0].text).toContain('Wij geven geen toelaatbaarheidsverklaring af voor Zoë');
        expect(refused.availableSteps).toEqual(['TLV_RECORD_BEZWAAR']);

        // The parents object: recorded; after the bezwaar term the case waits for its outcome.
        await h.executeUpdate(recordTlvBezwaar, { args: [{ actor: swv, stage: 'INGEDIEND', date: await kit.today(), note: 'De ouders vinden dat het arrangement al geprobeerd is' }] });
        const bezwaarUntil = refused.decision?.bezwaarUntil as string;
        await kit.sleepUntil(addCalendarDays(bezwaarUntil, 3));
        const pending = await h.query(getTlvState);
        expect(pending.case.status).toBe('AFGEWEZEN');
        expect(pending.case.closedAt).toBeNull();
        await h.executeUpdate(recordTlvBezwaar, { args: [{ actor: swv, stage: 'ONGEGROND', date: await kit.today(), note: 'Advies van de landelijke commissie gevolgd' }] });
        const result = await h.result();
        await maybeRecordHistory(h, 'tlv-deskundige-te-laat-afgewezen-bezwaar');
        return result;
      },
      'tlv',
    );
    expect(final.case.status).toBe('AFGESLOTEN');
    expect(final.case.outcome).toBe('AFGEWEZEN');
    expect(final.bezwaren.map((b) => b.stage)).toEqual(['INGEDIEND', 'ONGEGROND']);
    expect(fakes.audit.filter((a) => a.action === 'TLV_BEZWAAR_RECORDED')).toHaveLength(2);
  });

  it('the commissie extends its term once with a letter to the parents and decides within the extension; the herindicatie before the end starts a new TLV request on the same route', async () => {
    const fakes = new Fakes();
    const final = await kit.withWorker(
      fakes.allActivities(),
      async (tq) => {
        const h = await start(tq, 'tlv-verlengd-herindicatie');
        const advice = await toAdvice(h);
        await advise(h, 1);
        await advise(h, 2);
        await waitForStep(h, 'TLV_DECISION');
        const firstDue = advice.term?.firstDueDate as string;
        expect((await updateError(h.executeUpdate(extendTlvTerm, { args: [{ actor: swv, weeks: 5, reason: 'Het tweede advies vraagt een observatie' }] }))).message).toBe('Aantal weken moet een getal van 1 tot en met 4 zijn');
        const extended = await h.executeUpdate(extendTlvTerm, { args: [{ actor: swv, weeks: 3, reason: 'De commissie wil eerst de VSO-school horen' }] });
        expect(extended.term).toMatchObject({ firstDueDate: firstDue, dueDate: addCalendarWeeks(firstDue, 3), extended: true, extensionWeeks: 3, extensionReason: 'De commissie wil eerst de VSO-school horen' });
        const verlengd = await waitFor(h, (st) => st.case.status === 'VERLENGD' && st.case.nextDueDate === addCalendarWeeks(firstDue, 3), 'VERLENGD');
        expect(verlengd.openSteps).toEqual(['TLV_DECISION']);
        expect(fakes.letters[0].request.kind).toBe('TLV_VERLENGING');
        expect(fakes.letters[0].text).toContain('verlengen wij de termijn eenmalig met 3 weken');
        expect(fakes.letters[0].text).toContain('De commissie wil eerst de VSO-school horen');
        await waitUntil(() => fakes.notifications.some((n) => n.kind === 'LETTER_AVAILABLE' && n.document?.letter === 'TLV_VERLENGING'), 'the parents told of the extension');
        expect(await updateError(h.executeUpdate(extendTlvTerm, { args: [{ actor: swv, weeks: 1, reason: 'Nog een keer verlengen kan niet' }] }))).toEqual({ type: 'STEP_NOT_ALLOWED', message: 'De beslistermijn is al verlengd; dat kan maar één keer' });

        // After the first term, within the extension: on time.
        await kit.sleepUntil(addCalendarDays(firstDue, 2));
        const from = await kit.today();
        const end = addCalendarDays(addCalendarMonths(from, 12), -1);
        const granted = await h.executeUpdate(recordTlvDecision, { args: [{ actor: swv, decision: 'TOEGEKEND', category: 'HOOG', startDate: from, endDate: end, motivation: 'De VSO-school kan de benodigde zorg bieden' }] });
        expect(granted.decision).toMatchObject({ onTime: true, category: 'HOOG' });
        await h.executeUpdate(recordTlvSchoolSystem, { args: [{ actor: zc, date: from, note: null }] });
        await h.executeUpdate(recordTlvBron, { args: [{ actor: zc, date: from, note: null }] });

        await kit.sleepUntil(addCalendarMonths(end, -6));
        await waitFor(h, (st) => st.openSteps.includes('TLV_DECIDE_HERINDICATIE'), 'the herindicatie step');
        const asked = await h.executeUpdate(decideTlvHerindicatie, { args: [{ actor: zc, herindicatie: 'AANVRAGEN', reason: 'Zoë heeft het VSO ook volgend jaar nodig' }] });
        expect(asked.herindicatie).toMatchObject({ decision: 'AANVRAGEN', caseId: 'tlv-herindicatie-tlv-verlengd-herindicatie' });
        expect(asked.case.data.ledTo).toEqual([expect.objectContaining({ caseId: 'tlv-herindicatie-tlv-verlengd-herindicatie', process: 'TLV', started: true })]);
        // The herindicatie runs the same route: the parents are asked again, a new dossier.
        const child = kit.env.client.workflow.getHandle('tlv-herindicatie-tlv-verlengd-herindicatie') as Handle;
        const again = await waitFor(child, (st) => st.case.waitingFor === TLV_CONSENT_STEP, 'the herindicatie asks the parents');
        expect(again.case.status).toBe('DOSSIER');
        expect(again.case.originCaseId).toBe('tlv-verlengd-herindicatie');
        expect(again.case.data.herindicatieOf).toBe('tlv-verlengd-herindicatie');

        await kit.sleepUntil(addCalendarDays(end, 1));
        const result = await h.result();
        await maybeRecordHistory(h, 'tlv-verlengd-herindicatie');
        return result;
      },
      'tlv',
    );
    expect(final.case.outcome).toBe('VERLOPEN');
    expect(fakes.audit.filter((a) => a.action === 'TLV_TERM_EXTENDED')).toHaveLength(1);
  });

  it('ends without the parents’ akkoord, and when the request is withdrawn before the decision', async () => {
    const fakes = new Fakes();
    await kit.withWorker(
      fakes.allActivities(),
      async (tq) => {
        const h = await start(tq, 'tlv-geen-toestemming');
        await answerConsent(h, 'REFUSED');
        const result = await h.result();
        await maybeRecordHistory(h, 'tlv-geen-toestemming');
        expect(result.case.status).toBe('GEEN_TOESTEMMING');
        expect(result.case.outcome).toBe('GEEN_TOESTEMMING');

        const w = await start(tq, 'tlv-ingetrokken');
        await toAdvice(w);
        const withdrawn = await w.executeUpdate(withdrawTlvRequest, { args: [{ actor: zc, reason: 'De ouders kiezen voor een andere school' }] });
        expect(withdrawn.withdrawnReason).toBe('De ouders kiezen voor een andere school');
        const done = await w.result();
        expect(done.case.outcome).toBe('INGETROKKEN');
        expect(done.case.status).toBe('INGETROKKEN');
        expect(done.openSteps).toEqual([]);
        expect(done.availableSteps).toEqual([]);
      },
      'tlv',
    );
  });
});
