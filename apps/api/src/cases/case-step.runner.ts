import { Inject, Injectable } from '@nestjs/common';
import { Client, type WorkflowHandle } from '@temporalio/client';
import type { CaseSummaryEntity, ProcessType } from '@zorgroute/domain';
import type { Actor } from '@zorgroute/workflows';
import { AccessPolicy } from '../access/access-policy';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import { toAppError } from '../common/temporal-errors';
import { effectiveIdempotencyKey, updateIdFor } from '../idempotency/idempotency-key';
import { stepHandle } from './step-handle';
import { CasesService } from './cases.service';
import type { CaseSummaryModel } from './models/case.model';

/** Options for the workflow update of a step: the update id when the client sent an idempotency key. */
export interface StepUpdateOptions {
  updateId?: string;
}

/**
 * The Temporal update id for a step: from the explicit `idempotencyKey` argument, or else the request's
 * `Idempotency-Key` header (see idempotency/idempotency-key.ts), scoped to the caller (`<user id>/<key>`), so two users
 * cannot collide. Temporal deduplicates updates by id within a workflow run: a retried request with the same key gets
 * the outcome of the first (success or rejection) and the step is not applied twice. A malformed key → BAD_USER_INPUT.
 */
export function stepUpdateOptions(user: AuthUser, idempotencyKey: string | null | undefined): StepUpdateOptions {
  const updateId = updateIdFor(user.id, effectiveIdempotencyKey(idempotencyKey));
  return updateId === undefined ? {} : { updateId };
}

/**
 * The shared path of every human step of every process: the caller must see the case (scoped read
 * model) and may act on it, then the workflow update runs (its validator rejects a step that is not
 * open now: nothing is written), then the case is returned as the read model shows it (an update
 * returns only after its read-model row is written). With an idempotency key (argument or `Idempotency-Key` header) the
 * update carries a deterministic update id (see stepUpdateOptions) — also when a use case does not pass `options` on
 * (stepHandle: the update id, and an answer within UPDATE_ANSWER_WAIT_MS once accepted) — so a retried request does not apply the step twice.
 */
@Injectable()
export class CaseStepRunner {
  constructor(
    @Inject(Client) private readonly temporal: Client,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(CasesService) private readonly cases: CasesService,
  ) {}

  async run(
    user: AuthUser,
    caseId: string,
    process: ProcessType,
    coordinationOnly: boolean,
    send: (handle: WorkflowHandle, actor: Actor, options: StepUpdateOptions) => Promise<unknown>,
    idempotencyKey?: string | null,
  ): Promise<CaseSummaryModel> {
    const options = stepUpdateOptions(user, idempotencyKey);
    const row = await this.cases.getVisible(user, caseId);
    if (row.process !== process) throw AppError.notFound('Casus van dit proces', 'Case of this process');
    if (!this.access.canActOnCase(user, row, coordinationOnly)) throw AppError.forbidden();
    try {
      await send(stepHandle(this.temporal.workflow.getHandle(caseId), options.updateId), { id: user.id, name: user.name }, options);
    } catch (err) {
      throw toAppError(err);
    }
    return this.cases.summary(user, caseId);
  }

  /**
   * Like `run`, for a step whose actor is decided by the process rather than by `canActOnCase`: e.g. the SWV on its
   * decision (P5), a parent on his view or the mentor confirming he has read the information (P6). The case must still
   * be visible to the caller (scoped read model); `mayAct` gets the visible row.
   */
  async runAs(
    user: AuthUser,
    caseId: string,
    process: ProcessType,
    mayAct: (user: AuthUser, row: CaseSummaryEntity) => boolean,
    send: (handle: WorkflowHandle, actor: Actor, options: StepUpdateOptions) => Promise<unknown>,
    idempotencyKey?: string | null,
  ): Promise<CaseSummaryModel> {
    const options = stepUpdateOptions(user, idempotencyKey);
    const row = await this.cases.getVisible(user, caseId);
    if (row.process !== process) throw AppError.notFound('Casus van dit proces', 'Case of this process');
    if (!mayAct(user, row)) throw AppError.forbidden();
    try {
      await send(stepHandle(this.temporal.workflow.getHandle(caseId), options.updateId), { id: user.id, name: user.name }, options);
    } catch (err) {
      throw toAppError(err);
    }
    return this.cases.summary(user, caseId);
  }
}
