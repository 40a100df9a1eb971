import type { CaseSnapshot } from '@zorgroute/domain';

/**
 * A read-model row as a workflow writes it for a case that just started (no owner, no due date, not stuck, sequence 1),
 * for specs that write `case_summary` rows directly through `CaseReadModelRepository.upsert`; `over` sets what the
 * spec is about.
 */
export function caseSnapshot(over: Partial<CaseSnapshot> & Pick<CaseSnapshot, 'caseId' | 'process' | 'status' | 'schoolId' | 'pupilId'>): CaseSnapshot {
  const now = new Date().toISOString();
  return {
    waitingFor: null,
    nextDueDate: null,
    ownerUserId: null,
    stuck: false,
    stuckReason: null,
    outcome: null,
    policyVersion: 'test',
    originCaseId: null,
    participantIds: [],
    data: {},
    seq: 1,
    startedAt: now,
    updatedAt: now,
    closedAt: null,
    ...over,
  };
}
