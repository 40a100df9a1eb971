import { ParentClosePolicy, startChild, workflowInfo } from '@temporalio/workflow';
import type { ProcessType } from '@zorgroute/domain';
import { SA_PROCESS, SA_SCHOOL, type CaseRecorder } from './case-recorder';

/** A case started from this one (shown on both: `originCaseId` on the child, `ledTo` on the origin). */
export interface LinkedCase {
  caseId: string;
  process: ProcessType;
  at: string;
  /** Dutch: why it was started, e.g. "IZO-besluit: interne ondersteuning". */
  reason: string;
  /** False when the start failed (e.g. a case with this business key already exists elsewhere). */
  started: boolean;
}

export interface StartLinkedCaseOptions {
  /** Workflow type name (a string, so process files need not import each other at run time). */
  workflowType: string;
  /** Business key derived from the origin case, so a replayed or retried start never opens a second case. */
  workflowId: string;
  process: ProcessType;
  args: unknown[];
  reason: string;
}

/**
 * Starts a linked case as a child workflow that outlives its origin (`ParentClosePolicy.ABANDON`: closing the origin
 * never ends the new case), and records the link in the origin's read-model data (`ledTo`). The child gets the
 * search attributes of its process and school when the origin has them.
 */
export async function startLinkedCase(rec: CaseRecorder, opts: StartLinkedCaseOptions): Promise<LinkedCase> {
  const withSearchAttributes = workflowInfo().typedSearchAttributes.get(SA_PROCESS) !== undefined;
  let started = true;
  try {
    await startChild(opts.workflowType, {
      workflowId: opts.workflowId,
      args: opts.args,
      parentClosePolicy: ParentClosePolicy.ABANDON,
      ...(withSearchAttributes
        ? {
            typedSearchAttributes: [
              { key: SA_PROCESS, value: opts.process },
              { key: SA_SCHOOL, value: rec.snapshot.schoolId },
            ],
          }
        : {}),
    });
  } catch {
    started = false;
  }
  const link: LinkedCase = { caseId: opts.workflowId, process: opts.process, at: new Date().toISOString(), reason: opts.reason, started };
  const ledTo = ((rec.snapshot.data.ledTo as LinkedCase[] | undefined) ?? []).filter((l) => l.caseId !== link.caseId);
  rec.setData({ ledTo: [...ledTo, link] });
  return link;
}
