import { Inject, Injectable } from '@nestjs/common';
import { Client, type WorkflowHandle } from '@temporalio/client';
import type { ProcessType } from '@zorgroute/domain';
import type { Actor } from '@zorgroute/workflows';
import { AccessPolicy } from '../access/access-policy';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import { toAppError } from '../common/temporal-errors';
import { CasesService } from './cases.service';
import type { CaseSummaryModel } from './models/case.model';

/**
 * The shared path of every human step of every process: the caller must see the case (scoped read
 * model) and may act on it, then the workflow update runs (its validator rejects a step that is not
 * open now: nothing is written), then the case is returned as the read model shows it (an update
 * returns only after its read-model row is written).
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
    send: (handle: WorkflowHandle, actor: Actor) => Promise<unknown>,
  ): Promise<CaseSummaryModel> {
    const row = await this.cases.getVisible(user, caseId);
    if (row.process !== process) throw AppError.notFound('Casus van dit proces', 'Case of this process');
    if (!this.access.canActOnCase(user, row, coordinationOnly)) throw AppError.forbidden();
    try {
      await send(this.temporal.workflow.getHandle(caseId), { id: user.id, name: user.name });
    } catch (err) {
      throw toAppError(err);
    }
    return this.cases.summary(user, caseId);
  }
}
