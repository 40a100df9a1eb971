import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeliveryStatus, NotificationDeliveryEntity, Role } from '@zorgroute/domain';
import { mailKindLabel } from '@zorgroute/workflows';
import { AudiencePolicy } from '../access/audience.policy';
import type { AuthUser } from '../auth/auth-user';
import type { DeliveryModel } from './models/notification.models';

const STATUS_LABELS: Record<DeliveryStatus, string> = {
  PENDING: 'Wordt verstuurd',
  SENDING: 'Wordt verstuurd',
  SENT: 'Verstuurd',
  FAILED: 'Mislukt, wordt opnieuw geprobeerd',
  DIGEST: 'Wacht op het dagoverzicht',
  DIGESTED: 'Verstuurd in het dagoverzicht',
};

/** A timeline line for one delivery (merged with the audit trail on the case page). */
export interface DeliveryTimelineEntry {
  id: string;
  at: Date;
  kind: string;
  actorName: string | null;
  description: string;
  reason: string | null;
}

interface DeliveryRow {
  id: string;
  key: string;
  kind: string;
  subject: string;
  status: DeliveryStatus;
  attempts: number;
  recipient_email: string;
  recipient_name: string | null;
  created_at: Date;
  updated_at: Date;
  sent_at: Date | null;
  last_error: string | null;
}

/**
 * The delivery log of a case (issue 5): what was sent to whom and when, for the case's staff (the school's audience,
 * AudiencePolicy). Parents, pupils and the SWV get no log: `null`, not an error, so a page that shows a case to every
 * role can ask for it in one query.
 */
@Injectable()
export class DeliveryLogService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AudiencePolicy) private readonly audience: AudiencePolicy,
  ) {}

  mayReadDeliveries(user: AuthUser): boolean {
    return this.audience.mayReadDeliveryLog(user);
  }

  /** The case's deliveries, oldest first; null for a caller outside the school. The caller has checked the case is visible. */
  async forCase(user: AuthUser, caseId: string): Promise<DeliveryModel[] | null> {
    if (!this.mayReadDeliveries(user)) return null;
    const rows = await this.rows(caseId);
    // The delivery key is what adminResendNotification takes; only admins resend from the log (issue 6).
    const showKey = user.role === Role.ADMIN;
    return rows.map((r) => ({
      id: r.id,
      key: showKey ? r.key : null,
      kind: r.kind,
      kindLabel: capitalise(mailKindLabel(r.kind)),
      recipient: r.recipient_name ?? maskEmail(r.recipient_email),
      subject: r.subject,
      status: r.status,
      statusLabel: STATUS_LABELS[r.status] ?? r.status,
      attempts: Number(r.attempts),
      createdAt: r.created_at,
      sentAt: r.sent_at,
      lastError: r.last_error,
    }));
  }

  /** Timeline lines for the case's deliveries; none for callers who may not read the log. */
  async timelineFor(user: AuthUser, caseId: string): Promise<DeliveryTimelineEntry[]> {
    if (!this.mayReadDeliveries(user)) return [];
    const rows = await this.rows(caseId);
    return rows.map((r) => {
      const to = r.recipient_name ?? maskEmail(r.recipient_email);
      const base = { id: `delivery:${r.id}`, actorName: 'Zorgroute', reason: null };
      switch (r.status) {
        case DeliveryStatus.SENT:
          return { ...base, at: r.sent_at ?? r.updated_at, kind: 'MAIL_SENT', description: `E-mail verstuurd aan ${to}: ${r.subject}` };
        case DeliveryStatus.DIGESTED:
          return { ...base, at: r.sent_at ?? r.updated_at, kind: 'MAIL_SENT_IN_DIGEST', description: `In het dagoverzicht verstuurd aan ${to}: ${r.subject}` };
        case DeliveryStatus.DIGEST:
          return { ...base, at: r.created_at, kind: 'MAIL_QUEUED_FOR_DIGEST', description: `Wacht op het dagoverzicht van ${to}: ${r.subject}` };
        case DeliveryStatus.FAILED:
          return { ...base, at: r.updated_at, kind: 'MAIL_FAILED', description: `E-mail aan ${to} nog niet verstuurd (${r.attempts} ${Number(r.attempts) === 1 ? 'poging' : 'pogingen'}); wordt opnieuw geprobeerd: ${r.subject}` };
        default:
          return { ...base, at: r.created_at, kind: 'MAIL_PENDING', description: `E-mail aan ${to} wordt verstuurd: ${r.subject}` };
      }
    });
  }

  private rows(caseId: string): Promise<DeliveryRow[]> {
    return this.dataSource
      .getRepository(NotificationDeliveryEntity)
      .createQueryBuilder('d')
      .leftJoin('app_user', 'u', 'u.id = d.recipient_user_id')
      .select([
        'd.id AS id',
        'd.key AS key',
        'd.kind AS kind',
        'd.subject AS subject',
        'd.status AS status',
        'd.attempts AS attempts',
        'd.recipient_email AS recipient_email',
        'u.name AS recipient_name',
        'd.created_at AS created_at',
        'd.updated_at AS updated_at',
        'd.sent_at AS sent_at',
        'd.last_error AS last_error',
      ])
      .where('d.case_id = :caseId', { caseId })
      .orderBy('d.created_at', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .getRawMany<DeliveryRow>();
  }
}

/** `jan.devries@school.nl` → `j***@s***.nl`: enough to recognise, not to harvest. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '***';
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const host = dot > 0 ? domain.slice(0, dot) : domain;
  const tld = dot > 0 ? domain.slice(dot) : '';
  return `${local[0]}***@${host[0] ?? ''}***${tld}`;
}

function capitalise(value: string): string {
  return value ? value[0].toUpperCase() + value.slice(1) : value;
}
