import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PupilEntity, PupilGuardianEntity, Role, SchoolEntity, UserEntity } from '@zorgroute/domain';
import { ZORGPLICHT_START } from '@zorgroute/processes';
import { AccessPolicy } from '../../access/access-policy';
import type { AuthUser } from '../../auth/auth-user';
import { AppError } from '../../common/app-error';
import { validateOrThrow } from '../../common/validate';
import { checkStartInput } from '../../cases/start-input';
import { effectiveIdempotencyKey, idempotentUuid } from '../../idempotency/idempotency-key';
import { CasesService } from '../../cases/cases.service';
import type { CaseSummaryModel } from '../../cases/models/case.model';
import { RegisterAanmeldingInput } from '../dtos/zorgplicht.inputs';
import { ZorgplichtStarter } from '../zorgplicht-starter';

/**
 * Registers a written application (aanmelding) at the school of first preference and starts its
 * zorgplicht clock. The zorgcoördinator registers for his own school (an admin names the school);
 * the pupil is an existing pupil the caller may see, or a new one recorded at the school together
 * with the parents who will receive the letters.
 */
@Injectable()
export class RegisterAanmeldingUseCase {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(ZorgplichtStarter) private readonly starter: ZorgplichtStarter,
    @Inject(CasesService) private readonly cases: CasesService,
  ) {}

  async execute(user: AuthUser, raw: RegisterAanmeldingInput): Promise<CaseSummaryModel> {
    const input = validateOrThrow(RegisterAanmeldingInput, raw);
    checkStartInput(ZORGPLICHT_START, raw);
    if ((input.pupilId ? 1 : 0) + (input.newPupil ? 1 : 0) !== 1) {
      throw new AppError('BAD_USER_INPUT', 'Kies een bestaande leerling of voer een nieuwe leerling in (niet allebei)', 'Choose an existing pupil or enter a new one (not both)');
    }
    if (user.role !== Role.ADMIN && user.role !== Role.ZORGCOORDINATOR) throw AppError.forbidden();
    const schoolId = user.role === Role.ADMIN ? input.schoolId : user.schoolId;
    if (!schoolId) throw new AppError('BAD_USER_INPUT', 'Kies de school waar de aanmelding binnenkwam', 'Choose the school that received the application');
    if (user.role !== Role.ADMIN && input.schoolId && input.schoolId !== user.schoolId) throw AppError.forbidden();
    if (!this.access.canStartSchoolCase(user, schoolId)) throw AppError.forbidden();
    const school = await this.dataSource.getRepository(SchoolEntity).findOneBy({ id: schoolId });
    if (!school) throw AppError.notFound('School', 'School');

    const base = { schoolId, receivedOn: input.receivedOn, preferenceSchoolIds: input.preferenceSchoolIds };
    let pupilId: string;
    if (input.pupilId) {
      const pupil = await this.access
        .scopePupils(this.dataSource.getRepository(PupilEntity).createQueryBuilder('p'), user)
        .andWhere('p.id = :id', { id: input.pupilId })
        .getOne();
      if (!pupil) throw AppError.notFound('Leerling', 'Pupil');
      pupilId = pupil.id;
    } else {
      // Refuse before recording anything for a new pupil.
      await this.starter.check({ ...base, pupilId: '00000000-0000-0000-0000-000000000000' }, true);
      // With an Idempotency-Key the new pupil's id is derived from it: a retry finds that pupil, and so the same
      // business-key workflow (zorgplicht-<pupil>-<receivedOn>), instead of recording the pupil and the case twice.
      const key = effectiveIdempotencyKey(null);
      const fixedId = key === null ? null : idempotentUuid('aanmelding-pupil', user.id, key);
      pupilId = await this.createPupil(school, input.newPupil as NonNullable<RegisterAanmeldingInput['newPupil']>, fixedId);
    }

    const caseId = await this.starter.start(
      { ...base, pupilId, startedBy: { id: user.id, name: user.name }, extraSupportExpected: input.extraSupportExpected, source: 'AANMELDING' },
      !input.pupilId,
    );
    return this.cases.summary(user, caseId);
  }

  /** Records the new pupil at the receiving school and links the parents (existing parent accounts are reused). */
  private async createPupil(school: SchoolEntity, p: NonNullable<RegisterAanmeldingInput['newPupil']>, fixedId: string | null): Promise<string> {
    return this.dataSource.transaction(async (m) => {
      if (fixedId) {
        const earlier = await m.getRepository(PupilEntity).findOneBy({ id: fixedId });
        if (earlier && earlier.schoolId === school.id) return earlier.id; // a retry: recorded with its parents the first time
        if (earlier) throw new AppError('BAD_USER_INPUT', 'Deze Idempotency-Key is al gebruikt voor een andere aanmelding', 'This Idempotency-Key was already used for another application');
      }
      const pupil = await m.getRepository(PupilEntity).save(
        m.getRepository(PupilEntity).create({
          ...(fixedId ? { id: fixedId } : {}),
          schoolId: school.id,
          firstName: p.firstName.trim(),
          lastName: p.lastName.trim(),
          dateOfBirth: p.dateOfBirth,
          className: null,
          mentorId: null,
        }),
      );
      for (const parent of p.parents) {
        const email = parent.email.trim().toLowerCase();
        let user = await m.getRepository(UserEntity).findOneBy({ email });
        if (user && user.role !== Role.PARENT) {
          throw new AppError('BAD_USER_INPUT', `Het e-mailadres ${email} hoort bij een account dat geen ouderaccount is`, `The e-mail address ${email} belongs to an account that is not a parent account`);
        }
        user ??= await m.getRepository(UserEntity).save(
          m.getRepository(UserEntity).create({ email, name: parent.name.trim(), role: Role.PARENT, schoolId: school.id, swvId: school.swvId, pupilId: null }),
        );
        await m.getRepository(PupilGuardianEntity).upsert({ pupilId: pupil.id, userId: user.id, relation: 'ouder' }, ['pupilId', 'userId']);
      }
      return pupil.id;
    });
  }
}
