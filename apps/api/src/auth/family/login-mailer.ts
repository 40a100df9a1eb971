import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { toIsoDate } from '@zorgroute/domain/logic';
import { EmailRepository, NotificationDeliveryService, TemplateRenderer } from '@zorgroute/notifications';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { AppError } from '../../common/app-error';

export interface LoginMailRecipient {
  id: string;
  name: string;
  email: string;
  role: string;
}

/**
 * The e-mails of the parents' login: invitations and one-time codes, sent by the api through the same keyed outbox as
 * the worker's messages (`notification_delivery`: kind, recipient, subject and status — the body with the link or the
 * code is never stored). The one class of the login that talks to SMTP.
 */
@Injectable()
export class LoginMailer implements OnModuleDestroy {
  private readonly logger = new Logger('LoginMailer');
  private readonly delivery: NotificationDeliveryService | null;
  private readonly email: EmailRepository | null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DataSource) dataSource: DataSource,
  ) {
    const smtp = config.familyLogin.smtpUrl;
    this.email = smtp ? new EmailRepository(smtp, config.familyLogin.mailFrom) : null;
    this.delivery = this.email ? new NotificationDeliveryService(dataSource, this.email, new TemplateRenderer()) : null;
  }

  onModuleDestroy(): void {
    this.email?.close();
  }

  /** Sends an invitation link (`key`: one e-mail per invitation). */
  async sendInvitation(key: string, to: LoginMailRecipient, link: string, expiresAt: Date, schoolName: string, renewed: boolean): Promise<void> {
    await this.service().deliver({
      key,
      caseId: null,
      recipient: { userId: to.id, email: to.email, name: to.name },
      kind: 'LOGIN_INVITATION',
      data: {
        schoolName: schoolName || 'uw school',
        stepLabel: 'Uitnodiging voor Zorgroute',
        dueDate: toIsoDate(expiresAt.getTime() - 1000),
        caseUrl: link,
        audience: to.role === 'PUPIL' ? 'PUPIL' : 'PARENT',
        renewed,
      },
    });
  }

  /** Sends a login code; in the background (the caller answers the same whether a code was sent or not). */
  sendCodeInBackground(key: string, to: LoginMailRecipient, code: string, schoolName: string): void {
    const appUrl = this.config.appUrl.replace(/\/$/, '');
    void this.service()
      .deliver({
        key,
        caseId: null,
        recipient: { userId: to.id, email: to.email, name: to.name },
        kind: 'LOGIN_CODE',
        data: {
          schoolName: schoolName || 'uw school',
          stepLabel: 'Inloggen bij Zorgroute',
          dueDate: toIsoDate(Date.now()),
          caseUrl: `${appUrl}/login`,
          code,
          validMinutes: this.config.familyLogin.codeTtlMinutes,
        },
      })
      .catch((err: unknown) => this.logger.warn(`login code not sent: ${err instanceof Error ? err.name : 'error'}`));
  }

  private service(): NotificationDeliveryService {
    if (!this.delivery) throw new AppError('UNAVAILABLE', 'E-mail is niet ingesteld (SMTP_URL); vraag de beheerder', 'E-mail is not configured (SMTP_URL)');
    return this.delivery;
  }
}
