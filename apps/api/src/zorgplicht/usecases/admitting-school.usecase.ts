import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SchoolEntity } from '@zorgroute/domain';
import type { AuthUser } from '../../auth/auth-user';
import { CaseStepService } from '../../cases/case-step.service';
import { CasesService } from '../../cases/cases.service';
import { AppError } from '../../common/app-error';
import { isUuid } from '@zorgroute/domain';
import type { RecordZorgplichtDecisionInput } from '../dtos/zorgplicht.inputs';

const STEP = 'RECORD_DECISION';

/**
 * The one part of the P4 decision the step catalogue cannot express: PLEK_ELDERS at a school that is in Zorgroute
 * (`admittingSchoolId`) names the school as Zorgroute knows it, so the decision letter does; an unknown school is
 * refused before the step runs. The lookup is a business check, so it comes after visibility (NOT_FOUND) and who may
 * take the step (FORBIDDEN, the catalogue's rule), as for every mutation (docs/security.md). Every other decision
 * passes unchanged.
 */
@Injectable()
export class AdmittingSchoolUseCase {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(CaseStepService) private readonly steps: CaseStepService,
  ) {}

  async named(user: AuthUser, caseId: string, input: RecordZorgplichtDecisionInput): Promise<RecordZorgplichtDecisionInput> {
    if (input.outcome !== 'PLEK_ELDERS' || !input.admittingSchoolId) return input;
    const row = await this.cases.getVisible(user, caseId);
    const form = (await this.steps.forms(user, row, [STEP])).find((f) => f.step === STEP);
    if (form && !form.mayTake) throw AppError.forbidden();
    const unknown = () => new AppError('BAD_USER_INPUT', 'De school die de leerling toelaat is onbekend', 'The admitting school is unknown');
    if (!isUuid(input.admittingSchoolId)) throw unknown();
    const school = await this.dataSource.getRepository(SchoolEntity).findOneBy({ id: input.admittingSchoolId });
    if (!school) throw unknown();
    return { ...input, admittingSchoolName: school.name };
  }
}
