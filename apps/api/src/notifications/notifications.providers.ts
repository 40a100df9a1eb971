import { CalendarFeedController } from './calendar-feed.controller';
import { CalendarFeedService } from './calendar-feed.service';
import { DeliveryLogService } from './delivery-log.service';
import { NotificationPreferencesService } from './notification-preferences.service';
import { CaseDeliveriesResolver, NotificationsResolver } from './notifications.resolver';
import { SetNotificationPreferenceUseCase } from './usecases/set-notification-preference.usecase';

/** Issue 5: notification preference (digest), private calendar feeds, the delivery log of a case. */
export const NOTIFICATION_PROVIDERS = [
  NotificationsResolver,
  CaseDeliveriesResolver,
  NotificationPreferencesService,
  SetNotificationPreferenceUseCase,
  CalendarFeedService,
  DeliveryLogService,
];

/** REST: GET /calendar/<token>.ics (public; the token is the credential). */
export const NOTIFICATION_CONTROLLERS = [CalendarFeedController];
