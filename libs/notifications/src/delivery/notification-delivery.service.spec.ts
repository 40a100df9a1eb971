import type { DataSource } from 'typeorm';
import { EmailRepository } from '../email/email.repository';
import { InvalidMessageDataError } from '../templates/template.errors';
import { TemplateRenderer } from '../templates/template.renderer';
import { NotificationDeliveryService } from './notification-delivery.service';
import type { DeliveryRequest } from './notification-delivery.types';

// Requests that are invalid are refused before the database or the mail server is touched.
describe('NotificationDeliveryService (validation, no servers)', () => {
  const untouchable = new Proxy({} as DataSource, {
    get: () => {
      throw new Error('the database must not be used');
    },
  });
  const email = new EmailRepository('smtp://127.0.0.1:9', 'Zorgroute <noreply@zorgroute.local>');
  const send = jest.spyOn(email, 'send');
  const service = new NotificationDeliveryService(untouchable, email, new TemplateRenderer());

  const valid: DeliveryRequest = {
    key: 'case:c-1|step:INTAKE|rung:ASSIGNED|to:u-1',
    caseId: 'c-1',
    recipient: { userId: null, email: 'mentor@school.test', name: 'Jan de Vries' },
    kind: 'STEP_ASSIGNED',
    data: { schoolName: 'Lyceum', stepLabel: 'Intakegesprek', dueDate: '2026-11-23', caseUrl: 'https://zorgroute.test/t/1' },
  };

  afterAll(() => email.close());

  it.each([
    ['an empty key', { ...valid, key: '' }, /key must be/],
    ['a key over 400 characters', { ...valid, key: 'k'.repeat(401) }, /key must be/],
    ['a header-injecting address', { ...valid, recipient: { ...valid.recipient, email: 'a@b.test\r\nBcc: x@y.test' } }, /recipient.email/],
    ['two addresses', { ...valid, recipient: { ...valid.recipient, email: 'a@b.test, c@d.test' } }, /recipient.email/],
    ['a user id that is not a uuid', { ...valid, recipient: { ...valid.recipient, userId: 'u-1' } }, /recipient.userId/],
    ['invalid message data', { ...valid, data: { ...valid.data, dueDate: 'morgen' } }, /dueDate/],
  ])('refuses %s', async (_label, request, problem) => {
    const attempt = service.deliver(request as DeliveryRequest);
    await expect(attempt).rejects.toThrow(InvalidMessageDataError);
    await expect(service.deliver(request as DeliveryRequest)).rejects.toThrow(problem);
    expect(send).not.toHaveBeenCalled();
  });

  it('refuses a lease that is not positive', () => {
    expect(() => new NotificationDeliveryService(untouchable, email, new TemplateRenderer(), { sendingLeaseMs: 0 })).toThrow(RangeError);
  });
});
