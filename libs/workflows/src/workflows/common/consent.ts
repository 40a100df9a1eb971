/**
 * Consent (toestemming) as a first-class record, shared by every process (PROCESSES.md, cross-cutting rule 2):
 * a step that needs consent records the request, asks the parents (or named people) with a `CONSENT_REQUESTED`
 * message, reminds them along the ladder, and resolves to GIVEN, REFUSED or TIMED_OUT. A timeout never lets the
 * case proceed silently: the case is marked stuck (rule 6d) and the zorgcoördinator decides (ask again, or stop);
 * a refusal is an outcome, not an error. The answer comes in through the `recordConsentDecision` update: digital by
 * the parent in the portal, or a scanned paper form recorded by staff. A given consent can be withdrawn
 * (`withdrawConsent`), which the process may react to.
 *
 * Usage in a workflow (P2 for the ZAT referral, P3 for the parent's signature, P5, P6):
 *
 *   const consents = installConsentHandlers(rec);          // once, at the start (registers the updates)
 *   const { outcome } = await requireConsent(rec, { kind: 'ZAT_AANMELDING', label: 'Aanmelding bij het ZAT', … });
 *
 * `awaitConsent` asks once; `requireConsent` adds the zorgcoördinator's decision after a timeout and asks again when
 * he chooses to. Every message is keyed (case, request, rung), so it is sent at most once (rule 5).
 */
import { condition, defineQuery, defineUpdate, setHandler } from '@temporalio/workflow';
import { addSchoolDays, dueInSchoolDays, endOfZonedDay, reminderLadder, rungsAfter, toIsoDate, zonedInstant, type DueDate } from '@zorgroute/domain/logic';
import type { ConsentAnswer, ConsentGiverRole, ConsentMethod, ConsentRecordSnapshot, ConsentStatus } from '@zorgroute/domain';
import type { RecipientSpec } from '../../activities/case-activities.types';
import { db } from './case-activities.proxy';
import type { Actor, CaseRecorder } from './case-recorder';
import { STUCK_PRIORITY } from './stuck-reasons';
import { awaitHumanStep } from './human-step';
import { leftStep, untilMovedOn } from './moved-on';
import { reject, requireText } from './step-errors';

export type ConsentOutcome = 'GIVEN' | 'REFUSED' | 'TIMED_OUT';

/** What a case shows about one consent request (also returned by the consent updates). */
export interface ConsentRequestView {
  requestId: string;
  kind: string;
  label: string;
  scope: string;
  status: ConsentStatus;
  requestedAt: string;
  respondBy: string;
  timeoutAt: string;
  pupilMayDecide: boolean;
  giverUserId: string | null;
  giverRole: ConsentGiverRole | null;
  method: ConsentMethod | null;
  scanReference: string | null;
  /** The uploaded scan of the signed paper form (a case document), for paper answers since uploads exist. */
  scanDocumentId?: string | null;
  decidedAt: string | null;
  note: string | null;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
  /** After a timeout: the zorgcoördinator's decision (RETRY asks again, ABANDON stops asking). */
  timeoutDecision: ConsentTimeoutDecision | null;
  /** SHA-256 (hex) of the exact document the consent is about (e.g. an OPP version); only on such requests. */
  subjectDigest?: string;
  /**
   * Custody (issue 13): the guardians who must all give consent because the parents disagree (every guardian with
   * parental authority when the request was made); empty when one answer decides.
   */
  requiredGiverIds: string[];
  /** Their answers so far. */
  answers: ConsentAnswer[];
  /** Required guardians whose answer is still missing (empty once the request is decided). */
  missingGiverIds: string[];
}

export type ConsentTimeoutDecision = 'RETRY' | 'ABANDON';

export interface AwaitConsentOptions {
  /** Machine name of what is consented to, e.g. ZAT_AANMELDING; part of the request id and the step name. */
  kind: string;
  /** Short Dutch label for the parent and the case page, e.g. "Aanmelding bij het ZAT". */
  label: string;
  /** What exactly is consented to, in Dutch (stored with the record). */
  scope: string;
  /** Ask the parents/guardians of the case's pupil (default true). */
  parentsOfPupil?: boolean;
  /** Ask these people (by user id), in addition to or instead of the parents. */
  askUserIds?: string[];
  /** A pupil of 16 or older may answer himself (rule 2: he decides on sharing his own data). Default false. */
  pupilMayDecide?: boolean;
  /**
   * The consent is about sharing the pupil's own data (PROCESSES.md rule 2): from the day the pupil turns 16
   * (`CaseContext.pupilSixteenOn`, on the request's date) the pupil decides himself — the request goes to him, not to his
   * parents — and before that his parents do. Needs a context loaded with the pupil.
   */
  pupilDecidesFrom16?: boolean;
  /** `scope` written to the pupil ("je"), stored instead of `scope` when the pupil decides himself. */
  scopeForPupil?: string;
  /** School days until the request times out (default: policy consent.timeoutSchoolDays). */
  timeoutSchoolDays?: number;
  /** School days until the answer is due; the reminder ladder runs from here (default: policy consent.respondWithinSchoolDays). */
  respondWithinSchoolDays?: number;
  /** Who follows the request up (owner of the waiting step, told at escalation); default the zorgcoördinator. */
  followUpUserId?: string | null;
  requestedBy: Actor;
  /** Ends the wait early (e.g. the case is closed); the request is then CANCELLED. */
  isCancelled?: () => boolean;
  /** SHA-256 (hex) of the exact document consented to (e.g. the OPP version whose handelingsdeel the parents agree to). */
  subjectDigest?: string;
}

export interface ConsentResult {
  outcome: ConsentOutcome | 'CANCELLED';
  request: ConsentRequestView;
}

export interface ConsentDecisionInput {
  /** Who entered the answer: the parent/pupil himself (DIGITAL), or the staff member who recorded the paper form. */
  actor: Actor;
  requestId: string;
  decision: 'GIVEN' | 'REFUSED';
  method: ConsentMethod;
  /** Who gave or refused: a parent's user id, or the pupil's own user id. */
  giverUserId: string;
  giverRole: ConsentGiverRole;
  /**
   * PAPER_SCAN: the uploaded scan of the signed form (a case document id; the api checks it belongs to the case) —
   * or, in answers recorded before documents could be uploaded, a text reference to the scan.
   */
  scanDocumentId?: string | null;
  scanReference?: string | null;
  note?: string | null;
}

export interface WithdrawConsentInput {
  actor: Actor;
  requestId: string;
  reason: string;
}

export interface ConsentTimeoutDecisionInput {
  actor: Actor;
  requestId: string;
  decision: ConsentTimeoutDecision;
  reason: string;
}

export const recordConsentDecision = defineUpdate<ConsentRequestView, [ConsentDecisionInput]>('recordConsentDecision');
export const withdrawConsent = defineUpdate<ConsentRequestView, [WithdrawConsentInput]>('withdrawConsent');
export const decideConsentTimeout = defineUpdate<ConsentRequestView, [ConsentTimeoutDecisionInput]>('decideConsentTimeout');
export const getConsents = defineQuery<ConsentRequestView[]>('getConsents');

/** The step name a case waits for while a consent request of this kind is open. */
export function consentStep(kind: string): string {
  return `CONSENT_${kind}`;
}

/** The step name of the zorgcoördinator's decision after a timeout. */
export function consentTimeoutStep(kind: string): string {
  return `DECIDE_CONSENT_${kind}`;
}

export interface ConsentHooks {
  /** Called inside the update handler after a given consent was withdrawn (and recorded). */
  onWithdrawn?: (request: ConsentRequestView) => void;
}

/** What a consent update changed: an answer (given/refused), a withdrawal, or the decision after a timeout. */
export type ConsentChange = 'DECIDED' | 'WITHDRAWN' | 'TIMEOUT_DECIDED';

/**
 * Called by a consent update before it changes anything (so it sees the process as it was: `request` is the request
 * before the change); the promise it returns is awaited after the change was recorded and before the update answers
 * (see `ConsentDesk.answerAfter`).
 */
export type ConsentAnswerGate = (request: ConsentRequestView, change: ConsentChange) => Promise<void>;

export interface ConsentMovedOnOptions {
  /** The case has ended (closed or stopped): answer at once. */
  ended: () => boolean;
  /** Statuses in which the process waits without an open step (see `leftStep`). */
  parked?: readonly string[];
  /**
   * When a withdrawal of `request` moves the process (e.g. it ends the case, or sends it back), the condition that
   * says it has moved on; null (the default) when the process does not react and the update answers at once.
   */
  withdrawalMovedOn?: (request: ConsentRequestView) => (() => boolean) | null;
}

/**
 * The usual gate for `ConsentDesk.answerAfter`: an answer (or the decision after a timeout) answers once the process
 * has left the consent step (another step is open, the process is parked, or the case ended), a withdrawal once the
 * process has reacted to it — so a client can take the next step right after a parent consented (moved-on.ts).
 */
export function consentAnswersAfterMove(rec: CaseRecorder, opts: ConsentMovedOnOptions): ConsentAnswerGate {
  return (request, change) => {
    if (change === 'WITHDRAWN') {
      const movedOn = opts.withdrawalMovedOn?.(request) ?? null;
      return movedOn ? untilMovedOn(rec, movedOn, () => false) : Promise.resolve();
    }
    const step = change === 'DECIDED' ? consentStep(request.kind) : consentTimeoutStep(request.kind);
    return untilMovedOn(rec, leftStep(rec, step, opts.parked), opts.ended);
  };
}

/** The consent requests of one case, with their update handlers. Create it with `installConsentHandlers`. */
export class ConsentDesk {
  private readonly records: ConsentRecordSnapshot[] = [];
  private readonly timeoutDecisions = new Map<string, ConsentTimeoutDecision>();
  private readonly awaitingDecision = new Set<string>();
  private gate: ConsentAnswerGate | null = null;

  constructor(
    private readonly rec: CaseRecorder,
    private readonly hooks: ConsentHooks = {},
  ) {
    setHandler(getConsents, () => this.views());
    setHandler(recordConsentDecision, (u) => this.decide(u), { validator: (u) => this.validateDecision(u) });
    setHandler(withdrawConsent, (u) => this.withdraw(u), { validator: (u) => this.validateWithdrawal(u) });
    setHandler(decideConsentTimeout, (u) => this.timeoutDecision(u), { validator: (u) => this.validateTimeoutDecision(u) });
  }

  /**
   * Lets the consent updates answer only once `gate` resolves (typically `consentAnswersAfterMove`), so a client can
   * take the next step at once. Adds no commands (a condition without timeout), but changes when the updates complete:
   * a process that starts using it for running cases needs a patch (docs/architecture.md "Workflow versions").
   */
  answerAfter(gate: ConsentAnswerGate): void {
    this.gate = gate;
  }

  views(): ConsentRequestView[] {
    return this.records.map((r) => this.view(r));
  }

  /** The latest request of this kind, if any. */
  latest(kind: string): ConsentRequestView | null {
    const r = [...this.records].reverse().find((x) => x.kind === kind);
    return r ? this.view(r) : null;
  }

  /** True when the latest request of this kind was given and later withdrawn. */
  isWithdrawn(kind: string): boolean {
    const r = this.latest(kind);
    return r !== null && r.status === 'GIVEN' && r.withdrawnAt !== null;
  }

  /** Asks once: records the request, sends it, reminds, and resolves to the answer or TIMED_OUT. */
  async ask(opts: AwaitConsentOptions): Promise<ConsentResult> {
    const rec = this.rec;
    const ctx = rec.context;
    const s = rec.snapshot;
    const cancelled = opts.isCancelled ?? (() => false);
    const today = toIsoDate(Date.now());
    const timeoutDays = opts.timeoutSchoolDays ?? ctx.policies.consent.timeoutSchoolDays;
    const respondDays = Math.min(opts.respondWithinSchoolDays ?? ctx.policies.consent.respondWithinSchoolDays, timeoutDays);
    const due: DueDate = dueInSchoolDays(today, respondDays, ctx.calendar, 'consent.respondWithinSchoolDays');
    // The last day to answer is the timeout date itself, whole: an answer at 23:59 that day is on time. The request
    // times out at the end of that day; the reminders still stop at that day's sending hour.
    const timeoutDate = addSchoolDays(today, timeoutDays, ctx.calendar);
    const remindersUntil = zonedInstant(timeoutDate, ctx.policies.ladder.sendAtHour, ctx.policies.ladder.sendAtMinute);
    const timeoutAt = endOfZonedDay(timeoutDate);
    const n = this.records.filter((r) => r.kind === opts.kind).length + 1;
    const now = new Date().toISOString();
    // Rule 2: from 16 the pupil decides on sharing his own data, alone (the parents are then not asked).
    const pupilDecides = opts.pupilDecidesFrom16 === true && !!ctx.pupilSixteenOn && today >= ctx.pupilSixteenOn;
    const record: ConsentRecordSnapshot = {
      id: `${rec.caseId}:consent:${opts.kind}:${n}`,
      caseId: rec.caseId,
      process: s.process,
      pupilId: s.pupilId,
      schoolId: s.schoolId,
      kind: opts.kind,
      label: opts.label,
      scope: pupilDecides && opts.scopeForPupil ? opts.scopeForPupil : opts.scope,
      status: 'PENDING',
      parentsOfPupil: pupilDecides ? false : (opts.parentsOfPupil ?? true),
      askedUserIds: [...(opts.askUserIds ?? [])],
      pupilMayDecide: pupilDecides || (opts.pupilMayDecide ?? false),
      requestedAt: now,
      requestedByUserId: opts.requestedBy.id,
      respondBy: due.date,
      timeoutAt,
      giverUserId: null,
      giverRole: null,
      method: null,
      scanReference: null,
      recordedByUserId: null,
      decidedAt: null,
      note: null,
      withdrawnAt: null,
      withdrawalReason: null,
      withdrawnByUserId: null,
      version: 1,
      updatedAt: now,
      ...(opts.subjectDigest ? { subjectDigest: opts.subjectDigest } : {}),
    };
    this.records.push(record);
    // Custody (issue 13): the activity says who must answer a request to the parents (every guardian with parental
    // authority when they disagree). Data-driven: histories recorded before it returned nothing, and replay the same.
    const found = await db.recordConsent({ record: copyRecord(record) });
    if (found) {
      record.requiredGiverIds = found.requiredGiverIds.length > 1 ? [...found.requiredGiverIds] : [];
      if (record.requiredGiverIds.length) record.answers = [];
    }

    const step = consentStep(opts.kind);
    const followUp = opts.followUpUserId === undefined ? ctx.zorgcoordinatorId : opts.followUpUserId;
    s.waitingFor = step;
    s.nextDueDate = due.date;
    s.ownerUserId = followUp;
    rec.addParticipant(followUp);
    rec.upsertDueDate(step, {
      ...due,
      explanation: `${due.explanation} Antwoorden kan tot en met ${timeoutDate} (${timeoutDays} schooldagen); daarna vervalt het verzoek en beslist de zorgcoördinator.`,
    });
    this.sync();
    await rec.record({
      actorId: opts.requestedBy.id,
      actorName: opts.requestedBy.name,
      action: 'CONSENT_REQUESTED',
      description: `Toestemming gevraagd: ${opts.label}`,
      details: { requestId: record.id, kind: opts.kind, respondBy: due.date, timeoutAt },
    });

    const recipients: RecipientSpec = {
      ...(record.askedUserIds.length ? { userIds: record.askedUserIds } : {}),
      ...(record.parentsOfPupil ? { parentsOfPupil: s.pupilId } : {}),
      ...(pupilDecides ? { pupilAccountOf: s.pupilId } : {}),
    };
    const keyBase = `${record.id}:${s.seq}`;
    const answered = () => record.status !== 'PENDING';
    const finished = () => answered() || cancelled();
    rec.notifyLater({ key: `${keyBase}:requested`, recipients, kind: 'CONSENT_REQUESTED', stepLabel: opts.label, dueDate: due.date, ownerUserId: followUp });

    // Reminders to whoever is asked, the zorgcoördinator told at the escalation threshold; the timeout replaces
    // the ladder's stuck rung (rule 6d).
    const ladder = reminderLadder(due.date, ctx.policies.ladder, ctx.calendar).filter((r) => r.kind !== 'STUCK' && Date.parse(r.at) < Date.parse(remindersUntil));
    for (const rung of rungsAfter(ladder, Date.now())) {
      if (await condition(finished, Math.max(Date.parse(rung.at) - Date.now(), 1))) break;
      const key = `${keyBase}:${rung.key}`;
      if (rung.kind === 'REMINDER') {
        // Parents who disagree: remind only the guardians whose answer is still missing.
        const missing = missingGivers(record);
        const remind: RecipientSpec = missing.length ? { userIds: missing } : recipients;
        rec.notifyLater({ key, recipients: remind, kind: 'CONSENT_REQUESTED', stepLabel: opts.label, dueDate: due.date, offsetSchoolDays: rung.offsetSchoolDays, rung: rung.key, ownerUserId: followUp });
      } else if (ctx.zorgcoordinatorId) {
        rec.notifyLater({ key, recipients: { userIds: [ctx.zorgcoordinatorId] }, kind: 'STEP_ESCALATION', stepLabel: opts.label, dueDate: due.date, offsetSchoolDays: rung.offsetSchoolDays, ownerUserId: followUp });
        await rec.record({ actorId: null, actorName: 'Zorgroute', action: 'CONSENT_ESCALATED', description: `${opts.label}: nog geen antwoord, zorgcoördinator geïnformeerd` });
      }
    }
    if (!finished()) await condition(finished, Math.max(Date.parse(timeoutAt) - Date.now(), 1));

    s.waitingFor = null;
    s.nextDueDate = null;
    if (answered()) return { outcome: record.status as ConsentOutcome, request: this.view(record) };

    const outcome = cancelled() ? 'CANCELLED' : 'TIMED_OUT';
    record.status = outcome;
    record.version += 1;
    record.updatedAt = new Date().toISOString();
    await db.recordConsent({ record: copyRecord(record) });
    if (outcome === 'TIMED_OUT') {
      // Rule 6d: a case waiting on consent past its timeout is stuck until the zorgcoördinator decides.
      rec.stuck.add(`CONSENT_TIMEOUT:${opts.kind}`, STUCK_PRIORITY.STEP);
      this.awaitingDecision.add(record.id);
      if (ctx.zorgcoordinatorId) {
        rec.notifyLater({ key: `${keyBase}:timeout`, recipients: { userIds: [ctx.zorgcoordinatorId] }, kind: 'CASE_STUCK', stepLabel: opts.label, dueDate: due.date, offsetSchoolDays: timeoutDays - respondDays, ownerUserId: followUp });
      }
    }
    this.sync();
    await rec.record({
      actorId: null,
      actorName: 'Zorgroute',
      action: outcome === 'TIMED_OUT' ? 'CONSENT_TIMED_OUT' : 'CONSENT_CANCELLED',
      description: outcome === 'TIMED_OUT' ? `Geen antwoord op toestemmingsverzoek "${opts.label}": de zorgcoördinator beslist` : `Toestemmingsverzoek "${opts.label}" vervallen`,
      details: { requestId: record.id },
    });
    return { outcome, request: this.view(record) };
  }

  /**
   * After a timeout: the zorgcoördinator decides (a human step with the reminder ladder) whether to ask again
   * (RETRY) or to stop asking (ABANDON). Clears the consent-timeout stuck mark.
   */
  async awaitTimeoutDecision(requestId: string, opts: { label: string; due: DueDate; ownerUserId?: string | null; isCancelled?: () => boolean }): Promise<ConsentTimeoutDecision | 'CANCELLED'> {
    const record = this.find(requestId);
    if (!record) throw new Error(`unknown consent request ${requestId}`);
    const done = () => this.timeoutDecisions.has(requestId);
    const result = await awaitHumanStep(
      this.rec,
      { step: consentTimeoutStep(record.kind), label: opts.label, ownerUserId: opts.ownerUserId === undefined ? this.rec.context.zorgcoordinatorId : opts.ownerUserId, due: opts.due },
      done,
      opts.isCancelled,
    );
    this.awaitingDecision.delete(requestId);
    this.rec.stuck.remove(`CONSENT_TIMEOUT:${record.kind}`);
    return result === 'DONE' ? (this.timeoutDecisions.get(requestId) as ConsentTimeoutDecision) : 'CANCELLED';
  }

  /**
   * Request ids are `<caseId>:consent:<kind>:<n>`. Within one case the `consent:<kind>:<n>` part identifies the
   * request, so a history replayed under another workflow id (the replay tests) resolves the same request.
   */
  private find(requestId: string): ConsentRecordSnapshot | undefined {
    const local = (id: string) => id.slice(id.lastIndexOf(':consent:'));
    return this.records.find((r) => r.id === requestId) ?? (requestId.includes(':consent:') ? this.records.find((r) => local(r.id) === local(requestId)) : undefined);
  }

  private view(r: ConsentRecordSnapshot): ConsentRequestView {
    return {
      requestId: r.id,
      kind: r.kind,
      label: r.label,
      scope: r.scope,
      status: r.status,
      requestedAt: r.requestedAt,
      respondBy: r.respondBy,
      timeoutAt: r.timeoutAt,
      pupilMayDecide: r.pupilMayDecide,
      giverUserId: r.giverUserId,
      giverRole: r.giverRole,
      method: r.method,
      scanReference: r.scanReference,
      scanDocumentId: r.scanDocumentId ?? null,
      decidedAt: r.decidedAt,
      note: r.note,
      withdrawnAt: r.withdrawnAt,
      withdrawalReason: r.withdrawalReason,
      timeoutDecision: this.timeoutDecisions.get(r.id) ?? null,
      ...(r.subjectDigest ? { subjectDigest: r.subjectDigest } : {}),
      requiredGiverIds: [...(r.requiredGiverIds ?? [])],
      answers: (r.answers ?? []).map((a) => ({ ...a })),
      missingGiverIds: r.status === 'PENDING' ? missingGivers(r) : [],
    };
  }

  /** Mirrors the requests into the case's read-model data (the case page lists them). */
  private sync(): void {
    this.rec.setData({ consents: this.views() });
  }

  private requireRecord(requestId: string): ConsentRecordSnapshot {
    const record = typeof requestId === 'string' ? this.find(requestId) : undefined;
    if (!record) reject('BAD_USER_INPUT', 'Dit toestemmingsverzoek bestaat niet in deze casus', 'This consent request does not exist in this case');
    return record;
  }

  private validateDecision(u: ConsentDecisionInput): void {
    const record = this.requireRecord(u.requestId);
    if (record.status !== 'PENDING') {
      reject('STEP_NOT_ALLOWED', `Op het verzoek "${record.label}" kan niet (meer) geantwoord worden (${record.status})`, `The request "${record.kind}" cannot be answered (any more) (${record.status})`);
    }
    if (u.decision !== 'GIVEN' && u.decision !== 'REFUSED') reject('BAD_USER_INPUT', 'Kies toestemming geven of weigeren', 'Choose to give or refuse consent');
    if (u.method !== 'DIGITAL' && u.method !== 'PAPER_SCAN') reject('BAD_USER_INPUT', 'Onbekende manier van toestemming geven', 'Unknown consent method');
    requireText(u.giverUserId, 'giverUserId', 1, 64);
    if (u.giverRole === 'PUPIL') {
      if (!record.pupilMayDecide) {
        reject('STEP_NOT_ALLOWED', 'Voor deze toestemming moeten de ouders/verzorgers beslissen', 'The parents/guardians must decide on this consent');
      }
    } else if (u.giverRole === 'PARENT') {
      if (!record.parentsOfPupil && !record.askedUserIds.includes(u.giverUserId)) {
        reject('STEP_NOT_ALLOWED', 'Aan deze persoon is geen toestemming gevraagd', 'This person was not asked for consent');
      }
      if (record.requiredGiverIds?.length) {
        if (!record.requiredGiverIds.includes(u.giverUserId) && !record.askedUserIds.includes(u.giverUserId)) {
          reject('STEP_NOT_ALLOWED', 'Voor dit verzoek is het antwoord nodig van de ouders/verzorgers met gezag', 'This request needs the answers of the guardians with parental authority');
        }
        if ((record.answers ?? []).some((a) => a.giverUserId === u.giverUserId)) {
          reject('STEP_NOT_ALLOWED', 'Deze ouder/verzorger heeft al geantwoord op dit verzoek', 'This guardian has already answered this request');
        }
      }
    } else {
      reject('BAD_USER_INPUT', 'Onbekende rol van wie toestemming geeft', 'Unknown role of the consent giver');
    }
    if (u.method === 'PAPER_SCAN') {
      if (u.scanDocumentId != null) requireText(u.scanDocumentId, 'scan', 1, 64);
      else requireText(u.scanReference, 'scanReferentie', 3, 300);
    }
    if (u.note != null) requireText(u.note, 'toelichting', 0, 1000);
  }

  private async decide(u: ConsentDecisionInput): Promise<ConsentRequestView> {
    const record = this.requireRecord(u.requestId);
    const now = new Date().toISOString();
    if (record.requiredGiverIds?.length && u.giverRole === 'PARENT') {
      // Parents who disagree: every guardian with authority answers; one refusal refuses, consent needs them all.
      const answer: ConsentAnswer = {
        giverUserId: u.giverUserId,
        giverRole: u.giverRole,
        decision: u.decision,
        method: u.method,
        scanReference: u.method === 'PAPER_SCAN' ? (u.scanReference ?? null) : null,
        recordedByUserId: u.actor.id,
        decidedAt: now,
        note: u.note?.trim() || null,
      };
      const answers = [...(record.answers ?? []), answer];
      const complete = u.decision === 'REFUSED' || record.requiredGiverIds.every((id) => answers.some((a) => a.giverUserId === id && a.decision === 'GIVEN'));
      if (!complete) return this.recordPartialAnswer(record, answers, u);
      record.answers = answers;
    }
    const movedOn = this.gate?.(this.view(record), 'DECIDED');
    record.status = u.decision;
    record.giverUserId = u.giverUserId;
    record.giverRole = u.giverRole;
    record.method = u.method;
    record.scanReference = u.method === 'PAPER_SCAN' ? (u.scanReference ?? null) : null;
    if (u.method === 'PAPER_SCAN' && u.scanDocumentId) record.scanDocumentId = u.scanDocumentId;
    record.recordedByUserId = u.actor.id;
    record.decidedAt = now;
    record.note = u.note?.trim() || null;
    record.version += 1;
    record.updatedAt = now;
    await db.recordConsent({ record: copyRecord(record) });
    this.sync();
    const how = u.method === 'PAPER_SCAN' ? ' (papieren formulier, gescand)' : ' (digitaal)';
    const who = u.giverRole === 'PUPIL' ? 'de leerling' : 'ouder/verzorger';
    await this.rec.record({
      actorId: u.actor.id,
      actorName: u.actor.name,
      action: u.decision === 'GIVEN' ? 'CONSENT_GIVEN' : 'CONSENT_REFUSED',
      description: `${u.decision === 'GIVEN' ? 'Toestemming gegeven' : 'Toestemming geweigerd'} door ${who}${how}: ${record.label}`,
      reason: record.note,
      details: { requestId: record.id, kind: record.kind, method: u.method, giverRole: u.giverRole, ...(record.scanDocumentId ? { scanDocumentId: record.scanDocumentId } : {}) },
    });
    await movedOn;
    return this.view(record);
  }

  /** One guardian of parents who disagree consented; the request waits for the others (the process does not move). */
  private async recordPartialAnswer(record: ConsentRecordSnapshot, answers: ConsentAnswer[], u: ConsentDecisionInput): Promise<ConsentRequestView> {
    record.answers = answers;
    record.version += 1;
    record.updatedAt = answers[answers.length - 1].decidedAt;
    await db.recordConsent({ record: copyRecord(record) });
    this.sync();
    const how = u.method === 'PAPER_SCAN' ? ' (papieren formulier, gescand)' : ' (digitaal)';
    const required = record.requiredGiverIds ?? [];
    const given = required.filter((id) => answers.some((a) => a.giverUserId === id)).length;
    await this.rec.record({
      actorId: u.actor.id,
      actorName: u.actor.name,
      action: 'CONSENT_PARTLY_GIVEN',
      description: `Toestemming gegeven door ouder/verzorger${how}: ${record.label} (${given} van ${required.length}; de ouders zijn het oneens, alle ouders met gezag moeten toestemming geven)`,
      reason: answers[answers.length - 1].note,
      details: { requestId: record.id, kind: record.kind, method: u.method, giverRole: u.giverRole, answered: given, required: required.length },
    });
    return this.view(record);
  }

  private validateWithdrawal(u: WithdrawConsentInput): void {
    const record = this.requireRecord(u.requestId);
    if (record.status !== 'GIVEN' || record.withdrawnAt !== null) {
      reject('STEP_NOT_ALLOWED', 'Alleen een gegeven toestemming kan worden ingetrokken', 'Only a given consent can be withdrawn');
    }
    requireText(u.reason, 'reden', 3, 1000);
  }

  private async withdraw(u: WithdrawConsentInput): Promise<ConsentRequestView> {
    const record = this.requireRecord(u.requestId);
    const movedOn = this.gate?.(this.view(record), 'WITHDRAWN');
    const now = new Date().toISOString();
    record.withdrawnAt = now;
    record.withdrawalReason = u.reason.trim();
    record.withdrawnByUserId = u.actor.id;
    record.version += 1;
    record.updatedAt = now;
    await db.recordConsent({ record: copyRecord(record) });
    this.sync();
    const view = this.view(record);
    this.hooks.onWithdrawn?.(view);
    await this.rec.record({
      actorId: u.actor.id,
      actorName: u.actor.name,
      action: 'CONSENT_WITHDRAWN',
      description: `Toestemming ingetrokken: ${record.label}`,
      reason: record.withdrawalReason,
      details: { requestId: record.id, kind: record.kind },
    });
    await movedOn;
    return this.view(record);
  }

  private validateTimeoutDecision(u: ConsentTimeoutDecisionInput): void {
    const record = this.requireRecord(u.requestId);
    if (!this.awaitingDecision.has(record.id) || this.timeoutDecisions.has(record.id)) {
      reject('STEP_NOT_ALLOWED', 'Er wordt nu geen beslissing over dit verlopen verzoek gevraagd', 'No decision on this expired request is asked for now');
    }
    if (u.decision !== 'RETRY' && u.decision !== 'ABANDON') reject('BAD_USER_INPUT', 'Kies opnieuw vragen of stoppen', 'Choose to ask again or to stop');
    requireText(u.reason, 'reden', 3, 1000);
  }

  private async timeoutDecision(u: ConsentTimeoutDecisionInput): Promise<ConsentRequestView> {
    const record = this.requireRecord(u.requestId);
    const movedOn = this.gate?.(this.view(record), 'TIMEOUT_DECIDED');
    this.timeoutDecisions.set(record.id, u.decision);
    this.sync();
    await this.rec.record({
      actorId: u.actor.id,
      actorName: u.actor.name,
      action: 'CONSENT_TIMEOUT_DECIDED',
      description: u.decision === 'RETRY' ? `Opnieuw toestemming vragen: ${record.label}` : `Niet opnieuw vragen; verder zonder toestemming voor: ${record.label}`,
      reason: u.reason.trim(),
      details: { requestId: record.id, decision: u.decision },
    });
    await movedOn;
    return this.view(record);
  }
}

/** A copy of a record for an activity (the workflow keeps changing its own). */
function copyRecord(r: ConsentRecordSnapshot): ConsentRecordSnapshot {
  return {
    ...r,
    askedUserIds: [...r.askedUserIds],
    ...(r.requiredGiverIds ? { requiredGiverIds: [...r.requiredGiverIds] } : {}),
    ...(r.answers ? { answers: r.answers.map((a) => ({ ...a })) } : {}),
  };
}

/** The required guardians (parents who disagree) who have not answered yet. */
function missingGivers(r: ConsentRecordSnapshot): string[] {
  return (r.requiredGiverIds ?? []).filter((id) => !(r.answers ?? []).some((a) => a.giverUserId === id));
}

const desks = new WeakMap<CaseRecorder, ConsentDesk>();

/** Registers the consent updates and query for this case (call once, at the start of the workflow). */
export function installConsentHandlers(rec: CaseRecorder, hooks: ConsentHooks = {}): ConsentDesk {
  const existing = desks.get(rec);
  if (existing) return existing;
  const desk = new ConsentDesk(rec, hooks);
  desks.set(rec, desk);
  return desk;
}

/** Asks for consent once and resolves to GIVEN, REFUSED or TIMED_OUT (or CANCELLED when `isCancelled`). */
export function awaitConsent(rec: CaseRecorder, opts: AwaitConsentOptions): Promise<ConsentResult> {
  return installConsentHandlers(rec).ask(opts);
}

/**
 * Asks for consent until there is an answer or the zorgcoördinator stops asking: after each timeout he decides
 * (within `decisionWithinSchoolDays`, default the policy's triage-like 5) to ask again or to stop. Resolves to
 * GIVEN, REFUSED, TIMED_OUT (he stopped asking) or CANCELLED.
 */
export async function requireConsent(
  rec: CaseRecorder,
  opts: AwaitConsentOptions & { decisionLabel?: string; decisionWithinSchoolDays?: number },
): Promise<ConsentResult> {
  const desk = installConsentHandlers(rec);
  for (;;) {
    const result = await desk.ask(opts);
    if (result.outcome !== 'TIMED_OUT') return result;
    const due = dueInSchoolDays(toIsoDate(Date.now()), opts.decisionWithinSchoolDays ?? rec.context.policies.consent.respondWithinSchoolDays, rec.context.calendar, 'consent.timeoutDecision');
    const decision = await desk.awaitTimeoutDecision(result.request.requestId, {
      label: opts.decisionLabel ?? `Besluit na verlopen toestemmingsverzoek: ${opts.label}`,
      due,
      isCancelled: opts.isCancelled,
    });
    if (decision === 'CANCELLED') return { outcome: 'CANCELLED', request: result.request };
    if (decision === 'ABANDON') return { outcome: 'TIMED_OUT', request: desk.latest(opts.kind) ?? result.request };
  }
}
