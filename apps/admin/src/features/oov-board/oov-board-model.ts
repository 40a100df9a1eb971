import { type CaseSummaryFieldsFragment as CaseSummary } from '../../gql/graphql';
import { type OovPeriod, type OovRecord } from './oov-board.graphql';

/** The step an OOV case waits on while the SWV decides (a request or an extension). */
export const SWV_DECISION_STEP = 'OOV_SWV_DECISION';

export interface OovBoardSplit {
  /** Waiting for the SWV's decision, oldest due date first. */
  awaiting: CaseSummary[];
  /** Everything else that is open (in preparation, placed, returning). */
  other: CaseSummary[];
}

/** Splits the open OOV cases into those awaiting the SWV's decision and the rest. */
export function splitOovCases(cases: readonly CaseSummary[]): OovBoardSplit {
  const open = cases.filter((c) => c.process === 'OOV' && !c.closedAt);
  const awaiting = open
    .filter((c) => c.waitingFor === SWV_DECISION_STEP)
    .sort((a, b) => (a.nextDueDate ?? '9999').localeCompare(b.nextDueDate ?? '9999') || a.pupil.displayName.localeCompare(b.pupil.displayName));
  return { awaiting, other: open.filter((c) => !awaiting.includes(c)) };
}

/** The current placement: the latest period, if the pupil was placed. */
export function currentPeriod(record: Pick<OovRecord, 'periods'>): OovPeriod | null {
  return [...record.periods].sort((a, b) => b.round - a.round)[0] ?? null;
}

/** The evaluations of the current period that are still to come (no evaluation of that kind recorded for it). */
export function evaluationsDue(record: Pick<OovRecord, 'periods' | 'evaluations'>): Array<{ kind: 'HALVERWEGE' | 'EIND'; label: string; date: string }> {
  const period = currentPeriod(record);
  if (!period) return [];
  const done = new Set(record.evaluations.filter((e) => e.round === period.round).map((e) => e.kind));
  const due: Array<{ kind: 'HALVERWEGE' | 'EIND'; label: string; date: string }> = [];
  if (!done.has('HALVERWEGE')) due.push({ kind: 'HALVERWEGE', label: 'Evaluatie halverwege', date: period.midEvaluationDate });
  if (!done.has('EIND')) due.push({ kind: 'EIND', label: 'Evaluatie voor het einde', date: period.endEvaluationDate });
  return due;
}
