/**
 * Pupil data in Temporal, end to end on the real stack (`npm test`: Temporal dev server, PostgreSQL, api and worker with
 * TEMPORAL_PAYLOAD_KEYS): a case with a reason, a goal and names runs through GraphQL and the worker, and then
 * - its history, read the way someone with access to Temporal reads it — the Temporal CLI (`workflow show`) and an SDK
 *   client without the codec — holds no readable personal text; search attributes hold ids and statuses only;
 * - the codec endpoint for the Temporal Web UI (`POST /codec/decode`, `/codec/encode`) decrypts for a platform admin
 *   only, answers 401/403 to everyone else, allows CORS for the Temporal UI's origin only, and audits every decode
 *   without the payload; the CLI itself decrypts through it with an admin's token;
 * - the "Bekijk in Temporal" link (`temporalUrl`) is given to platform admins only.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { payloadToJSON } from '@temporalio/common/lib/proto-utils';
import { DataSource } from 'typeorm';
import { AuditEntryEntity, PupilEntity, PupilGuardianEntity, Role, SchoolEntity, UserEntity } from '@zorgroute/domain';
import { payloadsOf, readableHistoryText, unencryptedByDesign } from '../../../libs/workflows/test/history-text';
import { eventually, loggedInClients } from './graphql-client';
import { useTestStack } from './test-stack';
import { bornYearsAgo } from './ages';

const run = promisify(execFile);
const { TEMPORAL_CLI_PATH, TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE = 'default', TEMPORAL_UI_URL = 'http://127.0.0.1:8233' } = process.env as Record<string, string>;

const stack = useTestStack({ name: 'encryption', env: { TEMPORAL_UI_URL } });
const RUN = Date.now().toString(36);
const LAST_NAME = `Versleuteld-${RUN}`;
const PUPIL_NAME = `Noor ${LAST_NAME}`;
const REASON = `Vermoeden van autisme en een angststoornis; thuissituatie onveilig (${RUN})`;
const GOAL = `Leren omgaan met de diagnose ${RUN}`;
const ZC_NAME = 'Marieke Verhoef';
const PARENT_EMAIL = `ouder.versleuteld.${RUN}@voorbeeldmail.example`;
const PUPIL_EMAIL = `leerling.versleuteld.${RUN}@voorbeeldmail.example`;
const SECRETS = [REASON, 'angststoornis', GOAL, LAST_NAME, ZC_NAME];

let caseId: string;
let plain: Client;

/** A GraphQL client logged in as `email` (one login per user for the whole file: the dev login is rate limited). */
const as = loggedInClients(() => `${stack.baseUrl}/graphql`);

function codec(path: 'decode' | 'encode', body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${stack.baseUrl}/codec/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-namespace': TEMPORAL_NAMESPACE, ...headers },
    body: JSON.stringify(body),
  });
}

/** The Temporal CLI as an operator runs it (none of our TEMPORAL_* variables, which the CLI would read as settings). */
async function temporalCli(args: string[]): Promise<string> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TEMPORAL_')));
  const { stdout } = await run(TEMPORAL_CLI_PATH, [...args, '--address', TEMPORAL_ADDRESS, '--namespace', TEMPORAL_NAMESPACE], { env, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

async function decodeAudits(): Promise<AuditEntryEntity[]> {
  return stack.app.get(DataSource).getRepository(AuditEntryEntity).find({ where: { action: 'TEMPORAL_PAYLOADS_DECODED' }, order: { id: 'ASC' } });
}

beforeAll(async () => {
  if (!TEMPORAL_CLI_PATH || !TEMPORAL_ADDRESS) throw new Error('TEMPORAL_CLI_PATH and TEMPORAL_ADDRESS must be set (run with `npm test`)');
  const ds = stack.app.get(DataSource);
  const school = await ds.getRepository(SchoolEntity).findOneByOrFail({ brin: '99XA00' });
  const mentor = await ds.getRepository(UserEntity).findOneByOrFail({ email: 'mentor@daltoncollege.example' });
  const pupil = await ds.getRepository(PupilEntity).save(
    ds.getRepository(PupilEntity).create({ schoolId: school.id, firstName: 'Noor', lastName: LAST_NAME, dateOfBirth: bornYearsAgo(14), className: '2B', mentorId: mentor.id }),
  );
  const parent = await ds.getRepository(UserEntity).save(
    ds.getRepository(UserEntity).create({ email: PARENT_EMAIL, name: `Ouder ${LAST_NAME}`, role: Role.PARENT, schoolId: school.id, swvId: school.swvId, pupilId: null }),
  );
  await ds.getRepository(PupilGuardianEntity).save({ pupilId: pupil.id, userId: parent.id, relation: 'ouder' });
  await ds.getRepository(UserEntity).save(
    ds.getRepository(UserEntity).create({ email: PUPIL_EMAIL, name: PUPIL_NAME, role: Role.PUPIL, schoolId: school.id, swvId: school.swvId, pupilId: pupil.id }),
  );

  // A case through the api and the worker: start with the reason, record the intake with the goal.
  const zc = await as('zc@daltoncollege.example');
  const { startTrajectory } = await zc.ok<{ startTrajectory: { id: string } }>(
    `mutation($i: StartTrajectoryInput!) { startTrajectory(input: $i) { id } }`,
    { i: { pupilId: pupil.id, reason: REASON, weeks: 8, requestKey: `versleuteld-${RUN}` } },
  );
  caseId = startTrajectory.id;
  await eventually(async () => {
    const { case: c } = await zc.ok<{ case: { summary: { waitingFor: string | null } } }>(`query($id: ID!) { case(id: $id) { summary { waitingFor } } }`, { id: caseId });
    return c.summary.waitingFor === 'RECORD_INTAKE';
  }, 30_000, 'the case waiting for its intake');
  const intake = await zc.ok<{ recordIntake: { status: string } }>(
    `mutation($c: ID!, $i: RecordIntakeInput!) { recordIntake(caseId: $c, input: $i) { status } }`,
    { c: caseId, i: { intakeDate: new Date().toISOString().slice(0, 10), goal: GOAL } },
  );
  // The worker decrypted the update and moved the case on; the api decrypted what it read back.
  expect(intake.recordIntake.status).toBe('MATCHING');
  const detail = await zc.ok<{ case: { goal: string } }>(`query($id: ID!) { case(id: $id) { goal } }`, { id: caseId });
  expect(detail.case.goal).toBe(GOAL);

  plain = new Client({ connection: await Connection.connect({ address: TEMPORAL_ADDRESS }), namespace: TEMPORAL_NAMESPACE });
}, 120_000);

afterAll(async () => {
  await plain?.connection.close().catch(() => undefined);
});

describe('pupil data in Temporal is encrypted', () => {
  it('shows no readable personal text in the history the Temporal CLI prints', async () => {
    const history = JSON.parse(await temporalCli(['workflow', 'show', '--output', 'json', '-w', caseId])) as { events: unknown[] };
    expect(history.events.length).toBeGreaterThan(5);
    const text = readableHistoryText(history);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).toContain('binary/encrypted');
  }, 60_000);

  it('shows no readable personal text to an SDK client without the codec; search attributes hold ids and statuses only', async () => {
    const handle = plain.workflow.getHandle(caseId);
    const history = await handle.fetchHistory();
    const text = readableHistoryText(history);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    const unencrypted = payloadsOf(history).filter((p) => p.encoding !== 'binary/encrypted' && !unencryptedByDesign(p));
    expect(unencrypted).toEqual([]);

    const described = await handle.describe();
    expect(readableHistoryText(described.raw)).not.toContain(REASON);
    expect(described.memo ?? {}).toEqual({});
    const attributes = Object.fromEntries(described.typedSearchAttributes.getAll().map((p) => [p.key.name, p.value]));
    expect(Object.keys(attributes).filter((k) => k.startsWith('Zr')).sort()).toEqual(['ZrNextDue', 'ZrProcess', 'ZrSchoolId', 'ZrStatus', 'ZrStuck', 'ZrWaitingFor']);
    expect(attributes.ZrSchoolId).toMatch(/^[0-9a-f-]{36}$/);
    for (const key of ['ZrProcess', 'ZrStatus', 'ZrWaitingFor']) expect(attributes[key]).toMatch(/^[A-Z_]+$/);
    // The workflow id holds the pupil's id, never a name.
    expect(caseId).toMatch(/^ondersteuningstraject-[0-9a-f-]{36}-versleuteld-[a-z0-9]+$/);
  }, 60_000);
});

describe('codec endpoint for the Temporal Web UI', () => {
  /** The encrypted input payloads of the case's first event, as the Temporal UI sends them (proto JSON). */
  async function startInput(): Promise<{ payloads: { metadata?: Record<string, string> | null; data?: string | null }[] }> {
    const history = await plain.workflow.getHandle(caseId).fetchHistory();
    const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
    return { payloads: (started?.input?.payloads ?? []).map((p) => payloadToJSON(p)) };
  }

  it('answers 401 without a session and 403 to every role but the platform admin, and audits none of those', async () => {
    const body = await startInput();
    const before = (await decodeAudits()).length;
    const anonymous = await codec('decode', body);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { code: string }).code).toBe('UNAUTHENTICATED');
    for (const email of ['zc@daltoncollege.example', 'teamleider@daltoncollege.example', 'mentor@daltoncollege.example', 'coach@daltoncollege.example', 'loket@swv-voorbeeldregio.example', PARENT_EMAIL, PUPIL_EMAIL]) {
      const gql = await as(email);
      for (const path of ['decode', 'encode'] as const) {
        const res = await codec(path, body, { authorization: `Bearer ${gql.token}` });
        expect({ email, path, status: res.status }).toEqual({ email, path, status: 403 });
        expect(JSON.stringify(await res.json())).not.toContain(GOAL);
      }
    }
    expect((await decodeAudits()).length).toBe(before);
  }, 60_000);

  it('decrypts for a platform admin and audits who, when and which workflow, never the payload', async () => {
    const admin = await as('beheer@zorgroute.example');
    const adminUser = await stack.app.get(DataSource).getRepository(UserEntity).findOneByOrFail({ email: 'beheer@zorgroute.example' });
    const body = await startInput();
    const before = (await decodeAudits()).length;
    const res = await codec('decode', body, { authorization: `Bearer ${admin.token}`, 'x-workflow-id': caseId });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const decoded = (await res.json()) as { payloads: { metadata: Record<string, string>; data: string }[] };
    expect(Buffer.from(decoded.payloads[0].metadata.encoding, 'base64').toString()).toBe('json/plain');
    expect(JSON.parse(Buffer.from(decoded.payloads[0].data, 'base64').toString('utf8'))).toMatchObject({ reason: REASON });

    const audits = await decodeAudits();
    expect(audits.length).toBe(before + 1);
    const entry = audits[audits.length - 1];
    expect(entry).toMatchObject({ actorId: adminUser.id, actorName: 'ADMIN', caseId: null });
    expect(entry.details).toMatchObject({ operation: 'temporalCodecDecode', namespace: TEMPORAL_NAMESPACE, workflowId: caseId, payloads: body.payloads.length });
    expect(Date.now() - new Date(entry.at).getTime()).toBeLessThan(60_000);
    const stored = JSON.stringify(entry);
    for (const secret of SECRETS) expect(stored).not.toContain(secret);

    // Encode is the inverse (the UI uses it to send signal input); decoding its output gives the input back.
    const encoded = (await (await codec('encode', decoded, { authorization: `Bearer ${admin.token}` })).json()) as typeof decoded;
    expect(Buffer.from(encoded.payloads[0].metadata.encoding, 'base64').toString()).toBe('binary/encrypted');
    const again = (await (await codec('decode', encoded, { authorization: `Bearer ${admin.token}` })).json()) as typeof decoded;
    expect(again).toEqual(decoded);
  }, 60_000);

  it('refuses bad input and undecryptable payloads with 400 and a code, and audits nothing', async () => {
    const admin = await as('beheer@zorgroute.example');
    const auth = { authorization: `Bearer ${admin.token}` };
    const before = (await decodeAudits()).length;
    const body = await startInput();
    const tampered = structuredClone(body);
    const bytes = Buffer.from(tampered.payloads[0].data as string, 'base64');
    bytes[bytes.length - 1] ^= 0x01;
    tampered.payloads[0].data = bytes.toString('base64');
    for (const [what, bad, headers] of [
      ['no payloads', { payloads: 'x' }, {}],
      ['not base64', { payloads: [{ metadata: { encoding: '%%%' }, data: '%%%' }] }, {}],
      ['tampered ciphertext', tampered, {}],
      ['another namespace', body, { 'x-namespace': 'temporal-system' }],
    ] as const) {
      const res = await codec('decode', bad, { ...auth, ...headers });
      const json = (await res.json()) as { code: string; message: string; messageEn: string };
      expect({ what, status: res.status, code: json.code }).toEqual({ what, status: 400, code: 'BAD_USER_INPUT' });
      expect(json.messageEn).toBeTruthy();
    }
    expect((await decodeAudits()).length).toBe(before);
  }, 60_000);

  it('allows the Temporal UI origin (and no other) to call it from a browser', async () => {
    const preflight = (origin: string) =>
      fetch(`${stack.baseUrl}/codec/decode`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-namespace,authorization' },
      });
    const ui = new URL(TEMPORAL_UI_URL).origin;
    const allowed = await preflight(ui);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ui);
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-namespace');
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    // CORS is for the codec routes only, not for GraphQL.
    const graphql = await fetch(`${stack.baseUrl}/graphql`, { method: 'OPTIONS', headers: { origin: ui, 'access-control-request-method': 'POST' } });
    expect(graphql.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves the Temporal CLI as a remote codec (`--codec-endpoint`) with an admin token', async () => {
    const admin = await as('beheer@zorgroute.example');
    const before = (await decodeAudits()).length;
    const out = await temporalCli(['workflow', 'show', '--output', 'json', '-w', caseId, '--codec-endpoint', `${stack.baseUrl}/codec`, '--codec-auth', `Bearer ${admin.token}`]);
    expect(readableHistoryText(JSON.parse(out))).toContain(REASON);
    expect((await decodeAudits()).length).toBeGreaterThan(before);
  }, 60_000);
});

describe('"Bekijk in Temporal" (temporalUrl)', () => {
  const CASES = `{ cases { id temporalUrl } }`;

  it('is null for every role but the platform admin', async () => {
    for (const email of ['zc@daltoncollege.example', 'teamleider@daltoncollege.example', 'mentor@daltoncollege.example', PARENT_EMAIL, PUPIL_EMAIL]) {
      const gql = await as(email);
      const { cases } = await gql.ok<{ cases: { id: string; temporalUrl: string | null }[] }>(CASES);
      expect({ email, sees: cases.some((c) => c.id === caseId) }).toEqual({ email, sees: true });
      expect({ email, links: cases.filter((c) => c.temporalUrl !== null).length }).toEqual({ email, links: 0 });
      const { case: detail } = await gql.ok<{ case: { summary: { temporalUrl: string | null } } }>(`query($id: ID!) { case(id: $id) { summary { temporalUrl } } }`, { id: caseId });
      expect(detail.summary.temporalUrl).toBeNull();
    }
    for (const email of ['coach@daltoncollege.example', 'loket@swv-voorbeeldregio.example']) {
      const { cases } = await (await as(email)).ok<{ cases: { temporalUrl: string | null }[] }>(CASES);
      expect(cases.every((c) => c.temporalUrl === null)).toBe(true);
    }
    const admin = await as('beheer@zorgroute.example');
    const { case: detail } = await admin.ok<{ case: { summary: { temporalUrl: string | null } } }>(`query($id: ID!) { case(id: $id) { summary { temporalUrl } } }`, { id: caseId });
    expect(detail.summary.temporalUrl).toBe(`${TEMPORAL_UI_URL}/namespaces/${TEMPORAL_NAMESPACE}/workflows/${encodeURIComponent(caseId)}`);
  }, 60_000);
});
