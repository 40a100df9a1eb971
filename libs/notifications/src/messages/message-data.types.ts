import type { MessageKind, StuckKind } from './message-kind';

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

export interface MessageDataByKind {
  STEP_ASSIGNED: StepAssignedData;
  STEP_REMINDER: StepReminderData;
  STEP_ESCALATION: StepEscalationData;
  CASE_STUCK: CaseStuckData;
  CASE_STARTED: CaseStartedData;
  CONSENT_REQUESTED: ConsentRequestedData;
}

export type MessageData<K extends MessageKind = MessageKind> = MessageDataByKind[K];

/** A kind together with its data, as a discriminated union (narrows on `kind`). */
export type MessagePayload = { [K in MessageKind]: { kind: K; data: MessageDataByKind[K] } }[MessageKind];

export interface RenderedMessage {
  subject: string;
  html: string;
  text: string;
}
