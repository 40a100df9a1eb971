import { Inject, Injectable } from '@nestjs/common';
import { ProcessType } from '@zorgroute/domain';
import { ondersteuningstrajectWorkflow } from '@zorgroute/workflows';
import { AccessPolicy } from '../../access/access-policy';
import type { AuthUser } from '../../auth/auth-user';
import { CaseStarter } from '../../cases/case-starter';
import type { CaseSummaryModel } from '../../cases/models/case.model';
import { AppError } from '../../common/app-error';
import { validateOrThrow } from '../../common/validate';
import { StartTrajectoryInput } from '../dtos/trajectory.inputs';

/** Starts a P1 ondersteuningstraject (the zorgcoördinator of the pupil's school, or an admin). */
@Injectable()
export class StartTrajectoryUseCase {
  constructor(
    @Inject(CaseStarter) private readonly starter: CaseStarter,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
  ) {}

  async execute(user: AuthUser, raw: StartTrajectoryInput): Promise<CaseSummaryModel> {
    const input = validateOrThrow(StartTrajectoryInput, raw);
    const pupil = await this.starter.visiblePupil(user, input.pupilId);
    if (!this.access.canStartSchoolCase(user, pupil.schoolId)) throw AppError.forbidden();
    return this.starter.start(user, {
      process: ProcessType.ONDERSTEUNINGSTRAJECT,
      workflow: ondersteuningstrajectWorkflow,
      idPrefix: 'ondersteuningstraject',
      pupil,
      requestKey: input.requestKey,
      nameNl: 'ondersteuningstraject',
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
