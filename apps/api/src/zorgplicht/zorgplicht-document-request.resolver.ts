import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { ZORGPLICHT_STEPS as STEPS } from '@zorgroute/processes';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { IDEMPOTENCY_KEY_ARG } from '../cases/case-step.resolver';
import { CaseStepService } from '../cases/case-step.service';
import { CaseSummaryModel } from '../cases/models/case.model';
import { RequestZorgplichtDocumentInput } from './dtos/zorgplicht-document-request.input';

/**
 * P4: the zorgcoördinator asks the parents for a document (issue 16), a step of the catalogue like the others (also
 * `takeStep` with REQUEST_DOCUMENT). The parents upload it in the portal (POST /documents/cases/:caseId/requests/:id).
 */
@Resolver()
export class ZorgplichtDocumentRequestResolver {
  constructor(@Inject(CaseStepService) private readonly steps: CaseStepService) {}

  @Mutation(() => CaseSummaryModel, {
    description: 'P4: asks the parents for a document (what, and until when): they get an e-mail with a link to the portal and reminders until it is uploaded; the decision term runs on.',
  })
  requestZorgplichtDocument(
    @CurrentUser() user: AuthUser,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('input') input: RequestZorgplichtDocumentInput,
    @Args('idempotencyKey', IDEMPOTENCY_KEY_ARG) idempotencyKey?: string,
  ): Promise<CaseSummaryModel> {
    return this.steps.take(user, caseId, STEPS.REQUEST_DOCUMENT, input, idempotencyKey);
  }
}
