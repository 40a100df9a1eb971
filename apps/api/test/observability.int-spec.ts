/**
 * What an operator watches, on the real stack (Temporal dev server, PostgreSQL, mail catcher, a worker in this
 * process): GET /metrics of the api counts GraphQL operations and steps, the worker counts the e-mails it sent, and
 * the log lines of a step and an e-mail — captured from stdout and stderr — carry ids, never the pupil's name, the
 * parent's address or the reason someone typed.
 */
import { DataSource } from 'typeorm';
import { toIsoDate } from '@zorgroute/domain/logic';
import { PupilEntity, PupilGuardianEntity, Role, SchoolEntity, UserEntity } from '@zorgroute/domain';
import { eventually } from './graphql-client';
import { useTestStack } from './test-stack';
import { bornYearsAgo } from './ages';

const TOKEN = 'metrics-token-for-the-observability-suite';
const stack = useTestStack({ name: 'observability', env: { METRICS_TOKEN: TOKEN, LOG_FORMAT: 'json', LOG_LEVEL: 'info' } });
const RUN = Date.now().toString(36);
const FIRST = 'Fenna';
const LAST = `Waarneming${RUN}`;
const PARENT_EMAIL = `ouder.waarneming.${RUN}@voorbeeldmail.example`;
const REASON = `Zegt weinig in de les ${RUN}`;

/** Everything written to stdout and stderr (where the api's and the worker's loggers write) while the suite runs. */
const written: string[] = [];
let spies: jest.SpyInstance[] = [];
beforeAll(() => {
  const keep = (chunk: unknown) => (written.push(String(chunk)), true);
  spies = [jest.spyOn(process.stdout, 'write').mockImplementation(keep), jest.spyOn(process.stderr, 'write').mockImplementation(keep)];
});
afterAll(() => spies.forEach((s) => s.mockRestore()));

async function scrape(token: string | null = TOKEN): Promise<{ status: number; text: string }> {
  const res = await fetch(`${stack.baseUrl}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, text: await res.text() };
}

/** The value of one series in Prometheus text (0 when absent). */
function sample(text: string, name: string, labels: Record<string, string>): number {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    if (Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return 0;
}

function logLines(): Record<string, unknown>[] {
  return written
    .join('')
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => {
      try {
        return JSON.parse(l) as Record<string, unknown>;
      } catch {
        return {};
      }
    });
}

async function ownPupil(): Promise<{ id: string }> {
  const ds = stack.app.get(DataSource);
  const school = await ds.getRepository(SchoolEntity).findOneByOrFail({ brin: '99XA00' });
  const pupil = await ds.getRepository(PupilEntity).save(
    ds.getRepository(PupilEntity).create({ schoolId: school.id, firstName: FIRST, lastName: LAST, dateOfBirth: bornYearsAgo(13), className: '1C', mentorId: null }),
  );
  const parent = await ds.getRepository(UserEntity).save(
    ds.getRepository(UserEntity).create({ email: PARENT_EMAIL, name: `Ouder ${LAST}`, role: Role.PARENT, schoolId: school.id, swvId: school.swvId, pupilId: null }),
  );
  await ds.getRepository(PupilGuardianEntity).save({ pupilId: pupil.id, userId: parent.id, relation: 'ouder' });
  return pupil;
}

describe('metrics and logs', () => {
  it('answers /metrics only with the token', async () => {
    expect((await scrape(null)).status).toBe(401);
    expect((await scrape('wrong-token-of-the-same-length-as-it-is')).status).toBe(401);
    const ok = await scrape();
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('# TYPE zorgroute_graphql_requests_total counter');
    expect(ok.text).toContain('# TYPE zorgroute_cases_stuck gauge');
    expect(ok.text).toContain('# TYPE zorgroute_mail_deliveries_failed gauge');
  });

  it('counts a GraphQL step and logs it and its e-mails with ids only', async () => {
    await stack.gql.login('zc@daltoncollege.example');
    const pupil = await ownPupil();
    const before = (await scrape()).text;
    const { startTrajectory } = await stack.gql.ok<{ startTrajectory: { id: string } }>(`mutation($i: StartTrajectoryInput!) { startTrajectory(input: $i) { id } }`, {
      i: { pupilId: pupil.id, reason: REASON, weeks: 8, requestKey: `observability-${RUN}` },
    });
    const caseId = startTrajectory.id;
    const intake = await stack.gql.request(`mutation($c: ID!, $i: RecordIntakeInput!) { recordIntake(caseId: $c, input: $i) { status } }`, {
      c: caseId,
      i: { intakeDate: toIsoDate(Date.now()), goal: `Doel van ${FIRST} ${LAST}` },
    });
    expect(intake.errors).toBeUndefined();

    const after = (await scrape()).text;
    const step = { process: 'ONDERSTEUNINGSTRAJECT', step: 'recordIntake' };
    expect(sample(after, 'zorgroute_steps_taken_total', step)).toBe(sample(before, 'zorgroute_steps_taken_total', step) + 1);
    const op = { type: 'mutation', operation: 'recordIntake', outcome: 'ok' };
    expect(sample(after, 'zorgroute_graphql_requests_total', op)).toBe(sample(before, 'zorgroute_graphql_requests_total', op) + 1);
    expect(sample(after, 'zorgroute_graphql_request_duration_seconds_count', { type: 'mutation', operation: 'startTrajectory' })).toBeGreaterThan(0);
    expect(sample(after, 'zorgroute_http_requests_total', { method: 'POST', route: '/graphql', status: '200' })).toBeGreaterThan(0);
    expect(sample(after, 'zorgroute_workflows_started_total', { workflow_type: 'ondersteuningstrajectWorkflow' })).toBeGreaterThan(0);

    // The step's log line, and the worker's lines of the e-mails of this case (the task e-mail, the parent's notice).
    const stepLine = logLines().find((l) => l.event === 'step_taken' && l.workflowId === caseId);
    expect(stepLine).toMatchObject({ level: 'info', component: 'api', context: 'Steps', process: 'ONDERSTEUNINGSTRAJECT', step: 'recordIntake', time: expect.any(String) });
    const mails = await eventually(async () => {
      const lines = logLines().filter((l) => l.event === 'mail_sent' && l.caseId === caseId);
      return lines.length >= 2 && lines;
    }, 30_000, 'the log lines of the e-mails of the case');
    expect(mails.map((l) => l.kind)).toEqual(expect.arrayContaining(['CASE_STARTED']));
    expect(mails[0]).toMatchObject({ level: 'info', component: 'worker', reminder: false });
    expect(sample(await stack.worker!.metrics.registry.metrics(), 'zorgroute_mail_sent_total', { kind: 'CASE_STARTED' })).toBeGreaterThan(0);

    // Nothing anyone wrote while the suite ran names the pupil, the parent or what was typed.
    const all = written.join('');
    expect(all).toContain(caseId);
    for (const secret of [FIRST, LAST, PARENT_EMAIL, REASON, 'Doel van']) expect(all).not.toContain(secret);
  }, 90_000);
});
