import { Module } from '@nestjs/common';
import { AdminActionsResolver } from './admin-actions.resolver';
import { StuckCasesService } from './stuck-cases.service';
import { AdminActionRunner, AdminCloseCaseUseCase, AdminExtendDueDateUseCase, AdminReassignStepUseCase, AdminResendNotificationUseCase, ReassignOpenStepsUseCase } from './usecases/admin-actions.usecases';

/**
 * The stuck-case screen and the admin actions on a case of any process (extend, reassign, resend, close).
 */
@Module({
  providers: [StuckCasesService, AdminActionsResolver, AdminActionRunner, AdminExtendDueDateUseCase, AdminReassignStepUseCase, AdminResendNotificationUseCase, AdminCloseCaseUseCase, ReassignOpenStepsUseCase],
})
export class AdminActionsModule {}
