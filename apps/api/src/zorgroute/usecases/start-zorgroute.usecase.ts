import { Inject, Injectable } from '@nestjs/common';
import { ProcessType, Role } from '@zorgroute/domain';
import { toIsoDate } from '@zorgroute/domain/logic';
import { validateStepInput, ZORGROUTE_STEPS } from '@zorgroute/processes';
import { incompleteReferralMessage, mergeReferralForm, zorgrouteWorkflow, type AanmeldFormulier, type ReferralSource } from '@zorgroute/workflows';
import type { AuthUser } from '../../auth/auth-user';
import { CaseStarter } from '../../cases/case-starter';
import type { CaseSummaryModel } from '../../cases/models/case.model';
import { AppError } from '../../common/app-error';
import { validateOrThrow } from '../../common/validate';
import { StartZorgrouteInput } from '../dtos/zorgroute.inputs';

/** Roles that refer a pupil to the IZO: the mentor (own pupils), the teamleider and the zorgcoördinator (own school). */
const REFERRER_ROLES: string[] = [Role.MENTOR, Role.TEAMLEIDER, Role.ZORGCOORDINATOR, Role.ADMIN];

/**
 * Starts a P2 zorgroute (IZO referral in CONCEPT, or submitted right away). The workflow id is a business key
 * (pupil + request key, or pupil + today), so a double click or a retried request returns the same case. Submitting
 * right away needs a complete form: an incomplete one is refused like `submitZorgrouteReferral` refuses it (the same
 * rule and words, zorgroute-form.ts), and nothing starts. The form is checked against the aanmeldformulier of the
 * step catalogue, like the steps that save and submit it.
 */
@Injectable()
export class StartZorgrouteUseCase {
  constructor(@Inject(CaseStarter) private readonly starter: CaseStarter) {}

  async execute(user: AuthUser, raw: StartZorgrouteInput): Promise<CaseSummaryModel> {
    const input = validateOrThrow(StartZorgrouteInput, raw);
    if (!REFERRER_ROLES.includes(user.role)) throw AppError.forbidden();
    const pupil = await this.starter.visiblePupil(user, input.pupilId);
    const given = referralForm(input.form);
    const form = mergeReferralForm({}, given);
    const incomplete = input.submit ? incompleteReferralMessage(form) : null;
    if (incomplete) throw new AppError('BAD_USER_INPUT', incomplete.nl, incomplete.en);
    return this.starter.start(user, {
      process: ProcessType.ZORGROUTE,
      workflow: zorgrouteWorkflow,
      idPrefix: 'zorgroute',
      pupil,
      requestKey: input.requestKey,
      nameNl: 'IZO-aanmelding',
      articleNl: 'de',
      nameEn: 'IZO referral',
      args: [
        {
          schoolId: pupil.schoolId,
          pupilId: pupil.id,
          startedBy: { id: user.id, name: user.name },
          referrerRole: user.role,
          source: input.source as ReferralSource,
          form: input.form ? given : null,
          submit: input.submit ?? false,
        },
      ],
    });
  }
}

/** The start's (partial) form, checked and normalized as SUBMIT_REFERRAL checks it (BAD_USER_INPUT otherwise). */
function referralForm(raw: unknown): AanmeldFormulier {
  const { errors, value } = validateStepInput(ZORGROUTE_STEPS.SUBMIT_REFERRAL, { form: raw ?? {} }, { policies: {}, today: toIsoDate(Date.now()) });
  if (errors.length) throw new AppError('BAD_USER_INPUT', errors[0].nl, errors[0].en, { fields: errors.map((e) => e.field) });
  return value.form as AanmeldFormulier;
}
