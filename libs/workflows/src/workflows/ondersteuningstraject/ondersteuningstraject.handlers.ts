/**
 * P1 — the human steps' updates. Each is registered from its definition in the step catalogue
 * (libs/processes/src/ondersteuningstraject/steps.ts: fields, bounds, Dutch messages, audit action); only the
 * process's own rules are code here: is the step open now, a session before the start, the number of extensions, the
 * coach switch.
 */
import { setHandler } from '@temporalio/workflow';
import { addCalendarWeeks } from '@zorgroute/domain/logic';
import { ONDERSTEUNINGSTRAJECT_STEPS as STEPS } from '@zorgroute/processes';
import { stepHandler } from '../common/open-case';
import { reject, requireText } from '../common/step-errors';
import { CLOSED, todayIso, type Trajectory } from './ondersteuningstraject.case';
import {
  assignCoach,
  getTrajectState,
  logSession,
  recordIntake,
  recordMidEvaluation,
  recordOutcome,
  stopTrajectory,
  type AssignCoachInput,
  type OndersteuningstrajectState,
} from './ondersteuningstraject.messages';

const WEEKDAYS = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag'];

/** The slot as text from its weekday (1 = maandag) and time, e.g. "dinsdag 10:15". */
function sessionSlotText(weekday: number | null | undefined, time: string | null | undefined): string {
  return weekday != null && time ? `${WEEKDAYS[weekday - 1]} ${time}` : '';
}

export function installTrajectHandlers(t: Trajectory): void {
  const { rec } = t;
  const state = t.state;
  const view = (): OndersteuningstrajectState => t.view();
  const sync = () => t.syncData();

  setHandler(getTrajectState, view);

  stepHandler(
    rec,
    recordIntake,
    {
      step: STEPS.RECORD_INTAKE,
      check: () => t.requireOpen('RECORD_INTAKE'),
      apply: (u) => {
        state.goal = u.goal.trim();
        state.subGoals = (u.subGoals ?? []).map((g) => g.trim()).filter(Boolean);
        state.intakeDate = u.intakeDate;
        return { description: 'Intakegesprek gehouden; ontwikkeldoel van de leerling vastgelegd' };
      },
      // Answers once the process has moved on, so the caller can take the next step (choose a coach) at once.
      movedOn: () => t.status() !== 'INTAKE',
      answer: view,
    },
    sync,
  );

  stepHandler<AssignCoachInput, OndersteuningstrajectState>(
    rec,
    assignCoach,
    {
      step: STEPS.ASSIGN_COACH,
      checkInput: (u) => {
        requireText(u.coachName, 'coachName', 1, 200);
        if ((u.sessionWeekday == null) !== (u.sessionTime == null)) {
          reject('BAD_USER_INPUT', 'Geef de dag én het tijdstip van de sessie op', 'Give both the day and the time of the session');
        }
        if (t.status() === 'MATCHING') return;
        if (t.status() === 'ACTIEF' || t.status() === 'EINDEVALUATIE') {
          // Switching coach is allowed at any time during the trajectory, with a reason (000:211-218).
          requireText(u.reason, 'reden', 3, 500);
          if (state.coach?.id === u.coachId) reject('BAD_USER_INPUT', 'Dit is al de coach van de leerling', 'This is already the pupil’s coach');
          return;
        }
        t.requireOpen('ASSIGN_COACH');
      },
      apply: (u) => {
        const switching = state.coach !== null;
        state.coachHistory.push({ id: u.coachId, name: u.coachName, from: todayIso(), reason: u.reason ?? null });
        state.coach = { id: u.coachId, name: u.coachName };
        state.sessionSlot = u.sessionSlot?.trim() || sessionSlotText(u.sessionWeekday, u.sessionTime);
        if (u.sessionWeekday != null && u.sessionTime != null) {
          state.sessionAt = { weekday: u.sessionWeekday, time: u.sessionTime };
          state.sessionAtVersion += 1;
        }
        rec.addParticipant(u.coachId);
        if (switching && rec.snapshot.waitingFor && rec.snapshot.waitingFor !== 'ASSIGN_COACH') rec.snapshot.ownerUserId = u.coachId;
        // An open session log and an open tussenevaluatie are the coach's: the new coach gets their remaining reminders.
        for (const side of ['LOG_SESSION', 'RECORD_MID_EVALUATION'] as const) {
          const open = rec.sideStep(side);
          if (switching && open) open.ownerUserId = u.coachId;
        }
        return switching
          ? { action: 'COACH_SWITCHED', description: `Andere coach: ${u.coachName}`, reason: u.reason }
          : { description: `Coach gekozen: ${u.coachName} (${state.sessionSlot})`, reason: u.reason };
      },
      // The first choice answers once the trajectory is active; a switch at once.
      movedOn: () => t.status() !== 'MATCHING',
      answer: view,
    },
    sync,
  );

  stepHandler(
    rec,
    logSession,
    {
      step: STEPS.LOG_SESSION,
      check: () => {
        if (t.status() !== 'ACTIEF' && t.status() !== 'EINDEVALUATIE') {
          reject('STEP_NOT_ALLOWED', 'Sessies loggen kan alleen tijdens een actief traject', 'Sessions can only be logged while the trajectory is active');
        }
      },
      checkInput: (u) => {
        if (state.startDate && u.date < state.startDate) reject('BAD_USER_INPUT', 'De sessie valt voor de start van het traject', 'The session is before the trajectory started');
      },
      apply: (u) => {
        state.sessions.push({ date: u.date, attended: u.attended, thermometer: u.thermometer ?? null, loggedBy: u.actor.name });
        state.sessions.sort((a, b) => a.date.localeCompare(b.date));
        return { description: u.attended ? `Sessie ${u.date} gelogd` : `Sessie ${u.date}: leerling afwezig` };
      },
      answer: view,
    },
    sync,
  );

  stepHandler(
    rec,
    recordMidEvaluation,
    {
      step: STEPS.RECORD_MID_EVALUATION,
      check: () => t.requireOpen('RECORD_MID_EVALUATION'),
      apply: (u) => {
        state.midEvaluation = u.summary.trim();
        return { description: 'Tussenevaluatie vastgelegd' };
      },
      answer: view,
    },
    sync,
  );

  stepHandler(
    rec,
    recordOutcome,
    {
      step: STEPS.RECORD_OUTCOME,
      check: (u) => {
        t.requireOpen('RECORD_OUTCOME');
        if (u.outcome === 'VERLENGD' && state.extensions >= t.policy.maxExtensions) {
          reject('STEP_NOT_ALLOWED', `Het traject is al ${state.extensions} keer verlengd (maximum ${t.policy.maxExtensions})`, `Already extended ${state.extensions} time(s) (maximum ${t.policy.maxExtensions})`);
        }
      },
      apply: (u) => {
        state.outcome = u.outcome;
        state.outcomeReason = u.reason ?? null;
        state.outcomeBy = u.actor;
        if (u.outcome === 'VERLENGD') {
          state.extensions += 1;
          state.endDate = addCalendarWeeks(state.endDate ?? todayIso(), u.extensionWeeks ?? 0);
          state.weeks += u.extensionWeeks ?? 0;
        }
        return { description: `Uitkomst eindevaluatie: ${u.outcome}`, reason: u.reason };
      },
      answer: view,
    },
    sync,
  );

  stepHandler(
    rec,
    stopTrajectory,
    {
      step: STEPS.STOP_TRAJECTORY,
      check: () => {
        if (CLOSED.includes(t.status())) reject('CASE_CLOSED', 'Dit traject is al afgesloten', 'This trajectory is already closed');
        if (state.stopped) reject('STEP_NOT_ALLOWED', 'Dit traject wordt al gestopt', 'This trajectory is already being stopped');
      },
      apply: (u) => {
        state.stopped = u;
        return { description: 'Traject voortijdig gestopt', reason: u.reason };
      },
      answer: view,
    },
    sync,
  );
}
