import { OverdrachtCalendarService } from './overdracht-calendar.service';
import { OverdrachtResolver } from './overdracht.resolver';
import { OverdrachtService } from './overdracht.service';
import {
  AddOverdrachtZienswijzeUseCase,
  ConfirmOverdrachtReadUseCase,
  ConfirmOverdrachtReceivedUseCase,
  OverdrachtStepRunner,
  PlaceOverdrachtPupilUseCase,
  RecordOverdrachtFeedbackUseCase,
  RecordOverdrachtOkrUseCase,
  RecordOverdrachtSentUseCase,
  RecordWarmeOverdrachtUseCase,
  ReferOverdrachtToIzoUseCase,
  StopOverdrachtUseCase,
} from './usecases/overdracht-step.usecases';
import { StartOverdrachtUseCase } from './usecases/start-overdracht.usecase';

/** Nest providers of P6 PO→VO overdracht (registered in AppModule). */
export const OVERDRACHT_PROVIDERS = [
  OverdrachtService,
  OverdrachtCalendarService,
  OverdrachtResolver,
  StartOverdrachtUseCase,
  OverdrachtStepRunner,
  RecordOverdrachtOkrUseCase,
  AddOverdrachtZienswijzeUseCase,
  RecordOverdrachtSentUseCase,
  ConfirmOverdrachtReceivedUseCase,
  RecordWarmeOverdrachtUseCase,
  PlaceOverdrachtPupilUseCase,
  ConfirmOverdrachtReadUseCase,
  ReferOverdrachtToIzoUseCase,
  RecordOverdrachtFeedbackUseCase,
  StopOverdrachtUseCase,
];
