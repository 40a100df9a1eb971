import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { createDataSource, DeliveryStatus, migrateFromEnv } from '@zorgroute/domain';
import type { DataSource } from 'typeorm';
import { EmailRepository } from '../email/email.repository';
import { TemplateRenderer } from '../templates/template.renderer';
import { DeliveryInProgressError, NotificationSendError } from './delivery.errors';
import { messageIdForKey } from './message-id.util';
import { NotificationDeliveryService } from './notification-delivery.service';
import type { DeliveryRequest } from './notification-delivery.types';

// Needs PostgreSQL (DATABASE_URL) and a maildev 2.2.1 mail catcher (SMTP_URL, MAIL_WEB_URL).
// Every test uses its own keys, case id and recipient address, so it can share both with other suites.
jest.setTimeout(30_000);

const { DATABASE_URL, SMTP_URL, MAIL_WEB_URL } = process.env;
const FROM = 'Zorgroute test <noreply@zorgroute.local>';
const LEASE_MS = 60_000;
const run = randomUUID().slice(0, 8);

/** The fields of maildev's `GET /email` we rely on. */
interface CaughtMail {
  id: string;
  subject: string;
  /** Without angle brackets. */
  messageId: string;
  to: { address: string; name: string }[];
  headers: Record<string, string>;
}

async function caughtMailsTo(address: string): Promise<CaughtMail[]> {
  const response = await fetch(`${MAIL_WEB_URL!.replace(/\/+$/, '')}/email`);
  if (!response.ok) throw new Error(`maildev answered ${response.status}`);
  const all = (await response.json()) as CaughtMail[];
  return all.filter((mail) => mail.to.some((to) => to.address.toLowerCase() === address.toLowerCase()));
}

/** Waits until `count` mails to `address` arrived, then a little longer to catch any extra copy. */
async function waitForMails(address: string, count: number): Promise<CaughtMail[]> {
  const deadline = Date.now() + 10_000;
  while ((await caughtMailsTo(address)).length < count && Date.now() < deadline) await sleep(100);
  await sleep(500);
  return caughtMailsTo(address);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('NotificationDeliveryService (PostgreSQL + maildev)', () => {
  let dataSource: DataSource;
  let email: EmailRepository;
  let service: NotificationDeliveryService;
  const renderer = new TemplateRenderer();

  function request(label: string): DeliveryRequest & { kind: 'STEP_REMINDER' } {
    const id = `${run}-${label}-${randomUUID().slice(0, 8)}`;
    return {
      key: `test:${id}|step:INTAKE|rung:OVERDUE-1`,
      caseId: `case-${id}`,
      recipient: { userId: randomUUID(), email: `mentor-${id}@zorgroute.test`, name: 'Jan de Vries' },
      kind: 'STEP_REMINDER',
      data: {
        schoolName: 'Het Stedelijk Lyceum',
        stepLabel: 'Intakegesprek',
        dueDate: '2026-11-23',
        caseUrl: `https://zorgroute.test/dossiers/${id}`,
        rung: 'OVERDUE',
        daysOverdue: 2,
      },
    };
  }

  beforeAll(async () => {
    if (!DATABASE_URL || !SMTP_URL || !MAIL_WEB_URL) {
      throw new Error('DATABASE_URL, SMTP_URL and MAIL_WEB_URL must be set for the notifications integration tests');
    }
    await migrateFromEnv();
    dataSource = createDataSource(DATABASE_URL);
    await dataSource.initialize();
    email = new EmailRepository(SMTP_URL, FROM);
    await email.verify();
    service = new NotificationDeliveryService(dataSource, email, renderer, { sendingLeaseMs: LEASE_MS });
  });

  afterAll(async () => {
    email?.close();
    if (dataSource?.isInitialized) await dataSource.destroy();
  });

  it('delivers the same key once: one e-mail, recorded SENT with one attempt', async () => {
    const req = request('twice');

    const first = await service.deliver(req);
    const second = await service.deliver(req);

    const expectedId = messageIdForKey(req.key);
    expect(first).toEqual({ status: 'SENT', messageId: expectedId });
    expect(second).toEqual({ status: 'ALREADY_SENT', messageId: expectedId });

    const mails = await waitForMails(req.recipient.email, 1);
    expect(mails).toHaveLength(1);
    expect(`<${mails[0].messageId}>`).toBe(expectedId);
    expect(mails[0].headers['message-id']).toBe(expectedId);
    expect(mails[0].headers['auto-submitted']).toBe('auto-generated');
    expect(mails[0].subject).toBe('Termijn verstreken: Intakegesprek (2 schooldagen te laat)');

    const timeline = await service.listForCase(req.caseId!);
    expect(timeline).toHaveLength(1);
    expect(timeline[0]).toMatchObject({
      key: req.key,
      recipientEmail: req.recipient.email,
      kind: 'STEP_REMINDER',
      subject: mails[0].subject,
      status: DeliveryStatus.SENT,
      attempts: 1,
      messageId: expectedId,
      lastError: null,
    });
    expect(timeline[0].sentAt).toBeInstanceOf(Date);
  });

  it('lets only one of two concurrent calls for a key send', async () => {
    const req = request('concurrent');

    const results = await Promise.allSettled([service.deliver(req), service.deliver(req), service.deliver(req)]);

    const sent = results.filter((r) => r.status === 'fulfilled' && r.value.status === 'SENT');
    expect(sent).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(DeliveryInProgressError);
    }
    expect(await waitForMails(req.recipient.email, 1)).toHaveLength(1);
    expect(await service.findByKey(req.key)).toMatchObject({ status: DeliveryStatus.SENT, attempts: 1 });
  });

  it('records FAILED with last_error when nothing listens, then sends once with the right server', async () => {
    const req = request('failed');
    const port = await closedPort();
    const deadEmail = new EmailRepository(`smtp://zorg:geheim123@127.0.0.1:${port}`, FROM, { timeoutMs: 2_000 });
    const deadService = new NotificationDeliveryService(dataSource, deadEmail, renderer, { sendingLeaseMs: LEASE_MS });

    try {
      const error = await deadService.deliver(req).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotificationSendError);
      expect((error as Error).message).toContain(`delivery ${req.key} failed on attempt 1`);
      expect((error as Error).message).toContain(`127.0.0.1:${port}`);
      expect((error as Error).message).not.toContain('geheim123');
    } finally {
      deadEmail.close();
    }

    const failed = await service.findByKey(req.key);
    expect(failed).toMatchObject({ status: DeliveryStatus.FAILED, attempts: 1, sentAt: null, messageId: null });
    expect(failed!.lastError).toContain(`SMTP server 127.0.0.1:${port} did not accept the message`);
    expect(failed!.lastError).not.toContain('geheim123');
    expect(await caughtMailsTo(req.recipient.email)).toHaveLength(0);

    await expect(service.deliver(req)).resolves.toEqual({ status: 'SENT', messageId: messageIdForKey(req.key) });
    await expect(service.deliver(req)).resolves.toMatchObject({ status: 'ALREADY_SENT' });

    expect(await waitForMails(req.recipient.email, 1)).toHaveLength(1);
    const sent = await service.findByKey(req.key);
    expect(sent).toMatchObject({ status: DeliveryStatus.SENT, attempts: 2, messageId: messageIdForKey(req.key) });
    expect(sent!.sentAt).toBeInstanceOf(Date);
  });

  it('re-sends a stale SENDING delivery (crash after SMTP accept) with the same Message-ID', async () => {
    const req = request('stale');
    await service.deliver(req);
    expect(await waitForMails(req.recipient.email, 1)).toHaveLength(1);

    // The state a crash leaves behind between the mail server's accept and recording SENT,
    // now older than the lease.
    await dataSource.query(
      `UPDATE notification_delivery
       SET status = 'SENDING', sent_at = NULL, message_id = NULL, updated_at = now() - interval '10 minutes'
       WHERE key = $1`,
      [req.key],
    );

    await expect(service.deliver(req)).resolves.toEqual({ status: 'SENT', messageId: messageIdForKey(req.key) });

    const mails = await waitForMails(req.recipient.email, 2);
    expect(mails).toHaveLength(2);
    expect(mails.map((m) => `<${m.messageId}>`)).toEqual([messageIdForKey(req.key), messageIdForKey(req.key)]);
    expect(await service.findByKey(req.key)).toMatchObject({ status: DeliveryStatus.SENT, attempts: 2 });
  });

  it('refuses a fresh SENDING delivery as "in progress" without sending, and takes it over after the lease', async () => {
    const req = request('fresh');
    await dataSource.query(
      `INSERT INTO notification_delivery
         (key, case_id, recipient_user_id, recipient_email, kind, subject, status, attempts, created_at, updated_at)
       VALUES ($1, $2, $3, $4, 'STEP_REMINDER', 'Termijn verstreken: Intakegesprek', 'SENDING', 1, now(), now())`,
      [req.key, req.caseId, req.recipient.userId, req.recipient.email],
    );

    const error = await service.deliver(req).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryInProgressError);
    expect((error as Error).message).toMatch(/in progress/);

    await sleep(500);
    expect(await caughtMailsTo(req.recipient.email)).toHaveLength(0);
    expect(await service.findByKey(req.key)).toMatchObject({ status: DeliveryStatus.SENDING, attempts: 1 });

    // A clock past the lease: the holder is presumed dead and the delivery is taken over.
    const later = new NotificationDeliveryService(dataSource, email, renderer, {
      sendingLeaseMs: LEASE_MS,
      now: () => new Date(Date.now() + LEASE_MS + 1_000),
    });
    await expect(later.deliver(req)).resolves.toMatchObject({ status: 'SENT' });
    expect(await waitForMails(req.recipient.email, 1)).toHaveLength(1);
    expect(await service.findByKey(req.key)).toMatchObject({ status: DeliveryStatus.SENT, attempts: 2 });
  });
});
