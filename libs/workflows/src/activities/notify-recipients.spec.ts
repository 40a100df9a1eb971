import { ApplicationFailure } from '@temporalio/common';
import type { UserEntity } from '@zorgroute/domain';
import { InvalidMessageDataError, type DeliveryRequest, type NotificationDeliveryService } from '@zorgroute/notifications';
import type { DataSource } from 'typeorm';
import type { NotifyRequest } from './case-activities.types';
import { deliverToRecipients } from './notify-recipients';

const SCHOOL = '6f1d8a56-2c5e-4f0b-9a43-1d2e3f4a5b6c';
const user = (id: string, role: UserEntity['role'], email = `${id}@school.test`) => ({ id, role, email, name: id }) as UserEntity;
const mentor = user('mentor', 'MENTOR');
const parent = user('parent', 'PARENT');
const coach = user('coach', 'COACH');

function setup(modes: Record<string, string>, behaviour: (req: DeliveryRequest) => Promise<unknown> = async () => ({ status: 'SENT' })) {
  const dataSource = { getRepository: () => ({ findBy: async () => Object.entries(modes).map(([userId, mode]) => ({ userId, mode })) }) } as unknown as DataSource;
  const deliver = jest.fn(behaviour);
  const queueForDigest = jest.fn(async () => ({ status: 'QUEUED_FOR_DIGEST' }));
  const ensureDigestRun = jest.fn(async () => undefined);
  const delivery = { deliver, queueForDigest } as unknown as NotificationDeliveryService;
  return { deps: { dataSource, delivery, ensureDigestRun }, deliver, queueForDigest, ensureDigestRun };
}

const request = (kind: NotifyRequest['kind']): NotifyRequest => ({ key: `case-1:STEP:1:${kind}`, caseId: 'case-1', pupilId: 'p', schoolId: SCHOOL, recipients: {}, kind });
const build = (req: NotifyRequest) => (u: UserEntity) => ({ key: `${req.key}:${u.id}`, kind: req.kind, recipient: { userId: u.id, email: u.email, name: u.name } }) as unknown as DeliveryRequest;

describe('deliverToRecipients (the notify activity’s body)', () => {
  it('queues a task message for staff who chose the digest, starts the school’s digest run, and sends parents theirs at once', async () => {
    const { deps, deliver, queueForDigest, ensureDigestRun } = setup({ mentor: 'DAILY_DIGEST', parent: 'DAILY_DIGEST' });
    const req = request('STEP_REMINDER');
    const result = await deliverToRecipients(deps, req, [mentor, parent, coach], build(req));
    expect(queueForDigest).toHaveBeenCalledTimes(1);
    expect(queueForDigest).toHaveBeenCalledWith(expect.objectContaining({ key: `${req.key}:mentor` }), SCHOOL);
    expect(ensureDigestRun).toHaveBeenCalledWith(SCHOOL);
    expect(deliver.mock.calls.map(([r]) => r.key)).toEqual([`${req.key}:parent`, `${req.key}:coach`]);
    expect(result).toEqual({ sent: 2, alreadySent: 0, skipped: 0, queuedForDigest: 1 });
  });

  it('never digests a legal notice', async () => {
    const { deps, deliver, queueForDigest } = setup({ mentor: 'DAILY_DIGEST' });
    const req = request('CONSENT_REQUESTED');
    await deliverToRecipients(deps, req, [mentor], build(req));
    expect(queueForDigest).not.toHaveBeenCalled();
    expect(deliver).toHaveBeenCalledTimes(1);
  });

  it('tries every recipient and fails retryably when a send failed', async () => {
    const { deps, deliver } = setup({}, async (r) => {
      if (r.recipient.userId === 'mentor') throw new Error('SMTP server down');
      return { status: 'SENT' };
    });
    const req = request('STEP_ASSIGNED');
    const error = await deliverToRecipients(deps, req, [mentor, coach], build(req)).catch((e: unknown) => e);
    expect(deliver).toHaveBeenCalledTimes(2);
    expect(error).toBeInstanceOf(ApplicationFailure);
    expect(error).toMatchObject({ type: 'NotificationSendError', nonRetryable: false });
    expect((error as Error).message).toContain('1 of 2 deliveries failed');
  });

  it('fails non-retryably when only invalid message data is left (another attempt cannot fix it)', async () => {
    const { deps } = setup({}, async (r) => {
      if (r.recipient.userId === 'mentor') throw new InvalidMessageDataError('STEP_ASSIGNED: dueDate must be a date YYYY-MM-DD');
      return { status: 'ALREADY_SENT' };
    });
    const req = request('STEP_ASSIGNED');
    const error = await deliverToRecipients(deps, req, [mentor, coach], build(req)).catch((e: unknown) => e);
    expect(error).toMatchObject({ type: 'InvalidMessageDataError', nonRetryable: true });
  });

  it('counts recipients without an address as skipped', async () => {
    const { deps } = setup({});
    const req = request('STEP_ASSIGNED');
    await expect(deliverToRecipients(deps, req, [user('x', 'MENTOR', ''), coach], build(req))).resolves.toEqual({ sent: 1, alreadySent: 0, skipped: 1, queuedForDigest: 0 });
  });
});
