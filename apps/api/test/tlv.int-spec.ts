/**
 * P8 TLV request end to end on the real stack (Temporal dev server, a real worker, PostgreSQL and the mail catcher):
 * the zorgcoördinator starts the request after a Flex-ZAT → a parent agrees in the portal → the school records the
 * dossier to the SWV's checklist and submits it → an employee of the school's SWV checks it and names two experts →
 * both advise → the commissie grants the TLV (the decision letter is stored and downloadable) → the school notes it
 * in the school system and registers it in BRON. Every step goes through `takeStep` (CaseStepService) and the case
 * page's forms come from `stepForms`. Along the way: who may do each step, bad input, and what the other SWV sees.
 * Uses its own SWVs, school and people (invented names).
 */
import { DataSource } from 'typeorm';
import { PupilEntity, PupilGuardianEntity, Role, SchoolEntity, SwvEntity, UserEntity } from '@zorgroute/domain';
import { addCalendarDays, addCalendarWeeks, toIsoDate } from '@zorgroute/domain/logic';
import { eventually, mailsTo, type GqlResult } from './graphql-client';
import { useTestStack } from './test-stack';
import { bornYearsAgo } from './ages';

const stamp = Date.now().toString(36);
const mailWeb = process.env.MAIL_WEB_URL as string;
const email = (who: string) => `${who}.${stamp}@tlvtest.example`;
const stack = useTestStack({ name: 'tlv-e2e', seed: false });
let pupil: PupilEntity;

const CASE = `query($id: ID!) {
  case(id: $id) {
    summary { id process status waitingFor waitingForLabel ownerName outcome closedAt }
    openSteps openStepLabels dueDates { step label date }
    timeline { kind actorName description }
    consents { id kind status }
    stepForms { step label open mayTake fields }
  }
}`;

interface TlvCase {
  summary: { id: string; process: string; status: string; waitingFor: string | null; waitingForLabel: string | null; ownerName: string | null; outcome: string | null; closedAt: string | null };
  openSteps: string[];
  openStepLabels: string[];
  dueDates: { step: string; label: string; date: string }[];
  timeline: { kind: string; actorName: string | null; description: string }[];
  consents: { id: string; kind: string; status: string }[];
  stepForms: { step: string; label: string; open: boolean; mayTake: boolean; fields: { name: string }[] }[];
}

const START = `mutation($i: StartTlvInput!) { startTlv(input: $i) { id process status waitingFor } }`;
const STEP = `mutation($c: ID!, $s: String!, $i: JSONObject!) { takeStep(caseId: $c, step: $s, input: $i) { id status waitingFor } }`;

async function as(who: string): Promise<void> {
  await stack.gql.login(email(who));
}

async function tlvCase(id: string): Promise<TlvCase> {
  return (await stack.gql.ok<{ case: TlvCase }>(CASE, { id })).case;
}

const step = (id: string, s: string, input: Record<string, unknown>) => stack.gql.request<{ takeStep: { status: string; waitingFor: string | null } }>(STEP, { c: id, s, i: input });
const take = (id: string, s: string, input: Record<string, unknown>) => stack.gql.ok<{ takeStep: { status: string; waitingFor: string | null } }>(STEP, { c: id, s, i: input });

function code(r: GqlResult<unknown>): string | undefined {
  return r.errors?.[0]?.extensions?.code;
}

beforeAll(async () => {
  const ds = stack.app.get(DataSource);
  const swv = await ds.getRepository(SwvEntity).save({ name: 'SWV TLV-test', code: `T${stamp}`.slice(0, 20) });
  const otherSwv = await ds.getRepository(SwvEntity).save({ name: 'SWV elders', code: `U${stamp}`.slice(0, 20) });
  const school = await ds.getRepository(SchoolEntity).save({ swvId: swv.id, name: 'TLV-testcollege', brin: `T${stamp}`.slice(0, 10), region: 'midden' });
  const user = (who: string, name: string, role: Role, schoolId: string | null = school.id, swvId: string = swv.id) =>
    ds.getRepository(UserEntity).save({ email: email(who), name, role, schoolId, swvId, pupilId: null });
  await user('zc', 'Hanneke Brouwer', Role.ZORGCOORDINATOR);
  const mentor = await user('mentor', 'Ruud Jansen', Role.MENTOR);
  await user('swv', 'Esther van Dam', Role.SWV_MEDEWERKER, null);
  await user('swv-elders', 'Bram Kok', Role.SWV_MEDEWERKER, null, otherSwv.id);
  pupil = await ds.getRepository(PupilEntity).save({ schoolId: school.id, firstName: 'Noor', lastName: 'Bakker', dateOfBirth: bornYearsAgo(13), className: '1C', mentorId: mentor.id });
  const parent = await user('ouder', 'Linda Bakker', Role.PARENT);
  await ds.getRepository(PupilGuardianEntity).save({ pupilId: pupil.id, userId: parent.id, relation: 'ouder' });
}, 120_000);

describe('P8 TLV end to end: GraphQL → workflow → read model → letter', () => {
  const today = toIsoDate(Date.now());

  it('runs a TLV request from the school to the SWV, both experts advise, the commissie grants it and the school registers it', async () => {
    // Only the zorgcoördinator starts a request; bad input changes nothing.
    const start = { pupilId: pupil.id, reason: 'De Flex-ZAT adviseert een plaats in het VSO', flexZatDate: today, deskundigheidsverklaringVso: false, requestKey: 'e2e' };
    await as('mentor');
    expect(code(await stack.gql.request(START, { i: start }))).toBe('FORBIDDEN');
    await as('zc');
    const future = await stack.gql.request(START, { i: { ...start, flexZatDate: addCalendarDays(today, 3) } });
    expect(code(future)).toBe('BAD_USER_INPUT');
    expect(future.errors?.[0].message).toBe('Datum van de Flex-ZAT kan niet in de toekomst liggen');
    expect(future.errors?.[0].extensions?.messageEn).toBeTruthy();
    const { startTlv } = await stack.gql.ok<{ startTlv: { id: string; process: string; waitingFor: string | null } }>(START, { i: start });
    const id = startTlv.id;
    expect(id).toBe(`tlv-${pupil.id}-e2e`);
    expect(startTlv.process).toBe('TLV');

    const asked = await eventually(async () => {
      const c = await tlvCase(id);
      return c.summary.waitingFor === 'CONSENT_TLV_AANVRAAG' ? c : null;
    }, 30_000, 'the parents asked');
    expect(asked.summary.status).toBe('DOSSIER');
    // The case page offers the dossier items and withdrawing any time; the submission only after the akkoord.
    expect(asked.stepForms.filter((f) => f.mayTake).map((f) => f.step)).toEqual(['TLV_RECORD_DOSSIER_ITEM', 'TLV_WITHDRAW']);
    expect(asked.stepForms.find((f) => f.step === 'TLV_RECORD_DOSSIER_ITEM')?.fields.map((f) => f.name)).toEqual(['item', 'reference', 'date', 'note', 'noteForFamily']);

    // The school records the dossier (the mentor may not; bad input is refused with the catalogue's message).
    const items = ['OPP', 'ONDERBOUWING', 'OBSERVATIEVERSLAG', 'GESPREKSVERSLAG', 'ONDERZOEKSVERSLAG', 'ZIENSWIJZE_OUDERS', 'HANDTEKENING_LEERLING'];
    await as('mentor');
    expect(code(await step(id, 'TLV_RECORD_DOSSIER_ITEM', { item: 'OPP', reference: 'OPP 2026', date: today }))).toBe('FORBIDDEN');
    await as('zc');
    expect(code(await step(id, 'TLV_RECORD_DOSSIER_ITEM', { item: 'RAPPORT', reference: 'OPP 2026', date: today }))).toBe('BAD_USER_INPUT');
    expect(code(await step(id, 'TLV_RECORD_DOSSIER_ITEM', { item: 'OPP', reference: 'OPP 2026', date: addCalendarDays(today, 2) }))).toBe('BAD_USER_INPUT');
    // Two notes: one for the school and the SWV only, one the zorgcoördinator marks for the family.
    const notes: Record<string, { note: string; noteForFamily?: boolean }> = {
      OPP: { note: 'Intern: vader twijfelt nog over het VSO' },
      ZIENSWIJZE_OUDERS: { note: 'Besproken met de ouders op school', noteForFamily: true },
    };
    for (const item of items.slice(0, -1)) await take(id, 'TLV_RECORD_DOSSIER_ITEM', { item, reference: `Dossier/${item.toLowerCase()}.pdf`, date: today, ...notes[item] });
    // Submitting before the parents agreed is not possible.
    const submit = { requestedCategory: 'MIDDEN', vsoSchool: 'VSO De Brug', motivation: 'Ondanks een jaar arrangement op school onvoldoende ontwikkeling' };
    expect(code(await step(id, 'TLV_SUBMIT_REQUEST', submit))).toBe('STEP_NOT_ALLOWED');

    // A parent agrees in the portal (the e-mail names the pupil, not the reason).
    await as('ouder');
    const mail = await eventually(async () => (await mailsTo(mailWeb, email('ouder')))[0], 30_000, 'the consent e-mail');
    expect(mail.text).toContain('Noor');
    expect(mail.text).not.toContain('VSO De Brug');
    // The checklist's notes on the api's read path: the family reads only the note marked for it.
    const CHECKLIST = `query($id: ID!) { case(id: $id) { tlvChecklist { items { item note noteForFamily } } } }`;
    const notesSeen = async () =>
      Object.fromEntries(
        (await stack.gql.ok<{ case: { tlvChecklist: { items: { item: string; note: string | null }[] } } }>(CHECKLIST, { id })).case.tlvChecklist.items
          .filter((i) => i.item in notes)
          .map((i) => [i.item, i.note]),
      );
    expect(await notesSeen()).toEqual({ OPP: null, ZIENSWIJZE_OUDERS: 'Besproken met de ouders op school' });
    const consent = (await tlvCase(id)).consents.find((c) => c.kind === 'TLV_AANVRAAG');
    await stack.gql.ok(`mutation($i: GiveConsentInput!) { giveConsent(input: $i) { status } }`, { i: { caseId: id, requestId: consent?.id, decision: 'GIVEN' } });

    // The SWV's checklist still misses the pupil's signature: refused with what is missing; then complete.
    await as('zc');
    const open = await eventually(async () => {
      const c = await tlvCase(id);
      return c.summary.waitingFor === 'TLV_SUBMIT_REQUEST' ? c : null;
    }, 30_000, 'the submission open');
    expect(open.stepForms.find((f) => f.step === 'TLV_SUBMIT_REQUEST')).toMatchObject({ open: true, mayTake: true });
    const incomplete = await step(id, 'TLV_SUBMIT_REQUEST', submit);
    expect(code(incomplete)).toBe('STEP_NOT_ALLOWED');
    expect(incomplete.errors?.[0].message).toBe('Het dossier is niet compleet; nog nodig: Handtekening van de leerling');
    await take(id, 'TLV_RECORD_DOSSIER_ITEM', { item: 'HANDTEKENING_LEERLING', reference: 'Handtekening Noor, papier', date: today });
    expect((await take(id, 'TLV_SUBMIT_REQUEST', submit)).takeStep).toMatchObject({ status: 'INGEDIEND', waitingFor: 'TLV_CHECK_DOSSIER' });

    // The SWV loket is told; the school cannot check its own dossier, another SWV does not even see the case.
    await eventually(async () => (await mailsTo(mailWeb, email('swv'))).find((m) => m.subject.startsWith('Nieuwe taak') && m.text.includes(encodeURIComponent(id))) ?? null, 30_000, 'the SWV e-mail');
    const check = { outcome: 'COMPLEET', firstExpertName: 'Drs. A. Jansen', firstExpertDiscipline: 'ORTHOPEDAGOOG', secondExpertName: 'Dr. B. de Wit', secondExpertDiscipline: 'KINDER_JEUGDPSYCHIATER' };
    expect(code(await step(id, 'TLV_CHECK_DOSSIER', check))).toBe('FORBIDDEN');
    await as('swv-elders');
    expect(code(await step(id, 'TLV_CHECK_DOSSIER', check))).toBe('NOT_FOUND');
    await as('swv');
    expect(await notesSeen()).toEqual({ OPP: 'Intern: vader twijfelt nog over het VSO', ZIENSWIJZE_OUDERS: 'Besproken met de ouders op school' });
    const seen = await tlvCase(id);
    expect(seen.stepForms.filter((f) => f.mayTake).map((f) => f.step)).toContain('TLV_CHECK_DOSSIER');
    expect((await take(id, 'TLV_CHECK_DOSSIER', check)).takeStep.status).toBe('ADVIES');
    const advising = await eventually(async () => {
      const c = await tlvCase(id);
      return c.openSteps.length === 3 ? c : null;
    }, 30_000, 'both experts asked');
    expect(advising.openSteps).toEqual(['TLV_EXPERT_ADVICE_1', 'TLV_EXPERT_ADVICE_2', 'TLV_EXTEND_TERM']);
    expect(advising.dueDates.find((d) => d.step === 'TLV_DECISION_TERM')?.date).toBe(addCalendarWeeks(today, 6));

    // Both experts advise (recorded by the SWV); then the commissie decides.
    const advice = (n: number) => ({ date: today, advice: 'TOEKENNEN', category: 'MIDDEN', summary: `Advies ${n}: de onderwijsbehoeften vragen om een VSO-setting` });
    await take(id, 'TLV_EXPERT_ADVICE_1', advice(1));
    await take(id, 'TLV_EXPERT_ADVICE_2', advice(2));
    const deciding = await eventually(async () => {
      const c = await tlvCase(id);
      return c.summary.waitingFor === 'TLV_DECISION' ? c : null;
    }, 30_000, 'the decision step');
    expect(deciding.summary.status).toBe('BESLUIT');
    const end = addCalendarWeeks(today, 53);
    const decision = { decision: 'TOEGEKEND', category: 'MIDDEN', startDate: today, endDate: end, motivation: 'Beide deskundigen adviseren een VSO-plaats in categorie midden' };
    expect(code(await step(id, 'TLV_DECISION', { ...decision, endDate: addCalendarDays(today, 30) }))).toBe('BAD_USER_INPUT');
    expect((await take(id, 'TLV_DECISION', decision)).takeStep).toMatchObject({ status: 'AFGEGEVEN', waitingFor: 'TLV_RECORD_SCHOOL_SYSTEM' });

    // The decision letter is stored with the case, for the school, the parents and the SWV.
    const docs = await stack.gql.ok<{ caseDocuments: { kind: string; downloadPath: string }[] }>(`query($c: ID!) { caseDocuments(caseId: $c) { kind downloadPath } }`, { c: id });
    expect(docs.caseDocuments.map((d) => d.kind)).toEqual(['TLV_BESLUIT']);
    await as('ouder');
    await eventually(async () => (await mailsTo(mailWeb, email('ouder'))).length >= 2 || null, 30_000, 'the parents told of the letter');
    const parentDocs = await stack.gql.ok<{ caseDocuments: { kind: string }[] }>(`query($c: ID!) { caseDocuments(caseId: $c) { kind } }`, { c: id });
    expect(parentDocs.caseDocuments.map((d) => d.kind)).toEqual(['TLV_BESLUIT']);

    // The school notes it in the school system and registers it in BRON; the SWV may not.
    await as('swv');
    const swvDocs = await stack.gql.ok<{ caseDocuments: { kind: string }[] }>(`query($c: ID!) { caseDocuments(caseId: $c) { kind } }`, { c: id });
    expect(swvDocs.caseDocuments.map((d) => d.kind)).toEqual(['TLV_BESLUIT']);
    expect(code(await step(id, 'TLV_RECORD_SCHOOL_SYSTEM', { date: today }))).toBe('FORBIDDEN');
    await as('zc');
    expect((await take(id, 'TLV_RECORD_SCHOOL_SYSTEM', { date: today })).takeStep.waitingFor).toBe('TLV_RECORD_BRON');
    await take(id, 'TLV_RECORD_BRON', { date: today, note: 'BRON-melding verwerkt' });
    const registered = await eventually(async () => {
      const c = await tlvCase(id);
      return c.timeline.some((t) => t.kind === 'TLV_REGISTERED_BRON') && c.openSteps.length === 0 ? c : null;
    }, 30_000, 'registered in BRON');
    expect(registered.summary.status).toBe('AFGEGEVEN');
    expect(registered.summary.closedAt).toBeNull();
    expect(registered.stepForms.filter((f) => f.mayTake).map((f) => f.step)).toEqual(['TLV_RECORD_BEZWAAR']);
    expect(registered.timeline.map((t) => t.kind)).toEqual(
      expect.arrayContaining(['CASE_STARTED', 'TLV_DOSSIER_ITEM_RECORDED', 'CONSENT_GIVEN', 'TLV_REQUEST_SUBMITTED', 'TLV_DOSSIER_CHECKED', 'TLV_DECIDED', 'STATUS_AFGEGEVEN', 'TLV_REGISTERED_BRON']),
    );
  }, 180_000);
});
