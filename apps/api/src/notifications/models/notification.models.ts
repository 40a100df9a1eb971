import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DeliveryStatus, NotificationMode } from '@zorgroute/domain';

registerEnumType(NotificationMode, {
  name: 'NotificationMode',
  description: 'IMMEDIATE: every message on its own. DAILY_DIGEST: task messages in one e-mail per school day (staff only).',
});
registerEnumType(DeliveryStatus, {
  name: 'DeliveryStatus',
  description: 'PENDING, SENDING, SENT, FAILED (retried), DIGEST (waits for the daily digest) or DIGESTED (sent in a digest).',
});

@ObjectType('NotificationPreference')
export class NotificationPreferenceModel {
  @Field(() => NotificationMode) mode!: NotificationMode;
  @Field({ description: 'False for parents and pupils: they always get their messages immediately.' }) digestAvailable!: boolean;
  @Field(() => String, { description: 'Local time of the school’s daily digest, e.g. "08:30" (school policy).', nullable: true }) digestTime!: string | null;
  @Field(() => Boolean, { description: 'Whether the digest goes out on school days only (school policy).', nullable: true }) digestSchoolDaysOnly!: boolean | null;
}

@ObjectType('CalendarFeed', { description: 'The caller’s private iCalendar feed (the URL itself is only shown when it is made).' })
export class CalendarFeedModel {
  @Field() active!: boolean;
  @Field(() => GraphQLISODateTime, { nullable: true }) createdAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When a calendar app last fetched it.' }) lastUsedAt!: Date | null;
}

@ObjectType('CalendarFeedLink', { description: 'A new private feed URL. Shown once: only a hash of its token is stored.' })
export class CalendarFeedLinkModel {
  @Field({ description: 'Subscribe to this URL in Outlook, Google Calendar or Apple Calendar; anyone with it can read the feed.' }) url!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

@ObjectType('Delivery', { description: 'One message of a case to one recipient (the delivery log).' })
export class DeliveryModel {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true, description: 'The delivery key to pass to adminResendNotification; only shown to admins (null for everyone else).' })
  key!: string | null;
  @Field({ description: 'Message kind, e.g. STEP_REMINDER.' }) kind!: string;
  @Field({ description: 'Dutch name of the kind.' }) kindLabel!: string;
  @Field({ description: 'The recipient’s name, or a masked address when there is no account.' }) recipient!: string;
  @Field() subject!: string;
  @Field(() => DeliveryStatus) status!: DeliveryStatus;
  @Field({ description: 'Dutch description of the status.' }) statusLabel!: string;
  @Field(() => Int, { description: 'Attempts to hand it to the mail server.' }) attempts!: number;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it went out (for DIGESTED: when its digest went out).' }) sentAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'The most recent error (also kept after a later success).' }) lastError!: string | null;
}
