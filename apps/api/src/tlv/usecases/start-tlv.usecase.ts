import { Inject, Injectable } from '@nestjs/common';
import { ProcessType } from '@zorgroute/domain';
import { TLV_START } from '@zorgroute/processes';
import { tlvWorkflow } from '@zorgroute/workflows';
import { AccessPolicy } from '../../access/access-policy';
import type { AuthUser } from '../../auth/auth-user';
import { CaseStarter } from '../../cases/case-starter';
import { CasesService } from '../../cases/cases.service';
import type { CaseSummaryModel } from '../../cases/models/case.model';
import { AppError } from '../../common/app-error';
import { validateOrThrow } from '../../common/validate';
import { checkStartInput } from '../../cases/start-input';
import { StartTlvInput } from '../dtos/tlv.inputs';

/**
 * The zorgcoördinator of the pupil's school (or an admin) starts a TLV request (P8): the parents are asked to agree,
 * the school builds the dossier to the SWV's checklist. The workflow id is a business key: pupil + request key (or
 * today), or `tlv-from-<origin>` when it comes from another case of the same pupil, so one Flex-ZAT never leads to two
 * requests.
 */
@Injectable()
export class StartTlvUseCase {
  constructor(
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(CaseStarter) private readonly starter: CaseStarter,
  ) {}

  async execute(user: AuthUser, raw: StartTlvInput): Promise<CaseSummaryModel> {
    const start = checkStartInput(TLV_START, raw);
    const input = validateOrThrow(StartTlvInput, raw);
    const pupil = await this.starter.visiblePupil(user, input.pupilId);
    if (!this.access.canStartSchoolCase(user, pupil.schoolId)) throw AppError.forbidden();
    if (input.originCaseId) {
      const origin = await this.cases.getVisible(user, input.originCaseId);
      if (origin.pupilId !== pupil.id) throw new AppError('BAD_USER_INPUT', 'De casus waar de TLV-aanvraag uit voortkomt hoort bij een andere leerling', 'The originating case belongs to another pupil');
    }

    return this.starter.start(user, {
      process: ProcessType.TLV,
      workflow: tlvWorkflow,
      idPrefix: 'tlv',
      workflowId: input.originCaseId ? `tlv-from-${input.originCaseId}` : undefined,
      pupil,
      requestKey: input.requestKey,
      args: [
        {
          schoolId: pupil.schoolId,
          pupilId: pupil.id,
          startedBy: { id: user.id, name: user.name },
          sourceCaseId: input.originCaseId ?? null,
          flexZatDate: (start.flexZatDate as string | null) ?? null,
          deskundigheidsverklaringVso: start.deskundigheidsverklaringVso === true,
          herindicatieOf: null,
          reason: start.reason as string,
        },
      ],
      nameNl: 'TLV-aanvraag',
      articleNl: 'de',
      nameEn: 'TLV request',
    });
  }
}
