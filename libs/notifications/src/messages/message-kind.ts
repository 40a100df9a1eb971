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
  /**
   * To a parent: the school asks for a document (e.g. a report for the application) to upload in the portal, and
   * reminds along the ladder; names what is asked (a label the process sets), never a reason or diagnosis.
   */
  DOCUMENT_REQUESTED: 'DOCUMENT_REQUESTED',
  /** To the SWV loket (P4): a zorgplicht term has a week left, is overdue, or is at 10 weeks without a decision. */
  ZORGPLICHT_TERMIJN: 'ZORGPLICHT_TERMIJN',
  /** To parents: a letter (e.g. the zorgplicht extension notice or decision) is ready in the portal; never the letter itself. */
  LETTER_AVAILABLE: 'LETTER_AVAILABLE',
  /** To parents (P1): the ondersteuningstraject is halfway (tussenevaluatie held) or has ended; no case details. */
  TRAJECT_PARENT_UPDATE: 'TRAJECT_PARENT_UPDATE',
  /** To the zorgcoördinator (P1): the outcome of a trajectory was recorded (afgerond, verlengd, doorverwezen, gestopt). */
  TRAJECT_OUTCOME: 'TRAJECT_OUTCOME',
  /** To each participant of a meeting (IZO, ZAT, Flex-ZAT, JOS startgesprek): date, time, place, what to bring; no case details. */
  MEETING_INVITATION: 'MEETING_INVITATION',
  /** To each participant of a planned meeting that will not take place (the case was closed): date and place, no reason. */
  MEETING_CANCELLED: 'MEETING_CANCELLED',
  /** To the participants of a ZAT meeting, at least 5 school days before it: the agenda and information are ready (P2). */
  MEETING_AGENDA: 'MEETING_AGENDA',
  /**
   * To the participants of one meeting of the school (issue 17.8: an IZO, ZAT or Flex-ZAT with all its cases): date,
   * time, place and how many pupils are on the agenda, with a link to the meeting page; never a pupil's name.
   */
  MEETING_OVERVIEW_AGENDA: 'MEETING_OVERVIEW_AGENDA',
  /** To parents: the school closed their child's case before its end (an admin close); which process, never the reason. */
  CASE_CLOSED: 'CASE_CLOSED',
  /**
   * To the referrer (P2): the zorgcoördinator sent the IZO referral back to be completed; which parts of the form are
   * still empty, never the coordinator's note (that is read in Zorgroute).
   */
  REFERRAL_RETURNED: 'REFERRAL_RETURNED',
  /** To the coach and the pupil (P1, policy sessionReminders): a session is coming, its date and time; no case details. */
  SESSION_REMINDER: 'SESSION_REMINDER',
  /** To staff who chose DAILY_DIGEST: one e-mail per school day listing the day's task messages (issue 5). */
  DAILY_DIGEST: 'DAILY_DIGEST',
  /**
   * To a parent/guardian (or a pupil without a school account): an invitation to log in to Zorgroute, a single-use link
   * that expires (issue 13); no case details.
   */
  LOGIN_INVITATION: 'LOGIN_INVITATION',
  /** To a parent/guardian or pupil who asked for it: a one-time login code, valid for minutes; nothing else. */
  LOGIN_CODE: 'LOGIN_CODE',
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
  /** P8: the SWV extends its decision term on a TLV request, with the reason. */
  TLV_VERLENGING: 'TLV_VERLENGING',
  /** P8: the SWV's decision on a TLV request (category, dates, how to object). */
  TLV_BESLUIT: 'TLV_BESLUIT',
} as const;

export type LetterKind = (typeof LetterKind)[keyof typeof LetterKind];

/** The moments of an ondersteuningstraject the parents are told about (P1 notifications; the start is CASE_STARTED). */
export const TrajectMoment = {
  /** The tussenevaluatie was held. */
  MIDWAY: 'MIDWAY',
  /** The trajectory was closed (whatever the outcome: the e-mail does not say which). */
  ENDED: 'ENDED',
} as const;

export type TrajectMoment = (typeof TrajectMoment)[keyof typeof TrajectMoment];

/** Outcomes of an ondersteuningstraject told to the zorgcoördinator. A closed set: never a reason in an e-mail. */
export const TrajectOutcomeKind = {
  AFGEROND: 'AFGEROND',
  VERLENGD: 'VERLENGD',
  DOORVERWEZEN: 'DOORVERWEZEN',
  GESTOPT: 'GESTOPT',
} as const;

export type TrajectOutcomeKind = (typeof TrajectOutcomeKind)[keyof typeof TrajectOutcomeKind];

/** Meetings that participants are invited to (P2 IZO/ZAT/Flex-ZAT, P3 JOS startgesprek). A closed set. */
export const MeetingKind = {
  IZO: 'IZO',
  ZAT: 'ZAT',
  FLEX_ZAT: 'FLEX_ZAT',
  JOS_STARTGESPREK: 'JOS_STARTGESPREK',
} as const;

export type MeetingKind = (typeof MeetingKind)[keyof typeof MeetingKind];

/** How a meeting is held. */
export const MeetingMode = {
  OP_SCHOOL: 'OP_SCHOOL',
  TELEFONISCH: 'TELEFONISCH',
} as const;

export type MeetingMode = (typeof MeetingMode)[keyof typeof MeetingMode];

/** Who an invitation is written for: staff ("je"), a parent ("u") or the pupil ("je", plain words). */
export const MeetingAudience = {
  STAFF: 'STAFF',
  PARENT: 'PARENT',
  PUPIL: 'PUPIL',
} as const;

export type MeetingAudience = (typeof MeetingAudience)[keyof typeof MeetingAudience];
