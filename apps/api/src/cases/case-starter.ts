import { Inject, Injectable } from '@nestjs/common';
import type { Workflow } from '@temporalio/common';
import { DataSource, IsNull } from 'typeorm';
import { CaseSummaryEntity, PupilEntity, type ProcessType } from '@zorgroute/domain';
import { toIsoDate } from '@zorgroute/domain/logic';
import { SA_PROCESS, SA_SCHOOL } from '@zorgroute/workflows';
import { AccessPolicy } from '../access/access-policy';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import { isUuid } from '@zorgroute/domain';
import { aRunningCaseNl, CaseLauncher, type CaseNames } from './case-launcher';
import { CasesService } from './cases.service';
import type { CaseSummaryModel } from './models/case.model';

export interface StartCaseOptions<W extends Workflow> extends CaseNames {
  process: ProcessType;
  workflow: W;
  /** Prefix of the business-key workflow id: `<prefix>-<pupil>-<requestKey or today>`. */
  idPrefix: string;
  /** A business key of its own instead (e.g. `oov-from-<origin case>`, `overdracht-<pupil>-<school year>`). */
  workflowId?: string;
  pupil: PupilEntity;
  requestKey?: string | null;
  args: Parameters<W>;
}

/**
 * The shared start path of every school process: a business-key workflow id (pupil + request key, or
 * pupil + today), so a double click or a retried request returns the same case; at most one open case per pupil and
 * process; then the CaseLauncher starts the workflow (a failed earlier run never blocks the key) and answers once the
 * case waits for its first step.
 */
@Injectable()
export class CaseStarter {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(CaseLauncher) private readonly launcher: CaseLauncher,
  ) {}

  /** The pupil if the caller may see him (NOT_FOUND otherwise: no hint whether he exists). */
  async visiblePupil(user: AuthUser, pupilId: string): Promise<PupilEntity> {
    // Every pupil id is a UUID: any other id names no pupil (and is not sent to PostgreSQL's uuid column).
    if (!isUuid(pupilId)) throw AppError.notFound('Leerling', 'Pupil');
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
      throw new AppError('CONFLICT', `Deze leerling heeft al ${aRunningCaseNl(o)}`, `This pupil already has an open ${o.nameEn}`, { caseId: open.id });
    }
    await this.launcher.launch(
      {
        workflow: o.workflow,
        workflowId,
        args: o.args,
        typedSearchAttributes: [
          { key: SA_PROCESS, value: o.process },
          { key: SA_SCHOOL, value: o.pupil.schoolId },
        ],
      },
      o,
    );
    return this.cases.summary(user, workflowId);
  }
}
