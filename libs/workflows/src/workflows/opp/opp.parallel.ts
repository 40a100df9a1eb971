/**
 * P7 — what runs next to the main flow: the registration of the OPP in BRON, a recorded step for the administration
 * (on the zorgcoördinator's instruction [003:1592-1598]) once the parents agreed to the first version. It has its own
 * owner, due date and ladder and never holds up the plan.
 */
import { OPP_STEPS as STEPS } from '@zorgroute/processes';
import { awaitHumanStep } from '../common/human-step';
import { CLOSED, todayIso, type OppCase } from './opp.case';

export async function bronRegistration(o: OppCase): Promise<void> {
  const { rec, ctx, policy, state } = o;
  await awaitHumanStep(
    rec,
    { step: 'OPP_REGISTER_BRON', label: STEPS.OPP_REGISTER_BRON.label, ownerUserId: ctx.zorgcoordinatorId, due: o.due(todayIso(), policy.bronWithinSchoolDays, 'P7.bronWithinSchoolDays') },
    () => state.bron !== null,
    () => o.stopped() || CLOSED.includes(o.status()),
    { parallel: true },
  );
  if (!CLOSED.includes(o.status())) {
    o.syncData();
    await rec.record();
  }
}
