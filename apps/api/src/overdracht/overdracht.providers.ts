import { OverdrachtCalendarService } from './overdracht-calendar.service';
import { OverdrachtResolver } from './overdracht.resolver';
import { OverdrachtService } from './overdracht.service';
import { StartOverdrachtUseCase } from './usecases/start-overdracht.usecase';

/** Nest providers of P6 PO→VO overdracht (registered in AppModule); its steps run through CaseStepService. */
export const OVERDRACHT_PROVIDERS = [OverdrachtService, OverdrachtCalendarService, OverdrachtResolver, StartOverdrachtUseCase];
