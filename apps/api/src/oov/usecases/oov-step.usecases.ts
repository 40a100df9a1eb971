import { Inject, Injectable } from '@nestjs/common';
import type { WorkflowHandle } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { ProcessType, Role, UserEntity } from '@zorgroute/domain';
import {
  recordOovConsultation,
  recordOovEvaluation,
  recordOovFollowUp,
  recordOovIntake,
  recordOovReturnPlan,
  recordOovSwvDecision,
  stopOov,
  submitOovRequest,
  type Actor,
} from '@zorgroute/workflows';
import type { AuthUser } from '../../auth/auth-user';
import { CaseStepRunner, type StepUpdateOptions } from '../../cases/case-step.runner';
import type { CaseSummaryModel } from '../../cases/models/case.model';
import { AppError } from '../../common/app-error';
import { validateOrThrow } from '../../common/validate';
import { OovConsultationInput, OovEvaluationInput, OovFollowUpInput, OovIntakeInput, OovRequestInput, OovReturnPlanInput, OovSwvDecisionInput, StopOovInput } from '../dtos/oov.inputs';

type Send = (handle: WorkflowHandle, actor: Actor, options: StepUpdateOptions) => Promise<unknown>;

/** Intake and evaluations are the leerlingbegeleider's (a coach of the school) with the zorgcoördinator. */
const PLACEMENT_STEP: Role[] = [Role.COACH, Role.ZORGCOORDINATOR, Role.ADMIN];

/**
 * P5 steps run through the shared CaseStepRunner for the OOV process. The school's steps need the zorgcoördinator
 * (coordination) or, for intake and evaluations, the leerlingbegeleider taking part in the case; the SWV's decision
 * needs an SWV employee who sees the case (a member school's OOV case: AccessPolicy) or an admin.
 */
@Injectable()
export class OovStepRunner {
  constructor(@Inject(CaseStepRunner) private readonly runner: CaseStepRunner) {}

  coordination(user: AuthUser, caseId: string, send: Send, idempotencyKey?: string | null): Promise<CaseSummaryModel> {
    return this.runner.run(user, caseId, ProcessType.OOV, true, send, idempotencyKey);
  }

  placement(user: AuthUser, caseId: string, send: Send, idempotencyKey?: string | null): Promise<CaseSummaryModel> {
    if (!PLACEMENT_STEP.includes(user.role)) throw AppError.forbidden();
    return this.runner.run(user, caseId, ProcessType.OOV, false, send, idempotencyKey);
  }

  swv(user: AuthUser, caseId: string, send: Send, idempotencyKey?: string | null): Promise<CaseSummaryModel> {
    return this.runner.runAs(user, caseId, ProcessType.OOV, (u) => u.role === Role.SWV_MEDEWERKER || u.role === Role.ADMIN, send, idempotencyKey);
  }
}

@Injectable()
export class RecordOovConsultationUseCase {
  constructor(@Inject(OovStepRunner) private readonly steps: OovStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: OovConsultationInput, idempotencyKey?: string | null): Promise<CaseSummaryModel> {
    const input = validateOrThrow(OovConsultationInput, raw);
    return this.steps.coordination(user, caseId, (h, actor, o) => h.executeUpdate(recordOovConsultation, { ...o, args: [{ ...input, withWhom: input.withWhom ?? null, actor }] }), idempotencyKey);
  }
}

@Injectable()
export class SubmitOovRequestUseCase {
  constructor(
    @Inject(OovStepRunner) private readonly steps: OovStepRunner,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}
  execute(user: AuthUser, caseId: string, raw: OovRequestInput, idempotencyKey?: string | null): Promise<CaseSummaryModel> {
    const input = validateOrThrow(OovRequestInput, raw);
    // Order shared by every mutation (see AssignCoachUseCase): the leerlingbegeleider lookup is a business check and
    // runs inside `send`, i.e. after the runner's visibility and access checks.
    return this.steps.coordination(
      user,
      caseId,
      async (h, actor, o) => {
        if (input.leerlingbegeleiderId) {
          const lb = await this.dataSource.getRepository(UserEntity).findOneBy({ id: input.leerlingbegeleiderId, role: Role.COACH });
          if (!lb || (user.role !== Role.ADMIN && lb.schoolId !== user.schoolId)) {
            throw new AppError('BAD_USER_INPUT', 'Deze leerlingbegeleider werkt niet op de school van de leerling', 'This leerlingbegeleider does not work at the pupil’s school');
          }
        }
        return h.executeUpdate(submitOovRequest, { ...o, args: [{ ...input, preferredLocation: input.preferredLocation ?? null, leerlingbegeleiderId: input.leerlingbegeleiderId ?? null, actor }] });
      },
      idempotencyKey,
    );
  }
}

@Injectable()
export class RecordOovSwvDecisionUseCase {
  constructor(@Inject(OovStepRunner) private readonly steps: OovStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: OovSwvDecisionInput, idempotencyKey?: string | null): Promise<CaseSummaryModel> {
    const input = validateOrThrow(OovSwvDecisionInput, raw);
    return this.steps.swv(
      user,
      caseId,
      (h, actor, o) => h.executeUpdate(recordOovSwvDecision, { ...o, args: [{ ...input, arrangement: input.arrangement ?? null, location: input.location ?? null, actor }] }),
      idempotencyKey,
    );
  }
}

@Injectable()
export class RecordOovIntakeUseCase {
  constructor(@Inject(OovStepRunner) private readonly steps: OovStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: OovIntakeInput, idempotencyKey?: string | null): Promise<CaseSummaryModel> {
    const input = validateOrThrow(OovIntakeInput, raw);
    return this.steps.placement(
      user,
      caseId,
      (h, actor, o) => h.executeUpdate(recordOovIntake, { ...o, args: [{ ...input, oovContact: input.oovContact ?? null, carePartners: input.carePartners ?? [], actor }] }),
      idempotencyKey,
    );
  }
}

@Injectable()
export class RecordOovEvaluationUseCase {
  constructor(@Inject(OovStepRunner) private readonly steps: OovStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: OovEvaluationInput, idempotencyKey?: string | null): Promise<CaseSummaryModel> {
    const input = validateOrThrow(OovEvaluationInput, raw);
    return this.steps.placement(
      user,
      caseId,
      (h, actor, o) =>
        h.executeUpdate(recordOovEvaluation, {
          ...o,
          args: [
            {
              actor,
              summary: input.summary,
              nextStep: input.nextStep ?? null,
              extensionArrangement: input.extensionArrangement ?? null,
              extensionMotivation: input.extensionMotivation ?? null,
              vsoNote: input.vsoNote ?? null,
              tlvRequestedOn: input.tlvRequestedOn ?? null,
            },
          ],
        }),
      idempotencyKey,
    );
  }
}

@Injectable()
export class RecordOovReturnPlanUseCase {
  constructor(@Inject(OovStepRunner) private readonly steps: OovStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: OovReturnPlanInput, idempotencyKey?: string | null): Promise<CaseSummaryModel> {
    const input = validateOrThrow(OovReturnPlanInput, raw);
    return this.steps.coordination(user, caseId, (h, actor, o) => h.executeUpdate(recordOovReturnPlan, { ...o, args: [{ ...input, actor }] }), idempotencyKey);
  }
}

@Injectable()
export class RecordOovFollowUpUseCase {
  constructor(@Inject(OovStepRunner) private readonly steps: OovStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: OovFollowUpInput, idempotencyKey?: string | null): Promise<CaseSummaryModel> {
    const input = validateOrThrow(OovFollowUpInput, raw);
    return this.steps.placement(user, caseId, (h, actor, o) => h.executeUpdate(recordOovFollowUp, { ...o, args: [{ ...input, actor }] }), idempotencyKey);
  }
}

@Injectable()
export class StopOovUseCase {
  constructor(@Inject(OovStepRunner) private readonly steps: OovStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: StopOovInput, idempotencyKey?: string | null): Promise<CaseSummaryModel> {
    const input = validateOrThrow(StopOovInput, raw);
    return this.steps.coordination(user, caseId, (h, actor, o) => h.executeUpdate(stopOov, { ...o, args: [{ ...input, actor }] }), idempotencyKey);
  }
}
