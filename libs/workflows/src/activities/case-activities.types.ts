import type { CaseSnapshot } from '@zorgroute/domain';
import type { ProcessPolicies, SchoolCalendar } from '@zorgroute/domain/logic';

/** What a workflow needs to know about its school when it starts; snapshotted into the case. */
export interface CaseContext {
  calendar: SchoolCalendar;
  policies: ProcessPolicies;
  policyVersion: string;
  schoolName: string;
  /** The school's zorgcoördinator (user id), who owns coordination steps and receives escalations. */
  zorgcoordinatorId: string | null;
}

export interface AuditRecord {
  eventKey: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  description: string;
  details?: Record<string, unknown>;
  reason?: string | null;
}

/** Who gets a message. Ids only: names and addresses are looked up by the activity, not kept in workflow history. */
export interface RecipientSpec {
  userIds?: string[];
  /** The parents/guardians of this pupil. */
  parentsOfPupil?: string;
}

export type NotificationKind = 'STEP_ASSIGNED' | 'STEP_REMINDER' | 'STEP_ESCALATION' | 'CASE_STUCK' | 'CASE_STARTED' | 'CONSENT_REQUESTED';

export interface NotifyRequest {
  /** Stable per (case, step, rung); the activity appends the recipient id. */
  key: string;
  caseId: string;
  pupilId: string;
  schoolId: string;
  recipients: RecipientSpec;
  kind: NotificationKind;
  stepLabel?: string;
  dueDate?: string;
  /** School days relative to the due date: negative before it, 0 on it, positive overdue. */
  offsetSchoolDays?: number;
  ownerUserId?: string | null;
  rung?: string;
}

export interface NotifyResult {
  sent: number;
  alreadySent: number;
  /** Recipients that have no e-mail address or no longer exist. */
  skipped: number;
}

/** The activities every case workflow uses. Implemented in ./case-activities.ts. */
export interface CaseActivities {
  loadCaseContext(input: { schoolId: string }): Promise<CaseContext>;
  /** Writes the read-model row (seq-guarded) and, if given, an audit entry, in one transaction. */
  recordCase(input: { snapshot: CaseSnapshot; audit?: AuditRecord }): Promise<void>;
  notify(request: NotifyRequest): Promise<NotifyResult>;
}
