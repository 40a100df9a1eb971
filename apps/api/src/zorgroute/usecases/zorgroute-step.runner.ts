import { Inject, Injectable } from '@nestjs/common';
import { Client, type WorkflowHandle } from '@temporalio/client';
import { ProcessType, Role, type CaseSummaryEntity } from '@zorgroute/domain';
import type { Actor } from '@zorgroute/workflows';
import { AccessPolicy } from '../../access/access-policy';
import type { AuthUser } from '../../auth/auth-user';
import { CasesService } from '../../cases/cases.service';
import type { CaseSummaryModel } from '../../cases/models/case.model';
import { AppError } from '../../common/app-error';
import { toAppError } from '../../common/temporal-errors';
import { effectiveIdempotencyKey, updateIdFor } from '../../idempotency/idempotency-key';
import { stepHandle } from '../../cases/step-handle';

/**
 * Who may do a P2 step: COORDINATION steps (triage, IZO, ZAT) need the school's zorgcoördinator; REFERRAL steps
 * (fill in, complete, resubmit the form) and CONVERSATION steps (voorgesprek, nagesprek, ZAT feedback) may also be
 * done by school staff who see the case (the mentor of the pupil, the teamleider of the school, a coach or JOS
 * worker taking part in it). The workflow's validators decide whether the step is open now.
 */
export type ZorgrouteActor = 'COORDINATION' | 'REFERRAL' | 'CONVERSATION';

const REFERRERS: string[] = [Role.MENTOR, Role.TEAMLEIDER, Role.COACH];
const CONVERSATION_STAFF: string[] = [...REFERRERS, Role.JOS_MEDEWERKER];

@Injectable()
export class ZorgrouteStepRunner {
  constructor(
    @Inject(Client) private readonly temporal: Client,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(CasesService) private readonly cases: CasesService,
  ) {}

  mayAct(user: AuthUser, row: CaseSummaryEntity, who: ZorgrouteActor): boolean {
    if (this.access.canActOnCase(user, row, true)) return true; // admin, or the zorgcoördinator of the school
    if (who === 'COORDINATION' || user.schoolId !== row.schoolId) return false;
    return (who === 'REFERRAL' ? REFERRERS : CONVERSATION_STAFF).includes(user.role);
  }

  async run(user: AuthUser, caseId: string, who: ZorgrouteActor, send: (handle: WorkflowHandle, actor: Actor) => Promise<unknown>): Promise<CaseSummaryModel> {
    const row = await this.cases.getVisible(user, caseId);
    if (row.process !== ProcessType.ZORGROUTE) throw AppError.notFound('Casus van dit proces', 'Case of this process');
    if (!this.mayAct(user, row, who)) throw AppError.forbidden();
    try {
      // The request's Idempotency-Key header (if any) becomes the update id: a retried step is applied once.
      await send(stepHandle(this.temporal.workflow.getHandle(caseId), updateIdFor(user.id, effectiveIdempotencyKey(null))), { id: user.id, name: user.name });
    } catch (err) {
      throw toAppError(err);
    }
    return this.cases.summary(user, caseId);
  }
}
