import { Inject, Injectable } from '@nestjs/common';
import type { WorkflowHandle } from '@temporalio/client';
import { ProcessType, Role, UserEntity } from '@zorgroute/domain';
import {
  assignCoach,
  logSession,
  recordIntake,
  recordMidEvaluation,
  recordOutcome,
  stopTrajectory,
  type Actor,
} from '@zorgroute/workflows';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user';
import { AppError } from '../../common/app-error';
import { validateOrThrow } from '../../common/validate';
import { CaseStepRunner, type StepUpdateOptions } from '../../cases/case-step.runner';
import type { CaseSummaryModel } from '../../cases/models/case.model';
import {
  AssignCoachInput,
  LogSessionInput,
  MidEvaluationInput,
  RecordIntakeInput,
  RecordOutcomeInput,
  StopTrajectoryInput,
} from '../dtos/trajectory.inputs';

/** P1 steps run through the shared CaseStepRunner for the ONDERSTEUNINGSTRAJECT process. */

/** Dutch weekday names, 1 = maandag (the sessionWeekday of AssignCoachInput). */
const WEEKDAYS = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag'] as const;
@Injectable()
export class TrajectoryStepRunner {
  constructor(@Inject(CaseStepRunner) private readonly runner: CaseStepRunner) {}

  run(
    user: AuthUser,
    caseId: string,
    coordinationOnly: boolean,
    send: (handle: WorkflowHandle, actor: Actor, options: StepUpdateOptions) => Promise<unknown>,
    idempotencyKey?: string | null,
  ): Promise<CaseSummaryModel> {
    return this.runner.run(user, caseId, ProcessType.ONDERSTEUNINGSTRAJECT, coordinationOnly, send, idempotencyKey);
  }
}

@Injectable()
export class RecordIntakeUseCase {
  constructor(@Inject(TrajectoryStepRunner) private readonly steps: TrajectoryStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: RecordIntakeInput, idempotencyKey?: string | null): Promise<CaseSummaryModel> {
    const input = validateOrThrow(RecordIntakeInput, raw);
    return this.steps.run(user, caseId, true, (h, actor, o) => h.executeUpdate(recordIntake, { ...o, args: [{ ...input, subGoals: input.subGoals ?? [], actor }] }), idempotencyKey);
  }
}

@Injectable()
export class AssignCoachUseCase {
  constructor(
    @Inject(TrajectoryStepRunner) private readonly steps: TrajectoryStepRunner,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}
  async execute(user: AuthUser, caseId: string, raw: AssignCoachInput, idempotencyKey?: string | null): Promise<CaseSummaryModel> {
    const input = validateOrThrow(AssignCoachInput, raw);
    if ((input.sessionWeekday == null) !== (input.sessionTime == null)) {
      throw new AppError('BAD_USER_INPUT', 'Geef de dag én het tijdstip van de sessie op', 'Give both the day and the time of the session');
    }
    const sessionSlot = input.sessionSlot?.trim() || (input.sessionWeekday != null ? `${WEEKDAYS[input.sessionWeekday - 1]} ${input.sessionTime}` : '');
    if (!sessionSlot) throw new AppError('BAD_USER_INPUT', 'Geef het vaste moment van de sessie op', 'Give the fixed session slot');
    // Order shared by every mutation: input shape (BAD_USER_INPUT) → visibility (NOT_FOUND) → may act (FORBIDDEN) →
    // business checks such as this coach lookup (BAD_USER_INPUT) → workflow. The lookup runs inside `send`, i.e. after
    // the runner's access checks, so a caller who may not act is told FORBIDDEN, not that the coach does not exist.
    return this.steps.run(user, caseId, true, async (h, actor, o) => {
      const coach = await this.dataSource.getRepository(UserEntity).findOneBy({ id: input.coachId });
      const coachRoles: string[] = [Role.COACH, Role.MENTOR, Role.ZORGCOORDINATOR];
      if (!coach || (user.role !== Role.ADMIN && coach.schoolId !== user.schoolId) || !coachRoles.includes(coach.role)) {
        throw new AppError('BAD_USER_INPUT', 'Deze coach bestaat niet op deze school', 'This coach does not exist at this school');
      }
      return h.executeUpdate(assignCoach, {
        ...o,
        args: [{ actor, coachId: coach.id, coachName: coach.name, sessionSlot, sessionWeekday: input.sessionWeekday ?? null, sessionTime: input.sessionTime ?? null, reason: input.reason ?? null }],
      });
    }, idempotencyKey);
  }
}

@Injectable()
export class LogSessionUseCase {
  constructor(@Inject(TrajectoryStepRunner) private readonly steps: TrajectoryStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: LogSessionInput, idempotencyKey?: string | null): Promise<CaseSummaryModel> {
    const input = validateOrThrow(LogSessionInput, raw);
    return this.steps.run(user, caseId, false, (h, actor, o) => h.executeUpdate(logSession, { ...o, args: [{ ...input, actor }] }), idempotencyKey);
  }
}

@Injectable()
export class RecordMidEvaluationUseCase {
  constructor(@Inject(TrajectoryStepRunner) private readonly steps: TrajectoryStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: MidEvaluationInput, idempotencyKey?: string | null): Promise<CaseSummaryModel> {
    const input = validateOrThrow(MidEvaluationInput, raw);
    return this.steps.run(user, caseId, false, (h, actor, o) => h.executeUpdate(recordMidEvaluation, { ...o, args: [{ ...input, actor }] }), idempotencyKey);
  }
}

@Injectable()
export class RecordOutcomeUseCase {
  constructor(@Inject(TrajectoryStepRunner) private readonly steps: TrajectoryStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: RecordOutcomeInput, idempotencyKey?: string | null): Promise<CaseSummaryModel> {
    const input = validateOrThrow(RecordOutcomeInput, raw);
    return this.steps.run(user, caseId, false, (h, actor, o) => h.executeUpdate(recordOutcome, { ...o, args: [{ ...input, actor }] }), idempotencyKey);
  }
}

@Injectable()
export class StopTrajectoryUseCase {
  constructor(@Inject(TrajectoryStepRunner) private readonly steps: TrajectoryStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: StopTrajectoryInput, idempotencyKey?: string | null): Promise<CaseSummaryModel> {
    const input = validateOrThrow(StopTrajectoryInput, raw);
    return this.steps.run(user, caseId, true, (h, actor, o) => h.executeUpdate(stopTrajectory, { ...o, args: [{ ...input, actor }] }), idempotencyKey);
  }
}
