import { activityInfo, ApplicationFailure, heartbeat } from '@temporalio/activity';
import { In, type DataSource } from 'typeorm';
import { DeliveryStatus, PolicyVersionRepository, SchoolDayOffRepository, SchoolEntity, UserEntity } from '@zorgroute/domain';
import { notificationPolicyOf } from '@zorgroute/domain/logic';
import { DigestService, TemplateRenderer, type NotificationDeliveryService } from '@zorgroute/notifications';
import type { DeliveryProblem, DigestContext, NotificationActivities, SendDailyDigestsResult } from './notification-activities.types';

export interface NotificationActivityDeps {
  dataSource: DataSource;
  delivery: NotificationDeliveryService;
  /** Base URL of the web app (the digest's button). */
  appUrl: string;
}

/** The activities of the notification machinery, bound to their dependencies. */
export function createNotificationActivities(deps: NotificationActivityDeps): NotificationActivities {
  const { dataSource, delivery } = deps;
  const digests = new DigestService(dataSource, delivery, new TemplateRenderer());
  const policyVersions = new PolicyVersionRepository(dataSource);
  const daysOff = new SchoolDayOffRepository(dataSource);

  return {
    async deliveryProblem({ keyPrefix }): Promise<DeliveryProblem> {
      const rows: { last_error: string | null; attempts: number; unsent: string }[] = await dataSource.query(
        `SELECT (array_agg(last_error ORDER BY updated_at DESC) FILTER (WHERE last_error IS NOT NULL))[1] AS last_error,
                COALESCE(SUM(attempts), 0)::int AS attempts, COUNT(*) AS unsent
         FROM notification_delivery
         WHERE starts_with(key, $1) AND status NOT IN ($2, $3, $4)`,
        [`${keyPrefix}:`, DeliveryStatus.SENT, DeliveryStatus.DIGEST, DeliveryStatus.DIGESTED],
      );
      const row = rows[0];
      return { lastError: row?.last_error ?? null, attempts: Number(row?.attempts ?? 0), unsent: Number(row?.unsent ?? 0) };
    },

    async loadDigestContext({ schoolId }): Promise<DigestContext> {
      const school = await dataSource.getRepository(SchoolEntity).findOneBy({ id: schoolId });
      if (!school) throw ApplicationFailure.nonRetryable(`school ${schoolId} not found`, 'SchoolNotFound');
      const [effective, calendar] = await Promise.all([policyVersions.effectiveForSchool(school), daysOff.calendarFor(school)]);
      const policy = notificationPolicyOf(effective.policies);
      return {
        calendar,
        hour: policy.digestHour,
        minute: policy.digestMinute,
        schoolDaysOnly: policy.digestSchoolDaysOnly,
      };
    },

    async sendDailyDigests({ schoolId, digestDate }): Promise<SendDailyDigestsResult> {
      const school = await dataSource.getRepository(SchoolEntity).findOneBy({ id: schoolId });
      // Recipients with waiting items, plus those whose digest of this date was taken but not finished (a retry).
      const waiting = await digests.waitingRecipients(schoolId);
      const unfinished: { recipient_user_id: string }[] = await dataSource.query(
        `SELECT DISTINCT recipient_user_id FROM notification_delivery
         WHERE kind = 'DAILY_DIGEST' AND starts_with(key, $1) AND status <> $2`,
        [`digest:${schoolId}:${digestDate}:`, DeliveryStatus.SENT],
      );
      const ids = [...new Set([...waiting, ...unfinished.map((u) => u.recipient_user_id)])];
      const users = ids.length ? await dataSource.getRepository(UserEntity).findBy({ id: In(ids) }) : [];
      const result: SendDailyDigestsResult = { recipients: users.length, sent: 0, items: 0 };
      const failures: string[] = [];
      for (const user of users) {
        beat();
        try {
          const r = await digests.sendDigest({
            schoolId,
            schoolName: school?.name ?? '',
            digestDate,
            recipient: { userId: user.id, email: user.email, name: user.name },
            appUrl: deps.appUrl,
          });
          if (r.status === 'SENT') {
            result.sent += 1;
            result.items += r.items;
          }
        } catch (error) {
          failures.push(`${user.id}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      if (failures.length) {
        throw ApplicationFailure.retryable(`daily digest ${schoolId} ${digestDate}: ${failures.length} of ${users.length} failed: ${failures.join(' | ')}`, 'NotificationSendError');
      }
      return result;
    },
  };
}

function beat(): void {
  try {
    if (activityInfo().heartbeatTimeoutMs) heartbeat();
  } catch {
    // Not inside an activity.
  }
}
