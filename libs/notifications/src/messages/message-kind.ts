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
