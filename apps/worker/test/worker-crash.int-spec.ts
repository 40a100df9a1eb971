/**
 * Exactly once when a worker dies mid-delivery: a real worker runs in a child process against the Temporal dev server,
 * PostgreSQL and a real SMTP server (maildev, behind a small proxy that tells the test when the server accepted a
 * message). The child is killed with SIGKILL at the worst moment; a new worker finishes the activity.
 *
 * - killed after the mail server accepted the message and before SENT was recorded (the proxy withholds the server's
 *   250 from the worker, so the worker cannot record anything): this is the one window in which a second copy is
 *   possible — SMTP shares no transaction with the database and the process that knew is gone. The new worker sends
 *   it again after the lease, with the identical Message-ID (derived from the delivery key), and the log says 2 attempts;
 * - killed after the worker claimed the delivery and handed over the message, before the server accepted it: no copy
 *   arrived, the new worker sends it once.
 *
 * Thresholds are scaled down through the school's policy (heartbeat 2 s, retries 1–2 s) and the worker's lease (5 s).
 * Needs DATABASE_URL, TEMPORAL_ADDRESS (dev server), SMTP_URL (maildev) and MAIL_WEB_URL.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode } from '@temporalio/worker';
import { temporalDataConverterFromEnv } from '@zorgroute/temporal-codec';
import { createDataSource, DeliveryStatus, migrateFromEnv, NotificationDeliveryEntity } from '@zorgroute/domain';
import { messageIdForKey } from '@zorgroute/notifications';
import { ondersteuningstrajectWorkflow, workflowBundleOptions } from '@zorgroute/workflows';
import type { DataSource } from 'typeorm';
import { createSchoolFixture, type SchoolFixture } from './support/fixtures';
import { allMails, eventually, sleep } from './support/maildev';
import { SmtpProxy, type AcceptedMessage } from './support/smtp-proxy';

const { DATABASE_URL, SMTP_URL, MAIL_WEB_URL, TEMPORAL_ADDRESS } = process.env as Record<string, string>;
const LEASE_MS = 5_000;
const POLICY = { notifications: { mailHeartbeatSeconds: 2, mailRetryInitialSeconds: 1, mailRetryMaxSeconds: 2 } };

let dataSource: DataSource;
let proxy: SmtpProxy;
let client: Client;
let bundlePath: string;
const children = new Set<ChildProcess>();

beforeAll(async () => {
  if (!DATABASE_URL || !SMTP_URL || !MAIL_WEB_URL || !TEMPORAL_ADDRESS) throw new Error('DATABASE_URL, SMTP_URL, MAIL_WEB_URL and TEMPORAL_ADDRESS must be set');
  await migrateFromEnv();
  dataSource = createDataSource(DATABASE_URL, { logging: ['error'] });
  await dataSource.initialize();
  proxy = new SmtpProxy(Number(new URL(SMTP_URL).port));
  await proxy.up();
  // Encrypts like the api does, with the key the child workers get from the environment (TEMPORAL_PAYLOAD_KEYS).
  client = new Client({ connection: await Connection.connect({ address: TEMPORAL_ADDRESS }), dataConverter: temporalDataConverterFromEnv() });
  const { code } = await bundleWorkflowCode({ ...workflowBundleOptions(), logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} } });
  bundlePath = join(tmpdir(), `zorgroute-crash-bundle-${process.pid}.js`);
  writeFileSync(bundlePath, code);
}, 180_000);

afterAll(async () => {
  const exits = [...children].map((child) => new Promise((resolve) => child.once('exit', resolve)));
  for (const child of children) child.kill('SIGKILL');
  await Promise.all(exits);
  // Closing may race a call that is still winding down on a loaded machine; that is not a test failure.
  await client?.connection.close().catch(() => undefined);
  await proxy?.down();
  if (dataSource?.isInitialized) await dataSource.destroy();
  if (bundlePath) rmSync(bundlePath, { force: true });
}, 60_000);

/** Starts a real worker in a child process and waits until it polls. */
async function startWorker(taskQueue: string): Promise<ChildProcess & { output: string[] }> {
  const child = fork(join(__dirname, 'support', 'fault-worker.ts'), [], {
    execArgv: ['-r', join(__dirname, 'support', 'ts-register.cjs')],
    env: {
      ...process.env,
      TEMPORAL_TASK_QUEUE: taskQueue,
      SMTP_URL: proxy.url,
      APP_URL: 'https://zorgroute.test',
      ZR_WORKFLOW_BUNDLE: bundlePath,
      ZR_SENDING_LEASE_MS: String(LEASE_MS),
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  }) as ChildProcess & { output: string[] };
  child.output = [];
  child.stdout?.on('data', (d: Buffer) => child.output.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => child.output.push(d.toString()));
  children.add(child);
  child.once('exit', () => children.delete(child));
  const ready = new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`worker exited with ${code} before polling:\n${child.output.join('')}`)));
  });
  await ready;
  return child;
}

async function kill(child: ChildProcess): Promise<void> {
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}

function deliveriesOf(caseId: string): Promise<NotificationDeliveryEntity[]> {
  return dataSource.getRepository(NotificationDeliveryEntity).find({ where: { caseId } });
}

async function copiesOf(messageId: string): Promise<number> {
  return (await allMails(MAIL_WEB_URL)).filter((m) => `<${m.messageId}>` === messageId).length;
}

/** Starts a trajectory whose only message is the zorgcoördinator's "new task" (the pupil has no parents on file). */
async function startTrajectory(taskQueue: string, f: SchoolFixture) {
  return client.workflow.start(ondersteuningstrajectWorkflow, {
    taskQueue,
    workflowId: `ondersteuningstraject-${f.pupils[0].id}-${f.run}`,
    args: [{ schoolId: f.schoolId, pupilId: f.pupils[0].id, startedBy: { id: f.zc.id, name: f.zc.name }, reason: 'Faalangst bij toetsen', weeks: 8 }],
  });
}

describe('a worker killed mid-delivery (child process, SIGKILL)', () => {
  it('killed between the mail server’s accept and recording SENT: the new worker re-sends once, with the identical Message-ID', async () => {
    const f = await createSchoolFixture(dataSource, { policy: POLICY, parents: false });
    const taskQueue = `crash-accepted-${f.run}`;
    const first = await startWorker(taskQueue);
    proxy.holdNextAccept();
    const held = once(proxy, 'held') as Promise<[AcceptedMessage]>;
    const h = await startTrajectory(taskQueue, f);
    try {
      const [accepted] = await held;
      await kill(first);

      // The crash window: the server has the message, the log still says SENDING.
      const [row] = await deliveriesOf(h.workflowId);
      expect(row).toMatchObject({ kind: 'STEP_ASSIGNED', status: DeliveryStatus.SENDING, attempts: 1, sentAt: null });
      expect(accepted.messageId).toBe(messageIdForKey(row.key));
      await eventually(async () => (await copiesOf(accepted.messageId!)) === 1, 10_000, 'the accepted copy in the mailbox');

      const second = await startWorker(taskQueue);
      const sent = await eventually(async () => {
        const [r] = await deliveriesOf(h.workflowId);
        return r?.status === DeliveryStatus.SENT ? r : null;
      }, 40_000, 'the delivery recorded SENT by the new worker');
      expect(sent).toMatchObject({ attempts: 2, messageId: messageIdForKey(row.key) });
      await sleep(1_000);
      // Exactly one extra copy, and it is recognisably the same message: identical Message-ID.
      const copies = (await allMails(MAIL_WEB_URL)).filter((m) => m.to.some((t) => t.address === f.zc.email));
      expect(copies).toHaveLength(2);
      expect(copies.map((m) => `<${m.messageId}>`)).toEqual([row.messageId ?? messageIdForKey(row.key), messageIdForKey(row.key)]);
      expect(copies[0].subject).toBe(copies[1].subject);
      await kill(second);
    } finally {
      await h.terminate('test done').catch(() => undefined);
    }
  }, 60_000);

  it('killed after handing over the message but before the server accepted it: the new worker sends it exactly once', async () => {
    const f = await createSchoolFixture(dataSource, { policy: POLICY, parents: false });
    const taskQueue = `crash-before-accept-${f.run}`;
    const first = await startWorker(taskQueue);
    proxy.holdNextData();
    const held = once(proxy, 'held') as Promise<[AcceptedMessage]>;
    const h = await startTrajectory(taskQueue, f);
    try {
      const [inFlight] = await held;
      await kill(first);
      const [row] = await deliveriesOf(h.workflowId);
      expect(row).toMatchObject({ kind: 'STEP_ASSIGNED', status: DeliveryStatus.SENDING, attempts: 1 });
      expect(inFlight.messageId).toBe(messageIdForKey(row.key));

      const second = await startWorker(taskQueue);
      await eventually(async () => (await deliveriesOf(h.workflowId))[0]?.status === DeliveryStatus.SENT, 40_000, 'the delivery recorded SENT');
      await sleep(1_000);
      const copies = (await allMails(MAIL_WEB_URL)).filter((m) => m.to.some((t) => t.address === f.zc.email));
      expect(copies).toHaveLength(1);
      expect(`<${copies[0].messageId}>`).toBe(messageIdForKey(row.key));
      expect((await deliveriesOf(h.workflowId))[0]).toMatchObject({ attempts: 2, messageId: messageIdForKey(row.key) });
      await kill(second);
    } finally {
      await h.terminate('test done').catch(() => undefined);
    }
  }, 60_000);
});
