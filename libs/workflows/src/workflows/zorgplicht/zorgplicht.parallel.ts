/**
 * P4 — what runs beside the decision step: the SWV watcher (P4.3) tells the SWV loket when a week remains without a
 * decision, when the term is overdue and at 10 weeks after receipt without a decision, until there is a decision.
 */
import { condition } from '@temporalio/workflow';
import { zonedInstant } from '@zorgroute/domain/logic';
import { todayIso, type ZorgplichtCase } from './zorgplicht.case';
import { zorgplichtClockStatus, zorgplichtSwvSignalPlan, type ZorgplichtSwvSignalPlan } from './zorgplicht-clock';
import { ZORGPLICHT_STEP_LABELS } from './zorgplicht.messages';
import { ZORGPLICHT_SIGNAL_DESCRIPTIONS, zorgplichtSignalDays, zorgplichtSignalToSend } from './zorgplicht.rules';

/** Sends each signal of the clock in force when it is due (sent at the ladder's send time), until there is a decision. */
export async function watchSwv(z: ZorgplichtCase): Promise<void> {
  const { state, policy, ctx } = z;
  const decided = () => z.decided();
  const signalAt = (p: ZorgplichtSwvSignalPlan) => Date.parse(zonedInstant(p.date, ctx.policies.ladder.sendAtHour, ctx.policies.ladder.sendAtMinute));
  const fired = new Set<string>();
  while (!decided()) {
    const plan = zorgplichtSwvSignalPlan(state.clock, policy).filter((p) => !fired.has(p.key));
    if (!plan.length) {
      await condition(decided);
      return;
    }
    const now = Date.now();
    const due = plan.filter((p) => signalAt(p) <= now);
    if (due.length) {
      // Several signals due at once (a clock registered late): send the most severe, note the rest.
      const { top, covered } = zorgplichtSignalToSend(due);
      due.forEach((p) => fired.add(p.key));
      await sendSignal(z, top, covered);
      continue;
    }
    // The next signal, or earlier when the term is extended (a new plan).
    const extension = state.clock.extension;
    await condition(() => decided() || state.clock.extension !== extension, Math.max(signalAt(plan[0]) - now, 1));
  }
}

/** Tells the SWV loket (a message, the case's timeline); `covered` are the signals this one stands for. */
async function sendSignal(z: ZorgplichtCase, top: ZorgplichtSwvSignalPlan, covered: ZorgplichtSwvSignalPlan[]): Promise<void> {
  const { rec, state } = z;
  const s = z.c.snapshot;
  const today = todayIso();
  const calendarDays = zorgplichtSignalDays(top.signal, zorgplichtClockStatus(state.clock, today));
  state.swvSignals.push({ key: top.key, signal: top.signal, on: today, covers: covered.map((c) => c.key) });
  rec.notifyLater({
    key: `${rec.caseId}:swv:${top.key}`,
    recipients: { swvLoketOfSchool: s.schoolId },
    kind: 'ZORGPLICHT_TERMIJN',
    stepLabel: ZORGPLICHT_STEP_LABELS.RECORD_DECISION,
    dueDate: state.clock.due.date,
    zorgplicht: { signal: top.signal, receivedOn: state.clock.receivedOn, extended: state.clock.extension !== null, ...(calendarDays ? { calendarDays } : {}) },
  });
  z.syncData();
  await rec.record({ actorId: null, actorName: 'Zorgroute', action: `SWV_${top.signal}`, description: ZORGPLICHT_SIGNAL_DESCRIPTIONS[top.signal] });
}
