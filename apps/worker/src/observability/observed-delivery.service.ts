import { NotificationDeliveryService, NotificationSendError, type DeliveryRequest, type DeliveryResult } from '@zorgroute/notifications';
import type { StructuredLogger } from '@zorgroute/domain';
import { REMINDER_KINDS, type WorkerMetrics } from './worker-metrics';

/**
 * The delivery service the worker's activities use, counting and logging each outcome: one line per e-mail with the
 * message kind, the case id and the outcome — never the recipient, the subject or the body.
 */
export class ObservedDeliveryService extends NotificationDeliveryService {
  private metrics: WorkerMetrics | null = null;
  private log: StructuredLogger | null = null;

  observe(metrics: WorkerMetrics, log: StructuredLogger): this {
    this.metrics = metrics;
    this.log = log;
    return this;
  }

  override async deliver(req: DeliveryRequest): Promise<DeliveryResult> {
    try {
      const result = await super.deliver(req);
      this.metrics?.recordDelivery(req.kind, result.status);
      if (result.status === 'SENT') this.log?.info({ event: 'mail_sent', kind: req.kind, caseId: req.caseId, reminder: REMINDER_KINDS.has(req.kind) }, `${req.kind} e-mail sent`);
      return result;
    } catch (err) {
      if (err instanceof NotificationSendError) {
        this.metrics?.mailFailures.inc({ kind: req.kind });
        this.log?.warn({ event: 'mail_failed', kind: req.kind, caseId: req.caseId, error: errorName(err.cause) }, `${req.kind} e-mail not sent (will be retried)`);
      }
      throw err;
    }
  }

  private isReminder(kind: string): boolean {
    return ['STEP_REMINDER', 'STEP_ESCALATION', 'CASE_STUCK', 'ZORGPLICHT_TERMIJN', 'SESSION_REMINDER'].includes(kind);
  }
}

function errorName(err: unknown): string {
  if (!(err instanceof Error)) return typeof err;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && /^[A-Z_]{2,40}$/.test(code) ? `${err.name} ${code}` : err.name;
}
