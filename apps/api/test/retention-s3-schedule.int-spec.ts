/**
 * Issue 16, the production path of the retention purge with DOCUMENT_STORAGE=s3, end to end: the api's daily retention
 * Schedule (RetentionScheduleService, created at start-up for the stack's task queue) is triggered through the Temporal
 * client, its `retentionRunWorkflow` runs on the suite's own worker, whose activity purges the expired case through
 * RetentionPurger and queues the object key in the outbox `document_object_purge` (the worker has no S3 client); then
 * the api's periodic drain (DocumentObjectPurgeService's timer, DOCUMENT_PURGE_DRAIN_INTERVAL_MS, short for this stack)
 * deletes the object and the outbox row. Nothing here calls the purge or the drain directly.
 *
 * The Schedule is triggered rather than the workflow started by hand: the Schedule exists in the test stack, and a
 * trigger runs exactly the action production runs at 02:30 (workflow type, task queue, arguments). "Now" of the run is
 * the worker's clock (the activity, not workflow time: the Temporal dev server of `npm test` does not skip time), the
 * same clock PostgreSQL's now() reads, so the case is closed 30 years before the database's now() — far past any
 * purge period, whatever the date. Own SWV, school, pupil and case (a read-model row without a workflow: the run finds
 * no running workflow for it). The run is the real daily run: it also looks at the other schools in the test database.
 * The other S3 purge checks (admin purge, bucket failure): retention-s3-objects.int-spec.ts.
 */
import { randomBytes } from 'node:crypto';
import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { Client, type ScheduleExecutionResult } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { CaseReadModelRepository, PupilEntity, Role, SchoolEntity, SwvEntity, UserEntity } from '@zorgroute/domain';
import { RETENTION_RUN_WORKFLOW, retentionScheduleId, type RetentionRunSummary } from '@zorgroute/workflows';
import { caseSnapshot } from '../src/testing/case-snapshot.fixture';
import { createTestBucket, s3TestStorageEnv, testS3Client } from '../src/testing/s3-test-bucket.fixture';
import { bornYearsAgo } from './ages';
import { bucketKeys, outboxKeysOf, uploadPdf } from './document-purge-fixture';
import { eventually, loggedInClients } from './graphql-client';
import { useTestStack } from './test-stack';

const RUN = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const BUCKET = `zr-sched-${RUN}`;
const PREFIX = `purge-schedule-spec/${RUN}/`;
/** The api's drain every second here (default 10 minutes), so the timer's round comes within the test. */
const DRAIN_MS = 1000;
const stack = useTestStack({
  name: 'retention-s3-schedule',
  worker: true,
  seed: false,
  env: { ...s3TestStorageEnv(BUCKET, PREFIX), DOCUMENT_PURGE_DRAIN_INTERVAL_MS: String(DRAIN_MS) },
});
const client = loggedInClients(() => `${stack.baseUrl}/graphql`);
const ZC = `zc.schema.${RUN}@bewaarschool.example`;

let ds: DataSource;
let s3: S3Client;
let school: SchoolEntity;
let pupil: PupilEntity;

const keys = () => bucketKeys(s3, BUCKET, PREFIX);
const outboxOf = (caseId: string) => outboxKeysOf(ds, caseId);

/** Uploads a PDF to the case through the api (it goes to the bucket); returns the document's id. */
async function upload(caseId: string, text: string): Promise<string> {
  return uploadPdf(stack.baseUrl, (await client(ZC)).token as string, caseId, text);
}

beforeAll(async () => {
  s3 = testS3Client();
  await createTestBucket(s3, BUCKET);
  ds = stack.app.get(DataSource);
  const swv = await ds.getRepository(SwvEntity).save({ name: `SWV Schema ${RUN}`, code: `SC ${RUN}` });
  school = await ds.getRepository(SchoolEntity).save({ swvId: swv.id, name: `Bewaarschool ${RUN}`, brin: `S${RUN}`.slice(0, 10), region: 'midden' as const });
  pupil = await ds.getRepository(PupilEntity).save({ schoolId: school.id, firstName: 'Joris', lastName: `Schema-${RUN}`, dateOfBirth: bornYearsAgo(15), className: '3B', mentorId: null });
  await ds.getRepository(UserEntity).save({ name: `Zorgcoördinator Schema ${RUN}`, email: ZC, role: Role.ZORGCOORDINATOR, schoolId: school.id, swvId: swv.id, pupilId: null });
}, 60_000);

afterAll(() => {
  s3?.destroy();
});

describe('retention with DOCUMENT_STORAGE=s3 in production: the daily Schedule on the worker, then the api’s periodic drain', () => {
  it('a scheduled run purges a closed, expired case and the api’s timer deletes its object from the bucket and the outbox row', async () => {
    const caseId = `bewaar-s3-schema-${RUN}`;
    await new CaseReadModelRepository(ds).upsert(caseSnapshot({ caseId, process: 'ZORGROUTE', status: 'AANMELDING', schoolId: school.id, pupilId: pupil.id }));
    const key = `${PREFIX}${await upload(caseId, 'verslag schema')}`;
    expect(await keys()).toEqual([key]);
    await ds.query(`UPDATE case_summary SET closed_at = now() - interval '30 years', updated_at = now() - interval '30 years' WHERE id = $1`, [caseId]);

    // The Schedule the api created at start-up, with the production action.
    const temporal = stack.app.get(Client);
    const schedule = temporal.schedule.getHandle(retentionScheduleId(stack.taskQueue));
    const before = await schedule.describe();
    expect(before.action).toEqual(expect.objectContaining({ type: 'startWorkflow', workflowType: RETENTION_RUN_WORKFLOW, taskQueue: stack.taskQueue }));
    await schedule.trigger();
    let started: ScheduleExecutionResult;
    try {
      started = await eventually(async () => {
        const d = await schedule.describe();
        return d.info.numActionsTaken > before.info.numActionsTaken ? d.info.recentActions[d.info.recentActions.length - 1] : null;
      }, 30_000, 'the scheduled run started');
    } finally {
      // One run is all this suite needs (the schedule would otherwise stay until the test server stops).
      await schedule.delete();
    }

    // The run on the worker ends and reports the case purged; the purge queued the object's key.
    const run = temporal.workflow.getHandle(started.action.workflow.workflowId, started.action.workflow.firstExecutionRunId);
    const summary = (await run.result()) as RetentionRunSummary;
    expect(summary.purged).toContain(caseId);
    expect(summary.failed.filter((f) => f.caseId === caseId)).toEqual([]);
    const [purge]: { trigger: string; counts: Record<string, number> }[] = await ds.query('SELECT trigger, counts FROM retention_purge WHERE case_id = $1', [caseId]);
    expect(purge).toEqual({ trigger: 'SCHEDULE', counts: expect.objectContaining({ documents: 1, bucketObjects: 1 }) });
    expect(await ds.query('SELECT 1 FROM case_document WHERE case_id = $1', [caseId])).toEqual([]);

    // The api's timer (nothing else drains here: no admin purge) deletes the object, then the outbox row.
    await eventually(async () => (await outboxOf(caseId)).length === 0, 20 * DRAIN_MS + 10_000, 'the api’s periodic drain emptied the outbox');
    expect(await keys()).toEqual([]);
    await expect(s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }))).rejects.toMatchObject({ name: 'NotFound' });
  }, 240_000);
});
