import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { DataSource, IsNull } from 'typeorm';
import { CaseSummaryEntity, ProcessType, PupilEntity } from '@zorgroute/domain';
import { toIsoDate } from '@zorgroute/domain/logic';
import { SA_PROCESS, SA_SCHOOL, ondersteuningstrajectWorkflow } from '@zorgroute/workflows';
import { AccessPolicy } from '../../access/access-policy';
import type { AuthUser } from '../../auth/auth-user';
import { AppError } from '../../common/app-error';
import { validateOrThrow } from '../../common/validate';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { CasesService } from '../../cases/cases.service';
import type { CaseSummaryModel } from '../../cases/models/case.model';
import { StartTrajectoryInput } from '../dtos/trajectory.inputs';

/**
 * Starts a P1 ondersteuningstraject. The workflow id is a business key (pupil + request key, or
 * pupil + today), so a double click or a retried request returns the same case.
 */
@Injectable()
export class StartTrajectoryUseCase {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Client) private readonly temporal: Client,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(user: AuthUser, raw: StartTrajectoryInput): Promise<CaseSummaryModel> {
    const input = validateOrThrow(StartTrajectoryInput, raw);
    const pupil = await this.access
      .scopePupils(this.dataSource.getRepository(PupilEntity).createQueryBuilder('p'), user)
      .andWhere('p.id = :id', { id: input.pupilId })
      .getOne();
    if (!pupil) throw AppError.notFound('Leerling', 'Pupil');
    if (!this.access.canStartSchoolCase(user, pupil.schoolId)) throw AppError.forbidden();

    const workflowId = `ondersteuningstraject-${pupil.id}-${input.requestKey ?? toIsoDate(Date.now())}`;
    const open = await this.dataSource.getRepository(CaseSummaryEntity).findOneBy({
      pupilId: pupil.id,
      process: ProcessType.ONDERSTEUNINGSTRAJECT,
      closedAt: IsNull(),
    });
    if (open && open.id !== workflowId) {
      throw new AppError('CONFLICT', 'Deze leerling heeft al een lopend ondersteuningstraject', 'This pupil already has an open support trajectory', { caseId: open.id });
    }

    try {
      await this.temporal.workflow.start(ondersteuningstrajectWorkflow, {
        taskQueue: this.config.taskQueue,
        workflowId,
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        typedSearchAttributes: [
          { key: SA_PROCESS, value: ProcessType.ONDERSTEUNINGSTRAJECT },
          { key: SA_SCHOOL, value: pupil.schoolId },
        ],
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
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) {
        throw new AppError('CONFLICT', 'Met deze sleutel is al eerder een traject gestart en afgesloten', 'A trajectory with this key was already started and closed');
      }
      throw err;
    }
    return this.waitForReadModel(user, workflowId);
  }

  /** The workflow writes the read-model row within a moment of starting; wait for it (bounded). */
  private async waitForReadModel(user: AuthUser, id: string): Promise<CaseSummaryModel> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const row = await this.dataSource.getRepository(CaseSummaryEntity).findOneBy({ id });
      if (row) return this.cases.summary(user, id);
      if (Date.now() > deadline) {
        throw new AppError('UNAVAILABLE', 'Het traject is gestart maar nog niet zichtbaar; probeer het zo opnieuw', 'The trajectory was started but is not visible yet; try again shortly', { caseId: id });
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
