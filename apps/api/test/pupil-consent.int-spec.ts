/**
 * PROCESSES.md rule 2 on the real stack: a pupil of 16 or older decides himself on sharing his own data. An OOV
 * request (P5) asks the pupil on the day of his 16th birthday — his parent may not answer — and asks the parents of a
 * pupil who turns 16 only tomorrow — the pupil may not answer. Uses its own pupils, accounts and parents.
 */
import { subYears, addDays, format } from 'date-fns';
import { DataSource } from 'typeorm';
import { PupilEntity, PupilGuardianEntity, Role, SchoolEntity, UserEntity } from '@zorgroute/domain';
import { toIsoDate } from '@zorgroute/domain/logic';
import { eventually, type GqlResult } from './graphql-client';
import { useTestStack } from './test-stack';

const stack = useTestStack({ name: 'e2e-pupil-consent' });
const stamp = Date.now().toString(36);
const ZC = 'zc@daltoncollege.example';
const OPEN = `query { myConsentRequests { id caseId kind pupilMayDecide } }`;
const GIVE = `mutation($i: GiveConsentInput!) { giveConsent(input: $i) { status giverRole } }`;

interface Fixture {
  caseId: string;
  pupilEmail: string;
  parentEmail: string;
}

function code(r: GqlResult<unknown>): string | undefined {
  return r.errors?.[0]?.extensions?.code;
}

/** A pupil born on `dateOfBirth` with his own account and one parent; an OOV case waiting for consent. */
async function oovWaitingForConsent(name: string, dateOfBirth: string): Promise<Fixture> {
  const ds = stack.app.get(DataSource);
  const school = await ds.getRepository(SchoolEntity).findOneByOrFail({ brin: '99XA00' });
  const pupil = await ds.getRepository(PupilEntity).save({ schoolId: school.id, firstName: name, lastName: `Zestien-${stamp}`, dateOfBirth, className: '5H', mentorId: null });
  const pupilEmail = `${name.toLowerCase()}.${stamp}@leerling.daltoncollege.example`;
  const parentEmail = `ouder.${name.toLowerCase()}.${stamp}@voorbeeldmail.example`;
  await ds.getRepository(UserEntity).save({ email: pupilEmail, name: `${name} Zestien`, role: Role.PUPIL, schoolId: school.id, swvId: school.swvId, pupilId: pupil.id });
  const parent = await ds.getRepository(UserEntity).save({ email: parentEmail, name: `Ouder van ${name}`, role: Role.PARENT, schoolId: school.id, swvId: school.swvId, pupilId: null });
  await ds.getRepository(PupilGuardianEntity).save({ pupilId: pupil.id, userId: parent.id, relation: 'ouder' });

  await stack.gql.login(ZC);
  const { startOov } = await stack.gql.ok<{ startOov: { id: string } }>(`mutation($i: StartOovInput!) { startOov(input: $i) { id } }`, {
    i: { pupilId: pupil.id, reason: 'Langdurig thuiszitter; OOV overwogen', requestKey: `zestien-${pupil.id}` },
  });
  const today = toIsoDate(Date.now());
  for (const party of ['OUDERS', 'SWV', 'SOCIAAL_TEAM']) {
    await eventually(async () => {
      const r = await stack.gql.request(`mutation($c: ID!, $i: OovConsultationInput!) { recordOovConsultation(caseId: $c, input: $i) { id } }`, { c: startOov.id, i: { party, date: today, summary: 'Overleg gevoerd' } });
      return !r.errors;
    }, 30_000, `the ${party} consultation`);
  }
  return { caseId: startOov.id, pupilEmail, parentEmail };
}

async function openRequestsOf(email: string, caseId: string): Promise<{ id: string; pupilMayDecide: boolean }[]> {
  await stack.gql.login(email);
  const { myConsentRequests } = await stack.gql.ok<{ myConsentRequests: { id: string; caseId: string; pupilMayDecide: boolean }[] }>(OPEN);
  return myConsentRequests.filter((r) => r.caseId === caseId);
}

describe('consent by a pupil of 16+ (rule 2)', () => {
  it('asks the pupil himself on his 16th birthday; his parent may not answer', async () => {
    const sixteenToday = format(subYears(new Date(`${toIsoDate(Date.now())}T12:00:00`), 16), 'yyyy-MM-dd');
    const f = await oovWaitingForConsent('Ruben', sixteenToday);
    const [request] = await eventually(async () => {
      const open = await openRequestsOf(f.pupilEmail, f.caseId);
      return open.length ? open : null;
    }, 30_000, 'the request to the pupil');
    expect(request.pupilMayDecide).toBe(true);
    expect(await openRequestsOf(f.parentEmail, f.caseId)).toEqual([]);
    await stack.gql.login(f.parentEmail);
    expect(code(await stack.gql.request(GIVE, { i: { caseId: f.caseId, requestId: request.id, decision: 'GIVEN' } }))).toBe('FORBIDDEN');
    await stack.gql.login(f.pupilEmail);
    const { giveConsent } = await stack.gql.ok<{ giveConsent: { status: string; giverRole: string } }>(GIVE, { i: { caseId: f.caseId, requestId: request.id, decision: 'GIVEN' } });
    expect(giveConsent).toEqual({ status: 'GIVEN', giverRole: 'PUPIL' });
  }, 120_000);

  it('asks the parents of a pupil who turns 16 tomorrow; the pupil may not answer', async () => {
    const sixteenTomorrow = format(addDays(subYears(new Date(`${toIsoDate(Date.now())}T12:00:00`), 16), 1), 'yyyy-MM-dd');
    const f = await oovWaitingForConsent('Fenna', sixteenTomorrow);
    const [request] = await eventually(async () => {
      const open = await openRequestsOf(f.parentEmail, f.caseId);
      return open.length ? open : null;
    }, 30_000, 'the request to the parent');
    expect(request.pupilMayDecide).toBe(false);
    expect(await openRequestsOf(f.pupilEmail, f.caseId)).toEqual([]);
    await stack.gql.login(f.pupilEmail);
    expect(code(await stack.gql.request(GIVE, { i: { caseId: f.caseId, requestId: request.id, decision: 'GIVEN' } }))).toBe('FORBIDDEN');
    await stack.gql.login(f.parentEmail);
    const { giveConsent } = await stack.gql.ok<{ giveConsent: { status: string; giverRole: string } }>(GIVE, { i: { caseId: f.caseId, requestId: request.id, decision: 'GIVEN' } });
    expect(giveConsent).toEqual({ status: 'GIVEN', giverRole: 'PARENT' });
  }, 120_000);
});
