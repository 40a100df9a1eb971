/**
 * End to end on the real stack (started by `npm test`): Temporal dev server, PostgreSQL and an SMTP
 * mail catcher. A zorgcoördinator starts an ondersteuningstraject through GraphQL → the workflow
 * runs in a real worker → the read model shows its state and next due date → the e-mails arrive.
 */
import { DataSource } from 'typeorm';
import { toIsoDate } from '@zorgroute/domain/logic';
import { AuditTrailRepository, PupilEntity, PupilGuardianEntity, Role, SchoolEntity, UserEntity } from '@zorgroute/domain';
import { eventually, mailsTo } from './graphql-client';
import { useTestStack } from './test-stack';
import { bornYearsAgo } from './ages';

/** The case this suite started (other suites' cases may belong to workers that have already stopped). */
let ownCaseId: string;
const mailWeb = process.env.MAIL_WEB_URL as string;

const CASES = `query($f: CaseFilter) { cases(filter: $f) { id process status statusLabel waitingFor nextDueDate ownerName pupil { id displayName } school { name } temporalUrl } }`;
const START = `mutation($i: StartTrajectoryInput!) { startTrajectory(input: $i) { id status pupil { displayName } } }`;

const stack = useTestStack({ name: 'e2e' });
const RUN = Date.now().toString(36);
const PARENT_EMAIL = `ouder.${RUN}@voorbeeldmail.example`;

/** A pupil and parent of this suite only (invented), so no other suite's cases can collide with ours. */
async function ownPupil(): Promise<{ id: string }> {
  const ds = stack.app.get(DataSource);
  const school = await ds.getRepository(SchoolEntity).findOneByOrFail({ brin: '99XA00' });
  const pupil = await ds.getRepository(PupilEntity).save(
    ds.getRepository(PupilEntity).create({ schoolId: school.id, firstName: 'Lotte', lastName: `Skelet-${RUN}`, dateOfBirth: bornYearsAgo(14), className: '2B', mentorId: null }),
  );
  const parent = await ds.getRepository(UserEntity).save(
    ds.getRepository(UserEntity).create({ email: PARENT_EMAIL, name: `Ouder ${RUN}`, role: Role.PARENT, schoolId: school.id, swvId: school.swvId, pupilId: null }),
  );
  await ds.getRepository(PupilGuardianEntity).save({ pupilId: pupil.id, userId: parent.id, relation: 'ouder' });
  return pupil;
}

describe('walking skeleton: GraphQL → workflow → read model → e-mail', () => {
  it('starts a trajectory, shows it with its next due date, and delivers the e-mails', async () => {
    await stack.gql.login('zc@daltoncollege.example');
    const pupil = await ownPupil();
    const { startTrajectory } = await stack.gql.ok<{ startTrajectory: { id: string; status: string } }>(START, {
      i: { pupilId: pupil?.id, reason: 'Valt stil in de klas; cijfers zakken', weeks: 8, requestKey: 'e2e-walking-skeleton' },
    });
    expect(startTrajectory.id).toBe(`ondersteuningstraject-${pupil?.id}-e2e-walking-skeleton`);
    ownCaseId = startTrajectory.id;
    // The start answers once the case waits for its first step (the intake).
    expect(startTrajectory.status).toBe('INTAKE');

    // The read model moves to INTAKE with the intake due date (10 school days) and owner.
    const row = await eventually(async () => {
      const { cases } = await stack.gql.ok<{ cases: { id: string; status: string; waitingFor: string; nextDueDate: string | null; ownerName: string; temporalUrl: string | null }[] }>(CASES, { f: { process: 'ONDERSTEUNINGSTRAJECT' } });
      return cases.find((c) => c.id === startTrajectory.id && c.waitingFor === 'RECORD_INTAKE');
    }, 20_000, 'the case in INTAKE');
    expect(row.status).toBe('INTAKE');
    expect(row.nextDueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(row.nextDueDate! > toIsoDate(Date.now())).toBe(true);
    expect(row.ownerName).toBe('Marieke Verhoef');
    // The link into the Temporal Web UI is for platform administrators only (temporal-encryption.int-spec.ts).
    expect(row.temporalUrl).toBeNull();

    // The zorgcoördinator gets the new task, the parent hears the trajectory has started.
    const link = `/cases/${encodeURIComponent(startTrajectory.id)}`;
    const toZc = await eventually(async () => (await mailsTo(mailWeb, 'zc@daltoncollege.example')).find((m) => m.text.includes(link)), 30_000, 'the step e-mail');
    expect(toZc.text).toContain('Intakegesprek');
    expect(toZc.text).toContain(`Uiterlijk af:`);
    expect(toZc.text).not.toContain('Valt stil in de klas');
    const toParent = await eventually(async () => (await mailsTo(mailWeb, PARENT_EMAIL))[0], 30_000, 'the parent e-mail');
    expect(toParent.text).toContain('Lotte');
    expect(toParent.text).not.toContain('Valt stil in de klas');

    // A retried request with the same key returns the same case and sends nothing new.
    const again = await stack.gql.ok<{ startTrajectory: { id: string } }>(START, { i: { pupilId: pupil?.id, reason: 'Dubbelklik', requestKey: 'e2e-walking-skeleton' } });
    expect(again.startTrajectory.id).toBe(startTrajectory.id);
    await new Promise((r) => setTimeout(r, 1000));
    expect((await mailsTo(mailWeb, PARENT_EMAIL)).length).toBe(1);

    // The intake is recorded through GraphQL; the case moves on to MATCHING.
    const intake = await stack.gql.request(`mutation($c: ID!, $i: RecordIntakeInput!) { recordIntake(caseId: $c, input: $i) { status } }`, {
      c: startTrajectory.id,
      i: { intakeDate: toIsoDate(Date.now()), goal: 'Ik wil mijn huiswerk zelf plannen' },
    });
    expect(intake.errors).toBeUndefined();
    const detail = await stack.gql.ok<{ case: { summary: { status: string }; goal: string; timeline: { kind: string }[]; dueDates: { step: string; explanation: string }[] } }>(
      `query($id: ID!) { case(id: $id) { summary { status } goal timeline { kind } dueDates { step explanation } } }`,
      { id: startTrajectory.id },
    );
    expect(detail.case.summary.status).toBe('MATCHING');
    expect(detail.case.goal).toBe('Ik wil mijn huiswerk zelf plannen');
    expect(detail.case.timeline.map((t) => t.kind)).toEqual(expect.arrayContaining(['CASE_STARTED', 'STATUS_INTAKE', 'INTAKE_RECORDED', 'STATUS_MATCHING']));
    expect(detail.case.dueDates.find((d) => d.step === 'RECORD_INTAKE')?.explanation).toMatch(/schooldagen/);
  }, 90_000);

  it('orders the case timeline by time, then by the case sequence, whatever order the entries were written in', async () => {
    await stack.gql.login('zc@daltoncollege.example');
    // Writes of one workflow task share their time, and their activities may complete (so be inserted) out of order:
    // here seq 1001 is inserted before seq 1000 at the same instant, and an earlier entry is inserted last.
    const audit = new AuditTrailRepository(stack.app.get(DataSource));
    const at = (ms: number) => new Date(Date.now() + ms).toISOString();
    const later = at(120_000);
    const entry = (seq: number, when: string, description: string) => ({
      eventKey: `${ownCaseId}:${seq}:STATUS_MATCHING`, caseId: ownCaseId, at: when, actorId: null, actorName: 'Zorgroute', action: 'STATUS_MATCHING', description,
    });
    await audit.append(entry(1001, later, `Tijdlijntest ${RUN}: derde`));
    await audit.append(entry(1000, later, `Tijdlijntest ${RUN}: tweede`));
    await audit.append(entry(999, at(60_000), `Tijdlijntest ${RUN}: eerste`));
    const { case: detail } = await stack.gql.ok<{ case: { timeline: { at: string; description: string }[] } }>(`query($id: ID!) { case(id: $id) { timeline { at description } } }`, { id: ownCaseId });
    const ours = detail.timeline.filter((t) => t.description.startsWith(`Tijdlijntest ${RUN}`)).map((t) => t.description.replace(`Tijdlijntest ${RUN}: `, ''));
    expect(ours).toEqual(['eerste', 'tweede', 'derde']);
    const times = detail.timeline.map((t) => Date.parse(t.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  }, 60_000);

  it('refuses bad input and steps that are not open, with a code and Dutch and English messages, and changes nothing', async () => {
    await stack.gql.login('zc@daltoncollege.example');
    const before = await stack.gql.ok<{ cases: unknown[] }>(CASES);
    const bad = await stack.gql.request(START, { i: { pupilId: 'not-a-uuid', reason: 'x' } });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // The start definition of the catalogue (ONDERSTEUNINGSTRAJECT_START) answers, naming every field in error.
    expect(bad.errors?.[0].message).toBe('Reden van aanmelding moet 3 tot 2000 tekens lang zijn');
    expect(bad.errors?.[0].extensions?.messageEn).toMatch(/^reason /);
    expect((bad.errors?.[0].extensions as { details?: { fields?: string[] } } | undefined)?.details?.fields).toEqual(['reason']);
    // A well-formed start for an id that names no pupil: not found (never a database error).
    const noPupil = await stack.gql.request(START, { i: { pupilId: 'not-a-uuid', reason: 'Valt stil in de klas' } });
    expect(noPupil.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(noPupil.errors?.[0].message).toBe('Leerling niet gevonden');
    const after = await stack.gql.ok<{ cases: unknown[] }>(CASES);
    expect(after.cases.length).toBe(before.cases.length);

    // Our own case waits for a coach now: recording the final outcome is not allowed yet.
    const notNow = await stack.gql.request(`mutation($c: ID!) { recordOutcome(caseId: $c, input: { outcome: "AFGEROND" }) { status } }`, { c: ownCaseId });
    expect(notNow.errors?.[0].extensions?.code).toBe('STEP_NOT_ALLOWED');
    expect(notNow.errors?.[0].extensions?.messageEn).toBeTruthy();
  }, 60_000);

  it('scopes cases by role: a parent sees only the own child, another school sees nothing of this one', async () => {
    await stack.gql.login('ouder.veldkamp@voorbeeldmail.example');
    const parent = await stack.gql.ok<{ cases: { pupil: { displayName: string } }[] }>(CASES);
    expect(parent.cases.length).toBeGreaterThan(0);
    expect(parent.cases.every((c) => c.pupil.displayName === 'Daan Veldkamp')).toBe(true);

    await stack.gql.login('zc@hetbaken.example');
    const other = await stack.gql.ok<{ cases: { school: { name: string } }[] }>(CASES);
    expect(other.cases.every((c) => c.school.name === 'Stedelijk Lyceum Het Baken')).toBe(true);

    stack.gql.token = null;
    const anon = await stack.gql.request(CASES);
    expect(anon.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  }, 60_000);
});
