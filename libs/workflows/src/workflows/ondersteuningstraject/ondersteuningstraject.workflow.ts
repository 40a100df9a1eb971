/**
 * P1 — Ondersteuningstraject: the short support trajectory of 6–9 weeks (PROCESSES.md P1, seed 000:117-137, 155-226).
 *
 * AANGEMELD → INTAKE (the pupil's own goal) → MATCHING (a coach) → ACTIEF (weekly sessions, the tussenevaluatie at
 * half-time) → EINDEVALUATIE on the end date → AFGEROND | VERLENGD (back to ACTIEF) | DOORVERWEZEN (an IZO referral
 * starts) | GESTOPT.
 *
 * The human steps and their rules are in ondersteuningstraject.handlers.ts (defined in the step catalogue), the state in
 * ondersteuningstraject.case.ts, what runs next to this flow in ondersteuningstraject.parallel.ts. Parents are told at
 * the start, mid-way and at the end; the zorgcoördinator at overdue (the ladder's escalation) and at every outcome.
 */
import { allHandlersFinished, condition } from '@temporalio/workflow';
import { addCalendarDays, addCalendarWeeks, nextSchoolDay, zonedInstant } from '@zorgroute/domain/logic';
import { ONDERSTEUNINGSTRAJECT_STEPS as STEPS } from '@zorgroute/processes';
import { db } from '../common/case-activities.proxy';
import { awaitHumanStep } from '../common/human-step';
import { startLinkedCase } from '../common/links';
import { reject } from '../common/step-errors';
import type { StartZorgrouteInput } from '../zorgroute/zorgroute.messages';
import { todayIso, Trajectory } from './ondersteuningstraject.case';
import { installTrajectHandlers } from './ondersteuningstraject.handlers';
import {
  type OndersteuningstrajectState,
  type StartOndersteuningstrajectInput,
  type TrajectStatus,
} from './ondersteuningstraject.messages';
import { midEvaluationStep, sessionLogLadder, sessionReminders } from './ondersteuningstraject.parallel';

export * from './ondersteuningstraject.messages';

export async function ondersteuningstrajectWorkflow(input: StartOndersteuningstrajectInput): Promise<OndersteuningstrajectState> {
  const ctx = await db.loadCaseContext({ schoolId: input.schoolId });
  const policy = ctx.policies.ondersteuningstraject;
  const weeks = input.weeks ?? policy.defaultWeeks;
  if (!Number.isInteger(weeks) || weeks < policy.minWeeks || weeks > policy.maxWeeks) {
    reject('BAD_USER_INPUT', `De duur moet tussen ${policy.minWeeks} en ${policy.maxWeeks} weken liggen`, `The length must be ${policy.minWeeks} to ${policy.maxWeeks} weeks`);
  }
  const t = new Trajectory(input, ctx, weeks);
  const { rec, state } = t;
  installTrajectHandlers(t);
  const stopped = () => t.stopped();

  // AANGEMELD: the signal is recorded and the parents are informed.
  const intakeDue = t.due(todayIso(), policy.intakeWithinSchoolDays, 'P1.intakeWithinSchoolDays');
  const intakeOwner = ctx.zorgcoordinatorId ?? input.startedBy.id;
  t.syncData();
  await rec.record({ actorId: input.startedBy.id, actorName: input.startedBy.name, action: 'CASE_STARTED', description: 'Ondersteuningstraject aangemeld' });
  rec.notifyLater({
    key: `${rec.caseId}:started:parents`,
    recipients: { parentsOfPupil: input.pupilId },
    kind: 'CASE_STARTED',
    stepLabel: STEPS.RECORD_INTAKE.label,
    dueDate: intakeDue.date,
    ownerUserId: intakeOwner,
  });

  // INTAKE: within N school days; the trajectory cannot start before the pupil's goal is recorded.
  await t.transition('INTAKE', 'Intake gepland');
  await awaitHumanStep(rec, { step: 'RECORD_INTAKE', label: STEPS.RECORD_INTAKE.label, ownerUserId: intakeOwner, due: intakeDue }, () => state.goal !== null, stopped);

  // MATCHING: a coach is chosen on the goal.
  if (!stopped()) {
    await t.transition('MATCHING', 'Ontwikkeldoel vastgelegd; coach wordt gekozen');
    const matchingDue = t.due(todayIso(), policy.matchingWithinSchoolDays, 'P1.matchingWithinSchoolDays');
    await awaitHumanStep(rec, { step: 'ASSIGN_COACH', label: STEPS.ASSIGN_COACH.label, ownerUserId: ctx.zorgcoordinatorId ?? input.startedBy.id, due: matchingDue }, () => state.coach !== null, stopped);
  }

  // ACTIEF: weekly sessions for the chosen number of weeks (logged, optionally reminded), the tussenevaluatie at half-time.
  let parallel: Promise<void>[] = [];
  if (!stopped()) {
    state.startDate = nextSchoolDay(addCalendarDays(todayIso(), 1), ctx.calendar);
    state.endDate = addCalendarWeeks(state.startDate, state.weeks);
    await t.transition('ACTIEF', `Traject actief van ${state.startDate} tot ${state.endDate}`);
    parallel = [
      sessionLogLadder(t),
      midEvaluationStep(t),
      policy.sessionReminders ? sessionReminders(t) : Promise.resolve(),
    ];
  }

  // EINDEVALUATIE on the end date, whatever happened mid-way; VERLENGD goes round again with the new end date.
  while (!stopped() && state.outcome !== 'AFGEROND' && state.outcome !== 'DOORVERWEZEN' && state.outcome !== 'GESTOPT') {
    const endAt = Date.parse(zonedInstant(state.endDate as string, ctx.policies.ladder.sendAtHour, ctx.policies.ladder.sendAtMinute));
    if (t.status() !== 'ACTIEF') await t.transition('ACTIEF', `Traject verlengd tot ${state.endDate}`);
    rec.upsertDueDate('END_DATE', { date: state.endDate as string, rule: 'P1.weeks', inputs: {}, explanation: `Einddatum: ${state.weeks} weken na de start op ${state.startDate}` });
    if (await condition(stopped, Math.max(endAt - Date.now(), 1))) break;
    state.outcome = null;
    if (state.midEvaluation === null && !state.midEvaluationMissed) state.midEvaluationMissed = true;
    await t.transition('EINDEVALUATIE', state.midEvaluationMissed && state.midEvaluation === null ? 'Einddatum bereikt; eindevaluatie (de tussenevaluatie ontbreekt nog)' : 'Einddatum bereikt; eindevaluatie');
    const outcomeDue = t.due(state.endDate as string, policy.outcomeWithinSchoolDays, 'P1.outcomeWithinSchoolDays');
    await awaitHumanStep(rec, { step: 'RECORD_OUTCOME', label: STEPS.RECORD_OUTCOME.label, ownerUserId: state.coach?.id ?? ctx.zorgcoordinatorId, due: outcomeDue }, () => state.outcome !== null, stopped);
    if (state.outcome !== null) t.notifyOutcome(state.outcome, state.outcomeBy);
  }
  // The session logs, reminders and an open tussenevaluatie end with the trajectory (they wait for nothing else).
  for (const p of parallel) await p;
  if (t.c.admin.closed) return t.c.admin.end(() => t.view());
  return close(t);
}

/** The end: the outcome (or the stop) recorded, DOORVERWEZEN opens an IZO referral, the parents are told. */
async function close(t: Trajectory): Promise<OndersteuningstrajectState> {
  const { rec, state, input } = t;
  const s = rec.snapshot;
  const final: TrajectStatus = t.stopped() ? 'GESTOPT' : (state.outcome as TrajectStatus);
  s.outcome = final;
  s.closedAt = new Date().toISOString();
  s.waitingFor = null;
  s.nextDueDate = null;
  // DOORVERWEZEN opens an IZO referral (P2) prefilled from the trajectory (PROCESSES.md P1.5).
  if (final === 'DOORVERWEZEN') await referToIzo(t);
  // Parents are told at the end, whatever the outcome (which the e-mail does not name); a stop is an outcome for the
  // zorgcoördinator too (a recorded outcome was already told).
  if (state.stopped) t.notifyOutcome('GESTOPT', state.stopped.actor);
  rec.notifyLater({
    key: `${rec.caseId}:ended:parents`,
    recipients: { parentsOfPupil: input.pupilId },
    kind: 'TRAJECT_PARENT_UPDATE',
    moment: 'ENDED',
    stepLabel: 'Traject afgesloten',
    dueDate: todayIso(),
    ownerUserId: state.coach?.id ?? null,
  });
  await t.transition(final, t.stopped() ? `Traject gestopt: ${state.stopped?.reason ?? ''}` : `Traject afgesloten: ${final}`);
  await rec.drain();
  // Let a running update handler (e.g. the one that recorded the outcome) answer its caller first.
  await condition(allHandlersFinished);
  return t.view();
}

/** The IZO referral of a trajectory that ends DOORVERWEZEN, a linked P2 case prefilled from the trajectory. */
async function referToIzo(t: Trajectory): Promise<void> {
  const { rec, state, input } = t;
  const referrer = state.outcomeBy ?? input.startedBy;
  const sessions = state.sessions.filter((x) => x.attended).length;
  const p2: StartZorgrouteInput = {
    schoolId: input.schoolId,
    pupilId: input.pupilId,
    startedBy: referrer,
    referrerRole: 'COACH',
    source: 'ONDERSTEUNINGSTRAJECT',
    originCaseId: rec.caseId,
    form: {
      problem: input.reason,
      pupilHelpQuestion: state.goal,
      firstLineActions: [
        `Ondersteuningstraject van ${state.weeks} weken (${state.startDate ?? '?'} t/m ${state.endDate ?? '?'}), ${sessions} sessie(s) bijgewoond, coach ${state.coach?.name ?? 'onbekend'}.`,
        input.triedActions ?? '',
        state.midEvaluation ? `Tussenevaluatie: ${state.midEvaluation}` : '',
        `Doorverwezen: ${state.outcomeReason ?? ''}`,
      ]
        .filter(Boolean)
        .join('\n'),
      otherRemarks: input.observations ?? null,
    },
  };
  await startLinkedCase(rec, {
    workflowType: 'zorgrouteWorkflow',
    workflowId: `zorgroute-from-${rec.caseId}`,
    process: 'ZORGROUTE',
    args: [p2],
    reason: `Doorverwezen naar het IZO: ${state.outcomeReason ?? ''}`,
  });
}
