/**
 * Admin actions end to end on the real stack (Temporal dev server, PostgreSQL, mail catcher): an admin
 * extends the due date of an open step with a reason, reassigns it, and closes a case; every action
 * needs a reason, is audited with who and why, and other roles are refused. (Stuck detection itself is
 * covered with time skipping in libs/workflows/src/workflows/common/admin-actions.int-spec.ts: a real
 * server cannot skip the ten school days it takes.)
 */
import { DataSource } from 'typeorm';
import { PupilEntity, PupilGuardianEntity, Role, SchoolEntity, UserEntity } from '@zorgroute/domain';
import { addSchoolDays, buildSchoolCalendar, toIsoDate } from '@zorgroute/domain/logic';
import { eventually, mailsTo } from './graphql-client';
import { useTestStack } from './test-stack';
import { bornYearsAgo } from './ages';


const START = `mutation($i: StartTrajectoryInput!) { startTrajectory(input: $i) { id } }`;
const DETAIL = `query($id: ID!) { case(id: $id) { summary { status waitingFor nextDueDate ownerName outcome closedAt } timeline { kind actorName reason } } }`;
type Detail = { case: { summary: { status: string; waitingFor: string | null; nextDueDate: string | null; ownerName: string | null; outcome: string | null; closedAt: string | null }; timeline: { kind: string; actorName: string | null; reason: string | null }[] } };

const stack = useTestStack({ name: 'e2e-admin' });
const mailWeb = process.env.MAIL_WEB_URL as string;
const RUN = Date.now().toString(36);

/** A pupil of Dalton College with one parent of its own, so the parent's inbox holds only this test's mail. */
async function pupilWithParent(): Promise<{ pupilName: string; parentEmail: string }> {
  const ds = stack.app.get(DataSource);
  const school = await ds.getRepository(SchoolEntity).findOneByOrFail({ brin: '99XA00' });
  const pupil = await ds.getRepository(PupilEntity).save(
    ds.getRepository(PupilEntity).create({ schoolId: school.id, firstName: 'Noor', lastName: `Beheer-${RUN}`, dateOfBirth: bornYearsAgo(14), className: '2B', mentorId: null }),
  );
  const parentEmail = `ouder.beheer.${RUN}@voorbeeldmail.example`;
  const parent = await ds.getRepository(UserEntity).save(
    ds.getRepository(UserEntity).create({ email: parentEmail, name: `Ouder ${RUN}`, role: Role.PARENT, schoolId: school.id, swvId: school.swvId, pupilId: null }),
  );
  await ds.getRepository(PupilGuardianEntity).save({ pupilId: pupil.id, userId: parent.id, relation: 'ouder' });
  return { pupilName: `Noor Beheer-${RUN}`, parentEmail };
}

async function startCase(zcEmail: string, pupilName: string, key: string): Promise<string> {
  await stack.gql.login(zcEmail);
  const { pupils } = await stack.gql.ok<{ pupils: { id: string; displayName: string }[] }>(`query { pupils { id displayName } }`);
  const pupil = pupils.find((p) => p.displayName === pupilName);
  if (!pupil) throw new Error(`no pupil ${pupilName}`);
  const { startTrajectory } = await stack.gql.ok<{ startTrajectory: { id: string } }>(START, { i: { pupilId: pupil.id, reason: 'Veel verzuim in de eerste uren', requestKey: key } });
  await eventually(async () => (await stack.gql.ok<Detail>(DETAIL, { id: startTrajectory.id })).case.summary.waitingFor === 'RECORD_INTAKE', 20_000, 'the intake step');
  return startTrajectory.id;
}

describe('admin actions on a case', () => {
  it('extends the open step with a reason (audited), refuses bad input and other roles, and reassigns the step', async () => {
    const id = await startCase('zc@hetbaken.example', 'Ayoub Benali', `admin-${Date.now()}`);
    const before = (await stack.gql.ok<Detail>(DETAIL, { id })).case.summary;
    const later = addSchoolDays(before.nextDueDate as string, 5, buildSchoolCalendar('noord'));

    // A mentor may not; a missing reason changes nothing.
    await stack.gql.login('mentor@hetbaken.example');
    const mentor = await stack.gql.request(`mutation($c: ID!, $i: AdminExtendDueDateInput!) { adminExtendDueDate(caseId: $c, input: $i) { id } }`, { c: id, i: { newDueDate: later, reason: 'Ziek' } });
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(mentor.errors?.[0].extensions?.code);
    await stack.gql.login('beheer@zorgroute.example');
    const noReason = await stack.gql.request(`mutation($c: ID!, $i: AdminExtendDueDateInput!) { adminExtendDueDate(caseId: $c, input: $i) { id } }`, { c: id, i: { newDueDate: later, reason: '' } });
    expect(noReason.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(noReason.errors?.[0].extensions?.messageEn).toBeTruthy();
    expect((await stack.gql.ok<Detail>(DETAIL, { id })).case.summary.nextDueDate).toBe(before.nextDueDate);

    const extended = await stack.gql.request(`mutation($c: ID!, $i: AdminExtendDueDateInput!) { adminExtendDueDate(caseId: $c, input: $i) { nextDueDate } }`, {
      c: id,
      i: { newDueDate: later, reason: 'Zorgcoördinator langdurig ziek' },
    });
    expect(extended.errors).toBeUndefined();
    const detail = (await stack.gql.ok<Detail>(DETAIL, { id })).case;
    expect(detail.summary.nextDueDate).toBe(later);
    expect(detail.timeline).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'ADMIN_DUE_DATE_EXTENDED', actorName: 'Platformbeheer', reason: 'Zorgcoördinator langdurig ziek' })]));

    const { demoUsers } = await stack.gql.ok<{ demoUsers: { id: string; email: string }[] }>(`query { demoUsers { id email } }`);
    const coach = demoUsers.find((u) => u.email === 'coach@hetbaken.example');
    const reassigned = await stack.gql.request(`mutation($c: ID!, $i: AdminReassignStepInput!) { adminReassignStep(caseId: $c, input: $i) { ownerName } }`, {
      c: id,
      i: { newOwnerId: coach?.id, reason: 'Waarneming tijdens ziekte' },
    });
    expect(reassigned.errors).toBeUndefined();
    expect((await stack.gql.ok<Detail>(DETAIL, { id })).case.summary.ownerName).toBe('Koen Bultsma');
  }, 90_000);

  it('closes a case with a reason (admin only), tells the parents without the reason, and then refuses further steps', async () => {
    const { pupilName, parentEmail } = await pupilWithParent();
    const id = await startCase('zc@daltoncollege.example', pupilName, `admin-close-${Date.now()}`);
    await stack.gql.login('zc@daltoncollege.example');
    const byZc = await stack.gql.request(`mutation($c: ID!, $i: AdminCloseCaseInput!) { adminCloseCase(caseId: $c, input: $i) { id } }`, { c: id, i: { reason: 'Dubbel aangemaakt' } });
    expect(byZc.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    await stack.gql.login('beheer@zorgroute.example');
    const closed = await stack.gql.request(`mutation($c: ID!, $i: AdminCloseCaseInput!) { adminCloseCase(caseId: $c, input: $i) { status } }`, { c: id, i: { reason: 'Dubbel aangemaakt' } });
    expect(closed.errors).toBeUndefined();
    const detail = await eventually(async () => {
      const d = (await stack.gql.ok<Detail>(DETAIL, { id })).case;
      return d.summary.closedAt ? d : null;
    }, 20_000, 'the closed case');
    expect(detail.summary.status).toBe('GESLOTEN_DOOR_BEHEER');
    expect(detail.timeline).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'ADMIN_CASE_CLOSED', reason: 'Dubbel aangemaakt' })]));
    const after = await stack.gql.request(`mutation($c: ID!, $i: RecordIntakeInput!) { recordIntake(caseId: $c, input: $i) { status } }`, {
      c: id,
      i: { intakeDate: toIsoDate(Date.now()), goal: 'Op tijd op school zijn' },
    });
    expect(['CASE_CLOSED', 'STEP_NOT_ALLOWED']).toContain(after.errors?.[0].extensions?.code);

    // The parent hears that the school closed the case, once, and not why.
    const told = await eventually(async () => (await mailsTo(mailWeb, parentEmail)).find((m) => m.subject.startsWith('Afgesloten door de school')), 30_000, 'the parent e-mail');
    expect(told.text).toContain('heeft het ondersteuningstraject van Noor afgesloten');
    expect(`${told.subject} ${told.text}`).not.toContain('Dubbel aangemaakt');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await mailsTo(mailWeb, parentEmail)).filter((m) => m.subject.startsWith('Afgesloten door de school'))).toHaveLength(1);
  }, 90_000);
});
