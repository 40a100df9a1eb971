import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { CaseSummaryModel } from '../cases/models/case.model';
import { AdminCloseCaseInput, AdminExtendDueDateInput, AdminReassignStepInput, AdminResendInput, ReassignOpenStepsInput } from './dtos/admin-actions.inputs';
import { ReassignOpenStepsResultModel } from './models/bulk-reassign.model';
import { StuckCaseModel } from './models/stuck-case.model';
import { StuckCasesService } from './stuck-cases.service';
import { AdminCloseCaseUseCase, AdminExtendDueDateUseCase, AdminReassignStepUseCase, AdminResendNotificationUseCase, ReassignOpenStepsUseCase } from './usecases/admin-actions.usecases';

/**
 * Stuck cases and the admins' actions on them (PROCESSES.md rule 6). "Record a decision on behalf of someone" needs no
 * mutation of its own: an admin (or the school's zorgcoördinator) may run every step mutation of every process
 * (AccessPolicy.canActOnCase), and that step's audit entry names him as the actor.
 */
@Resolver(() => StuckCaseModel)
export class AdminActionsResolver {
  constructor(
    @Inject(StuckCasesService) private readonly stuck: StuckCasesService,
    @Inject(AdminExtendDueDateUseCase) private readonly extend: AdminExtendDueDateUseCase,
    @Inject(AdminReassignStepUseCase) private readonly reassign: AdminReassignStepUseCase,
    @Inject(AdminResendNotificationUseCase) private readonly resend: AdminResendNotificationUseCase,
    @Inject(AdminCloseCaseUseCase) private readonly close: AdminCloseCaseUseCase,
    @Inject(ReassignOpenStepsUseCase) private readonly reassignMany: ReassignOpenStepsUseCase,
  ) {}

  @Query(() => [StuckCaseModel], { description: 'Stuck cases with reason and history: admin all schools, zorgcoördinator his own school.' })
  stuckCases(@CurrentUser() user: AuthUser, @Args('schoolId', { type: () => ID, nullable: true }) schoolId?: string | null): Promise<StuckCaseModel[]> {
    return this.stuck.list(user, schoolId);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Extends the due date of the open step (admin, or zorgcoördinator of the school); the reminder ladder restarts.' })
  adminExtendDueDate(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: AdminExtendDueDateInput): Promise<CaseSummaryModel> {
    return this.extend.execute(user, caseId, input);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Gives the open step another owner (admin, or zorgcoördinator of the school).' })
  adminReassignStep(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: AdminReassignStepInput): Promise<CaseSummaryModel> {
    return this.reassign.execute(user, caseId, input);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Sends a failed (or uncertain) message once more under a new key; a sent one only with force.' })
  adminResendNotification(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: AdminResendInput): Promise<CaseSummaryModel> {
    return this.resend.execute(user, caseId, input);
  }

  @Mutation(() => CaseSummaryModel, { description: 'Closes the case (status GESLOTEN_DOOR_BEHEER). Admin only.' })
  adminCloseCase(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string, @Args('input') input: AdminCloseCaseInput): Promise<CaseSummaryModel> {
    return this.close.execute(user, caseId, input);
  }

  @Mutation(() => ReassignOpenStepsResultModel, {
    description:
      'Gives the open steps of several cases one new owner with one reason (admin; zorgcoördinator and school admin of the school): each case through its own admin update and audit entry; the outcome per case.',
  })
  reassignOpenSteps(@CurrentUser() user: AuthUser, @Args('input') input: ReassignOpenStepsInput): Promise<ReassignOpenStepsResultModel> {
    return this.reassignMany.execute(user, input);
  }
}
