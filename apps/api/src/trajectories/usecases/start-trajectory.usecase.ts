import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PolicyVersionRepository, ProcessType, SchoolEntity } from '@zorgroute/domain';
import { trajectoryLength } from '@zorgroute/domain/logic';
import { ondersteuningstrajectWorkflow } from '@zorgroute/workflows';
import { AccessPolicy } from '../../access/access-policy';
import type { AuthUser } from '../../auth/auth-user';
import { CaseStarter } from '../../cases/case-starter';
import type { CaseSummaryModel } from '../../cases/models/case.model';
import { AppError } from '../../common/app-error';
import { validateOrThrow } from '../../common/validate';
import { StartTrajectoryInput } from '../dtos/trajectory.inputs';

/**
 * Starts a P1 ondersteuningstraject (the zorgcoördinator of the pupil's school, or an admin). The length must lie
 * within the bounds of the school's effective policy — the bounds the workflow applies — and is refused here, before
 * anything starts.
 */
@Injectable()
export class StartTrajectoryUseCase {
  private readonly policies: PolicyVersionRepository;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CaseStarter) private readonly starter: CaseStarter,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
  ) {
    this.policies = new PolicyVersionRepository(dataSource);
  }

  async execute(user: AuthUser, raw: StartTrajectoryInput): Promise<CaseSummaryModel> {
    const input = validateOrThrow(StartTrajectoryInput, raw);
    const pupil = await this.starter.visiblePupil(user, input.pupilId);
    if (!this.access.canStartSchoolCase(user, pupil.schoolId)) throw AppError.forbidden();
    const school = await this.dataSource.getRepository(SchoolEntity).findOneByOrFail({ id: pupil.schoolId });
    const { rejection } = trajectoryLength(input.weeks, (await this.policies.effectiveForSchool(school)).policies.ondersteuningstraject);
    if (rejection) throw new AppError('BAD_USER_INPUT', rejection.nl, rejection.en);
    return this.starter.start(user, {
      process: ProcessType.ONDERSTEUNINGSTRAJECT,
      workflow: ondersteuningstrajectWorkflow,
      idPrefix: 'ondersteuningstraject',
      pupil,
      requestKey: input.requestKey,
      nameNl: 'ondersteuningstraject',
      articleNl: 'het',
      nameEn: 'support trajectory',
      args: [
        {
          schoolId: pupil.schoolId,
          pupilId: pupil.id,
          startedBy: { id: user.id, name: user.name },
          reason: input.reason,
          observations: input.observations ?? null,
          triedActions: input.triedActions ?? null,
          weeks: input.weeks ?? null,
        },
      ],
    });
  }
}
