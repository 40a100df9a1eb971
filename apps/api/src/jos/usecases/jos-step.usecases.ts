import { Inject, Injectable } from '@nestjs/common';
import type { WorkflowHandle } from '@temporalio/client';
import { ProcessType, Role } from '@zorgroute/domain';
import { logJosContact, planJosStartgesprek, recordJosEvaluation, recordJosOutcome, recordJosStartgesprek, setJosGoals, stopJos, submitJosForm, type Actor } from '@zorgroute/workflows';
import type { AuthUser } from '../../auth/auth-user';
import { CaseStepRunner } from '../../cases/case-step.runner';
import type { CaseSummaryModel } from '../../cases/models/case.model';
import { AppError } from '../../common/app-error';
import { validateOrThrow } from '../../common/validate';
import { JosContactInput, JosEvaluationInput, JosFormInput, JosGoalsInput, JosOutcomeInput, JosPlanStartgesprekInput, JosStartgesprekInput, StopJosInput } from '../dtos/jos.inputs';

/** The form is the mentor's step; the zorgcoördinator (or an admin) may act on his behalf. */
const MENTOR_STEP: Role[] = [Role.MENTOR, Role.ZORGCOORDINATOR, Role.ADMIN];
/** Startgesprek, goals, weekly work, evaluations and outcome are the JOS worker's; the zorgcoördinator may act on his behalf. */
const JOS_STEP: Role[] = [Role.JOS_MEDEWERKER, Role.ZORGCOORDINATOR, Role.ADMIN];

/**
 * P3 steps run through the shared CaseStepRunner for the JOS process (the case must be visible, the caller a
 * participant or the school's zorgcoördinator), after a check that the caller's role does this step.
 */
@Injectable()
export class JosStepRunner {
  constructor(@Inject(CaseStepRunner) private readonly runner: CaseStepRunner) {}

  run(user: AuthUser, caseId: string, roles: Role[], coordinationOnly: boolean, send: (handle: WorkflowHandle, actor: Actor) => Promise<unknown>): Promise<CaseSummaryModel> {
    if (!roles.includes(user.role)) throw AppError.forbidden();
    return this.runner.run(user, caseId, ProcessType.JOS, coordinationOnly, send);
  }
}

@Injectable()
export class SubmitJosFormUseCase {
  constructor(@Inject(JosStepRunner) private readonly steps: JosStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: JosFormInput): Promise<CaseSummaryModel> {
    const input = validateOrThrow(JosFormInput, raw);
    return this.steps.run(user, caseId, MENTOR_STEP, false, (h, actor) =>
      h.executeUpdate(submitJosForm, { args: [{ ...input, pupilView: input.pupilView ?? null, availability: input.availability ?? null, actor }] }),
    );
  }
}

@Injectable()
export class PlanJosStartgesprekUseCase {
  constructor(@Inject(JosStepRunner) private readonly steps: JosStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: JosPlanStartgesprekInput): Promise<CaseSummaryModel> {
    const input = validateOrThrow(JosPlanStartgesprekInput, raw);
    return this.steps.run(user, caseId, JOS_STEP, false, (h, actor) =>
      h.executeUpdate(planJosStartgesprek, { args: [{ date: input.date, time: input.time ?? null, mode: input.mode ?? null, location: input.location ?? null, actor }] }),
    );
  }
}

@Injectable()
export class RecordJosStartgesprekUseCase {
  constructor(@Inject(JosStepRunner) private readonly steps: JosStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: JosStartgesprekInput): Promise<CaseSummaryModel> {
    const input = validateOrThrow(JosStartgesprekInput, raw);
    return this.steps.run(user, caseId, JOS_STEP, false, (h, actor) => h.executeUpdate(recordJosStartgesprek, { args: [{ ...input, actor }] }));
  }
}

@Injectable()
export class SetJosGoalsUseCase {
  constructor(@Inject(JosStepRunner) private readonly steps: JosStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: JosGoalsInput): Promise<CaseSummaryModel> {
    const input = validateOrThrow(JosGoalsInput, raw);
    return this.steps.run(user, caseId, JOS_STEP, false, (h, actor) =>
      h.executeUpdate(setJosGoals, { args: [{ ...input, goals: input.goals ?? [], weeklySlot: input.weeklySlot ?? null, actor }] }),
    );
  }
}

@Injectable()
export class LogJosContactUseCase {
  constructor(@Inject(JosStepRunner) private readonly steps: JosStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: JosContactInput): Promise<CaseSummaryModel> {
    const input = validateOrThrow(JosContactInput, raw);
    return this.steps.run(user, caseId, JOS_STEP, false, (h, actor) => h.executeUpdate(logJosContact, { args: [{ ...input, actor }] }));
  }
}

@Injectable()
export class RecordJosEvaluationUseCase {
  constructor(@Inject(JosStepRunner) private readonly steps: JosStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: JosEvaluationInput): Promise<CaseSummaryModel> {
    const input = validateOrThrow(JosEvaluationInput, raw);
    return this.steps.run(user, caseId, JOS_STEP, false, (h, actor) => h.executeUpdate(recordJosEvaluation, { args: [{ ...input, actor }] }));
  }
}

@Injectable()
export class RecordJosOutcomeUseCase {
  constructor(@Inject(JosStepRunner) private readonly steps: JosStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: JosOutcomeInput): Promise<CaseSummaryModel> {
    const input = validateOrThrow(JosOutcomeInput, raw);
    return this.steps.run(user, caseId, JOS_STEP, false, (h, actor) => h.executeUpdate(recordJosOutcome, { args: [{ ...input, referralTo: input.referralTo ?? null, actor }] }));
  }
}

@Injectable()
export class StopJosUseCase {
  constructor(@Inject(JosStepRunner) private readonly steps: JosStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: StopJosInput): Promise<CaseSummaryModel> {
    const input = validateOrThrow(StopJosInput, raw);
    return this.steps.run(user, caseId, [Role.ZORGCOORDINATOR, Role.ADMIN], true, (h, actor) => h.executeUpdate(stopJos, { args: [{ ...input, actor }] }));
  }
}
