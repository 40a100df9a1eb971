import { Module } from '@nestjs/common';
import { CalendarFeedController } from './calendar-feed.controller';
import { CalendarFeedService } from './calendar-feed.service';
import { DeliveryLogService } from './delivery-log.service';
import { NotificationPreferencesService } from './notification-preferences.service';
import { CaseDeliveriesResolver, NotificationsResolver } from './notifications.resolver';
import { SetNotificationPreferenceUseCase } from './usecases/set-notification-preference.usecase';

/**
 * Issue 5: notification preference (digest), private calendar feeds (REST GET /calendar/<token>.ics), the delivery
 * log of a case.
 */
@Module({
  controllers: [CalendarFeedController],
  providers: [NotificationsResolver, CaseDeliveriesResolver, NotificationPreferencesService, SetNotificationPreferenceUseCase, CalendarFeedService, DeliveryLogService],
  exports: [DeliveryLogService],
})
export class NotificationsModule {}
