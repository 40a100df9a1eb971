import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { CaseSummaryModel } from '../cases/models/case.model';
import { StartTlvInput } from './dtos/tlv.inputs';
import { StartTlvUseCase } from './usecases/start-tlv.usecase';

/**
 * P8 TLV request: its start. Every step (dossier items, submission, the SWV's check, the experts' advice, the
 * commissie's decision and extension, school system, BRON, bezwaar, herindicatie, withdraw) is taken with `takeStep`
 * from the step catalogue (libs/processes/src/tlv/steps.ts) and shown on the case page from `stepForms`; the parents'
 * akkoord is the shared consent request (`giveConsent`, `recordPaperConsent`).
 */
@Resolver()
export class TlvResolver {
  constructor(@Inject(StartTlvUseCase) private readonly startUc: StartTlvUseCase) {}

  @Mutation(() => CaseSummaryModel, { description: 'The zorgcoördinator starts a TLV request for a pupil (after a Flex-ZAT): the parents are asked to agree and the dossier is built to the SWV’s checklist.' })
  startTlv(@CurrentUser() user: AuthUser, @Args('input') input: StartTlvInput): Promise<CaseSummaryModel> {
    return this.startUc.execute(user, input);
  }
}
