/**
 * P7 OPP end to end on the real stack (Temporal dev server, a real worker on its own task queue, PostgreSQL): the
 * zorgcoördinator starts an OPP → the mentor (taking part) draws up a version through `takeStep` → the pupil's view is
 * recorded (hoorrecht) → a parent agrees to the handelingsdeel of exactly that version in the portal (the consent
 * carries the version's SHA-256) → the plan is in force, BRON registration open → the zorgcoördinator stops it.
 * Along the way: who may start and take each step (the step catalogue), bad input answered with a clear error and
 * nothing changed, and what the family sees of the OPP.
 * Uses its own SWV, school and people.
 */
import { DataSource } from 'typeorm';
import { PupilEntity, PupilGuardianEntity, Role, SchoolEntity, SwvEntity, UserEntity } from '@zorgroute/domain';
import { addCalendarWeeks, toIsoDate } from '@zorgroute/domain/logic';
import { OPP_STEPS } from '@zorgroute/processes';
import { eventually, type GqlResult } from './graphql-client';
import { expectedStepMutations, typedStepMutations } from './step-mutations';
import { useTestStack } from './test-stack';
import { bornYearsAgo } from './ages';

const stamp = Date.now().toString(36);
const email = (who: string) => `${who}.${stamp}@opptest.example`;
const stack = useTestStack({ name: 'opp-e2e', seed: false });
let school: SchoolEntity;
let pupil: PupilEntity;
let otherPupil: PupilEntity;

const START = `mutation($i: StartOppInput!) { startOpp(input: $i) { id process status } }`;
const TAKE = `mutation($c: ID!, $s: String!, $i: JSONObject!) { takeStep(caseId: $c, step: $s, input: $i) { status waitingFor } }`;
const DETAIL = `query($id: ID!) { case(id: $id) {
  summary { id status statusLabel waitingFor waitingForLabel nextDueDate ownerName closedAt }
  openSteps dueDates { step date explanation }
  stepForms { step open mayTake }
  consents { id kind status subjectDigest giverRole }
  timeline { kind description }
  opp
} }`;

const SWV_VIEW = `query($id: ID!) { case(id: $id) { summary { status } opp timeline { kind } } }`;

interface Detail {
  summary: { id: string; status: string; statusLabel: string; waitingFor: string | null; waitingForLabel: string | null; nextDueDate: string | null; ownerName: string | null; closedAt: string | null };
  openSteps: string[];
  dueDates: { step: string; date: string; explanation: string }[];
  stepForms: { step: string; open: boolean; mayTake: boolean }[];
  consents: { id: string; kind: string; status: string; subjectDigest: string | null; giverRole: string | null }[];
  timeline: { kind: string; description: string }[];
  opp: Record<string, unknown> | null;
}

const as = (who: string) => stack.gql.login(email(who));
const code = (r: GqlResult<unknown>) => r.errors?.[0]?.extensions?.code;
const detail = async (id: string) => (await stack.gql.ok<{ case: Detail }>(DETAIL, { id })).case;
const waitFor = (id: string, check: (d: Detail) => boolean, what: string) =>
  eventually(async () => {
    const d = await detail(id);
    return check(d) ? d : null;
  }, 30_000, what);

const plan = (today: string) => ({
  onderwijsbehoeften: 'Structuur, voorspelbaarheid en een vaste plek in de klas',
  belemmerendeFactoren: 'Raakt snel overprikkeld in grote groepen',
  bevorderendeFactoren: 'Gemotiveerd en sterk in wiskunde',
  uitstroomperspectief: 'MBO_3_4',
  uitstroomOnderbouwing: 'Cognitief niveau en motivatie passen bij mbo niveau 3 of 4',
  handelingsdeel: [{ support: 'Wekelijkse begeleiding bij plannen', providedBy: 'Ambulant begeleider (BPO)', duration: 'tot de zomervakantie', frequency: 'wekelijks een uur' }],
  authors: ['Kees Veenstra (mentor)', 'Marloes Hofstede (zorgcoördinator)'],
  parentsConsultedOn: today,
});

beforeAll(async () => {
  const ds = stack.app.get(DataSource);
  const swv = await ds.getRepository(SwvEntity).save({ name: 'SWV OPP-test', code: `P${stamp}`.slice(0, 20) });
  school = await ds.getRepository(SchoolEntity).save({ swvId: swv.id, name: 'OPP-testcollege', brin: `P${stamp}`.slice(0, 10), region: 'midden' });
  const user = (who: string, name: string, role: Role) => ds.getRepository(UserEntity).save({ email: email(who), name, role, schoolId: school.id, swvId: swv.id, pupilId: null });
  await user('zc', 'Marloes Hofstede', Role.ZORGCOORDINATOR);
  const mentor = await user('mentor', 'Kees Veenstra', Role.MENTOR);
  await user('other-mentor', 'Lotte Brink', Role.MENTOR);
  await user('teamleider', 'Hans Bos', Role.TEAMLEIDER);
  await ds.getRepository(UserEntity).save({ email: email('swv'), name: 'Esther van Dam', role: Role.SWV_MEDEWERKER, schoolId: null, swvId: swv.id, pupilId: null });
  const pupils = ds.getRepository(PupilEntity);
  pupil = await pupils.save({ schoolId: school.id, firstName: 'Sem', lastName: 'Vermeulen', dateOfBirth: bornYearsAgo(14), className: '2B', mentorId: mentor.id });
  otherPupil = await pupils.save({ schoolId: school.id, firstName: 'Lina', lastName: 'Bakker', dateOfBirth: bornYearsAgo(13), className: '1A', mentorId: mentor.id });
  const parent = await user('ouder', 'Ilse Vermeulen', Role.PARENT);
  await ds.getRepository(PupilGuardianEntity).save({ pupilId: pupil.id, userId: parent.id, relation: 'ouder' });
}, 120_000);

describe('P7 OPP end to end: GraphQL → workflow → read model', () => {
  const today = toIsoDate(Date.now());
  let id = '';

  it('has a typed mutation for every step of the catalogue, with exactly its fields and an idempotency key', async () => {
    await as('zc');
    expect(await typedStepMutations(stack.gql, OPP_STEPS)).toEqual(expectedStepMutations(OPP_STEPS));
  });

  it('starts an OPP only by the zorgcoördinator, with valid input, linked to a case of the same pupil', async () => {
    await as('mentor');
    expect(code(await stack.gql.request(START, { i: { pupilId: pupil.id, reason: 'Arrangement na het ZAT', source: 'DIRECT' } }))).toBe('FORBIDDEN');

    await as('zc');
    const short = await stack.gql.request(START, { i: { pupilId: pupil.id, reason: 'kort', source: 'DIRECT' } });
    expect(code(short)).toBe('BAD_USER_INPUT');
    expect(short.errors?.[0].message).toBe('Waarom krijgt de leerling extra ondersteuning? moet 10 tot 2000 tekens lang zijn');
    const noSource = await stack.gql.request(START, { i: { pupilId: pupil.id, reason: 'Arrangement na het ZAT', source: 'ZORGROUTE' } });
    expect(code(noSource)).toBe('BAD_USER_INPUT');
    expect(noSource.errors?.[0].message).toBe('Vul in: casusnummer van de herkomst');
    expect(noSource.errors?.[0].extensions?.messageEn).toBe('sourceCaseId is required');
    const unknownSource = await stack.gql.request(START, { i: { pupilId: pupil.id, reason: 'Arrangement na het ZAT', source: 'ZORGROUTE', sourceCaseId: `zorgroute-${otherPupil.id}-x` } });
    expect(code(unknownSource)).toBe('BAD_USER_INPUT');
    const future = await stack.gql.request(START, { i: { pupilId: pupil.id, reason: 'Arrangement na het ZAT', source: 'DIRECT', supportStartedOn: addCalendarWeeks(today, 1) } });
    expect(code(future)).toBe('BAD_USER_INPUT');
    // Nothing was started by the bad requests.
    expect((await stack.gql.ok<{ cases: { id: string; process: string }[] }>(`{ cases { id process } }`)).cases.filter((c) => c.process === 'OPP')).toEqual([]);

    // This SWV's policy asks for its share of every agreed OPP.
    await stack.gql.ok(`mutation($i: PublishPolicyVersionInput!) { publishPolicyVersion(input: $i) { version } }`, {
      i: { scope: 'SCHOOL', scopeId: school.id, overrides: JSON.stringify({ opp: { shareWithSwv: true } }), note: 'OPP delen met het SWV' },
    });
    const { startOpp } = await stack.gql.ok<{ startOpp: { id: string; process: string } }>(START, {
      i: { pupilId: pupil.id, reason: 'Arrangement na het ZAT: begeleiding door de BPO', source: 'DIRECT', requestKey: 'e2e' },
    });
    id = startOpp.id;
    expect(id).toBe(`opp-${pupil.id}-e2e`);
    expect(startOpp.process).toBe('OPP');
    const started = await waitFor(id, (d) => d.summary.waitingFor === 'OPP_DRAW_UP', 'draw-up open');
    expect(started.summary.status).toBe('OPSTELLEN');
    expect(started.summary.waitingForLabel).toBe('OPP opstellen');
    expect(started.summary.nextDueDate).toBe(addCalendarWeeks(today, 6));
    expect(started.dueDates[0].explanation).toContain('6 kalenderweken na de start van de extra ondersteuning');
    // One open OPP per pupil.
    expect(code(await stack.gql.request(START, { i: { pupilId: pupil.id, reason: 'Nog een arrangement', source: 'DIRECT', requestKey: 'e2e-2' } }))).toBe('CONFLICT');
  }, 90_000);

  it('lets the mentor who takes part draw up the OPP through takeStep; others may not; bad input changes nothing', async () => {
    await as('mentor');
    const forms = (await detail(id)).stepForms;
    expect(forms.find((f) => f.step === 'OPP_DRAW_UP')).toEqual({ step: 'OPP_DRAW_UP', open: true, mayTake: true });
    expect(forms.find((f) => f.step === 'STOP_OPP')?.mayTake).toBe(false);

    const empty = await stack.gql.request(TAKE, { c: id, s: 'OPP_DRAW_UP', i: { ...plan(today), handelingsdeel: [] } });
    expect(code(empty)).toBe('BAD_USER_INPUT');
    expect(empty.errors?.[0].message).toBe('Handelingsdeel: de ondersteuning: 1 tot 12 items');
    expect(code(await stack.gql.request(TAKE, { c: id, s: 'OPP_DRAW_UP', i: { ...plan(today), uitstroomperspectief: 'HAVO' } }))).toBe('BAD_USER_INPUT');
    expect((await detail(id)).summary.status).toBe('OPSTELLEN');

    // A mentor who does not take part does not even see the case.
    await as('other-mentor');
    expect(code(await stack.gql.request(TAKE, { c: id, s: 'OPP_DRAW_UP', i: plan(today) }))).toBe('NOT_FOUND');
    await as('ouder');
    expect(code(await stack.gql.request(TAKE, { c: id, s: 'OPP_DRAW_UP', i: plan(today) }))).toBe('FORBIDDEN');

    await as('mentor');
    // The pupil cannot be heard before a version exists.
    expect(code(await stack.gql.request(TAKE, { c: id, s: 'OPP_HEAR_PUPIL', i: { mode: 'WAIVED', waiverReason: 'Kan nu geen mening vormen' } }))).toBeDefined();
    await stack.gql.ok(TAKE, { c: id, s: 'OPP_DRAW_UP', i: plan(today) });
    const heard = await waitFor(id, (d) => d.summary.waitingFor === 'OPP_HEAR_PUPIL', 'hearing open');
    expect(heard.summary.status).toBe('LEERLING_HOREN');
    const versions = heard.opp?.versions as { version: number; digest: string; status: string }[];
    expect(versions).toHaveLength(1);
    expect(versions[0].digest).toMatch(/^[0-9a-f]{64}$/);
  }, 90_000);

  it('asks the parents’ instemming with exactly that version after the pupil was heard; a parent agrees in the portal', async () => {
    await as('mentor');
    const noWeighing = await stack.gql.request(TAKE, { c: id, s: 'OPP_HEAR_PUPIL', i: { mode: 'HEARD', heardOn: today, pupilView: 'Ik wil bij het raam zitten', explainedBack: true } });
    expect(code(noWeighing)).toBe('BAD_USER_INPUT');
    expect(noWeighing.errors?.[0].message).toBe('Vul in: hoe de mening is meegewogen');
    await stack.gql.ok(TAKE, {
      c: id,
      s: 'OPP_HEAR_PUPIL',
      i: { mode: 'HEARD', heardOn: today, pupilView: 'Ik wil bij het raam zitten', weighing: 'Meegenomen in de afspraken over de plek in de klas', explainedBack: true },
    });
    const asked = await waitFor(id, (d) => d.consents.some((c) => c.kind === 'OPP_HANDELINGSDEEL' && c.status === 'PENDING'), 'instemming asked');
    expect(asked.summary.status).toBe('INSTEMMING');
    const digest = (asked.opp?.versions as { digest: string }[])[0].digest;
    const request = asked.consents.find((c) => c.kind === 'OPP_HANDELINGSDEEL') as Detail['consents'][number];
    expect(request.subjectDigest).toBe(digest);

    // Not shared with the SWV before the parents agreed.
    await as('swv');
    expect(code(await stack.gql.request(SWV_VIEW, { id }))).toBe('NOT_FOUND');

    // The parent sees the plan (drawn up with them) and the pupil's view, and answers the request.
    await as('ouder');
    const family = await detail(id);
    expect((family.opp?.versions as { handelingsdeel: unknown[] }[])[0].handelingsdeel).toHaveLength(1);
    expect(family.opp?.hearings).toBeDefined();
    expect(family.stepForms.filter((f) => f.mayTake)).toEqual([]);
    await stack.gql.ok(`mutation($i: GiveConsentInput!) { giveConsent(input: $i) { status } }`, { i: { caseId: id, requestId: request.id, decision: 'GIVEN' } });

    await as('zc');
    const inForce = await waitFor(id, (d) => d.summary.status === 'UITVOERING', 'plan in force');
    expect(inForce.opp?.currentVersion).toBe(1);
    expect(inForce.consents.find((c) => c.id === request.id)).toMatchObject({ status: 'GIVEN', subjectDigest: digest, giverRole: 'PARENT' });
    expect(inForce.openSteps).toContain('OPP_REGISTER_BRON');
    expect(inForce.timeline.map((t) => t.kind)).toContain('OPP_AGREED');

    // Shared with the SWV (its policy asks for it): only its part — the perspective and the handelingsdeel, not the
    // factors, the onderbouwing or the pupil's view.
    await as('swv');
    const swv = (await stack.gql.ok<{ case: { summary: { status: string }; opp: Record<string, unknown>; timeline: { kind: string }[] } }>(SWV_VIEW, { id })).case;
    const shared = (swv.opp.versions as Record<string, unknown>[])[0];
    expect(shared.uitstroomperspectief).toBe('MBO_3_4');
    expect(shared.handelingsdeel).toHaveLength(1);
    expect(shared.digest).toBe(digest);
    expect(shared.belemmerendeFactoren).toBeUndefined();
    expect(shared.uitstroomOnderbouwing).toBeUndefined();
    expect(swv.opp.hearings).toBeUndefined();
    expect(swv.timeline.map((t) => t.kind)).toContain('OPP_SHARED_WITH_SWV');
    expect(swv.timeline.map((t) => t.kind)).not.toContain('OPP_PUPIL_HEARD');
  }, 90_000);

  it('has BRON registered by the teamleider (administration) and stopped only by the zorgcoördinator', async () => {
    await as('mentor');
    expect(code(await stack.gql.request(TAKE, { c: id, s: 'OPP_REGISTER_BRON', i: { registeredOn: today } }))).toBe('FORBIDDEN');
    await as('teamleider');
    await stack.gql.ok(`mutation($c: ID!, $i: OppBronInput!) { registerOppInBron(caseId: $c, input: $i, idempotencyKey: "opp-bron-0001") { status } }`, { c: id, i: { registeredOn: today, reference: 'BRON-123' } });
    await waitFor(id, (d) => !d.openSteps.includes('OPP_REGISTER_BRON') && d.opp?.bron !== null, 'BRON registered');

    await as('mentor');
    expect(code(await stack.gql.request(TAKE, { c: id, s: 'STOP_OPP', i: { reason: 'De mentor wil stoppen' } }))).toBe('FORBIDDEN');
    await as('zc');
    await stack.gql.ok(TAKE, { c: id, s: 'STOP_OPP', i: { reason: 'De leerling verhuist naar een andere regio' } });
    const stopped = await waitFor(id, (d) => d.summary.closedAt !== null, 'closed');
    expect(stopped.summary.status).toBe('GESTOPT');
  }, 90_000);
});
