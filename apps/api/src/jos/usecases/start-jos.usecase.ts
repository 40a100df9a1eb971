import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProcessType, Role, UserEntity } from '@zorgroute/domain';
import { JOS_START } from '@zorgroute/processes';
import { josWorkflow, type JosNeed } from '@zorgroute/workflows';
import { AccessPolicy } from '../../access/access-policy';
import type { AuthUser } from '../../auth/auth-user';
import { CaseStarter } from '../../cases/case-starter';
import type { CaseSummaryModel } from '../../cases/models/case.model';
import { AppError } from '../../common/app-error';
import { validateOrThrow } from '../../common/validate';
import { checkStartInput } from '../../cases/start-input';
import { StartJosInput } from '../dtos/jos.inputs';

/**
 * Records the school support team's decision to deploy JOS for a pupil (the zorgcoördinator of the pupil's school,
 * or an admin) and starts the P3 case. The workflow id is a business key (pupil + request key, or pupil + today),
 * so a double click or a retried request returns the same case. The pupil's mentor fills in the form; the JOS worker
 * (given, or the school's JOS worker) guides the pupil.
 */
@Injectable()
export class StartJosUseCase {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CaseStarter) private readonly starter: CaseStarter,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
  ) {}

  async execute(user: AuthUser, raw: StartJosInput): Promise<CaseSummaryModel> {
    const start = checkStartInput(JOS_START, raw);
    const input = validateOrThrow(StartJosInput, raw);
    const pupil = await this.starter.visiblePupil(user, input.pupilId);
    if (!this.access.canStartSchoolCase(user, pupil.schoolId)) throw AppError.forbidden();

    const users = this.dataSource.getRepository(UserEntity);
    const josWorker = input.josWorkerId
      ? await users.findOneBy({ id: input.josWorkerId, role: Role.JOS_MEDEWERKER, schoolId: pupil.schoolId })
      : await users.findOne({ where: { role: Role.JOS_MEDEWERKER, schoolId: pupil.schoolId }, order: { createdAt: 'ASC' } });
    if (!josWorker) {
      throw new AppError(
        'BAD_USER_INPUT',
        input.josWorkerId ? 'Deze JOS-medewerker werkt niet op de school van de leerling' : 'Deze school heeft geen JOS-medewerker',
        input.josWorkerId ? 'This JOS worker does not work at the pupil’s school' : 'This school has no JOS worker',
      );
    }

    return this.starter.start(user, {
      process: ProcessType.JOS,
      workflow: josWorkflow,
      idPrefix: 'jos',
      pupil,
      requestKey: input.requestKey,
      nameNl: 'JOS-casus',
      articleNl: 'de',
      nameEn: 'JOS case',
      args: [
        {
          schoolId: pupil.schoolId,
          pupilId: pupil.id,
          startedBy: { id: user.id, name: user.name },
          decisionDate: start.decisionDate as string,
          needs: start.needs as JosNeed[],
          decisionNotes: (start.decisionNotes as string | null) ?? null,
          mentorId: pupil.mentorId,
          josWorkerId: josWorker.id,
        },
      ],
    });
  }
}
