import type { ProcessType } from '@zorgroute/domain';
import type { LetterKind, MeetingAudience, MeetingKind, MeetingMode, MessageKind, StuckKind, TrajectMoment, TrajectOutcomeKind, ZorgplichtSignal } from './message-kind';

/** A calendar date 'YYYY-MM-DD' (no time, no time zone). Rendered as a Dutch long date. */
export type IsoDate = string;

/**
 * What every message carries. Privacy (cross-cutting rule 8): e-mails carry no diagnosis or case
 * details — only the step, the due date, the deep link and, where the recipient needs it, the
 * pupil's first name. The renderer reads only the fields declared here; anything else in the
 * object is ignored.
 */
export interface BaseMessageData {
  /** Name used in the greeting ("Beste …"). */
  recipientName: string;
  schoolName: string;
  /** The step the message is about, e.g. "Intakegesprek". */
  stepLabel: string;
  /** Due date of the step. */
  dueDate: IsoDate;
  /** Deep link (http or https) to the task / case / portal page. */
  caseUrl: string;
}

export interface StepAssignedData extends BaseMessageData {
  pupilFirstName?: string;
}

interface StepReminderCommon extends BaseMessageData {
  pupilFirstName?: string;
}

export interface StepReminderBeforeDueData extends StepReminderCommon {
  rung: 'BEFORE_DUE';
  /** School days left until the due date (≥ 1). */
  schoolDaysUntilDue: number;
}

export interface StepReminderOnDueData extends StepReminderCommon {
  rung: 'ON_DUE';
}

export interface StepReminderOverdueData extends StepReminderCommon {
  rung: 'OVERDUE';
  /** School days past the due date (≥ 1). */
  daysOverdue: number;
}

export type StepReminderData = StepReminderBeforeDueData | StepReminderOnDueData | StepReminderOverdueData;

export interface StepEscalationData extends BaseMessageData {
  /** School days past the due date (≥ 1). */
  daysOverdue: number;
  /** Name of the step's owner. */
  ownerName: string;
  pupilFirstName?: string;
}

export interface CaseStuckData extends BaseMessageData {
  stuckKind?: StuckKind;
  /** School days past the due date, when the step is overdue. */
  daysOverdue?: number;
  ownerName?: string;
  pupilFirstName?: string;
}

export interface CaseStartedData extends BaseMessageData {
  pupilFirstName: string;
  /** The parents' contact person for this trajectory. */
  ownerName: string;
}

export interface ConsentRequestedData extends BaseMessageData {
  pupilFirstName: string;
  /** Whom to contact with questions (optional). */
  ownerName?: string;
  /** Written for a parent ("u", default) or for a pupil of 16+ who decides himself ("je"). */
  audience?: 'PARENT' | 'PUPIL';
  /**
   * The recipient has no login yet: `caseUrl` is then an invitation link (single use) that leads to the request after
   * the login is made, and this is the last day it can be used.
   */
  invitationExpiresOn?: IsoDate;
}

/**
 * To a parent/guardian or a pupil without a school account: make a login for Zorgroute. `caseUrl` is the single-use
 * invitation link, `dueDate` the last day it works, `stepLabel` what it is ("Uitnodiging voor Zorgroute").
 */
export interface LoginInvitationData extends BaseMessageData {
  audience?: 'PARENT' | 'PUPIL';
  /** The invitee asked for this one again (the previous link expired or was used). */
  renewed?: boolean;
}

/**
 * A one-time login code. `caseUrl` is the login page, `dueDate` today, `stepLabel` what it is for ("Inloggen bij
 * Zorgroute"). Only the code and how long it is valid; the subject does not contain the code (subjects are stored).
 */
export interface LoginCodeData extends BaseMessageData {
  /** Eight digits. */
  code: string;
  validMinutes: number;
}

/** To a parent: please upload a document in the portal (`stepLabel` names what is asked, `dueDate` until when). */
export interface DocumentRequestedData extends BaseMessageData {
  pupilFirstName: string;
  /** Whom to contact with questions (optional). */
  ownerName?: string;
  /** A reminder of a request sent before. */
  reminder?: boolean;
}

/**
 * To the SWV loket (P4.3). `dueDate` is the decision due date in force; `stepLabel` names the step
 * ("Besluit over de aanmelding"). Only dates and counts: no reason, no support need.
 */
export interface ZorgplichtTermijnData extends BaseMessageData {
  signal: ZorgplichtSignal;
  /** Date of receipt of the written application. */
  receivedOn: IsoDate;
  /** Whether the term was extended. */
  extended: boolean;
  /** WEEK_LEFT: calendar days left (omit on the due date itself); OVERDUE: calendar days overdue; TEN_WEEKS: not used. */
  calendarDays?: number;
  pupilFirstName?: string;
}

/**
 * To parents: a letter is ready in the portal (the link opens it after login). `stepLabel` is the
 * letter's title; `dueDate` is the date the parents need: the new decision date (extension notice)
 * or the last day to object (decision letter). The e-mail never carries the letter's content.
 */
export interface LetterAvailableData extends BaseMessageData {
  letter: LetterKind;
  pupilFirstName: string;
}

/**
 * To parents (P1): the trajectory of their child is halfway (`MIDWAY`, the tussenevaluatie was held; `dueDate` is the
 * planned end date) or has ended (`ENDED`; `dueDate` is the closing date). `stepLabel` names the moment. Never the goal,
 * the evaluation, the outcome or a reason: those are read in the portal.
 */
export interface TrajectParentUpdateData extends BaseMessageData {
  moment: TrajectMoment;
  pupilFirstName: string;
  /** The coach, the parents' contact person (optional). */
  ownerName?: string;
}

/**
 * To parents: the school closed the case of their child before the process reached its end (an admin close, PROCESSES.md
 * cross-cutting rule 6). `dueDate` is the closing date, `stepLabel` the step the case was at (or "Casus afgesloten").
 * Only which process, where it stood and that it was closed; never the reason: the parents ask the school.
 */
export interface CaseClosedData extends BaseMessageData {
  process: ProcessType;
  pupilFirstName: string;
}

/**
 * To the zorgcoördinator (P1): the outcome of a trajectory was recorded. `dueDate` is the trajectory's end date (the new
 * one for VERLENGD); `ownerName` the coach. The outcome is a closed set; the reason stays in Zorgroute.
 */
export interface TrajectOutcomeData extends BaseMessageData {
  outcome: TrajectOutcomeKind;
  pupilFirstName?: string;
  ownerName?: string;
}

/**
 * To one participant of a meeting. `stepLabel` is not shown (the meeting kind names the meeting); `dueDate` is the
 * meeting date. Only what the recipient needs to attend: date, time when known, place or phone, what to bring (a fixed
 * text per meeting and audience) and the link; never the reason for the meeting, a diagnosis or notes.
 */
export interface MeetingInvitationData extends BaseMessageData {
  meeting: MeetingKind;
  audience: MeetingAudience;
  pupilFirstName: string;
  /** 'HH:MM' (24 hours), when known. */
  meetingTime?: string;
  mode?: MeetingMode;
  /** Where at school (e.g. "lokaal 1.12"), when known; at most 120 characters. */
  location?: string;
  /**
   * Stable id of the meeting (case, meeting and round), the same for every invitation to it, also after it is
   * re-planned: the UID of the invitation's calendar entry (.ics), so the entry is updated instead of duplicated.
   */
  calendarId?: string;
}

/**
 * To one participant of a planned meeting that will not take place: the same data as its invitation (the same
 * `calendarId`, so the calendar entry is cancelled rather than a new one added). Never why it was cancelled.
 */
export type MeetingCancelledData = MeetingInvitationData;

/**
 * To the (staff) participants of a ZAT meeting, at least N school days before it: the agenda and the information are
 * ready in Zorgroute behind the link. `dueDate` is the meeting date.
 */
export interface MeetingAgendaData extends BaseMessageData {
  meeting: MeetingKind;
  pupilFirstName?: string;
  meetingTime?: string;
  mode?: MeetingMode;
  location?: string;
}

/**
 * The agenda of one meeting of the school (MEETING_OVERVIEW_AGENDA): `stepLabel` names the meeting ("IZO-overleg"),
 * `dueDate` is its date, `caseUrl` the meeting page; how many pupils are on it, never who.
 */
export interface MeetingOverviewAgendaData extends BaseMessageData {
  meeting: 'IZO' | 'ZAT' | 'FLEX_ZAT';
  caseCount: number;
  meetingTime?: string;
  location?: string;
}

/**
 * To the referrer of an IZO referral that the zorgcoördinator sent back (P2 triage TERUG_NAAR_AANMELDER): complete it
 * by `dueDate`. `missingParts` names the parts of the form that are still empty (form labels, at most 20); the
 * coordinator's own note stays in Zorgroute.
 */
export interface ReferralReturnedData extends BaseMessageData {
  pupilFirstName?: string;
  missingParts?: string[];
}

/**
 * To the coach or the pupil before a session of an ondersteuningstraject (P1, optional by policy). `dueDate` is the
 * session's date, `sessionTime` its time (HH:mm). Written with "je" for both.
 */
export interface SessionReminderData extends BaseMessageData {
  sessionTime: string;
  audience: 'STAFF' | 'PUPIL';
  pupilFirstName?: string;
}

/** One message in a daily digest: the subject it would have had on its own, its step, due date and deep link. */
export interface DailyDigestItem {
  title: string;
  stepLabel: string;
  dueDate: IsoDate;
  caseUrl: string;
  pupilFirstName?: string;
}

/**
 * To a staff member who chose the daily digest. `stepLabel` is "Dagoverzicht", `dueDate` the digest's date and
 * `caseUrl` the app's start page; `items` lists the day's messages (1–500).
 */
export interface DailyDigestData extends BaseMessageData {
  items: DailyDigestItem[];
}

export interface MessageDataByKind {
  STEP_ASSIGNED: StepAssignedData;
  STEP_REMINDER: StepReminderData;
  STEP_ESCALATION: StepEscalationData;
  CASE_STUCK: CaseStuckData;
  CASE_STARTED: CaseStartedData;
  CONSENT_REQUESTED: ConsentRequestedData;
  DOCUMENT_REQUESTED: DocumentRequestedData;
  ZORGPLICHT_TERMIJN: ZorgplichtTermijnData;
  LETTER_AVAILABLE: LetterAvailableData;
  TRAJECT_PARENT_UPDATE: TrajectParentUpdateData;
  TRAJECT_OUTCOME: TrajectOutcomeData;
  CASE_CLOSED: CaseClosedData;
  MEETING_INVITATION: MeetingInvitationData;
  MEETING_CANCELLED: MeetingCancelledData;
  MEETING_AGENDA: MeetingAgendaData;
  MEETING_OVERVIEW_AGENDA: MeetingOverviewAgendaData;
  REFERRAL_RETURNED: ReferralReturnedData;
  SESSION_REMINDER: SessionReminderData;
  DAILY_DIGEST: DailyDigestData;
  LOGIN_INVITATION: LoginInvitationData;
  LOGIN_CODE: LoginCodeData;
}

export type MessageData<K extends MessageKind = MessageKind> = MessageDataByKind[K];

/** A kind together with its data, as a discriminated union (narrows on `kind`). */
export type MessagePayload = { [K in MessageKind]: { kind: K; data: MessageDataByKind[K] } }[MessageKind];

export interface RenderedMessage {
  subject: string;
  html: string;
  text: string;
}
