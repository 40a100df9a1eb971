import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseSummaryEntity, ProcessType } from '@zorgroute/domain';
import { addCalendarMonths, toIsoDate } from '@zorgroute/domain/logic';
import { OPP_START } from '@zorgroute/processes';
import { oppWorkflow, type OppSource } from '@zorgroute/workflows';
import { AccessPolicy } from '../../access/access-policy';
import type { AuthUser } from '../../auth/auth-user';
import { CaseStarter } from '../../cases/case-starter';
import type { CaseSummaryModel } from '../../cases/models/case.model';
import { AppError } from '../../common/app-error';
import { validateOrThrow } from '../../common/validate';
import { checkStartInput } from '../../cases/start-input';
import { StartOppInput } from '../dtos/opp.inputs';

/** How far back the extra support may have started (an OPP started for support already running). */
const SUPPORT_STARTED_MONTHS_BACK = 12;

/**
 * Starts the P7 OPP for a pupil who receives extra support (the zorgcoördinator of the pupil's school, or an admin),
 * linked to the case it comes from: a zorgplicht, zorgroute (IZO/ZAT) or OOV case of the same pupil — or none when the
 * zorgcoördinator starts it directly. The pupil's mentor takes part (draws up, hears, evaluates). The workflow id is a
 * business key (pupil + request key, or pupil + today); at most one open OPP per pupil.
 */
@Injectable()
export class StartOppUseCase {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CaseStarter) private readonly starter: CaseStarter,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
  ) {}

  async execute(user: AuthUser, raw: StartOppInput): Promise<CaseSummaryModel> {
    const start = checkStartInput(OPP_START, raw);
    const input = validateOrThrow(StartOppInput, raw);
    const today = toIsoDate(Date.now());
    const supportStartedOn = (start.supportStartedOn as string | null) ?? today;
    // Not in the future is the definition's rule; how far back is the process's.
    if (supportStartedOn < addCalendarMonths(today, -SUPPORT_STARTED_MONTHS_BACK)) {
      throw new AppError('BAD_USER_INPUT', 'Ongeldige invoer: de startdatum van de ondersteuning ligt meer dan een jaar terug', 'Invalid input: the support start date is more than a year ago', { fields: ['supportStartedOn'] });
    }
    const pupil = await this.starter.visiblePupil(user, input.pupilId);
    if (!this.access.canStartSchoolCase(user, pupil.schoolId)) throw AppError.forbidden();

    // The definition requires a source case exactly when the OPP does not start directly.
    const origin = start.source as OppSource;
    let sourceCaseId: string | null = null;
    if (origin !== 'DIRECT') {
      const source = await this.dataSource.getRepository(CaseSummaryEntity).findOneBy({ id: start.sourceCaseId as string, pupilId: pupil.id });
      if (!source || source.process !== origin) {
        throw new AppError('BAD_USER_INPUT', 'Deze casus is geen casus van deze leerling met die herkomst', 'This case is not a case of this pupil with that source', { fields: ['sourceCaseId'] });
      }
      sourceCaseId = source.id;
    }

    return this.starter.start(user, {
      process: ProcessType.OPP,
      workflow: oppWorkflow,
      idPrefix: 'opp',
      pupil,
      requestKey: input.requestKey,
      nameNl: 'OPP',
      articleNl: 'het',
      nameEn: 'OPP',
      args: [
        {
          schoolId: pupil.schoolId,
          pupilId: pupil.id,
          startedBy: { id: user.id, name: user.name },
          reason: start.reason as string,
          source: origin,
          sourceCaseId,
          supportStartedOn,
          participantIds: pupil.mentorId ? [pupil.mentorId] : [],
        },
      ],
    });
  }
}
