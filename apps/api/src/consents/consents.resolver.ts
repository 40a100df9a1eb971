import { Inject } from '@nestjs/common';
import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AudiencePolicy } from '../access/audience.policy';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { CaseDetailModel, CaseSummaryModel } from '../cases/models/case.model';
import { ConsentsService } from './consents.service';
import { ConsentTimeoutDecisionInput, GiveConsentInput, PaperConsentInput, WithdrawConsentInput } from './dtos/consent.inputs';
import { ConsentRecordModel } from './models/consent.model';
import { DecideConsentTimeoutUseCase, GiveConsentUseCase, RecordPaperConsentUseCase, WithdrawConsentUseCase } from './usecases/consent.usecases';

/** Consent (rule 2), shared by every process: answering requests, paper forms, withdrawal, timeouts. */
@Resolver(() => ConsentRecordModel)
export class ConsentsResolver {
  constructor(
    @Inject(ConsentsService) private readonly consents: ConsentsService,
    @Inject(GiveConsentUseCase) private readonly give: GiveConsentUseCase,
    @Inject(RecordPaperConsentUseCase) private readonly paper: RecordPaperConsentUseCase,
    @Inject(WithdrawConsentUseCase) private readonly withdrawal: WithdrawConsentUseCase,
    @Inject(DecideConsentTimeoutUseCase) private readonly timeout: DecideConsentTimeoutUseCase,
  ) {}

  @Query(() => [ConsentRecordModel], { description: 'Open consent requests the caller can answer (a parent for his children; a pupil of 16+ where allowed).' })
  async myConsentRequests(@CurrentUser() user: AuthUser): Promise<ConsentRecordModel[]> {
    return this.consents.toModels(await this.consents.openFor(user));
  }

  @Mutation(() => ConsentRecordModel, { description: 'A parent (or a pupil of 16+, where allowed) gives or refuses consent in the portal.' })
  giveConsent(@CurrentUser() user: AuthUser, @Args('input') input: GiveConsentInput): Promise<ConsentRecordModel> {
    return this.give.execute(user, input);
  }

  @Mutation(() => ConsentRecordModel, { description: 'Staff record a signed paper consent form, scanned into the dossier.' })
  recordPaperConsent(@CurrentUser() user: AuthUser, @Args('input') input: PaperConsentInput): Promise<ConsentRecordModel> {
    return this.paper.execute(user, input);
  }

  @Mutation(() => ConsentRecordModel, { description: 'Withdraw a given consent, with a reason.' })
  withdrawConsent(@CurrentUser() user: AuthUser, @Args('input') input: WithdrawConsentInput): Promise<ConsentRecordModel> {
    return this.withdrawal.execute(user, input);
  }

  @Mutation(() => CaseSummaryModel, { description: 'After a consent request timed out: ask again (RETRY) or stop asking (ABANDON).' })
  decideConsentTimeout(@CurrentUser() user: AuthUser, @Args('input') input: ConsentTimeoutDecisionInput): Promise<CaseSummaryModel> {
    return this.timeout.execute(user, input);
  }
}

/**
 * `CaseDetail.consents`: every consent record of the case (the case itself was loaded through the caller's scope), as
 * the caller's audience may see it (the SWV: not who answered, how, or why).
 */
@Resolver(() => CaseDetailModel)
export class CaseConsentsResolver {
  constructor(
    @Inject(ConsentsService) private readonly consents: ConsentsService,
    @Inject(AudiencePolicy) private readonly audience: AudiencePolicy,
  ) {}

  @ResolveField('consents', () => [ConsentRecordModel])
  async consentsOfCase(@CurrentUser() user: AuthUser, @Parent() detail: CaseDetailModel): Promise<ConsentRecordModel[]> {
    return (await this.consents.toModels(await this.consents.forCase(detail.summary.id))).map((c) => this.audience.consent(user, c));
  }
}
