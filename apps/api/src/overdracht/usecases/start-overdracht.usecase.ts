import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { PolicyVersionRepository, ProcessType, PupilEntity, Role, SchoolEntity, UserEntity } from '@zorgroute/domain';
import { OVERDRACHT_START } from '@zorgroute/processes';
import { toIsoDate } from '@zorgroute/domain/logic';
import { overdrachtCalendarFor, overdrachtWorkflow } from '@zorgroute/workflows';
import { AccessPolicy } from '../../access/access-policy';
import type { AuthUser } from '../../auth/auth-user';
import { CaseStarter } from '../../cases/case-starter';
import type { CaseSummaryModel } from '../../cases/models/case.model';
import { AppError } from '../../common/app-error';
import { validateOrThrow } from '../../common/validate';
import { checkStartInput } from '../../cases/start-input';
import { StartOverdrachtInput } from '../dtos/overdracht.inputs';

/** Who registers an application from primary school: the zorgcoördinator or a teamleider (brugklascoördinator). */
const STARTER_ROLES: Role[] = [Role.ZORGCOORDINATOR, Role.TEAMLEIDER, Role.ADMIN];

/**
 * Registers the application of a pupil coming from primary school and starts the P6 handover. One handover per pupil
 * and school year: the workflow id is `overdracht-<pupil>-<schoolYear>`, so a retried request returns the same case.
 * The school's effective policy must hold the regional calendar of that school year (set by the SWV).
 */
@Injectable()
export class StartOverdrachtUseCase {
  private readonly policies: PolicyVersionRepository;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(CaseStarter) private readonly starter: CaseStarter,
  ) {
    this.policies = new PolicyVersionRepository(dataSource);
  }

  async execute(user: AuthUser, raw: StartOverdrachtInput): Promise<CaseSummaryModel> {
    checkStartInput(OVERDRACHT_START, raw);
    const input = validateOrThrow(StartOverdrachtInput, raw);
    if (!STARTER_ROLES.includes(user.role)) throw AppError.forbidden();
    const pupil = await this.access
      .scopePupils(this.dataSource.getRepository(PupilEntity).createQueryBuilder('p'), user)
      .andWhere('p.id = :id', { id: input.pupilId })
      .getOne();
    if (!pupil) throw AppError.notFound('Leerling', 'Pupil');
    if (user.role !== Role.ADMIN && user.schoolId !== pupil.schoolId) throw AppError.forbidden();

    const today = toIsoDate(Date.now());
    const receivedOn = input.applicationReceivedOn ?? today;
    if (receivedOn > today) throw new AppError('BAD_USER_INPUT', 'Ongeldige invoer: de datum van ontvangst ligt in de toekomst', 'Invalid input: the date of receipt is in the future');
    const preferences = input.preferenceSchoolIds ?? [pupil.schoolId];
    if (!preferences.includes(pupil.schoolId)) {
      throw new AppError('BAD_USER_INPUT', 'Deze school staat niet in de voorkeursvolgorde van de ouders', 'This school is not in the parents’ order of preference');
    }
    if ((await this.dataSource.getRepository(SchoolEntity).countBy({ id: In(preferences) })) !== preferences.length) {
      throw new AppError('BAD_USER_INPUT', 'Onbekende school in de voorkeursvolgorde', 'Unknown school in the order of preference');
    }
    if (input.brugklascoordinatorId) {
      const bkc = await this.dataSource.getRepository(UserEntity).findOneBy({ id: input.brugklascoordinatorId, schoolId: pupil.schoolId, role: In([Role.TEAMLEIDER, Role.ZORGCOORDINATOR]) });
      if (!bkc) throw new AppError('BAD_USER_INPUT', 'De brugklascoördinator is geen teamleider of zorgcoördinator van deze school', 'The brugklascoördinator is not a teamleider or zorgcoördinator of this school');
    }
    const school = await this.dataSource.getRepository(SchoolEntity).findOneByOrFail({ id: pupil.schoolId });
    const effective = await this.policies.effectiveForSchool(school);
    if (!overdrachtCalendarFor(effective.policies.overdracht.regionalCalendars, input.schoolYear)) {
      throw new AppError(
        'BAD_USER_INPUT',
        `Er is nog geen regionale overdrachtskalender voor schooljaar ${input.schoolYear}; het samenwerkingsverband stelt die in`,
        `There is no regional transfer calendar for school year ${input.schoolYear} yet; the SWV sets it`,
      );
    }

    return this.starter.start(user, {
      process: ProcessType.OVERDRACHT,
      workflow: overdrachtWorkflow,
      idPrefix: 'overdracht',
      workflowId: `overdracht-${pupil.id}-${input.schoolYear}`,
      pupil,
      args: [
        {
          schoolId: pupil.schoolId,
          pupilId: pupil.id,
          startedBy: { id: user.id, name: user.name },
          schoolYear: input.schoolYear,
          applicationReceivedOn: receivedOn,
          preferenceSchoolIds: preferences,
          poSchoolName: input.poSchoolName.trim(),
          poContactName: input.poContactName?.trim() || null,
          supportNeedsExpected: input.supportNeedsExpected,
          brugklascoordinatorId: input.brugklascoordinatorId ?? null,
        },
      ],
      nameNl: 'overdracht',
      articleNl: 'de',
      nameEn: 'transfer',
      alreadyClosed: {
        nl: 'De overdracht van deze leerling voor dit schooljaar is al eerder gestart en afgesloten',
        en: 'The transfer of this pupil for this school year was already started and closed',
      },
    });
  }
}
