import type { LetterKind, MessageKind, StuckKind, ZorgplichtSignal } from './message-kind';

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
  ZORGPLICHT_TERMIJN: ZorgplichtTermijnData;
  LETTER_AVAILABLE: LetterAvailableData;
  DAILY_DIGEST: DailyDigestData;
}

export type MessageData<K extends MessageKind = MessageKind> = MessageDataByKind[K];

/** A kind together with its data, as a discriminated union (narrows on `kind`). */
export type MessagePayload = { [K in MessageKind]: { kind: K; data: MessageDataByKind[K] } }[MessageKind];

export interface RenderedMessage {
  subject: string;
  html: string;
  text: string;
}
