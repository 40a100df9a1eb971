import { Inject, Injectable } from '@nestjs/common';
import { Client, type WorkflowHandle } from '@temporalio/client';
import type { CaseSummaryEntity, ProcessType } from '@zorgroute/domain';
import type { Actor } from '@zorgroute/workflows';
import { AccessPolicy } from '../access/access-policy';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import { toAppError } from '../common/temporal-errors';
import { CasesService } from './cases.service';
import type { CaseSummaryModel } from './models/case.model';

/** Options for the workflow update of a step: the update id when the client sent an idempotency key. */
export interface StepUpdateOptions {
  updateId?: string;
}

/** What a client may send as an idempotency key (a UUID per user action is the intended use). */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,100}$/;

/**
 * The Temporal update id for a client's idempotency key: scoped to the caller, so two users cannot collide. Temporal
 * deduplicates updates by id within a workflow run: a retried request with the same key gets the outcome of the first
 * (success or rejection) and the step is not applied twice.
 */
export function stepUpdateOptions(user: AuthUser, idempotencyKey: string | null | undefined): StepUpdateOptions {
  if (idempotencyKey === null || idempotencyKey === undefined) return {};
  if (!IDEMPOTENCY_KEY.test(idempotencyKey)) {
    throw new AppError(
      'BAD_USER_INPUT',
      'Ongeldige invoer: idempotencyKey moet 8 tot 100 tekens zijn (letters, cijfers, . _ : -)',
      'Invalid input: idempotencyKey must be 8 to 100 characters (letters, digits, . _ : -)',
    );
  }
  return { updateId: `${user.id}/${idempotencyKey}` };
}

/**
 * The shared path of every human step of every process: the caller must see the case (scoped read
 * model) and may act on it, then the workflow update runs (its validator rejects a step that is not
 * open now: nothing is written), then the case is returned as the read model shows it (an update
 * returns only after its read-model row is written). With an idempotency key the update carries a
 * deterministic update id (see stepUpdateOptions), so a retried request does not apply the step twice.
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
      await send(this.temporal.workflow.getHandle(caseId), { id: user.id, name: user.name }, options);
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
      await send(this.temporal.workflow.getHandle(caseId), { id: user.id, name: user.name }, options);
    } catch (err) {
      throw toAppError(err);
    }
    return this.cases.summary(user, caseId);
  }
}
