/**
 * P1 messages end to end (real worker, PostgreSQL, SMTP mail catcher): the parents hear mid-way and at the end of an
 * ondersteuningstraject, the zorgcoördinator hears its outcome — without case details.
 */
import { DataSource } from 'typeorm';
import { toIsoDate } from '@zorgroute/domain/logic';
import { PupilEntity, PupilGuardianEntity, Role, SchoolEntity, UserEntity } from '@zorgroute/domain';
import { eventually, mailsTo } from './graphql-client';
import { useTestStack } from './test-stack';
import { bornYearsAgo } from './ages';

const mailWeb = process.env.MAIL_WEB_URL as string;
const stack = useTestStack({ name: 'p1msg' });
const RUN = Date.now().toString(36);
const PARENT_EMAIL = `ouder.p1msg.${RUN}@voorbeeldmail.example`;
const ZC_EMAIL = 'zc@daltoncollege.example';

async function ownPupil(): Promise<{ id: string }> {
  const ds = stack.app.get(DataSource);
  const school = await ds.getRepository(SchoolEntity).findOneByOrFail({ brin: '99XA00' });
  const pupil = await ds.getRepository(PupilEntity).save(
    ds.getRepository(PupilEntity).create({ schoolId: school.id, firstName: 'Mila', lastName: `Bericht-${RUN}`, dateOfBirth: bornYearsAgo(14), className: '2A', mentorId: null }),
  );
  const parent = await ds.getRepository(UserEntity).save(
    ds.getRepository(UserEntity).create({ email: PARENT_EMAIL, name: `Ouder ${RUN}`, role: Role.PARENT, schoolId: school.id, swvId: school.swvId, pupilId: null }),
  );
  await ds.getRepository(PupilGuardianEntity).save({ pupilId: pupil.id, userId: parent.id, relation: 'ouder' });
  return pupil;
}

describe('P1 messages: parents mid-way and at the end, zorgcoördinator at the outcome', () => {
  it('sends the mid-way and end e-mails to the parent and the outcome e-mail to the zorgcoördinator', async () => {
    const pupil = await ownPupil();
    const coach = await stack.app.get(DataSource).getRepository(UserEntity).findOneByOrFail({ email: 'coach@daltoncollege.example' });
    await stack.gql.login(ZC_EMAIL);
    const { startTrajectory } = await stack.gql.ok<{ startTrajectory: { id: string } }>(`mutation($i: StartTrajectoryInput!) { startTrajectory(input: $i) { id } }`, {
      i: { pupilId: pupil.id, reason: 'Piekert veel over toetsen', weeks: 6, requestKey: `p1msg-${RUN}` },
    });
    const caseId = startTrajectory.id;
    const link = `/cases/${encodeURIComponent(caseId)}`;
    const step = async (mutation: string, inputType: string, input: object) => {
      const r = await eventually(
        async () => {
          const res = await stack.gql.request(`mutation($c: ID!, $i: ${inputType}!) { ${mutation}(caseId: $c, input: $i) { status } }`, { c: caseId, i: input });
          return res.errors?.[0]?.extensions?.code === 'STEP_NOT_ALLOWED' ? undefined : res;
        },
        20_000,
        mutation,
      );
      expect(r.errors).toBeUndefined();
    };
    await step('recordIntake', 'RecordIntakeInput', { intakeDate: toIsoDate(Date.now()), goal: 'Rustig blijven bij toetsen' });
    await stack.gql.ok(`mutation($c: ID!, $i: AssignCoachInput!) { assignCoach(caseId: $c, input: $i) { status } }`, { c: caseId, i: { coachId: coach.id, sessionSlot: 'donderdag 11:00' } });

    await stack.gql.login('coach@daltoncollege.example');
    await step('recordMidEvaluation', 'MidEvaluationInput', { summary: 'Gebruikt de ademhalingsoefening voor elke toets' });
    const midway = await eventually(async () => (await mailsTo(mailWeb, PARENT_EMAIL)).find((m) => m.subject.includes('halverwege')), 30_000, 'the mid-way e-mail');
    expect(midway.text).toContain('Het ondersteuningstraject van Mila');
    expect(midway.text).toContain(link);
    expect(midway.text).not.toContain('ademhalingsoefening');

    // Stopped by platform beheer (not by the zorgcoördinator himself, who is not told his own outcome).
    await stack.gql.login('beheer@zorgroute.example');
    await stack.gql.ok(`mutation($c: ID!, $i: StopTrajectoryInput!) { stopTrajectory(caseId: $c, input: $i) { status } }`, { c: caseId, i: { reason: 'Mila wil zelf verder zonder coach' } });
    const ended = await eventually(async () => (await mailsTo(mailWeb, PARENT_EMAIL)).find((m) => m.subject.includes('afgesloten')), 30_000, 'the end e-mail');
    expect(ended.text).not.toMatch(/zonder coach|gestopt/);
    const outcome = await eventually(async () => (await mailsTo(mailWeb, ZC_EMAIL)).find((m) => m.text.includes(link) && m.subject.startsWith('Uitkomst van de begeleiding')), 30_000, 'the outcome e-mail');
    expect(outcome.subject).toMatch(/^Uitkomst van de begeleiding vastgelegd \(/);
    expect(outcome.text).not.toContain('zonder coach');
  }, 120_000);
});
