import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError, type WorkflowStartOptions } from '@temporalio/client';
import type { Workflow } from '@temporalio/common';
import { DataSource, IsNull } from 'typeorm';
import { CaseSummaryEntity, PupilEntity, type ProcessType } from '@zorgroute/domain';
import { toIsoDate } from '@zorgroute/domain/logic';
import { SA_PROCESS, SA_SCHOOL } from '@zorgroute/workflows';
import { AccessPolicy } from '../access/access-policy';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { CasesService } from './cases.service';
import type { CaseSummaryModel } from './models/case.model';

export interface StartCaseOptions<W extends Workflow> {
  process: ProcessType;
  workflow: W;
  /** Prefix of the business-key workflow id: `<prefix>-<pupil>-<requestKey or today>`. */
  idPrefix: string;
  /** A business key of its own instead (e.g. `oov-from-<origin case>`, `overdracht-<pupil>-<school year>`). */
  workflowId?: string;
  pupil: PupilEntity;
  requestKey?: string | null;
  args: Parameters<W>;
  /** Dutch and English name of the case for messages, e.g. "JOS-casus" / "JOS case". */
  nameNl: string;
  nameEn: string;
  /** Message when the key was used by a case that is closed now (default: "with this key … already started and closed"). */
  alreadyClosed?: { nl: string; en: string };
}

/**
 * The shared start path of every school process: a business-key workflow id (pupil + request key, or
 * pupil + today) with conflict policy "use existing", so a double click or a retried request returns the
 * same case; at most one open case per pupil and process; then a bounded wait for the first read-model
 * row, which the workflow writes within a moment of starting.
 */
@Injectable()
export class CaseStarter {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Client) private readonly temporal: Client,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The pupil if the caller may see him (NOT_FOUND otherwise: no hint whether he exists). */
  async visiblePupil(user: AuthUser, pupilId: string): Promise<PupilEntity> {
    const pupil = await this.access
      .scopePupils(this.dataSource.getRepository(PupilEntity).createQueryBuilder('p'), user)
      .andWhere('p.id = :id', { id: pupilId })
      .getOne();
    if (!pupil) throw AppError.notFound('Leerling', 'Pupil');
    return pupil;
  }

  async start<W extends Workflow>(user: AuthUser, o: StartCaseOptions<W>): Promise<CaseSummaryModel> {
    const workflowId = o.workflowId ?? `${o.idPrefix}-${o.pupil.id}-${o.requestKey ?? toIsoDate(Date.now())}`;
    const open = await this.dataSource.getRepository(CaseSummaryEntity).findOneBy({ pupilId: o.pupil.id, process: o.process, closedAt: IsNull() });
    if (open && open.id !== workflowId) {
      throw new AppError('CONFLICT', `Deze leerling heeft al een lopende ${o.nameNl}`, `This pupil already has an open ${o.nameEn}`, { caseId: open.id });
    }
    try {
      const options = {
        taskQueue: this.config.taskQueue,
        workflowId,
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        typedSearchAttributes: [
          { key: SA_PROCESS, value: o.process },
          { key: SA_SCHOOL, value: o.pupil.schoolId },
        ],
        args: o.args,
      } as unknown as WorkflowStartOptions<W>; // TS cannot narrow the conditional args type of a generic W
      await this.temporal.workflow.start(o.workflow, options);
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) {
        const closed = o.alreadyClosed ?? {
          nl: `Met deze sleutel is al eerder een ${o.nameNl} gestart en afgesloten`,
          en: `A ${o.nameEn} with this key was already started and closed`,
        };
        throw new AppError('CONFLICT', closed.nl, closed.en, { caseId: workflowId });
      }
      throw err;
    }
    return this.waitForReadModel(user, workflowId, o);
  }

  private async waitForReadModel(user: AuthUser, id: string, o: { nameNl: string; nameEn: string }): Promise<CaseSummaryModel> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      if (await this.dataSource.getRepository(CaseSummaryEntity).existsBy({ id })) return this.cases.summary(user, id);
      if (Date.now() > deadline) {
        throw new AppError('UNAVAILABLE', `De ${o.nameNl} is gestart maar nog niet zichtbaar; probeer het zo opnieuw`, `The ${o.nameEn} was started but is not visible yet; try again shortly`, { caseId: id });
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
