import { JosResolver } from './jos.resolver';
import { JosService } from './jos.service';
import {
  JosStepRunner,
  LogJosContactUseCase,
  PlanJosStartgesprekUseCase,
  RecordJosEvaluationUseCase,
  RecordJosOutcomeUseCase,
  RecordJosStartgesprekUseCase,
  SetJosGoalsUseCase,
  StopJosUseCase,
  SubmitJosFormUseCase,
} from './usecases/jos-step.usecases';
import { StartJosUseCase } from './usecases/start-jos.usecase';

/** Nest providers of P3 JOS (registered in AppModule). */
export const JOS_PROVIDERS = [
  JosService,
  JosResolver,
  StartJosUseCase,
  JosStepRunner,
  SubmitJosFormUseCase,
  RecordJosStartgesprekUseCase,
  PlanJosStartgesprekUseCase,
  SetJosGoalsUseCase,
  LogJosContactUseCase,
  RecordJosEvaluationUseCase,
  RecordJosOutcomeUseCase,
  StopJosUseCase,
];
