import type { CaseSnapshot, ConsentRecordSnapshot, ProcessType } from '@zorgroute/domain';
import type { ProcessPolicies, SchoolCalendar } from '@zorgroute/domain/logic';

/** What a workflow needs to know about its school when it starts; snapshotted into the case. */
export interface CaseContext {
  calendar: SchoolCalendar;
  policies: ProcessPolicies;
  policyVersion: string;
  schoolName: string;
  /** The school's zorgcoördinator (user id), who owns coordination steps and receives escalations. */
  zorgcoordinatorId: string | null;
  /**
   * The date the case's pupil turns 16 (when loadCaseContext was given the pupil): from then on he decides himself on
   * sharing his own data (PROCESSES.md rule 2). Absent in cases started before it was loaded.
   */
  pupilSixteenOn?: string | null;
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
  /** The SWV loket: every SWV_MEDEWERKER of the samenwerkingsverband this school belongs to (P4). */
  swvLoketOfSchool?: string;
  /** The mentor of this pupil (pupil.mentor_id), if any. */
  mentorOfPupil?: string;
  /** The pupil's own account(s) (users linked to this pupil record), if any. */
  pupilAccountOf?: string;
}

export type NotificationKind =
  | 'STEP_ASSIGNED'
  | 'STEP_REMINDER'
  | 'STEP_ESCALATION'
  | 'CASE_STUCK'
  | 'CASE_STARTED'
  | 'CONSENT_REQUESTED'
  | 'DOCUMENT_REQUESTED'
  | 'ZORGPLICHT_TERMIJN'
  | 'LETTER_AVAILABLE'
  | 'TRAJECT_PARENT_UPDATE'
  | 'TRAJECT_OUTCOME'
  | 'CASE_CLOSED'
  | 'MEETING_INVITATION'
  | 'MEETING_CANCELLED'
  | 'MEETING_AGENDA'
  | 'REFERRAL_RETURNED'
  | 'SESSION_REMINDER';

/** A meeting participants are invited to (MEETING_INVITATION, MEETING_AGENDA); only what a participant needs to attend. */
export interface MeetingNotice {
  kind: 'IZO' | 'ZAT' | 'FLEX_ZAT' | 'JOS_STARTGESPREK';
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM, when known. */
  time?: string | null;
  mode?: 'OP_SCHOOL' | 'TELEFONISCH' | null;
  /** Where at school, when known (e.g. "lokaal 1.12"); never case details. */
  location?: string | null;
}

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
  /** ZORGPLICHT_TERMIJN (P4.3): the SWV signal and what it needs (dates and counts only). */
  zorgplicht?: { signal: 'WEEK_LEFT' | 'OVERDUE' | 'TEN_WEEKS'; receivedOn: string; extended: boolean; calendarDays?: number };
  /** LETTER_AVAILABLE: the stored letter the parents are told about (the e-mail links to it). */
  document?: { id: string; letter: 'ZORGPLICHT_VERLENGING' | 'ZORGPLICHT_BESLUIT' | 'TLV_VERLENGING' | 'TLV_BESLUIT' };
  /** TRAJECT_PARENT_UPDATE (P1 notifications): which moment of the trajectory the parents are told about. */
  moment?: 'MIDWAY' | 'ENDED';
  /** TRAJECT_OUTCOME (P1 notifications): the outcome, a closed set (never a reason). */
  outcome?: 'AFGEROND' | 'VERLENGD' | 'DOORVERWEZEN' | 'GESTOPT';
  /** CASE_CLOSED: the process of the case the parents are told was closed (`dueDate` is the closing date). */
  process?: ProcessType;
  /** MEETING_INVITATION / MEETING_AGENDA: the meeting (`dueDate` is its date, `stepLabel` its label). */
  meeting?: MeetingNotice;
  /** REFERRAL_RETURNED (P2): the parts of the referral form still empty (form labels, never the coordinator's note). */
  missingParts?: string[];
  /** SESSION_REMINDER (P1): the session's time HH:mm (`dueDate` is its date). */
  sessionTime?: string;
}

export interface NotifyResult {
  sent: number;
  alreadySent: number;
  /** Recipients that have no e-mail address or no longer exist. */
  skipped: number;
  /** Messages that wait for the recipient's daily digest instead of going out on their own. */
  queuedForDigest?: number;
  /** Parents left out because the case is kept from them (safety exception, PROCESSES.md rule 3). */
  withheldFromParents?: number;
}

/** The activities every case workflow uses. Implemented in ./case-activities.ts. */
export interface CaseActivities {
  /** The school's calendar and policies; with `pupilId` also the date that pupil turns 16. */
  loadCaseContext(input: { schoolId: string; pupilId?: string }): Promise<CaseContext>;
  /** Writes the read-model row (seq-guarded) and, if given, an audit entry, in one transaction. */
  recordCase(input: { snapshot: CaseSnapshot; audit?: AuditRecord }): Promise<void>;
  notify(request: NotifyRequest): Promise<NotifyResult>;
  /**
   * Writes a consent record (rule 2), version-guarded like the read model. For a new request to the parents it looks up
   * who must answer (custody, issue 13: every guardian with parental authority when the parents disagree) and returns
   * them; the workflow keeps them from that answer, so a replay sees the same (older histories recorded no result: one
   * answer decides, as then).
   */
  recordConsent(input: { record: ConsentRecordSnapshot }): Promise<RecordConsentResult | void>;
}

/** What `recordConsent` found for a new request: the guardians who must all answer (empty: one answer decides). */
export interface RecordConsentResult {
  requiredGiverIds: string[];
}
