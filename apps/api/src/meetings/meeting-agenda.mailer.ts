import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeliveryInProgressError, EmailRepository, NotificationDeliveryService, TemplateRenderer, type DeliveryResult } from '@zorgroute/notifications';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { AppError } from '../common/app-error';

export interface AgendaMail {
  key: string;
  recipient: { userId: string; email: string; name: string };
  schoolName: string;
  meeting: 'IZO' | 'ZAT' | 'FLEX_ZAT';
  meetingLabel: string;
  date: string;
  time: string | null;
  location: string | null;
  caseCount: number;
  meetingUrl: string;
}

/**
 * The agenda e-mail of a meeting (MEETING_OVERVIEW_AGENDA), through the same keyed outbox as every message
 * (`notification_delivery`: at most one e-mail per key; the body is never stored). The one class of the meetings that
 * talks to SMTP; configured like the family login's mail (SMTP_URL, MAIL_FROM).
 */
@Injectable()
export class MeetingAgendaMailer implements OnModuleDestroy {
  private readonly delivery: NotificationDeliveryService | null;
  private readonly email: EmailRepository | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(DataSource) dataSource: DataSource) {
    const smtp = config.familyLogin.smtpUrl;
    this.email = smtp ? new EmailRepository(smtp, config.familyLogin.mailFrom) : null;
    this.delivery = this.email ? new NotificationDeliveryService(dataSource, this.email, new TemplateRenderer()) : null;
  }

  onModuleDestroy(): void {
    this.email?.close();
  }

  /** Whether e-mail is configured at all (checked before a round is claimed). */
  assertConfigured(): void {
    if (!this.delivery) throw new AppError('UNAVAILABLE', 'E-mail is niet ingesteld (SMTP_URL); vraag de beheerder', 'E-mail is not configured (SMTP_URL)');
  }

  /** Sends one agenda e-mail unless its key was sent before; 'IN_PROGRESS' when another request is sending it now. */
  async send(mail: AgendaMail): Promise<DeliveryResult['status'] | 'IN_PROGRESS'> {
    this.assertConfigured();
    try {
      const result = await (this.delivery as NotificationDeliveryService).deliver({
        key: mail.key,
        caseId: null,
        recipient: mail.recipient,
        kind: 'MEETING_OVERVIEW_AGENDA',
        data: {
          schoolName: mail.schoolName,
          stepLabel: mail.meetingLabel,
          dueDate: mail.date,
          caseUrl: mail.meetingUrl,
          meeting: mail.meeting,
          caseCount: mail.caseCount,
          ...(mail.time ? { meetingTime: mail.time } : {}),
          ...(mail.location ? { location: mail.location } : {}),
        },
      });
      return result.status;
    } catch (err) {
      if (err instanceof DeliveryInProgressError) return 'IN_PROGRESS';
      throw err;
    }
  }
}
