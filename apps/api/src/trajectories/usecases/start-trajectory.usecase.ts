import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PolicyVersionRepository, ProcessType, SchoolEntity } from '@zorgroute/domain';
import { ONDERSTEUNINGSTRAJECT_START } from '@zorgroute/processes';
import { ondersteuningstrajectWorkflow } from '@zorgroute/workflows';
import { AccessPolicy } from '../../access/access-policy';
import type { AuthUser } from '../../auth/auth-user';
import { CaseStarter } from '../../cases/case-starter';
import type { CaseSummaryModel } from '../../cases/models/case.model';
import { AppError } from '../../common/app-error';
import { checkStartInput } from '../../cases/start-input';
import { validateOrThrow } from '../../common/validate';
import { StartTrajectoryInput } from '../dtos/trajectory.inputs';

/**
 * Starts a P1 ondersteuningstraject (the zorgcoördinator of the pupil's school, or an admin). The input is checked
 * against the start definition of the catalogue (ONDERSTEUNINGSTRAJECT_START): first everything but the length, then,
 * once the pupil's school is known, the length against the bounds of that school's effective policy — the bounds the
 * workflow applies. Bad input is refused before anything starts.
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
    // Two checks on purpose: bad input answers BAD_USER_INPUT before NOT_FOUND/FORBIDDEN (as every start does), but the
    // length's bounds are the school's policy, unknown until the pupil is; without policies they cannot be resolved.
    checkStartInput(ONDERSTEUNINGSTRAJECT_START, { ...input, weeks: null });
    const pupil = await this.starter.visiblePupil(user, input.pupilId);
    if (!this.access.canStartSchoolCase(user, pupil.schoolId)) throw AppError.forbidden();
    const school = await this.dataSource.getRepository(SchoolEntity).findOneByOrFail({ id: pupil.schoolId });
    const { policies } = await this.policies.effectiveForSchool(school);
    // Only the length can fail here (the other fields passed above); this call also gives the normalized value.
    const start = checkStartInput(ONDERSTEUNINGSTRAJECT_START, input, policies) as {
      reason: string;
      observations: string | null;
      triedActions: string | null;
      weeks: number | null;
    };
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
          reason: start.reason,
          observations: start.observations,
          triedActions: start.triedActions,
          weeks: start.weeks,
        },
      ],
    });
  }
}
