/**
 * Reminders and notifications end to end on real services: the workflows run on Temporal's time-skipping test server
 * (weeks pass in seconds), their activities are the real ones against PostgreSQL, and e-mail goes through a small SMTP
 * proxy (to switch the mail server off and on) to the maildev mail catcher.
 *
 * - every rung of the reminder ladder produces one message, to the right person, with the right content;
 * - the mail server down for minutes: every message goes out exactly once when it is back;
 * - the mail server down past the threshold: the case becomes a visible stuck item (MAIL_FAILING:<kind>, last error,
 *   audit entry), cleared when the message goes out — once;
 * - a staff member who chose the daily digest gets one digest per school day with that day's messages.
 *
 * Needs DATABASE_URL, SMTP_URL (maildev), MAIL_WEB_URL and TEMPORAL_TEST_SERVER_PATH (set by `npm test`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { AuditEntryEntity, CaseSummaryEntity, createDataSource, DeliveryStatus, migrateFromEnv, NotificationDeliveryEntity } from '@zorgroute/domain';
import { addSchoolDays, buildSchoolCalendar, nextDigestMoment } from '@zorgroute/domain/logic';
import { EmailRepository, formatDutchLongDate, messageIdForKey, NotificationDeliveryService, TemplateRenderer } from '@zorgroute/notifications';
import {
  createCaseActivities,
  createNotificationActivities,
  createZorgplichtActivities,
  dailyDigestWorkflowId,
  ondersteuningstrajectWorkflow,
  workflowBundleOptions,
} from '@zorgroute/workflows';
import type { DataSource } from 'typeorm';
import { testDataConverter } from '../../../libs/workflows/test/test-data-converter';
import { createTimeSkippingEnv } from '../../../libs/workflows/test/time-skipping-env';
import { createSchoolFixture, setNotificationMode, type SchoolFixture } from './support/fixtures';
import { mailsTo, waitForMails, type CaughtMail } from './support/maildev';
import { SmtpProxy } from './support/smtp-proxy';

const { DATABASE_URL, SMTP_URL, MAIL_WEB_URL } = process.env as Record<string, string>;
const APP_URL = 'https://zorgroute.test';
const HISTORY_DIR = join(__dirname, '..', '..', '..', 'libs', 'workflows', 'test', 'histories');
const DAY = 24 * 3600 * 1000;
const MINUTE = 60 * 1000;
const INTAKE = 'Intakegesprek en ontwikkeldoel vastleggen';

let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;
let dataSource: DataSource;
let proxy: SmtpProxy;
let email: EmailRepository;
let delivery: NotificationDeliveryService;
let seq = 0;

beforeAll(async () => {
  if (!DATABASE_URL || !SMTP_URL || !MAIL_WEB_URL) throw new Error('DATABASE_URL, SMTP_URL and MAIL_WEB_URL must be set');
  await migrateFromEnv();
  dataSource = createDataSource(DATABASE_URL, { logging: ['error'] });
  await dataSource.initialize();
  proxy = new SmtpProxy(Number(new URL(SMTP_URL).port));
  await proxy.up();
  email = new EmailRepository(proxy.url, 'Zorgroute test <noreply@zorgroute.local>', { timeoutMs: 3_000 });
  delivery = new NotificationDeliveryService(dataSource, email, new TemplateRenderer());
  env = await createTimeSkippingEnv();
  bundle = await bundleWorkflowCode({ ...workflowBundleOptions(), logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} } });
}, 180_000);

afterAll(async () => {
  await env?.teardown();
  email?.close();
  await proxy?.down();
  if (dataSource?.isInitialized) await dataSource.destroy();
});

/** Runs `fn` with a worker whose activities are the real ones (PostgreSQL, SMTP through the proxy). */
async function withRealWorker<T>(fn: (taskQueue: string) => Promise<T>): Promise<T> {
  const taskQueue = `notifications-${process.pid}-${++seq}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: bundle,
    dataConverter: testDataConverter(),
    activities: {
      ...createCaseActivities({ dataSource, delivery, appUrl: APP_URL }),
      ...createZorgplichtActivities({ dataSource }),
      ...createNotificationActivities({ dataSource, delivery, appUrl: APP_URL }),
    },
  });
  return worker.runUntil(fn(taskQueue));
}

async function startTrajectory(taskQueue: string, f: SchoolFixture, pupilIndex = 0): Promise<WorkflowHandle<typeof ondersteuningstrajectWorkflow>> {
  const pupil = f.pupils[pupilIndex];
  return env.client.workflow.start(ondersteuningstrajectWorkflow, {
    taskQueue,
    workflowId: `ondersteuningstraject-${pupil.id}-${f.run}`,
    args: [{ schoolId: f.schoolId, pupilId: pupil.id, startedBy: { id: f.zc.id, name: f.zc.name }, reason: 'Faalangst bij toetsen', weeks: 8 }],
  });
}

async function row(caseId: string): Promise<CaseSummaryEntity | null> {
  return dataSource.getRepository(CaseSummaryEntity).findOneBy({ id: caseId });
}

async function waitForRow(caseId: string, check: (r: CaseSummaryEntity) => boolean, what: string): Promise<CaseSummaryEntity> {
  for (let i = 0; i < 200; i++) {
    const r = await row(caseId);
    if (r && check(r)) return r;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`read model never showed ${what}`);
}

function deliveriesOf(caseId: string): Promise<NotificationDeliveryEntity[]> {
  return dataSource.getRepository(NotificationDeliveryEntity).find({ where: { caseId }, order: { createdAt: 'ASC' } });
}

async function auditActions(caseId: string): Promise<AuditEntryEntity[]> {
  return dataSource.getRepository(AuditEntryEntity).find({ where: { caseId }, order: { id: 'ASC' } });
}

/** Every Message-ID among the mails, with how often it arrived. */
function copiesById(mails: CaughtMail[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of mails) counts.set(m.messageId, (counts.get(m.messageId) ?? 0) + 1);
  return counts;
}

async function maybeRecordHistory(h: WorkflowHandle, name: string): Promise<void> {
  if (process.env.ZR_RECORD_HISTORIES !== '1') return;
  mkdirSync(HISTORY_DIR, { recursive: true });
  writeFileSync(join(HISTORY_DIR, `${name}.json`), historyToJSON(await h.fetchHistory()));
}

describe('reminders and notifications on PostgreSQL and a real SMTP server (time skipping)', () => {
  it('sends one message per ladder rung to the right person, in Dutch, with the step, due date and link', async () => {
    const f = await createSchoolFixture(dataSource);
    await withRealWorker(async (tq) => {
      const h = await startTrajectory(tq, f);
      const open = await waitForRow(h.workflowId, (r) => r.waitingFor === 'RECORD_INTAKE', 'the open intake');
      const due = open.nextDueDate as string;
      const dueLong = formatDutchLongDate(due);

      // 10 school days to the due date, 10 more to the stuck rung, holidays in between: ten weeks is enough.
      await env.sleep(70 * DAY);
      await waitForRow(h.workflowId, (r) => r.stuckReason === 'OVERDUE:RECORD_INTAKE', 'the stuck rung');

      const toZc = await waitForMails(MAIL_WEB_URL, f.zc.email, 9, 30_000);
      expect(toZc.map((m) => m.subject)).toEqual([
        `Nieuwe taak: ${INTAKE} (uiterlijk ${dueLong})`,
        `Herinnering: ${INTAKE} (uiterlijk ${dueLong})`,
        `Vandaag uiterlijk: ${INTAKE} (${dueLong})`,
        `Termijn verstreken: ${INTAKE} (2 schooldagen te laat)`,
        `Escalatie: ${INTAKE} is 3 schooldagen over de termijn`,
        `Termijn verstreken: ${INTAKE} (4 schooldagen te laat)`,
        `Termijn verstreken: ${INTAKE} (6 schooldagen te laat)`,
        `Termijn verstreken: ${INTAKE} (8 schooldagen te laat)`,
        `Dossier loopt vast: ${INTAKE} (uiterlijk ${dueLong})`,
      ]);
      const link = `${APP_URL}/cases/${encodeURIComponent(h.workflowId)}`;
      for (const mail of toZc) {
        expect(mail.text).toContain('Beste Marieke Verhoef,');
        expect(mail.text).toContain(link);
        expect(mail.text).toContain(dueLong);
        expect(mail.text).not.toContain('Faalangst');
      }
      expect(toZc[1].text).toContain('moet over 2 schooldagen af zijn');
      expect(toZc[4].text).toContain('Eigenaar: Marieke Verhoef');

      // The parent heard once that the trajectory started, addressed formally, with the pupil's first name only.
      const toParent = await mailsTo(MAIL_WEB_URL, f.parent.email);
      expect(toParent.map((m) => m.subject)).toEqual([`Er is een traject gestart op ${f.schoolName}`]);
      expect(toParent[0].text).toContain('Beste Petra Veldkamp,');
      expect(toParent[0].text).toContain('Daan');
      expect(toParent[0].text).not.toContain('Veldkamp extra');

      // The delivery log holds one SENT row per message, each Message-ID derived from its key.
      const log = await deliveriesOf(h.workflowId);
      expect(log).toHaveLength(10);
      expect(log.every((d) => d.status === DeliveryStatus.SENT && d.attempts === 1 && d.messageId === messageIdForKey(d.key))).toBe(true);
      expect(new Set([...toZc, ...toParent].map((m) => `<${m.messageId}>`))).toEqual(new Set(log.map((d) => d.messageId)));
      await h.terminate('test done');
    });
  }, 90_000);

  it('delivers every message exactly once when the mail server comes back after being down for minutes', async () => {
    const f = await createSchoolFixture(dataSource);
    await proxy.down();
    try {
      await withRealWorker(async (tq) => {
        const h = await startTrajectory(tq, f);
        await waitForRow(h.workflowId, (r) => r.waitingFor === 'RECORD_INTAKE', 'the open intake');
        await env.sleep(5 * MINUTE);
        // Retried with backoff all the while; nothing arrived, each failure recorded with its error.
        const failing = await deliveriesOf(h.workflowId);
        expect(failing.map((d) => d.kind).sort()).toEqual(['CASE_STARTED', 'STEP_ASSIGNED']);
        for (const d of failing) {
          expect(d.status).toBe(DeliveryStatus.FAILED);
          expect(d.attempts).toBeGreaterThanOrEqual(3);
          expect(d.lastError).toContain(`SMTP server 127.0.0.1:${proxy.port} did not accept the message`);
        }
        expect(await mailsTo(MAIL_WEB_URL, f.zc.email)).toHaveLength(0);
        expect((await row(h.workflowId))?.stuck).toBe(false);

        await proxy.up();
        await env.sleep(11 * MINUTE);
        const toZc = await waitForMails(MAIL_WEB_URL, f.zc.email, 1);
        const toParent = await waitForMails(MAIL_WEB_URL, f.parent.email, 1);
        expect(toZc.map((m) => m.subject)).toEqual([expect.stringMatching(/^Nieuwe taak: Intakegesprek/)]);
        expect(toParent.map((m) => m.subject)).toEqual([`Er is een traject gestart op ${f.schoolName}`]);
        const sent = await deliveriesOf(h.workflowId);
        expect(sent.every((d) => d.status === DeliveryStatus.SENT && d.sentAt !== null)).toBe(true);
        await h.terminate('test done');
      });
    } finally {
      await proxy.up();
    }
  }, 90_000);

  it('turns mail failing past the threshold into a stuck item with the last error, and clears it when the message goes out once', async () => {
    const f = await createSchoolFixture(dataSource);
    await proxy.down();
    try {
      await withRealWorker(async (tq) => {
        const h = await startTrajectory(tq, f);
        await waitForRow(h.workflowId, (r) => r.waitingFor === 'RECORD_INTAKE', 'the open intake');
        // Policy default: stuck after 60 minutes of failing.
        await env.sleep(65 * MINUTE);
        const stuck = await waitForRow(h.workflowId, (r) => r.stuck && ((r.data.mailFailures as unknown[]) ?? []).length === 2, 'the mail-failing stuck item');
        expect(stuck.stuckReason).toMatch(/^MAIL_FAILING:(CASE_STARTED|STEP_ASSIGNED)$/);
        expect(stuck.waitingFor).toBe('RECORD_INTAKE');
        const failures = stuck.data.mailFailures as { kind: string; lastError: string; attempts: number }[];
        expect(failures.map((x) => x.kind).sort()).toEqual(['CASE_STARTED', 'STEP_ASSIGNED']);
        for (const failure of failures) {
          expect(failure.lastError).toContain('did not accept the message');
          expect(failure.attempts).toBeGreaterThanOrEqual(5);
        }
        const failingAudit = (await auditActions(h.workflowId)).filter((a) => a.action === 'MAIL_FAILING');
        expect(failingAudit).toHaveLength(2);
        expect(failingAudit[0].description).toMatch(/^E-mail \((nieuwe taak|bericht aan ouders over de start)\) kan al 60 minuten niet worden verstuurd; Zorgroute blijft het proberen\. Laatste fout: SMTP server/);
        expect(failingAudit[0].details).toMatchObject({ lastError: expect.stringContaining('did not accept the message') });
        expect(await mailsTo(MAIL_WEB_URL, f.zc.email)).toHaveLength(0);

        await proxy.up();
        await env.sleep(11 * MINUTE);
        const cleared = await waitForRow(h.workflowId, (r) => !r.stuck, 'the stuck item cleared');
        expect(cleared.stuckReason).toBeNull();
        expect(cleared.data.mailFailures).toEqual([]);
        expect((await auditActions(h.workflowId)).filter((a) => a.action === 'MAIL_RECOVERED')).toHaveLength(2);
        expect(await waitForMails(MAIL_WEB_URL, f.zc.email, 1)).toHaveLength(1);
        expect(await waitForMails(MAIL_WEB_URL, f.parent.email, 1)).toHaveLength(1);
        await maybeRecordHistory(h, 'ondersteuningstraject-mail-failing-recovered');
        await h.terminate('test done');
      });
    } finally {
      await proxy.up();
    }
  }, 90_000);

  it('groups a day’s task messages of a staff member who chose the daily digest into one e-mail; parents still get theirs at once', async () => {
    const f = await createSchoolFixture(dataSource, { pupils: 2 });
    await setNotificationMode(dataSource, f.zc.id, 'DAILY_DIGEST');
    const calendar = buildSchoolCalendar('midden');
    const schedule = { hour: 8, minute: 30, schoolDaysOnly: true };
    await withRealWorker(async (tq) => {
      const a = await startTrajectory(tq, f, 0);
      const b = await startTrajectory(tq, f, 1);
      const rowA = await waitForRow(a.workflowId, (r) => r.waitingFor === 'RECORD_INTAKE', 'case A open');
      await waitForRow(b.workflowId, (r) => r.waitingFor === 'RECORD_INTAKE', 'case B open');
      // Both "new task" messages wait for the digest; the parent's message went out at once.
      const queued = async () => (await Promise.all([deliveriesOf(a.workflowId), deliveriesOf(b.workflowId)])).flat();
      for (let i = 0; i < 50 && (await queued()).filter((d) => d.status === DeliveryStatus.DIGEST).length < 2; i++) await new Promise((r) => setTimeout(r, 100));
      expect((await queued()).filter((d) => d.kind === 'STEP_ASSIGNED').map((d) => d.status)).toEqual([DeliveryStatus.DIGEST, DeliveryStatus.DIGEST]);
      expect(await waitForMails(MAIL_WEB_URL, f.parent.email, 2)).toHaveLength(2);
      expect(await mailsTo(MAIL_WEB_URL, f.zc.email)).toHaveLength(0);

      // The first digest moment after now: one e-mail with both new tasks.
      const first = nextDigestMoment(await env.currentTimeMs(), schedule, calendar);
      await env.sleep(Date.parse(first.at) - (await env.currentTimeMs()) + MINUTE);
      const digest1 = await waitForMails(MAIL_WEB_URL, f.zc.email, 1);
      expect(digest1).toHaveLength(1);
      expect(digest1[0].subject).toBe(`Zorgroute: Dagoverzicht van ${formatDutchLongDate(first.date)} (2 berichten)`);
      expect(digest1[0].text.match(/- Nieuwe taak: Intakegesprek en ontwikkeldoel vastleggen/g)).toHaveLength(2);
      expect(digest1[0].text).toContain(`/cases/${encodeURIComponent(a.workflowId)}`);
      expect(digest1[0].text).toContain(`/cases/${encodeURIComponent(b.workflowId)}`);
      const assigned = (await queued()).filter((d) => d.kind === 'STEP_ASSIGNED');
      expect(assigned.map((d) => d.status)).toEqual([DeliveryStatus.DIGESTED, DeliveryStatus.DIGESTED]);
      expect(assigned.every((d) => d.messageId === `<${digest1[0].messageId}>` && d.sentAt !== null)).toBe(true);

      // The "2 school days before" reminders of both cases fall on one day: that day's digest groups them.
      const reminderDay = rowA.nextDueDate as string;
      await env.sleep(Date.parse(`${reminderDay}T12:00:00Z`) - (await env.currentTimeMs()));
      const toZc = await waitForMails(MAIL_WEB_URL, f.zc.email, 2);
      const reminderDigest = toZc.find((m) => /- Herinnering: Intakegesprek/.test(m.text));
      expect(reminderDigest).toBeDefined();
      expect(reminderDigest!.text.match(/- Herinnering: Intakegesprek en ontwikkeldoel vastleggen/g)).toHaveLength(2);
      // … on the school day of the "2 school days before" rung.
      expect(reminderDigest!.subject).toBe(`Zorgroute: Dagoverzicht van ${formatDutchLongDate(addSchoolDays(reminderDay, -2, calendar))} (2 berichten)`);
      // No single e-mail ever reached the staff member: only digests.
      expect(toZc.every((m) => m.subject.startsWith('Zorgroute: Dagoverzicht van '))).toBe(true);
      expect(copiesById(toZc).size).toBe(toZc.length);

      await maybeRecordHistory(env.client.workflow.getHandle(dailyDigestWorkflowId(f.schoolId)), 'daily-digest');
      for (const h of [a, b, env.client.workflow.getHandle(dailyDigestWorkflowId(f.schoolId))]) await h.terminate('test done');
    });
  }, 120_000);
});

