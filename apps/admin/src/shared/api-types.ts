import type { ResolvedField } from '@zorgroute/processes';
// TypeScript mirror of the GraphQL contract served by apps/api at /graphql.

export const PROCESS_TYPES = ['ONDERSTEUNINGSTRAJECT', 'ZORGROUTE', 'JOS', 'ZORGPLICHT', 'OOV', 'OVERDRACHT', 'OPP', 'TLV'] as const;

export type ProcessType = (typeof PROCESS_TYPES)[number];

export const ROLES = [
  'ZORGCOORDINATOR',
  'TEAMLEIDER',
  'MENTOR',
  'COACH',
  'JOS_MEDEWERKER',
  'PARENT',
  'PUPIL',
  'SWV_MEDEWERKER',
  'ADMIN',
  'PLATFORM_ADMIN',
  'SWV_ADMIN',
  'SCHOOL_ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: string;
  name: string;
  email: string;
  role: Role;
  schoolId: string | null;
  schoolName: string | null;
}

/** What a login answers: the user (the session itself is the api's httpOnly cookie). */
export interface AuthPayload {
  user: User;
}

export interface School {
  id: string;
  name: string;
  region: string;
}

export interface Pupil {
  id: string;
  displayName: string;
  className: string | null;
  schoolId: string;
  mentorName: string | null;
  /** When the pupil left the school (deactivated by the school data import); his cases stay visible to the school. */
  leftAt?: string | null;
}

export interface CaseSummary {
  id: string;
  process: ProcessType;
  status: string;
  statusLabel: string;
  pupil: Pupil;
  school: School;
  waitingFor: string | null;
  waitingForLabel: string | null;
  /** YYYY-MM-DD */
  nextDueDate: string | null;
  ownerName: string | null;
  stuck: boolean;
  stuckReason: string | null;
  startedAt: string;
  updatedAt: string;
  closedAt: string | null;
  outcome: string | null;
  /** Link into the Temporal Web UI: platform administrators only (null for everyone else). */
  temporalUrl: string | null;
}

export interface TimelineEntry {
  id: string;
  at: string;
  kind: string;
  actorName: string | null;
  description: string;
  /** The reason given with a decision or an admin action (the audit trail's reason); asked by the case page. */
  reason?: string | null;
}

export interface DueDateExplanation {
  step: string;
  /** Dutch name of the step or date (from the API). */
  label: string;
  /** YYYY-MM-DD */
  date: string;
  explanation: string;
  /** OPEN (still running: a countdown), DONE (met) or REPLACED (another date took its place). */
  state: 'OPEN' | 'DONE' | 'REPLACED';
}

export interface ThermometerPoint {
  /** YYYY-MM-DD */
  date: string;
  attended: boolean;
  thermometer: number | null;
}

export interface ConsentRecord {
  id: string;
  caseId: string;
  kind: string;
  label: string;
  process: string;
  pupilId: string;
  scope: string;
  status: string;
  statusLabel: string;
  requestedAt: string;
  /** YYYY-MM-DD */
  respondBy: string;
  decidedAt: string | null;
  giverName: string | null;
  method: string | null;
  /** The uploaded scan of a signed paper form (a document of the case); absent in older fixtures. */
  scanDocumentId?: string | null;
  pupilMayDecide: boolean;
  /** When the consent was withdrawn (then the status label says so); absent in older fixtures. */
  withdrawnAt?: string | null;
  /** Custody: the parents disagree, so every guardian with parental authority must consent (case detail only). */
  needsEveryGuardian?: boolean;
  /** Whose answer is still missing while such a request is open (school staff and family only). */
  missingGivers?: { userId: string; name: string | null }[] | null;
}

export interface Delivery {
  id: string;
  kind: string;
  kindLabel: string;
  recipient: string;
  subject: string;
  status: string;
  statusLabel: string;
  createdAt: string;
  sentAt: string | null;
  attempts: number;
  lastError: string | null;
}

export interface CaseDocument {
  id: string;
  caseId: string;
  kind: string;
  /** Dutch name of the kind, e.g. "Brief: besluit over de aanmelding". */
  kindLabel: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  createdAt: string;
  downloadPath: string;
  /** GENERATED (a letter of the process) or UPLOAD. */
  source?: string;
  /** Who may read it: SCHOOL, then PARENTS, PUPIL, SWV. */
  audiences?: string[];
  uploadedByName?: string | null;
}

/** A note in the case logboek. */
export interface CaseNote {
  id: string;
  caseId: string;
  notedOn: string;
  text: string;
  audiences: string[];
  authorName: string;
  authorRole: string;
  createdAt: string;
}

export interface CaseDetail {
  summary: CaseSummary;
  policyVersion: string | null;
  timeline: TimelineEntry[];
  dueDates: DueDateExplanation[];
  openSteps: string[];
  /** Dutch names of `openSteps`, in the same order. */
  openStepLabels: string[];
  goal?: string | null;
  coachName?: string | null;
  sessions?: ThermometerPoint[];
  consents?: ConsentRecord[];
  /** The delivery log: the case's staff only (null for parents, pupils and the SWV). */
  deliveries?: Delivery[] | null;
  /** The case is kept from the parents (safety exception); school staff only (null for everyone else). */
  hiddenFromParents?: boolean | null;
  /** P2 only: the safety exception as the caller may see it. */
  zorgroute?: { parentsExceptionActive: boolean; parentsExceptionReason: string | null; parentsExceptionApprovedBy: string | null } | null;
  /** The forms of the steps the case offers now, from the step catalogue (libs/processes). */
  stepForms?: StepForm[];
}

/** A step the case offers now, with its form as the step catalogue defines it (bounds resolved for this case). */
export interface StepForm {
  step: string;
  label: string;
  title: string;
  description: string | null;
  submitLabel: string;
  /** Someone waits for it (an open step); false for a step that may be taken any time (stop, switch coach). */
  open: boolean;
  /** Whether the signed-in user may take it (the api refuses everyone else). */
  mayTake: boolean;
  whoLabel: string;
  fields: ResolvedField[];
}

/** A letter of one of the caller's cases (the parent portal). */
export interface FamilyLetter {
  document: CaseDocument;
  process: ProcessType;
  pupilId: string;
  pupilName: string;
}

export interface StartTrajectoryInput {
  pupilId: string;
  reason: string;
  observations?: string | null;
  triedActions?: string | null;
  weeks?: number | null;
  /** Idempotency key: the same key never starts a second case. */
  requestKey?: string | null;
}

export interface CaseFilter {
  process?: ProcessType | null;
  status?: string | null;
  schoolId?: string | null;
  stuck?: boolean | null;
  dueBefore?: string | null;
  overdue?: boolean | null;
  /** Closed cases are left out unless this is true. */
  includeClosed?: boolean | null;
}

/** How far the bundled regional holiday data reaches (query `calendarCoverage`, admin and zorgcoördinator). */
export interface CalendarCoverage {
  coveredUntil: string | null;
  missingSchoolYears: string[];
  /** Dutch warning to add the missing school year(s); null while the current and the next school year are covered. */
  warning: string | null;
}
