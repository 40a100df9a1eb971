import { Inject } from '@nestjs/common';
import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { CasesService } from '../cases/cases.service';
import { CaseDetailModel } from '../cases/models/case.model';
import { CalendarFeedService } from './calendar-feed.service';
import { DeliveryLogService } from './delivery-log.service';
import { SetNotificationPreferenceInput } from './dtos/notification.inputs';
import { CalendarFeedLinkModel, CalendarFeedModel, DeliveryModel, NotificationPreferenceModel } from './models/notification.models';
import { NotificationPreferencesService } from './notification-preferences.service';
import { SetNotificationPreferenceUseCase } from './usecases/set-notification-preference.usecase';

/** The caller's notification preference and private calendar feed. */
@Resolver(() => NotificationPreferenceModel)
export class NotificationsResolver {
  constructor(
    @Inject(NotificationPreferencesService) private readonly preferences: NotificationPreferencesService,
    @Inject(SetNotificationPreferenceUseCase) private readonly setPreference: SetNotificationPreferenceUseCase,
    @Inject(CalendarFeedService) private readonly feeds: CalendarFeedService,
  ) {}

  @Query(() => NotificationPreferenceModel, { description: 'How the caller gets messages: single e-mails or a daily digest.' })
  notificationPreference(@CurrentUser() user: AuthUser): Promise<NotificationPreferenceModel> {
    return this.preferences.get(user);
  }

  @Mutation(() => NotificationPreferenceModel, { description: 'Staff only: single e-mails (IMMEDIATE) or one digest per school day (DAILY_DIGEST).' })
  setNotificationPreference(@CurrentUser() user: AuthUser, @Args('input') input: SetNotificationPreferenceInput): Promise<NotificationPreferenceModel> {
    return this.setPreference.execute(user, input);
  }

  @Query(() => CalendarFeedModel, { description: 'Whether the caller has a private calendar feed.' })
  calendarFeed(@CurrentUser() user: AuthUser): Promise<CalendarFeedModel> {
    return this.feeds.status(user);
  }

  @Mutation(() => CalendarFeedLinkModel, { description: 'Makes a new private calendar URL (the previous one stops working). Shown once.' })
  regenerateCalendarFeed(@CurrentUser() user: AuthUser): Promise<CalendarFeedLinkModel> {
    return this.feeds.regenerate(user);
  }

  @Mutation(() => CalendarFeedModel, { description: 'Stops the private calendar URL.' })
  revokeCalendarFeed(@CurrentUser() user: AuthUser): Promise<CalendarFeedModel> {
    return this.feeds.revoke(user);
  }
}

/** `deliveries` on the case page: the delivery log, for the case's staff. */
@Resolver(() => CaseDetailModel)
export class CaseDeliveriesResolver {
  constructor(
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(DeliveryLogService) private readonly log: DeliveryLogService,
  ) {}

  @ResolveField('deliveries', () => [DeliveryModel], { nullable: true, description: 'What was sent to whom and when; the case’s staff only (null for parents, pupils and the SWV).' })
  async deliveries(@CurrentUser() user: AuthUser, @Parent() detail: CaseDetailModel): Promise<DeliveryModel[] | null> {
    const row = await this.cases.getVisible(user, detail.summary.id);
    return this.log.forCase(user, row.id);
  }
}
