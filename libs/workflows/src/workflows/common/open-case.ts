/**
 * Every process opens its case here, so no process can forget a cross-cutting rule (issue 12): the recorder (read
 * model, audit, search attributes, messages), the shared admin updates (extend, reassign, resend, close — rule 6), the
 * consent desk (rule 2) and the stuck reasons (rule 6). And one helper registers a human step's update from its
 * definition in the step catalogue: checked against the catalogue, applied, recorded with the catalogue's audit
 * action, answered once the process has moved on.
 */
import type { UpdateDefinition } from '@temporalio/common';
import { condition, setHandler } from '@temporalio/workflow';
import type { CaseSnapshot } from '@zorgroute/domain';
import type { StepDefinition } from '@zorgroute/processes';
import type { CaseContext } from '../../activities/case-activities.types';
import { installAdminHandlers, type AdminControl, type AdminHandlerOptions } from './admin-actions';
import { CaseRecorder, type Actor } from './case-recorder';
import { installConsentHandlers, type ConsentDesk, type ConsentHooks } from './consent';
import { requireStepInput } from './step-errors';
import type { StuckReasons } from './stuck-reasons';

export type CaseInit = ConstructorParameters<typeof CaseRecorder>[0];

export interface OpenCaseOptions {
  admin?: AdminHandlerOptions;
  consent?: ConsentHooks;
}

export interface OpenedCase {
  rec: CaseRecorder;
  admin: AdminControl;
  consents: ConsentDesk;
  stuck: StuckReasons;
  /** The case as the read model and the queries show it. */
  snapshot: CaseSnapshot;
}

/** Opens a case: the recorder, with the admin updates, the consent desk and the stuck reasons installed. */
export function openCase(init: CaseInit, ctx: CaseContext, options: OpenCaseOptions = {}): OpenedCase {
  const rec = new CaseRecorder(init, ctx);
  const admin = installAdminHandlers(rec, options.admin);
  const consents = installConsentHandlers(rec, options.consent);
  return { rec, admin, consents, stuck: rec.stuck, snapshot: rec.snapshot };
}

export interface TimelineLine {
  description: string;
  reason?: string | null;
  action?: string;
  /**
   * What follows the record, in this order (e.g. the parents' e-mail about a letter, a status the step moved the case
   * to): it runs after the timeline line is recorded and before the update waits for the process to move on.
   */
  afterRecord?(): void | Promise<void>;
}

export interface StepHandlerSpec<I extends { actor: Actor }, R> {
  /** The step's definition in the catalogue: its fields are checked, its audit action is recorded. */
  step: Pick<StepDefinition, 'fields' | 'audit'>;
  /**
   * The process's own rules before the input is checked: is the step open now (STEP_NOT_ALLOWED / CASE_CLOSED), and
   * rules the catalogue cannot state. Throws through `reject`.
   */
  check?(u: I): void;
  /**
   * The input as the catalogue checks it, when the update carries more than the caller sends (e.g. a field the api adds
   * from its own records). Default: the input itself.
   */
  asSent?(u: I): unknown;
  /** Rules that need the checked input (e.g. a date before the case's start). */
  checkInput?(u: I): void;
  /**
   * Changes the case's state and returns the timeline line to record: its description and reason, and the audit action
   * when this time it is not the step's usual one (e.g. a coach switched rather than chosen).
   */
  apply(u: I): TimelineLine | Promise<TimelineLine>;
  /**
   * When given, the update answers once this holds (the process has moved on), so the next step can be taken at once.
   * It is given the update's input, for a process whose step moves on only for some inputs.
   */
  movedOn?(u: I): boolean;
  /** The answer (the case's state). */
  answer(): R;
}

/**
 * Registers the update of a human step. The validator (nothing is written when it refuses) runs the process's rules,
 * then the catalogue's field checks; the handler applies the step, records it with the catalogue's audit action and
 * answers once the process has moved on.
 */
export function stepHandler<I extends { actor: Actor }, R>(rec: CaseRecorder, update: UpdateDefinition<R, [I]>, spec: StepHandlerSpec<I, R>, syncData: () => void): void {
  setHandler(
    update,
    async (u: I) => {
      const line = await spec.apply(u);
      syncData();
      await rec.record({ actorId: u.actor.id, actorName: u.actor.name, action: line.action ?? spec.step.audit, description: line.description, reason: line.reason ?? null });
      if (line.afterRecord) await line.afterRecord();
      if (spec.movedOn) await condition(() => spec.movedOn?.(u) === true || (rec.admin?.closed ?? false));
      return spec.answer();
    },
    {
      validator: (u: I) => {
        spec.check?.(u);
        requireStepInput(spec.step, spec.asSent ? spec.asSent(u) : u, rec.context.policies);
        spec.checkInput?.(u);
      },
    },
  );
}
