import { randomUUID } from 'node:crypto';
import { createDataSource, DeliveryStatus, migrateFromEnv } from '@zorgroute/domain';
import type { DataSource } from 'typeorm';
import { EmailRepository } from '../email/email.repository';
import { TemplateRenderer } from '../templates/template.renderer';
import { DeliveryRecordError } from './delivery.errors';
import { messageIdForKey } from './message-id.util';
import { NotificationDeliveryService } from './notification-delivery.service';
import type { DeliveryRequest } from './notification-delivery.types';

// Needs PostgreSQL (DATABASE_URL) and maildev (SMTP_URL, MAIL_WEB_URL).
jest.setTimeout(30_000);
const { DATABASE_URL, SMTP_URL, MAIL_WEB_URL } = process.env;

async function copies(address: string): Promise<{ messageId: string }[]> {
  const all = (await (await fetch(`${MAIL_WEB_URL!.replace(/\/+$/, '')}/email`)).json()) as { messageId: string; to: { address: string }[] }[];
  return all.filter((m) => m.to.some((t) => t.address === address));
}

describe('the mail server accepted, but recording SENT failed (database away)', () => {
  let dataSource: DataSource;
  let email: EmailRepository;

  beforeAll(async () => {
    if (!DATABASE_URL || !SMTP_URL || !MAIL_WEB_URL) throw new Error('DATABASE_URL, SMTP_URL and MAIL_WEB_URL must be set');
    await migrateFromEnv();
    dataSource = createDataSource(DATABASE_URL);
    await dataSource.initialize();
    email = new EmailRepository(SMTP_URL, 'Zorgroute test <noreply@zorgroute.local>');
  });

  afterAll(async () => {
    email?.close();
    if (dataSource?.isInitialized) await dataSource.destroy();
  });

  it('retries recording in-process, and a later attempt in the same process records SENT without sending again', async () => {
    const service = new NotificationDeliveryService(dataSource, email, new TemplateRenderer());
    const id = randomUUID().slice(0, 8);
    const req: DeliveryRequest = {
      key: `record-failure-${id}:RECORD_INTAKE:1:due`,
      caseId: `case-${id}`,
      recipient: { userId: randomUUID(), email: `mentor-${id}@record.test`, name: 'Jan de Vries' },
      kind: 'STEP_REMINDER',
      data: { schoolName: 'Het Stedelijk Lyceum', stepLabel: 'Intakegesprek', dueDate: '2026-11-23', caseUrl: 'https://zorgroute.test/cases/c', rung: 'ON_DUE' },
    };

    // Every attempt to record SENT fails, as when the database goes away right after the mail server's 250.
    const rows = jest.spyOn(service as unknown as { rows: (sql: string, params: unknown[]) => Promise<unknown[]> }, 'rows');
    const realRows = (NotificationDeliveryService.prototype as unknown as { rows: (sql: string, params: unknown[]) => Promise<unknown[]> }).rows;
    let failedRecords = 0;
    rows.mockImplementation((sql: string, params: unknown[]) => {
      if (/SET status = \$2, sent_at/.test(sql)) {
        failedRecords += 1;
        return Promise.reject(new Error('Connection terminated unexpectedly'));
      }
      return realRows.call(service, sql, params);
    });

    const error = await service.deliver(req).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryRecordError);
    expect(failedRecords).toBe(3);
    expect((await service.findByKey(req.key))?.status).toBe(DeliveryStatus.SENDING);

    // The database is back; the activity retry runs in the same worker process.
    rows.mockRestore();
    await expect(service.deliver(req)).resolves.toEqual({ status: 'SENT', messageId: messageIdForKey(req.key) });
    await new Promise((r) => setTimeout(r, 700));
    expect(await copies(req.recipient.email)).toHaveLength(1);
    expect(await service.findByKey(req.key)).toMatchObject({ status: DeliveryStatus.SENT, attempts: 1, messageId: messageIdForKey(req.key) });
    await expect(service.deliver(req)).resolves.toMatchObject({ status: 'ALREADY_SENT' });
  });
});
