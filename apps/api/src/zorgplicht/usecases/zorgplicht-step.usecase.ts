import { Inject, Injectable } from '@nestjs/common';
import type { WorkflowHandle } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { ProcessType, SchoolEntity } from '@zorgroute/domain';
import { extendZorgplichtTerm, recordZorgplichtInvestigation, recordZorgplichtDecision, type Actor } from '@zorgroute/workflows';
import type { AuthUser } from '../../auth/auth-user';
import { AppError } from '../../common/app-error';
import { validateOrThrow } from '../../common/validate';
import { CaseStepRunner } from '../../cases/case-step.runner';
import type { CaseSummaryModel } from '../../cases/models/case.model';
import { ExtendZorgplichtTermInput, ZorgplichtInvestigationInput, RecordZorgplichtDecisionInput } from '../dtos/zorgplicht.inputs';

/** P4 steps run through the shared CaseStepRunner for the ZORGPLICHT process; all are coordination steps. */
@Injectable()
export class ZorgplichtStepRunner {
  constructor(@Inject(CaseStepRunner) private readonly runner: CaseStepRunner) {}

  run(user: AuthUser, caseId: string, send: (handle: WorkflowHandle, actor: Actor) => Promise<unknown>): Promise<CaseSummaryModel> {
    return this.runner.run(user, caseId, ProcessType.ZORGPLICHT, true, send);
  }
}

@Injectable()
export class RecordZorgplichtInvestigationUseCase {
  constructor(@Inject(ZorgplichtStepRunner) private readonly steps: ZorgplichtStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: ZorgplichtInvestigationInput): Promise<CaseSummaryModel> {
    const input = validateOrThrow(ZorgplichtInvestigationInput, raw);
    return this.steps.run(user, caseId, (h, actor) => h.executeUpdate(recordZorgplichtInvestigation, { args: [{ actor, kind: input.kind, date: input.date, summary: input.summary ?? null }] }));
  }
}

@Injectable()
export class ExtendZorgplichtTermUseCase {
  constructor(@Inject(ZorgplichtStepRunner) private readonly steps: ZorgplichtStepRunner) {}
  execute(user: AuthUser, caseId: string, raw: ExtendZorgplichtTermInput): Promise<CaseSummaryModel> {
    const input = validateOrThrow(ExtendZorgplichtTermInput, raw);
    return this.steps.run(user, caseId, (h, actor) => h.executeUpdate(extendZorgplichtTerm, { args: [{ actor, weeks: input.weeks, reason: input.reason }] }));
  }
}

@Injectable()
export class RecordZorgplichtDecisionUseCase {
  constructor(
    @Inject(ZorgplichtStepRunner) private readonly steps: ZorgplichtStepRunner,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  async execute(user: AuthUser, caseId: string, raw: RecordZorgplichtDecisionInput): Promise<CaseSummaryModel> {
    const input = validateOrThrow(RecordZorgplichtDecisionInput, raw);
    let admittingSchoolName = input.admittingSchoolName ?? null;
    if (input.outcome === 'PLEK_ELDERS' && input.admittingSchoolId) {
      // A school in Zorgroute is named from its record.
      const school = await this.dataSource.getRepository(SchoolEntity).findOneBy({ id: input.admittingSchoolId });
      if (!school) throw new AppError('BAD_USER_INPUT', 'De school die de leerling toelaat is onbekend', 'The admitting school is unknown');
      admittingSchoolName = school.name;
    }
    return this.steps.run(user, caseId, (h, actor) =>
      h.executeUpdate(recordZorgplichtDecision, {
        args: [
          {
            actor,
            outcome: input.outcome,
            motivation: input.motivation ?? null,
            arrangement: input.arrangement ?? null,
            admittingSchoolId: input.admittingSchoolId ?? null,
            admittingSchoolName,
            agreementDate: input.agreementDate ?? null,
            agreementNote: input.agreementNote ?? null,
            tlvRequestedOn: input.tlvRequestedOn ?? null,
            reason: input.reason ?? null,
          },
        ],
      }),
    );
  }
}
