import { Inject, Injectable } from '@nestjs/common';
import { ProcessType } from '@zorgroute/domain';
import { mayTake, ZORGROUTE_START } from '@zorgroute/processes';
import { incompleteReferralMessage, mergeReferralForm, zorgrouteWorkflow, type AanmeldFormulier, type ReferralSource } from '@zorgroute/workflows';
import type { AuthUser } from '../../auth/auth-user';
import { CaseStarter } from '../../cases/case-starter';
import type { CaseSummaryModel } from '../../cases/models/case.model';
import { checkStartInput } from '../../cases/start-input';
import { AppError } from '../../common/app-error';
import { validateOrThrow } from '../../common/validate';
import { StartZorgrouteInput } from '../dtos/zorgroute.inputs';

/**
 * Starts a P2 zorgroute (IZO referral in CONCEPT, or submitted right away). The input is checked against the start
 * definition of the step catalogue (ZORGROUTE_START: pupil, source, and the aanmeldformulier checked like the steps
 * that save and submit it); who may refer a pupil is its `who` (the zorgcoördinator, the school's mentors and
 * teamleiders; an admin). The workflow id is a business key (pupil + request key, or pupil + today), so a double click
 * or a retried request returns the same case. Submitting right away needs a complete form: an incomplete one is
 * refused like `submitZorgrouteReferral` refuses it (the same rule and words, zorgroute-form.ts), and nothing starts.
 */
@Injectable()
export class StartZorgrouteUseCase {
  constructor(@Inject(CaseStarter) private readonly starter: CaseStarter) {}

  async execute(user: AuthUser, raw: StartZorgrouteInput): Promise<CaseSummaryModel> {
    const start = checkStartInput(ZORGROUTE_START, raw);
    const input = validateOrThrow(StartZorgrouteInput, raw);
    // The definition's roles first (FORBIDDEN for any other role), then the school: a pupil the referrer may see
    // (a mentor his own pupils, the others their school's).
    const actor = { role: user.role, userId: user.id, atSchoolOfCase: true, participant: false, swvOfCase: false, guardian: false, caseData: {} };
    if (!mayTake(ZORGROUTE_START.who, actor, ZORGROUTE_START)) throw AppError.forbidden();
    const pupil = await this.starter.visiblePupil(user, input.pupilId);
    const given = (start.form ?? {}) as AanmeldFormulier;
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
          source: start.source as ReferralSource,
          form: input.form ? given : null,
          submit: input.submit ?? false,
        },
      ],
    });
  }
}
