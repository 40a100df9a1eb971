import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseSummaryEntity, ProcessType } from '@zorgroute/domain';
import { addCalendarMonths, toIsoDate } from '@zorgroute/domain/logic';
import { oppWorkflow } from '@zorgroute/workflows';
import { AccessPolicy } from '../../access/access-policy';
import type { AuthUser } from '../../auth/auth-user';
import { CaseStarter } from '../../cases/case-starter';
import type { CaseSummaryModel } from '../../cases/models/case.model';
import { AppError } from '../../common/app-error';
import { validateOrThrow } from '../../common/validate';
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
    const input = validateOrThrow(StartOppInput, raw);
    const today = toIsoDate(Date.now());
    const supportStartedOn = input.supportStartedOn ?? today;
    if (supportStartedOn > today) {
      throw new AppError('BAD_USER_INPUT', 'Ongeldige invoer: de startdatum van de ondersteuning ligt in de toekomst', 'Invalid input: the support start date is in the future', { fields: ['supportStartedOn'] });
    }
    if (supportStartedOn < addCalendarMonths(today, -SUPPORT_STARTED_MONTHS_BACK)) {
      throw new AppError('BAD_USER_INPUT', 'Ongeldige invoer: de startdatum van de ondersteuning ligt meer dan een jaar terug', 'Invalid input: the support start date is more than a year ago', { fields: ['supportStartedOn'] });
    }
    const pupil = await this.starter.visiblePupil(user, input.pupilId);
    if (!this.access.canStartSchoolCase(user, pupil.schoolId)) throw AppError.forbidden();

    let sourceCaseId: string | null = null;
    if (input.source === 'DIRECT') {
      if (input.sourceCaseId) throw new AppError('BAD_USER_INPUT', 'Een OPP dat de zorgcoördinator zelf start, komt niet uit een casus', 'An OPP started directly has no source case', { fields: ['sourceCaseId'] });
    } else {
      if (!input.sourceCaseId) throw new AppError('BAD_USER_INPUT', 'Geef de casus waar het OPP uit voortkomt', 'Give the case the OPP comes from', { fields: ['sourceCaseId'] });
      const source = await this.dataSource.getRepository(CaseSummaryEntity).findOneBy({ id: input.sourceCaseId, pupilId: pupil.id });
      if (!source || source.process !== input.source) {
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
          reason: input.reason,
          source: input.source,
          sourceCaseId,
          supportStartedOn,
          participantIds: pupil.mentorId ? [pupil.mentorId] : [],
        },
      ],
    });
  }
}
