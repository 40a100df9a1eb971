import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProcessType, PupilEntity, Role, UserEntity } from '@zorgroute/domain';
import { OOV_START } from '@zorgroute/processes';
import { oovWorkflow } from '@zorgroute/workflows';
import { AccessPolicy } from '../../access/access-policy';
import type { AuthUser } from '../../auth/auth-user';
import { CaseStarter } from '../../cases/case-starter';
import { CasesService } from '../../cases/cases.service';
import type { CaseSummaryModel } from '../../cases/models/case.model';
import { AppError } from '../../common/app-error';
import { validateOrThrow } from '../../common/validate';
import { checkStartInput } from '../../cases/start-input';
import { StartOovInput } from '../dtos/oov.inputs';

/** Where a case that led to an OOV comes from, by process. */
const SOURCE_OF: Partial<Record<ProcessType, 'JOS' | 'ZAT'>> = { [ProcessType.JOS]: 'JOS', [ProcessType.ZORGROUTE]: 'ZAT' };

/**
 * The zorgcoördinator of the pupil's school (or an admin) starts the preparation of an OOV arrangement (P5). The
 * workflow id is a business key: pupil + request key (or today), or — when the OOV comes from another case of the same
 * pupil (`originCaseId`) — the same key the workflows use for a linked start (`oov-from-<origin>`), so a JOS or ZAT
 * case never gets two OOV cases whichever way it was started.
 */
@Injectable()
export class StartOovUseCase {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(CaseStarter) private readonly starter: CaseStarter,
  ) {}

  async execute(user: AuthUser, raw: StartOovInput): Promise<CaseSummaryModel> {
    checkStartInput(OOV_START, raw);
    const input = validateOrThrow(StartOovInput, raw);
    const pupil = await this.access
      .scopePupils(this.dataSource.getRepository(PupilEntity).createQueryBuilder('p'), user)
      .andWhere('p.id = :id', { id: input.pupilId })
      .getOne();
    if (!pupil) throw AppError.notFound('Leerling', 'Pupil');
    if (!this.access.canStartSchoolCase(user, pupil.schoolId)) throw AppError.forbidden();
    if (input.leerlingbegeleiderId) {
      const lb = await this.dataSource.getRepository(UserEntity).findOneBy({ id: input.leerlingbegeleiderId, role: Role.COACH, schoolId: pupil.schoolId });
      if (!lb) throw new AppError('BAD_USER_INPUT', 'Deze leerlingbegeleider werkt niet op de school van de leerling', 'This leerlingbegeleider does not work at the pupil’s school');
    }
    let source: 'DIRECT' | 'JOS' | 'ZAT' = 'DIRECT';
    if (input.originCaseId) {
      const origin = await this.cases.getVisible(user, input.originCaseId);
      if (origin.pupilId !== pupil.id) throw new AppError('BAD_USER_INPUT', 'De casus waar de OOV uit voortkomt hoort bij een andere leerling', 'The originating case belongs to another pupil');
      source = SOURCE_OF[origin.process] ?? 'DIRECT';
    }

    return this.starter.start(user, {
      process: ProcessType.OOV,
      workflow: oovWorkflow,
      idPrefix: 'oov',
      workflowId: input.originCaseId ? `oov-from-${input.originCaseId}` : undefined,
      pupil,
      requestKey: input.requestKey,
      args: [
        {
          schoolId: pupil.schoolId,
          pupilId: pupil.id,
          startedBy: { id: user.id, name: user.name },
          reason: input.reason,
          source,
          originCaseId: input.originCaseId ?? null,
          leerlingbegeleiderId: input.leerlingbegeleiderId ?? null,
        },
      ],
      nameNl: 'OOV-casus',
      articleNl: 'de',
      nameEn: 'OOV case',
    });
  }
}
