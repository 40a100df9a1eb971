import { AdminActionsResolver } from './admin-actions.resolver';
import { StuckCasesService } from './stuck-cases.service';
import { AdminActionRunner, AdminCloseCaseUseCase, AdminExtendDueDateUseCase, AdminReassignStepUseCase, AdminResendNotificationUseCase, ReassignOpenStepsUseCase } from './usecases/admin-actions.usecases';

/** Nest providers of the stuck-case screen and the admin actions (registered in AppModule). */
export const ADMIN_ACTION_PROVIDERS = [
  StuckCasesService,
  AdminActionsResolver,
  AdminActionRunner,
  AdminExtendDueDateUseCase,
  AdminReassignStepUseCase,
  AdminResendNotificationUseCase,
  AdminCloseCaseUseCase,
  ReassignOpenStepsUseCase,
];
