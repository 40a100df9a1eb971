import { randomUUID } from 'node:crypto';
import { createDataSource, DeliveryStatus, migrateFromEnv } from '@zorgroute/domain';
import type { DataSource } from 'typeorm';
import { messageIdForKey } from '../delivery/message-id.util';
import { NotificationDeliveryService } from '../delivery/notification-delivery.service';
import type { DeliveryRequest } from '../delivery/notification-delivery.types';
import { EmailRepository } from '../email/email.repository';
import { TemplateRenderer } from '../templates/template.renderer';
import { digestKeyFor, DigestService } from './digest.service';

// Needs PostgreSQL (DATABASE_URL) and maildev (SMTP_URL, MAIL_WEB_URL); every test uses its own school, users and addresses.
jest.setTimeout(30_000);

const { DATABASE_URL, SMTP_URL, MAIL_WEB_URL } = process.env;
const APP = 'https://zorgroute.test/';

interface CaughtMail {
  subject: string;
  text: string;
  messageId: string;
  to: { address: string }[];
}

async function mailsTo(address: string): Promise<CaughtMail[]> {
  const all = (await (await fetch(`${MAIL_WEB_URL!.replace(/\/+$/, '')}/email`)).json()) as CaughtMail[];
  return all.filter((m) => m.to.some((t) => t.address.toLowerCase() === address.toLowerCase()));
}

async function waitForMails(address: string, count: number): Promise<CaughtMail[]> {
  const deadline = Date.now() + 10_000;
  while ((await mailsTo(address)).length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 500));
  return mailsTo(address);
}

describe('daily digest (PostgreSQL + maildev)', () => {
  let dataSource: DataSource;
  let email: EmailRepository;
  let delivery: NotificationDeliveryService;
  let digests: DigestService;
  const renderer = new TemplateRenderer();

  beforeAll(async () => {
    if (!DATABASE_URL || !SMTP_URL || !MAIL_WEB_URL) throw new Error('DATABASE_URL, SMTP_URL and MAIL_WEB_URL must be set');
    await migrateFromEnv();
    dataSource = createDataSource(DATABASE_URL);
    await dataSource.initialize();
    email = new EmailRepository(SMTP_URL, 'Zorgroute test <noreply@zorgroute.local>');
    delivery = new NotificationDeliveryService(dataSource, email, renderer);
    digests = new DigestService(dataSource, delivery, renderer);
  });

  afterAll(async () => {
    email?.close();
    if (dataSource?.isInitialized) await dataSource.destroy();
  });

  function reminder(caseId: string, user: { userId: string; email: string }, stepLabel: string, dueDate: string): DeliveryRequest {
    return {
      key: `${caseId}:RECORD_INTAKE:3:before-2:${user.userId}`,
      caseId,
      recipient: { ...user, name: 'Jan de Vries' },
      kind: 'STEP_REMINDER',
      data: { schoolName: 'Het Stedelijk Lyceum', stepLabel, dueDate, caseUrl: `${APP}cases/${caseId}`, rung: 'BEFORE_DUE', schoolDaysUntilDue: 2, pupilFirstName: 'Sanne' },
    };
  }

  it('groups a day’s reminders into one digest per recipient, sent once, and records every delivery as DIGESTED', async () => {
    const schoolId = randomUUID();
    const run = randomUUID().slice(0, 8);
    const jan = { userId: randomUUID(), email: `jan-${run}@digest.test` };
    const eva = { userId: randomUUID(), email: `eva-${run}@digest.test` };
    const r1 = reminder(`case-a-${run}`, jan, 'Intakegesprek', '2026-11-30');
    const r2 = reminder(`case-b-${run}`, jan, 'Coach kiezen', '2026-12-01');
    const r3 = reminder(`case-c-${run}`, eva, 'Tussenevaluatie', '2026-12-02');

    await expect(delivery.queueForDigest(r1, schoolId)).resolves.toEqual({ status: 'QUEUED_FOR_DIGEST' });
    await expect(delivery.queueForDigest(r1, schoolId)).resolves.toEqual({ status: 'ALREADY_QUEUED' });
    await delivery.queueForDigest(r2, schoolId);
    await delivery.queueForDigest(r3, schoolId);
    // A queued message is never sent on its own, also not by a retry that takes the single-e-mail path.
    await expect(delivery.deliver(r1)).resolves.toMatchObject({ status: 'IN_DIGEST' });
    expect((await delivery.findByKey(r1.key))?.status).toBe(DeliveryStatus.DIGEST);
    expect(new Set(await digests.waitingRecipients(schoolId))).toEqual(new Set([jan.userId, eva.userId]));

    const input = { schoolId, schoolName: 'Het Stedelijk Lyceum', digestDate: '2026-11-26', appUrl: APP };
    const first = await digests.sendDigest({ ...input, recipient: { ...jan, name: 'Jan de Vries' } });
    const again = await digests.sendDigest({ ...input, recipient: { ...jan, name: 'Jan de Vries' } });
    const key = digestKeyFor(schoolId, '2026-11-26', jan.userId);
    expect(first).toEqual({ key, status: 'SENT', items: 2 });
    expect(again).toEqual({ key, status: 'ALREADY_SENT', items: 2 });

    const toJan = await waitForMails(jan.email, 1);
    expect(toJan).toHaveLength(1);
    expect(toJan[0].subject).toBe('Zorgroute: Dagoverzicht van donderdag 26 november 2026 (2 berichten)');
    expect(toJan[0].text).toContain('Herinnering: Intakegesprek (uiterlijk maandag 30 november 2026)');
    expect(toJan[0].text).toContain('Herinnering: Coach kiezen (uiterlijk dinsdag 1 december 2026)');
    expect(toJan[0].text).not.toContain('Tussenevaluatie');
    expect(`<${toJan[0].messageId}>`).toBe(messageIdForKey(key));

    const digestRow = await delivery.findByKey(key);
    for (const r of [r1, r2]) {
      const row = await delivery.findByKey(r.key);
      expect(row).toMatchObject({ status: DeliveryStatus.DIGESTED, messageId: messageIdForKey(key), attempts: 0 });
      expect(row?.sentAt?.getTime()).toBe(digestRow?.sentAt?.getTime());
    }
    expect(await digests.waitingRecipients(schoolId)).toEqual([eva.userId]);
    expect((await delivery.findByKey(r3.key))?.status).toBe(DeliveryStatus.DIGEST);

    // A message queued after the digest went out waits for the next day's digest.
    const r4 = reminder(`case-d-${run}`, jan, 'Eindevaluatie', '2026-12-03');
    await delivery.queueForDigest(r4, schoolId);
    await expect(digests.sendDigest({ ...input, recipient: { ...jan, name: 'Jan de Vries' } })).resolves.toMatchObject({ status: 'ALREADY_SENT', items: 2 });
    expect((await delivery.findByKey(r4.key))?.status).toBe(DeliveryStatus.DIGEST);
    await expect(digests.sendDigest({ ...input, digestDate: '2026-11-27', recipient: { ...jan, name: 'Jan de Vries' } })).resolves.toMatchObject({ status: 'SENT', items: 1 });
    expect(await waitForMails(jan.email, 2)).toHaveLength(2);
    expect((await delivery.findByKey(r4.key))?.status).toBe(DeliveryStatus.DIGESTED);
  });

  it('sends nothing for a recipient without waiting messages', async () => {
    const schoolId = randomUUID();
    const user = { userId: randomUUID(), email: `niemand-${randomUUID().slice(0, 8)}@digest.test`, name: 'Niemand' };
    await expect(digests.sendDigest({ schoolId, schoolName: 'X', digestDate: '2026-11-26', appUrl: APP, recipient: user })).resolves.toMatchObject({ status: 'NOTHING', items: 0 });
    expect(await delivery.findByKey(digestKeyFor(schoolId, '2026-11-26', user.userId))).toBeNull();
  });
});
