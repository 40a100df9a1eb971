import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotificationPreferenceEntity } from '@zorgroute/domain';
import type { AuthUser } from '../../auth/auth-user';
import { AppError } from '../../common/app-error';
import { validateOrThrow } from '../../common/validate';
import { SetNotificationPreferenceInput } from '../dtos/notification.inputs';
import type { NotificationPreferenceModel } from '../models/notification.models';
import { NotificationPreferencesService } from '../notification-preferences.service';

/**
 * A staff member chooses single e-mails (IMMEDIATE) or one digest per school day (DAILY_DIGEST). Parents and pupils
 * cannot choose: they always get their messages immediately. Legal notices, stuck-case alerts and SWV alerts are never
 * digested, whatever the choice. Takes effect for messages from now on; messages already waiting for a digest go out in
 * the next digest.
 */
@Injectable()
export class SetNotificationPreferenceUseCase {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(NotificationPreferencesService) private readonly preferences: NotificationPreferencesService,
  ) {}

  async execute(user: AuthUser, raw: SetNotificationPreferenceInput): Promise<NotificationPreferenceModel> {
    const input = validateOrThrow(SetNotificationPreferenceInput, raw);
    if (!this.preferences.digestAvailable(user)) {
      throw new AppError('FORBIDDEN', 'Ouders en leerlingen ontvangen berichten altijd direct', 'Parents and pupils always get their messages immediately');
    }
    await this.dataSource.getRepository(NotificationPreferenceEntity).save({ userId: user.id, mode: input.mode, updatedAt: new Date() });
    return this.preferences.get(user);
  }
}
