/**
 * The kinds of message Zorgroute sends. A plain const object plus a string union (not a TS enum), so
 * workflow code can use the type with `import type` and persist the value as a plain string.
 */
export const MessageKind = {
  /** A new task for the recipient (step label, due date). */
  STEP_ASSIGNED: 'STEP_ASSIGNED',
  /** A rung of the reminder ladder: before due, on the due date, overdue. */
  STEP_REMINDER: 'STEP_REMINDER',
  /** To the zorgcoördinator: a step of a case is N school days overdue. */
  STEP_ESCALATION: 'STEP_ESCALATION',
  /** To the zorgcoördinator / admin: the case is stuck (cross-cutting rule 6). */
  CASE_STUCK: 'CASE_STUCK',
  /** To parents: a trajectory has started for their child, and who the contact is. */
  CASE_STARTED: 'CASE_STARTED',
  /** To a parent: please give or refuse consent in the portal. */
  CONSENT_REQUESTED: 'CONSENT_REQUESTED',
  /** To the SWV loket (P4): a zorgplicht term has a week left, is overdue, or is at 10 weeks without a decision. */
  ZORGPLICHT_TERMIJN: 'ZORGPLICHT_TERMIJN',
  /** To parents: a letter (e.g. the zorgplicht extension notice or decision) is ready in the portal; never the letter itself. */
  LETTER_AVAILABLE: 'LETTER_AVAILABLE',
  /** To staff who chose DAILY_DIGEST: one e-mail per school day listing the day's task messages (issue 5). */
  DAILY_DIGEST: 'DAILY_DIGEST',
} as const;

export type MessageKind = (typeof MessageKind)[keyof typeof MessageKind];

export const MESSAGE_KINDS: readonly MessageKind[] = Object.values(MessageKind);

export function isMessageKind(value: unknown): value is MessageKind {
  return typeof value === 'string' && (MESSAGE_KINDS as readonly string[]).includes(value);
}

/** The rung of the reminder ladder (cross-cutting rule 1). */
export const ReminderRung = {
  BEFORE_DUE: 'BEFORE_DUE',
  ON_DUE: 'ON_DUE',
  OVERDUE: 'OVERDUE',
} as const;

export type ReminderRung = (typeof ReminderRung)[keyof typeof ReminderRung];

/** Why a case is stuck (cross-cutting rule 6, a–d). A closed set: never free text in an e-mail. */
export const StuckKind = {
  /** (a) a human step past its escalation threshold */
  STEP_OVERDUE: 'STEP_OVERDUE',
  /** (b) an automated step (e-mail, database write) failing for longer than a threshold */
  AUTOMATED_STEP_FAILING: 'AUTOMATED_STEP_FAILING',
  /** (c) the workflow cannot make progress (task failure, no worker) */
  NO_PROGRESS: 'NO_PROGRESS',
  /** (d) waiting on consent past its timeout */
  CONSENT_TIMEOUT: 'CONSENT_TIMEOUT',
} as const;

export type StuckKind = (typeof StuckKind)[keyof typeof StuckKind];

/** The SWV loket's zorgplicht signals (P4.3). */
export const ZorgplichtSignal = {
  /** A week remains without decision (or extension). */
  WEEK_LEFT: 'WEEK_LEFT',
  /** The term has passed without a decision. */
  OVERDUE: 'OVERDUE',
  /** 10 weeks after receipt without a decision: risk of a thuiszitter. */
  TEN_WEEKS: 'TEN_WEEKS',
} as const;

export type ZorgplichtSignal = (typeof ZorgplichtSignal)[keyof typeof ZorgplichtSignal];

/** Letters that parents are told about (LETTER_AVAILABLE). A closed set: the e-mail names the kind of letter, not its content. */
export const LetterKind = {
  ZORGPLICHT_VERLENGING: 'ZORGPLICHT_VERLENGING',
  ZORGPLICHT_BESLUIT: 'ZORGPLICHT_BESLUIT',
} as const;

export type LetterKind = (typeof LetterKind)[keyof typeof LetterKind];
