import { ApplicationFailure } from '@temporalio/common';
import { buildSchoolCalendar, resolvePolicies, type PolicyOverrides } from '@zorgroute/domain/logic';
import { declaredTimelineRule, type CaseSnapshot, type ConsentRecordSnapshot } from '@zorgroute/domain';
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
  /**
   * Custody (issue 13): the guardians who must all answer a new request to the parents (the pupil's parents disagree);
   * empty = one answer decides. `recordConsentResult: 'none'` answers like the activity did before custody (no result).
   */
  requiredGiverIds: string[] = [];
  recordConsentResult: 'custody' | 'none' = 'custody';
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
        // Every action a workflow writes must have a declared audience (libs/domain/src/audience/timeline-audience.ts):
        // an unknown one would be school-only by default, silently hiding it from the family and the SWV. Fails the
        // workflow (and so the test) at once.
        if (audit && !declaredTimelineRule(snapshot.process, audit.action)) {
          throw ApplicationFailure.nonRetryable(`${snapshot.process} wrote audit action ${audit.action}, which has no audience in libs/domain/src/audience/timeline-audience.ts`, 'UnknownTimelineAction');
        }
        this.snapshots.push(snapshot);
        if (audit) this.audit.push(audit);
      },
      recordConsent: async ({ record }) => {
        const isNew = record.version === 1 && record.status === 'PENDING' && record.parentsOfPupil && record.requiredGiverIds === undefined;
        const stored = this.consents.get(record.id);
        const required = isNew ? [...this.requiredGiverIds] : undefined;
        const written = required ? { ...record, requiredGiverIds: required, answers: required.length ? [] : null } : record;
        if (!stored || stored.version < record.version) this.consents.set(record.id, written);
        if (isNew && this.recordConsentResult === 'custody') return { requiredGiverIds: required ?? [] };
        return undefined;
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
