/**
 * The staff directory (`staffMembers`, issue 6) and the delivery key of the delivery log, on the real stack: who sees
 * which school's staff (school staff and the school admin their own school, an SWV employee its member schools, an admin
 * all; only active accounts; parents and pupils refused), bad input refused; and the delivery key the admin's resend action needs is shown to the admin only.
 * Uses its own SWVs, schools and people (and, for the deliveries, a trajectory of its own pupil).
 */
import { DataSource } from 'typeorm';
import { PupilEntity, PupilGuardianEntity, Role, SchoolEntity, SwvEntity, UserEntity } from '@zorgroute/domain';
import { eventually, type GqlResult } from './graphql-client';
import { useTestStack } from './test-stack';
import { bornYearsAgo } from './ages';

const stamp = Date.now().toString(36);
const email = (who: string) => `${who}.${stamp}@stafftest.example`;
const stack = useTestStack({ name: 'staff-e2e', seed: false });

const STAFF = `query($s: ID, $r: [Role!]) { staffMembers(schoolId: $s, roles: $r) { id name role schoolId } }`;
interface Staff {
  id: string;
  name: string;
  role: string;
  schoolId: string;
}

let schoolA: SchoolEntity;
let schoolB: SchoolEntity;
let schoolElders: SchoolEntity;
let pupilId = '';

async function as(who: string): Promise<void> {
  await stack.gql.login(email(who));
}

async function staff(variables: { s?: string | null; r?: string[] | null } = {}): Promise<Staff[]> {
  return (await stack.gql.ok<{ staffMembers: Staff[] }>(STAFF, variables)).staffMembers;
}

function code(r: GqlResult<unknown>): string | undefined {
  return r.errors?.[0]?.extensions?.code;
}

const names = (list: Staff[]) => list.map((s) => s.name).sort();

beforeAll(async () => {
  const ds = stack.app.get(DataSource);
  const swv = await ds.getRepository(SwvEntity).save({ name: 'SWV staf-test', code: `S${stamp}`.slice(0, 20) });
  const otherSwv = await ds.getRepository(SwvEntity).save({ name: 'SWV staf-elders', code: `T${stamp}`.slice(0, 20) });
  schoolA = await ds.getRepository(SchoolEntity).save({ swvId: swv.id, name: 'Stafcollege A', brin: `A${stamp}`.slice(0, 10), region: 'midden' });
  schoolB = await ds.getRepository(SchoolEntity).save({ swvId: swv.id, name: 'Stafcollege B', brin: `B${stamp}`.slice(0, 10), region: 'noord' });
  schoolElders = await ds.getRepository(SchoolEntity).save({ swvId: otherSwv.id, name: 'Stafcollege elders', brin: `C${stamp}`.slice(0, 10), region: 'zuid' });
  const user = (who: string, name: string, role: Role, school: SchoolEntity | null, swvId: string = swv.id) =>
    ds.getRepository(UserEntity).save({ email: email(who), name, role, schoolId: school?.id ?? null, swvId, pupilId: null });
  await user('zc-a', 'Anna Aalbers', Role.ZORGCOORDINATOR, schoolA);
  await user('tl-a', 'Bert Bosman', Role.TEAMLEIDER, schoolA);
  const mentorA = await user('mentor-a', 'Carla Claassen', Role.MENTOR, schoolA);
  await user('coach-a', 'Dirk Dekker', Role.COACH, schoolA);
  await user('jos-a', 'Eva Evers', Role.JOS_MEDEWERKER, schoolA);
  await user('zc-b', 'Frank Feenstra', Role.ZORGCOORDINATOR, schoolB);
  await user('coach-b', 'Gerda Groen', Role.COACH, schoolB);
  await user('coach-elders', 'Hans Hoek', Role.COACH, schoolElders, otherSwv.id);
  await user('swv', 'Ingrid Immink', Role.SWV_MEDEWERKER, null);
  await user('admin', 'Jan Jonker', Role.ADMIN, null);
  await user('beheer-a', 'Nina Nijhof', Role.SCHOOL_ADMIN, schoolA);
  // A mentor who left: deactivated, so nobody can give him a step (the reassignment would refuse him).
  await ds.getRepository(UserEntity).save({ email: email('mentor-weg'), name: 'Mark Weg', role: Role.MENTOR, schoolId: schoolA.id, swvId: swv.id, pupilId: null, active: false, deactivatedAt: new Date() });
  const pupil = await ds.getRepository(PupilEntity).save({ schoolId: schoolA.id, firstName: 'Kees', lastName: 'Kok', dateOfBirth: bornYearsAgo(14), className: '2B', mentorId: mentorA.id });
  const parent = await user('ouder', 'Lies Kok', Role.PARENT, schoolA);
  await ds.getRepository(PupilGuardianEntity).save({ pupilId: pupil.id, userId: parent.id, relation: 'ouder' });
  pupilId = pupil.id;
  await ds.getRepository(UserEntity).save({ email: email('leerling'), name: 'Kees Kok', role: Role.PUPIL, schoolId: schoolA.id, swvId: swv.id, pupilId: pupil.id });
}, 120_000);

describe('staffMembers: the staff directory for choosing an owner', () => {
  it('shows school staff their own school only, filtered by role, and refuses another school', async () => {
    await as('zc-a');
    expect(names(await staff())).toEqual(['Anna Aalbers', 'Bert Bosman', 'Carla Claassen', 'Dirk Dekker', 'Eva Evers']);
    expect(await staff({ r: ['COACH'] })).toEqual([expect.objectContaining({ name: 'Dirk Dekker', role: 'COACH', schoolId: schoolA.id })]);
    expect(names(await staff({ s: schoolA.id, r: ['COACH', 'MENTOR'] }))).toEqual(['Carla Claassen', 'Dirk Dekker']);
    expect(code(await stack.gql.request(STAFF, { s: schoolB.id }))).toBe('FORBIDDEN');

    // A mentor and a coach choose from their own school too.
    await as('coach-a');
    expect(names(await staff({ r: ['COACH'] }))).toEqual(['Dirk Dekker']);
    await as('zc-b');
    expect(names(await staff())).toEqual(['Frank Feenstra', 'Gerda Groen']);
  }, 60_000);

  it('shows an SWV employee the staff of its member schools, and an admin everyone', async () => {
    await as('swv');
    const ofSwv = await staff({ r: ['COACH'] });
    expect(names(ofSwv)).toEqual(['Dirk Dekker', 'Gerda Groen']);
    expect(names(await staff({ s: schoolB.id }))).toEqual(['Frank Feenstra', 'Gerda Groen']);
    expect(await staff({ s: schoolElders.id })).toEqual([]);

    await as('admin');
    expect(names(await staff({ s: schoolElders.id }))).toEqual(['Hans Hoek']);
    const coaches = names(await staff({ r: ['COACH'] }));
    expect(coaches).toEqual(expect.arrayContaining(['Dirk Dekker', 'Gerda Groen', 'Hans Hoek']));
    // Only staff: SWV employees, admins, parents and pupils are never listed.
    expect(names(await staff({ s: schoolA.id }))).not.toContain('Lies Kok');
  }, 60_000);

  it('shows the school admin his own school, to hand a leaver\'s steps over; a deactivated account is nobody\'s choice', async () => {
    await as('beheer-a');
    expect(names(await staff())).toEqual(['Anna Aalbers', 'Bert Bosman', 'Carla Claassen', 'Dirk Dekker', 'Eva Evers']);
    expect(names(await staff({ r: ['MENTOR'] }))).toEqual(['Carla Claassen']);
    expect(code(await stack.gql.request(STAFF, { s: schoolB.id }))).toBe('FORBIDDEN');
    await as('admin');
    expect(names(await staff({ s: schoolA.id }))).not.toContain('Mark Weg');
  }, 60_000);

  it('refuses parents, pupils and anonymous callers', async () => {
    await as('ouder');
    expect(code(await stack.gql.request(STAFF))).toBe('FORBIDDEN');
    await as('leerling');
    expect(code(await stack.gql.request(STAFF))).toBe('FORBIDDEN');
    stack.gql.token = null;
    expect(code(await stack.gql.request(STAFF))).toBe('UNAUTHENTICATED');
  }, 60_000);

  it('refuses bad input with a Dutch message and the English one in extensions', async () => {
    await as('admin');
    const badId = await stack.gql.request(STAFF, { s: 'geen-uuid' });
    expect(code(badId)).toBe('BAD_USER_INPUT');
    expect(badId.errors?.[0].message).toContain('schoolId moet een geldige id zijn');
    expect(badId.errors?.[0].extensions?.messageEn).toBeTruthy();
    const notStaff = await stack.gql.request(STAFF, { r: ['PARENT'] });
    expect(code(notStaff)).toBe('BAD_USER_INPUT');
    expect(notStaff.errors?.[0].message).toContain('rol moet een van');
    expect(code(await stack.gql.request(STAFF, { r: ['COACH', 'COACH'] }))).toBe('BAD_USER_INPUT');
    // Not a role at all: refused by the schema.
    expect((await stack.gql.request(STAFF, { r: ['DIRECTEUR'] })).errors?.length).toBeGreaterThan(0);
  }, 60_000);
});

describe('the delivery log: the key for the admin’s resend action', () => {
  it('gives the delivery key to the admin only, and resend takes it', async () => {
    await as('zc-a');
    const { startTrajectory } = await stack.gql.ok<{ startTrajectory: { id: string } }>(`mutation($i: StartTrajectoryInput!) { startTrajectory(input: $i) { id } }`, {
      i: { pupilId, reason: 'Valt stil in de klas (staf-test)', weeks: 8, requestKey: 'staff-delivery-key' },
    });
    const caseId = startTrajectory.id;
    const DELIVERIES = `query($id: ID!) { case(id: $id) { deliveries { id key kind status } } }`;
    type Deliveries = { case: { deliveries: { id: string; key: string | null; kind: string; status: string }[] } };
    const ofZc = await eventually(async () => {
      const d = (await stack.gql.ok<Deliveries>(DELIVERIES, { id: caseId })).case.deliveries;
      return d.length ? d : null;
    }, 30_000, 'a delivery of the case');
    expect(ofZc.every((d) => d.key === null)).toBe(true);

    await as('admin');
    const ofAdmin = (await stack.gql.ok<Deliveries>(DELIVERIES, { id: caseId })).case.deliveries;
    expect(ofAdmin.length).toBeGreaterThan(0);
    expect(ofAdmin.every((d) => typeof d.key === 'string' && d.key.startsWith(caseId))).toBe(true);

    // The key is what adminResendNotification takes (a sent message only with force).
    const target = ofAdmin[0];
    const RESEND = `mutation($c: ID!, $i: AdminResendInput!) { adminResendNotification(caseId: $c, input: $i) { id } }`;
    await eventually(async () => {
      const d = (await stack.gql.ok<Deliveries>(DELIVERIES, { id: caseId })).case.deliveries.find((x) => x.id === target.id);
      return d && d.status !== 'PENDING' && d.status !== 'SENDING';
    }, 30_000, 'the delivery settled');
    const resent = await stack.gql.request(RESEND, { c: caseId, i: { deliveryKey: target.key, reason: 'Ouder zegt niets te hebben ontvangen (staf-test)', force: true } });
    expect(resent.errors).toBeUndefined();
    expect(code(await stack.gql.request(RESEND, { c: caseId, i: { deliveryKey: 'bestaat-niet', reason: 'Test van een onbekende sleutel' } }))).toBe('NOT_FOUND');
  }, 90_000);
});
