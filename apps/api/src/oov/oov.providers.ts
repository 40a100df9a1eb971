import { OovResolver } from './oov.resolver';
import { OovService } from './oov.service';
import {
  OovStepRunner,
  RecordOovConsultationUseCase,
  RecordOovEvaluationUseCase,
  RecordOovFollowUpUseCase,
  RecordOovIntakeUseCase,
  RecordOovReturnPlanUseCase,
  RecordOovSwvDecisionUseCase,
  StopOovUseCase,
  SubmitOovRequestUseCase,
} from './usecases/oov-step.usecases';
import { StartOovUseCase } from './usecases/start-oov.usecase';

/** Nest providers of P5 OOV (registered in AppModule). */
export const OOV_PROVIDERS = [
  OovService,
  OovResolver,
  StartOovUseCase,
  OovStepRunner,
  RecordOovConsultationUseCase,
  SubmitOovRequestUseCase,
  RecordOovSwvDecisionUseCase,
  RecordOovIntakeUseCase,
  RecordOovEvaluationUseCase,
  RecordOovReturnPlanUseCase,
  RecordOovFollowUpUseCase,
  StopOovUseCase,
];
