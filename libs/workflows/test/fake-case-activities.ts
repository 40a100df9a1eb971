import { buildSchoolCalendar, resolvePolicies, type PolicyOverrides } from '@zorgroute/domain/logic';
import type { CaseSnapshot, ConsentRecordSnapshot } from '@zorgroute/domain';
import type { AuditRecord, CaseActivities, NotifyRequest } from '../src/activities/case-activities.types';
import type { NotificationActivities } from '../src/activities/notification-activities.types';

/**
 * In-memory activities for workflow tests (the real ones are tested against PostgreSQL and SMTP
 * in their own integration tests). Records everything the workflow asked for.
 */
export class FakeCaseActivities {
  readonly snapshots: CaseSnapshot[] = [];
  readonly audit: AuditRecord[] = [];
  readonly notifications: NotifyRequest[] = [];
  /** Consent records by id (latest version wins, like the real repository). */
  readonly consents = new Map<string, ConsentRecordSnapshot>();
  /** Keys that were delivered; a repeated key is counted as a duplicate (must stay 0). */
  readonly delivered = new Set<string>();
  duplicates = 0;
  /** The date the case's pupil turns 16 (loadCaseContext with a pupil): null = unknown (a young pupil). */
  pupilSixteenOn: string | null = null;

  constructor(private readonly overrides: PolicyOverrides = {}) {}

  get latest(): CaseSnapshot | undefined {
    return [...this.snapshots].sort((a, b) => a.seq - b.seq).at(-1);
  }

  activities(): CaseActivities & NotificationActivities {
    return {
      loadCaseContext: async ({ pupilId }) => ({
        calendar: buildSchoolCalendar('midden'),
        policies: resolvePolicies(this.overrides),
        policyVersion: 'test-1',
        schoolName: 'Testschool',
        zorgcoordinatorId: 'zc-1',
        ...(pupilId ? { pupilSixteenOn: this.pupilSixteenOn } : {}),
      }),
      recordCase: async ({ snapshot, audit }) => {
        this.snapshots.push(snapshot);
        if (audit) this.audit.push(audit);
      },
      recordConsent: async ({ record }) => {
        const stored = this.consents.get(record.id);
        if (!stored || stored.version < record.version) this.consents.set(record.id, record);
      },
      deliveryProblem: async () => ({ lastError: null, attempts: 0, unsent: 0 }),
      loadDigestContext: async () => ({ calendar: buildSchoolCalendar('midden'), hour: 8, minute: 30, schoolDaysOnly: true }),
      sendDailyDigests: async () => ({ recipients: 0, sent: 0, items: 0 }),
      notify: async (req) => {
        if (this.delivered.has(req.key)) this.duplicates += 1;
        this.delivered.add(req.key);
        this.notifications.push(req);
        return { sent: 1, alreadySent: 0, skipped: 0 };
      },
    };
  }

  kinds(): string[] {
    return this.notifications.map((n) => `${n.kind}:${n.stepLabel ?? ''}:${n.rung ?? ''}`);
  }
}
