/**
 * Issue #7 on the real stack (Temporal dev server, PostgreSQL, a real worker on the suite's own task queue):
 * - the dossier export for an access request (`GET /exports/dossier/<pupilId>.json|.pdf`): allowed for the school's
 *   zorgcoördinator, a parent of a child under 16, the pupil himself from 16 and the admin with a reason; refused for
 *   everyone else; every export audited;
 * - the retention run (`purgeExpiredCases`, and the daily Temporal Schedule): an expired closed case is purged, a
 *   running one never is, an inactive one is closed through the workflow, and the audit chain still verifies.
 */
import { Client } from '@temporalio/client';
import { toIsoDate } from '@zorgroute/domain/logic';
import { DataSource } from 'typeorm';
import {
  AUDIT_TOMBSTONE_DESCRIPTION,
  auditCheckpointConfigFromEnv,
  AuditTrailRepository,
  createDataSource,
  CaseDocumentRepository,
  ConsentRecordRepository,
  PolicyScope,
  PolicyVersionRepository,
  PupilEntity,
  PupilGuardianEntity,
  Role,
  SchoolEntity,
  UserEntity,
} from '@zorgroute/domain';
import { extractPdfText } from '@zorgroute/notifications';
import { retentionScheduleId } from '@zorgroute/workflows';
import { eventually, loggedInClients } from './graphql-client';
import { useTestStack } from './test-stack';
import { bornYearsAgo } from './ages';

const stack = useTestStack({ name: 'dossier' });
const RUN = Date.now().toString(36);
const START = `mutation($i: StartTrajectoryInput!) { startTrajectory(input: $i) { id } }`;
const INTAKE = `mutation($c: ID!, $i: RecordIntakeInput!) { recordIntake(caseId: $c, input: $i) { id } }`;
const STOP = `mutation($c: ID!, $i: StopTrajectoryInput!) { stopTrajectory(caseId: $c, input: $i) { id } }`;
const PURGE = `mutation($i: PurgeExpiredCasesInput!) { purgeExpiredCases(input: $i) { closedCaseIds purgedCaseIds skippedRunningCaseIds failed } }`;
const VERIFY = `query { verifyAuditChain { ok checked brokenAt } }`;

interface Fresh {
  pupil: PupilEntity;
  parentEmail: string;
  pupilEmail: string;
}

/** The api's own connection (the application role) and the owner role's (only it can switch the audit trigger off). */
let ds: DataSource;
let owner: DataSource;
let dalton: SchoolEntity;
// Checkpoints may exist (the hourly schedule): the chain is verified with the test run's checkpoint keys.
const checkpointKeys = auditCheckpointConfigFromEnv(process.env, 'verifier').keys;
const verifyChain = () => new AuditTrailRepository(ds).verifyChain({ keys: checkpointKeys });
const started: string[] = [];

/** Today in Amsterdam: the date the workflows and the api use (never the UTC date). */
function today(): string {
  return toIsoDate(Date.now());
}

const client = loggedInClients(() => `${stack.baseUrl}/graphql`);

/** A pupil of Daltoncollege made for this run, with his own parent and pupil account (invented names). */
async function freshPupil(key: string, dateOfBirth: string, mentorEmail: string | null): Promise<Fresh> {
  const mentor = mentorEmail ? await ds.getRepository(UserEntity).findOneByOrFail({ email: mentorEmail }) : null;
  const pupil = await ds.getRepository(PupilEntity).save(
    ds.getRepository(PupilEntity).create({ schoolId: dalton.id, firstName: `Fenna${key}`, lastName: `Dossier-${RUN}`, dateOfBirth, className: '3A', mentorId: mentor?.id ?? null }),
  );
  const parentEmail = `ouder.${key}.${RUN}@voorbeeldmail.example`;
  const pupilEmail = `${key}.${RUN}@leerling.daltoncollege.example`;
  const parent = await ds.getRepository(UserEntity).save(
    ds.getRepository(UserEntity).create({ email: parentEmail, name: `Ouder ${key} ${RUN}`, role: Role.PARENT, schoolId: null, swvId: null, pupilId: null }),
  );
  await ds.getRepository(PupilGuardianEntity).save({ pupilId: pupil.id, userId: parent.id, relation: 'moeder' });
  await ds.getRepository(UserEntity).save(
    ds.getRepository(UserEntity).create({ email: pupilEmail, name: `Fenna${key}`, role: Role.PUPIL, schoolId: dalton.id, swvId: null, pupilId: pupil.id }),
  );
  return { pupil, parentEmail, pupilEmail };
}

/** Starts a P1 trajectory and records its intake (transitions, e-mails); returns the case id. */
async function trajectoryWithIntake(pupilId: string, key: string): Promise<string> {
  const zc = await client('zc@daltoncollege.example');
  const { startTrajectory } = await zc.ok<{ startTrajectory: { id: string } }>(START, { i: { pupilId, reason: 'Mist veel lessen', requestKey: `${RUN}-${key}` } });
  started.push(startTrajectory.id);
  await eventually(async () => !(await zc.request(INTAKE, { c: startTrajectory.id, i: { intakeDate: today(), goal: 'Ik wil mijn planning op orde' } })).errors, 30_000, 'the intake');
  // The workflow records the status change after the intake and then opens the next step (a second write, with its
  // due date): wait for that step, so a test's own change to the row (an old closed_at or updated_at) is not
  // overwritten by it and the export shows the step's due date.
  await eventually(async () => {
    const rows: { waiting_for: string | null; next_due_date: string | null }[] = await ds.query('SELECT waiting_for, next_due_date FROM case_summary WHERE id = $1', [startTrajectory.id]);
    return rows[0] && rows[0].waiting_for !== null && rows[0].waiting_for !== 'RECORD_INTAKE' && rows[0].next_due_date !== null;
  }, 30_000, 'the step after the intake');
  return startTrajectory.id;
}

async function addConsentAndDocument(caseId: string, pupilId: string, parentEmail: string): Promise<void> {
  const parent = await ds.getRepository(UserEntity).findOneByOrFail({ email: parentEmail });
  const now = new Date().toISOString();
  await new ConsentRecordRepository(ds).upsert({
    id: `${caseId}:consent:DOSSIERTEST:1`, caseId, process: 'ONDERSTEUNINGSTRAJECT', pupilId, schoolId: dalton.id, kind: 'DOSSIERTEST',
    label: 'Toestemming gegevens delen', scope: 'Delen met de coach', status: 'GIVEN', parentsOfPupil: true, askedUserIds: [parent.id],
    pupilMayDecide: false, requestedAt: now, requestedByUserId: null, respondBy: today(), timeoutAt: now, giverUserId: parent.id, giverRole: 'PARENT',
    method: 'DIGITAL', scanReference: null, recordedByUserId: null, decidedAt: now, note: null, withdrawnAt: null, withdrawalReason: null,
    withdrawnByUserId: null, version: 1, updatedAt: now,
  });
  await new CaseDocumentRepository(ds).store({ docKey: `${caseId}:brief`, caseId, kind: 'BRIEF', fileName: 'brief.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4 test') });
}

async function download(email: string | null, path: string): Promise<{ status: number; body: Buffer; json: () => unknown; type: string | null }> {
  const headers: Record<string, string> = {};
  if (email) headers.authorization = `Bearer ${(await client(email)).token as string}`;
  const res = await fetch(`${stack.baseUrl}${path}`, { headers });
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, body, json: () => JSON.parse(body.toString('utf8')) as unknown, type: res.headers.get('content-type') };
}

/** Moves a read-model timestamp into the past, again if a late write of the running workflow overwrote it. */
async function backdate(id: string, column: 'closed_at' | 'updated_at', interval: string): Promise<void> {
  await eventually(async () => {
    await ds.query(`UPDATE case_summary SET ${column} = now() - $2::interval WHERE id = $1`, [id, interval]);
    await new Promise((r) => setTimeout(r, 1500));
    return (await ds.query(`SELECT 1 FROM case_summary WHERE id = $1 AND ${column} < now() - interval '1 month'`, [id])).length > 0;
  }, 30_000, `${column} in the past`);
}

async function auditCount(sql: string, params: unknown[]): Promise<number> {
  return ((await ds.query(`SELECT count(*)::int AS n FROM audit_entry WHERE ${sql}`, params)) as { n: number }[])[0].n;
}

beforeAll(async () => {
  ds = stack.app.get(DataSource);
  owner = createDataSource((process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL) as string, { logging: false });
  await owner.initialize();
  dalton = await ds.getRepository(SchoolEntity).findOneByOrFail({ brin: '99XA00' });
}, 60_000);

afterAll(async () => {
  await owner?.destroy();
  // This suite's worker stops now: end what is still running, so no other suite waits on it.
  const temporal = stack.app?.get(Client);
  for (const id of started) await temporal?.workflow.getHandle(id).terminate('dossier/retention test finished').catch(() => undefined);
}, 60_000);

describe('dossier export (AVG right of access)', () => {
  let young: Fresh;
  let older: Fresh;
  let caseId: string;

  beforeAll(async () => {
    young = await freshPupil('jong', bornYearsAgo(13), 'mentor2@daltoncollege.example');
    older = await freshPupil('oud', bornYearsAgo(17), null);
    caseId = await trajectoryWithIntake(young.pupil.id, 'dossier');
    await addConsentAndDocument(caseId, young.pupil.id, young.parentEmail);
    await eventually(async () => (await ds.query('SELECT 1 FROM notification_delivery WHERE case_id = $1', [caseId])).length > 0, 30_000, 'a delivery');
  }, 120_000);

  it('exports the complete dossier as JSON for the zorgcoördinator of the school, with a reason', async () => {
    const before = await auditCount(`action = 'DOSSIER_EXPORTED' AND details->>'pupilId' = $1`, [young.pupil.id]);
    const r = await download('zc@daltoncollege.example', `/exports/dossier/${young.pupil.id}.json?reason=${encodeURIComponent('Inzageverzoek van de ouders')}`);
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/application\/json/);
    const d = r.json() as {
      pupil: { firstName: string; school: { name: string }; mentorName: string | null };
      parents: { name: string; email: string }[];
      cases: { id: string; process: string; status: string; statusLabel: string; timeline: { action: string; at: string; actorName: string | null }[]; consents: { kind: string; giverName: string; method: string; scope: string; status: string }[]; documents: { fileName: string }[]; notifications: { kind: string; recipientRole: string | null; createdAt: string }[]; nextDueDate: string | null; dueDates: unknown[] }[];
    };
    expect(d.pupil.firstName).toBe('Fennajong');
    expect(d.pupil.school.name).toBe(dalton.name);
    expect(d.parents).toEqual([expect.objectContaining({ name: `Ouder jong ${RUN}`, email: young.parentEmail })]);
    const c = d.cases.find((x) => x.id === caseId);
    expect(c).toBeDefined();
    expect(c?.process).toBe('ONDERSTEUNINGSTRAJECT');
    expect(c?.statusLabel).toBeTruthy();
    expect(c?.timeline.length).toBeGreaterThan(1);
    expect(c?.timeline.some((t) => t.action === 'API_START_TRAJECTORY')).toBe(true);
    expect(c?.consents).toEqual([expect.objectContaining({ kind: 'DOSSIERTEST', giverName: `Ouder jong ${RUN}`, method: 'DIGITAL', scope: 'Delen met de coach', status: 'GIVEN' })]);
    expect(c?.documents.map((x) => x.fileName)).toEqual(['brief.pdf']);
    expect(c?.notifications.length).toBeGreaterThan(0);
    expect(JSON.stringify(c?.notifications)).not.toMatch(/@|subject|body/);
    expect(c?.nextDueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await auditCount(`action = 'DOSSIER_EXPORTED' AND details->>'pupilId' = $1`, [young.pupil.id])).toBe(before + 1);
    const [entry]: { actor_name: string; details: Record<string, unknown>; reason: string | null }[] = await ds.query(
      `SELECT actor_name, details, reason FROM audit_entry WHERE action = 'DOSSIER_EXPORTED' AND details->>'pupilId' = $1 ORDER BY id DESC LIMIT 1`, [young.pupil.id],
    );
    expect(entry.actor_name).toBe('ZORGCOORDINATOR');
    expect(entry.reason).toBe('Inzageverzoek van de ouders');
    expect(entry.details).toEqual(expect.objectContaining({ pupilId: young.pupil.id, format: 'json' }));
    expect(JSON.stringify(entry.details)).not.toMatch(/Fenna|@/);
  }, 60_000);

  it('renders a readable Dutch PDF that parses, with headings and Dutch words instead of internal codes (issue 17.4)', async () => {
    const r = await download('zc@daltoncollege.example', `/exports/dossier/${young.pupil.id}.pdf`);
    expect(r.status).toBe(200);
    expect(r.type).toBe('application/pdf');
    expect(r.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(r.body.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
    const pages = r.body.toString('latin1').match(/\/Type \/Page\b/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
    const text = extractPdfText(r.body);
    expect(text).toContain('Dossier van Fennajong');
    expect(text).toContain('Ouders en verzorgers');
    expect(text).toContain('Toestemming');
    expect(text).toContain('Wat er is gebeurd');
    expect(text).toContain('Ondersteuningstraject');
    // Dates in words, no ids, enum names, message kinds or policy versions.
    expect(text).toMatch(/(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) \d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}/);
    expect(text).not.toContain(caseId);
    expect(text).not.toContain(young.pupil.id);
    expect(text).not.toMatch(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/);
    expect(text).not.toMatch(/STEP_ASSIGNED|API_START_TRAJECTORY|ONDERSTEUNINGSTRAJECT|\d{4}-\d{2}-\d{2}|default-20/);
    expect(await auditCount(`action = 'DOSSIER_EXPORTED' AND details->>'pupilId' = $1 AND details->>'format' = 'pdf'`, [young.pupil.id])).toBe(1);
  }, 60_000);

  it('allows the parent of a child under 16, the pupil of 16+ himself (the PDF) and the admin with a reason', async () => {
    expect((await download(young.parentEmail, `/exports/dossier/${young.pupil.id}.pdf`)).status).toBe(200);
    // The machine-readable JSON is the school's; the family reads the PDF.
    const parentJson = await download(young.parentEmail, `/exports/dossier/${young.pupil.id}.json`);
    expect({ status: parentJson.status, body: parentJson.json() }).toEqual({ status: 403, body: expect.objectContaining({ code: 'FORBIDDEN', message: expect.stringMatching(/PDF/) }) });
    expect((await download(older.pupilEmail, `/exports/dossier/${older.pupil.id}.json`)).status).toBe(403);
    expect((await download(older.pupilEmail, `/exports/dossier/${older.pupil.id}.pdf`)).status).toBe(200);
    const admin = await download('beheer@zorgroute.example', `/exports/dossier/${young.pupil.id}.json?reason=${encodeURIComponent('Klacht van ouder, dossier 2026-17')}`);
    expect(admin.status).toBe(200);
    const [entry]: { reason: string }[] = await ds.query(`SELECT reason FROM audit_entry WHERE action = 'DOSSIER_EXPORTED' AND details->>'pupilId' = $1 ORDER BY id DESC LIMIT 1`, [young.pupil.id]);
    expect(entry.reason).toBe('Klacht van ouder, dossier 2026-17');
  }, 60_000);

  it('refuses every other caller, and writes nothing to the audit trail then', async () => {
    const before = await auditCount(`action = 'DOSSIER_EXPORTED'`, []);
    const cases: [string | null, string, number, string][] = [
      [null, young.pupil.id, 401, 'no token'],
      ['ouder.veldkamp@voorbeeldmail.example', young.pupil.id, 404, 'another parent'],
      ['mentor@daltoncollege.example', young.pupil.id, 404, 'a mentor of other pupils'],
      ['mentor2@daltoncollege.example', young.pupil.id, 403, 'his own mentor (inzage goes through the zorgcoördinator)'],
      ['teamleider@daltoncollege.example', young.pupil.id, 403, 'the teamleider'],
      ['coach@daltoncollege.example', young.pupil.id, 404, 'a coach not in the case'],
      ['loket@swv-voorbeeldregio.example', young.pupil.id, 404, 'the SWV'],
      ['zc@hetbaken.example', young.pupil.id, 404, 'the zorgcoördinator of another school'],
      [young.pupilEmail, young.pupil.id, 403, 'the pupil under 16 himself'],
      [older.parentEmail, older.pupil.id, 403, 'the parent of a pupil of 16+'],
      [older.pupilEmail, young.pupil.id, 404, 'a pupil for another pupil'],
    ];
    const wrong: string[] = [];
    for (const [email, pupilId, status, who] of cases) {
      const r = await download(email, `/exports/dossier/${pupilId}.json`);
      if (r.status !== status) wrong.push(`${who}: ${r.status} ${r.body.toString('utf8').slice(0, 200)}`);
    }
    expect(wrong).toEqual([]);
    const parentOfOlder = await download(older.parentEmail, `/exports/dossier/${older.pupil.id}.json`);
    expect(parentOfOlder.json()).toEqual(expect.objectContaining({ code: 'FORBIDDEN', message: expect.stringMatching(/16 jaar/) }));
    expect(await auditCount(`action = 'DOSSIER_EXPORTED'`, [])).toBe(before);
  }, 60_000);

  it('answers bad input with BAD_USER_INPUT (400) and writes nothing', async () => {
    const before = await auditCount(`action = 'DOSSIER_EXPORTED'`, []);
    for (const path of [`/exports/dossier/geen-id.json`, `/exports/dossier/${young.pupil.id}.xml`, `/exports/dossier/${young.pupil.id}`]) {
      const r = await download('zc@daltoncollege.example', path);
      expect({ path, status: r.status }).toEqual({ path, status: 400 });
      expect(r.json()).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    }
    const noReason = await download('beheer@zorgroute.example', `/exports/dossier/${young.pupil.id}.json`);
    expect(noReason.status).toBe(400);
    const zcWithoutReason = await download('zc@daltoncollege.example', `/exports/dossier/${young.pupil.id}.json`);
    expect({ status: zcWithoutReason.status, body: zcWithoutReason.json() }).toEqual({ status: 400, body: expect.objectContaining({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/reden/) }) });
    const shortReason = await download('beheer@zorgroute.example', `/exports/dossier/${young.pupil.id}.json?reason=x`);
    expect(shortReason.status).toBe(400);
    expect(await auditCount(`action = 'DOSSIER_EXPORTED'`, [])).toBe(before);
  }, 60_000);

  it('tells each caller exactly what he may export (dossierExportOptions), the same rules as the export (issue 17.3)', async () => {
    const OPTIONS = `query($p: ID!) { dossierExportOptions(pupilId: $p) { formats reasonRequired refusal } }`;
    const options = async (email: string, pupilId: string) => (await client(email)).request<{ dossierExportOptions: unknown }>(OPTIONS, { p: pupilId });
    expect((await options('zc@daltoncollege.example', young.pupil.id)).data?.dossierExportOptions).toEqual({ formats: ['pdf', 'json'], reasonRequired: ['json'], refusal: null });
    expect((await options('beheer@zorgroute.example', young.pupil.id)).data?.dossierExportOptions).toEqual({ formats: ['pdf', 'json'], reasonRequired: ['pdf', 'json'], refusal: null });
    expect((await options(young.parentEmail, young.pupil.id)).data?.dossierExportOptions).toEqual({ formats: ['pdf'], reasonRequired: [], refusal: null });
    expect((await options(older.pupilEmail, older.pupil.id)).data?.dossierExportOptions).toEqual({ formats: ['pdf'], reasonRequired: [], refusal: null });
    // A pupil under 16 is offered no download that would fail, and told why.
    expect((await options(young.pupilEmail, young.pupil.id)).data?.dossierExportOptions).toEqual({ formats: [], reasonRequired: [], refusal: expect.stringMatching(/16e/) });
    expect((await options(older.parentEmail, older.pupil.id)).data?.dossierExportOptions).toEqual({ formats: [], reasonRequired: [], refusal: expect.stringMatching(/16 jaar/) });
    expect((await options('mentor2@daltoncollege.example', young.pupil.id)).data?.dossierExportOptions).toEqual(expect.objectContaining({ formats: [] }));
    expect((await options('loket@swv-voorbeeldregio.example', young.pupil.id)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  }, 60_000);
});

describe('retention: close inactive, purge expired, keep the audit chain verifiable', () => {
  let fresh: Fresh;
  let expired: string;

  beforeAll(async () => {
    fresh = await freshPupil('bewaar', bornYearsAgo(14), null);
  }, 60_000);

  async function closedCase(key: string): Promise<string> {
    const id = await trajectoryWithIntake(fresh.pupil.id, key);
    await addConsentAndDocument(id, fresh.pupil.id, fresh.parentEmail);
    const zc = await client('zc@daltoncollege.example');
    await zc.ok(STOP, { c: id, i: { reason: 'Leerling verhuist' } });
    await eventually(async () => (await ds.query('SELECT 1 FROM case_summary WHERE id = $1 AND closed_at IS NOT NULL', [id])).length > 0, 30_000, 'the case closed');
    // The workflow ends after its last messages; until then the retention run leaves it alone.
    await eventually(async () => (await stack.app.get(Client).workflow.getHandle(id).describe()).status.name !== 'RUNNING', 30_000, 'the workflow ended');
    // Closed three years ago: past the default purgeAfterClosedYears (2).
    await ds.query(`UPDATE case_summary SET closed_at = now() - interval '3 years' WHERE id = $1`, [id]);
    return id;
  }

  it('refuses a non-admin (FORBIDDEN) and bad input (BAD_USER_INPUT), writing nothing', async () => {
    const counts = async () => (await ds.query(`SELECT (SELECT count(*) FROM audit_entry)::int AS a, (SELECT count(*) FROM retention_purge)::int AS p`))[0] as { a: number; p: number };
    // Log in first: a login is itself an audited mutation.
    const zc = await client('zc@daltoncollege.example');
    const parent = await client(fresh.parentEmail);
    const admin = await client('beheer@zorgroute.example');
    const before = await counts();
    expect((await zc.request(PURGE, { i: { reason: 'Opruimen', schoolId: dalton.id } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await parent.request(PURGE, { i: { reason: 'Opruimen' } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await admin.request(PURGE, { i: { reason: 'x' } })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await admin.request(PURGE, { i: { reason: 'Opruimen', schoolId: 'geen-id' } })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await counts()).toEqual(before);
  }, 60_000);

  it('purges an expired closed case, never a running one, and the audit chain still verifies', async () => {
    expired = await closedCase('verlopen');
    const running = await trajectoryWithIntake((await freshPupil('loopt', bornYearsAgo(14), null)).pupil.id, 'loopt');
    // The read model claims it is closed long ago, but its workflow runs: it must be left alone.
    await backdate(running, 'closed_at', '5 years');
    const entryIds: string[] = (await ds.query(`SELECT id FROM audit_entry WHERE case_id = $1 OR details->>'caseId' = $1`, [expired])).map((r: { id: string }) => String(r.id));
    expect(entryIds.length).toBeGreaterThan(3);

    const admin = await client('beheer@zorgroute.example');
    const { purgeExpiredCases: r } = await admin.ok<{ purgeExpiredCases: { purgedCaseIds: string[]; skippedRunningCaseIds: string[]; failed: number } }>(PURGE, {
      i: { reason: 'Jaarlijkse controle bewaartermijnen', schoolId: dalton.id },
    });
    expect(r.purgedCaseIds).toContain(expired);
    expect(r.skippedRunningCaseIds).toContain(running);
    expect(r.purgedCaseIds).not.toContain(running);
    await ds.query(`UPDATE case_summary SET closed_at = NULL WHERE id = $1`, [running]);
    expect((await ds.query('SELECT 1 FROM case_summary WHERE id = $1', [running])).length).toBe(1);

    // Personal data is gone from the read model, consents, documents and deliveries.
    for (const [table, column] of [['case_summary', 'id'], ['consent_record', 'case_id'], ['case_document', 'case_id'], ['notification_delivery', 'case_id']]) {
      expect({ table, rows: (await ds.query(`SELECT 1 FROM ${table} WHERE ${column} = $1`, [expired])).length }).toEqual({ table, rows: 0 });
    }
    // Every audit entry of the case keeps its hash with a tombstone payload.
    const purged: { id: string; actor_name: string | null; description: string; details: object; reason: string | null; purged_at: Date | null }[] = await ds.query(
      `SELECT id, actor_name, description, details, reason, purged_at FROM audit_entry WHERE id = ANY($1::bigint[]) ORDER BY id`, [entryIds],
    );
    expect(purged.every((e) => e.purged_at && e.actor_name === null && e.description === AUDIT_TOMBSTONE_DESCRIPTION && e.reason === null && Object.keys(e.details).length === 0)).toBe(true);
    // One purge entry without personal data, listing the purged entries.
    const [entry]: { actor_id: string; actor_name: string; reason: string; details: { purgedEntryIds: string[]; counts: Record<string, number> } }[] = await ds.query(
      `SELECT actor_id, actor_name, reason, details FROM audit_entry WHERE action = 'RETENTION_PURGED' AND case_id = $1`, [expired],
    );
    expect(entry.actor_name).toBe('ADMIN');
    expect(entry.reason).toBe('Jaarlijkse controle bewaartermijnen');
    expect([...entry.details.purgedEntryIds].sort()).toEqual([...entryIds].sort());
    expect(entry.details.counts).toEqual(expect.objectContaining({ caseSummary: 1, consents: 1, documents: 1 }));
    expect(entry.details.counts.deliveries).toBeGreaterThan(0);
    expect(JSON.stringify(entry.details)).not.toMatch(/Fenna|Dossier-|@|Mist veel lessen|planning/);
    const [register]: { trigger: string }[] = await ds.query('SELECT trigger FROM retention_purge WHERE case_id = $1', [expired]);
    expect(register.trigger).toBe('ADMIN');
    // The workflow history is gone too.

    // The chain verifies (the existing check, through the api and the repository).
    expect((await admin.ok<{ verifyAuditChain: { ok: boolean; brokenAt: string | null } }>(VERIFY)).verifyAuditChain).toEqual(expect.objectContaining({ ok: true, brokenAt: null }));
    const check = await verifyChain();
    expect(check.ok).toBe(true);
    expect(check.purged).toBeGreaterThanOrEqual(entryIds.length);
  }, 180_000);

  it('lets the database refuse anything but the purge on the audit trail, and still detects tampering with a purged entry', async () => {
    const [target]: { id: string; action: string }[] = await ds.query(`SELECT id, action FROM audit_entry WHERE case_id = $1 AND purged_at IS NOT NULL ORDER BY id LIMIT 1`, [expired]);
    const [live]: { id: string }[] = await ds.query(`SELECT id FROM audit_entry WHERE purged_at IS NULL ORDER BY id DESC LIMIT 1`);
    // The application role (the api's and worker's connection) may not change the audit trail at all, nor switch off
    // its trigger; it purges only through the owner's audit_entry_purge_case (used by the run above).
    await expect(ds.query(`DELETE FROM audit_entry WHERE id = $1`, [target.id])).rejects.toThrow(/permission denied/);
    await expect(ds.query(`UPDATE audit_entry SET action = 'X' WHERE id = $1`, [target.id])).rejects.toThrow(/permission denied/);
    await expect(ds.query(`UPDATE audit_entry SET purged_at = now(), actor_name = NULL, description = $2, details = '{}', reason = NULL WHERE id = $1`, [live.id, AUDIT_TOMBSTONE_DESCRIPTION])).rejects.toThrow(/permission denied/);
    await expect(ds.query('ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update')).rejects.toThrow(/must be owner/);
    // Even the owner meets the trigger: it refuses DELETE and every UPDATE but exactly the purge.
    await expect(owner.query(`DELETE FROM audit_entry WHERE id = $1`, [target.id])).rejects.toThrow(/append-only/);
    await expect(owner.query(`UPDATE audit_entry SET action = 'X' WHERE id = $1`, [target.id])).rejects.toThrow(/append-only/);
    // A "purge" that keeps personal data, or changes a hashed column, is refused.
    await expect(owner.query(`UPDATE audit_entry SET purged_at = now(), description = 'anders' WHERE id = $1`, [live.id])).rejects.toThrow(/append-only/);
    await expect(owner.query(`UPDATE audit_entry SET purged_at = now(), actor_name = NULL, description = $2, details = '{}', reason = NULL, hash = repeat('0', 64) WHERE id = $1`, [live.id, AUDIT_TOMBSTONE_DESCRIPTION])).rejects.toThrow(/append-only/);

    // Tampering with a purged entry (trigger switched off) is still detected: its hash covers action and digest.
    await owner.query('ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update');
    try {
      await owner.query(`UPDATE audit_entry SET action = 'VERVALST' WHERE id = $1`, [target.id]);
    } finally {
      await owner.query('ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update');
    }
    try {
      expect(await verifyChain()).toEqual(expect.objectContaining({ ok: false, brokenAt: target.id, reason: 'CONTENT_MISMATCH' }));
    } finally {
      await owner.query('ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update');
      try {
        await owner.query(`UPDATE audit_entry SET action = $2 WHERE id = $1`, [target.id, target.action]);
      } finally {
        await owner.query('ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update');
      }
    }
    // An entry "purged" outside the retention run (not listed by a RETENTION_PURGED entry) is detected as well.
    const [other]: { id: string; actor_name: string | null; description: string; details: object; reason: string | null }[] = await owner.query(
      `SELECT id, actor_name, description, details, reason FROM audit_entry WHERE purged_at IS NULL AND hash_version = 2 ORDER BY id DESC LIMIT 1`,
    );
    await owner.query(`UPDATE audit_entry SET purged_at = now(), actor_name = NULL, description = $2, details = '{}', reason = NULL WHERE id = $1`, [other.id, AUDIT_TOMBSTONE_DESCRIPTION]);
    try {
      expect(await verifyChain()).toEqual(expect.objectContaining({ ok: false, brokenAt: other.id, reason: 'PURGE_NOT_RECORDED' }));
    } finally {
      await owner.query('ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update');
      try {
        await owner.query(`UPDATE audit_entry SET purged_at = NULL, actor_name = $2, description = $3, details = $4, reason = $5 WHERE id = $1`, [
          other.id, other.actor_name, other.description, JSON.stringify(other.details), other.reason,
        ]);
      } finally {
        await owner.query('ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update');
      }
    }
    expect((await verifyChain()).ok).toBe(true);
  }, 60_000);

  it('uses the SWV’s retention policy: a longer purge period keeps the case', async () => {
    const policies = new PolicyVersionRepository(ds);
    const id = await closedCase('swv-beleid');
    const longer = await policies.publish({ scope: PolicyScope.SWV, scopeId: dalton.swvId, overrides: { retention: { purgeAfterClosedYears: 5 } }, note: 'bewaartermijn 5 jaar' });
    expect(longer.ok).toBe(true);
    const invalid = await policies.publish({ scope: PolicyScope.SWV, scopeId: dalton.swvId, overrides: { retention: { purgeAfterClosedYears: 0 } } });
    expect(invalid).toEqual({ ok: false, problems: [expect.stringMatching(/^retention\.purgeAfterClosedYears/)] });
    const admin = await client('beheer@zorgroute.example');
    try {
      const kept = await admin.ok<{ purgeExpiredCases: { purgedCaseIds: string[] } }>(PURGE, { i: { reason: 'Controle SWV-beleid', schoolId: dalton.id } });
      expect(kept.purgeExpiredCases.purgedCaseIds).not.toContain(id);
    } finally {
      expect((await policies.publish({ scope: PolicyScope.SWV, scopeId: dalton.swvId, overrides: {}, note: 'terug naar standaard' })).ok).toBe(true);
    }
    const purged = await admin.ok<{ purgeExpiredCases: { purgedCaseIds: string[] } }>(PURGE, { i: { reason: 'Controle standaardbeleid', schoolId: dalton.id } });
    expect(purged.purgeExpiredCases.purgedCaseIds).toContain(id);
  }, 180_000);

  it('closes a case without activity through the workflow (nothing terminated)', async () => {
    const id = await trajectoryWithIntake((await freshPupil('stil', bornYearsAgo(14), null)).pupil.id, 'stil');
    await backdate(id, 'updated_at', '13 months');
    const admin = await client('beheer@zorgroute.example');
    const { purgeExpiredCases: r } = await admin.ok<{ purgeExpiredCases: { closedCaseIds: string[]; purgedCaseIds: string[] } }>(PURGE, { i: { reason: 'Controle inactieve casussen', schoolId: dalton.id } });
    expect(r.closedCaseIds).toContain(id);
    expect(r.purgedCaseIds).not.toContain(id);
    const row = await eventually(async () => (await ds.query(`SELECT status, closed_at FROM case_summary WHERE id = $1 AND closed_at IS NOT NULL`, [id]))[0] as { status: string } | undefined, 30_000, 'the case closed');
    expect(row.status).toBe('GESLOTEN_DOOR_BEHEER');
    const status = await eventually(async () => {
      const d = await stack.app.get(Client).workflow.getHandle(id).describe();
      return d.status.name === 'RUNNING' ? null : d.status.name;
    }, 30_000, 'the workflow ended');
    expect(status).toBe('COMPLETED');
    const [entry]: { reason: string }[] = await ds.query(`SELECT reason FROM audit_entry WHERE case_id = $1 AND action = 'ADMIN_CASE_CLOSED'`, [id]);
    expect(entry.reason).toMatch(/^Bewaartermijn: geen activiteit sinds/);
  }, 120_000);

  it('runs daily from a Temporal Schedule whose run purges through the worker', async () => {
    const temporal = stack.app.get(Client);
    const handle = temporal.schedule.getHandle(retentionScheduleId(stack.taskQueue));
    const description = await handle.describe();
    expect(description.spec.calendars?.[0]).toEqual(expect.objectContaining({ hour: [{ start: 2, end: 2, step: 1 }], minute: [{ start: 30, end: 30, step: 1 }] }));
    expect(description.spec.timezone).toBe('Europe/Amsterdam');
    const id = await closedCase('schema');
    await handle.trigger();
    const [row] = await eventually(async () => {
      const rows: { trigger: string; actor_id: string | null }[] = await ds.query('SELECT trigger, actor_id FROM retention_purge WHERE case_id = $1', [id]);
      return rows.length ? rows : null;
    }, 60_000, 'the scheduled purge');
    expect(row).toEqual({ trigger: 'SCHEDULE', actor_id: null });
    expect((await verifyChain()).ok).toBe(true);
    await handle.delete();
  }, 120_000);
});
