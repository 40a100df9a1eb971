import { OovResolver } from './oov.resolver';
import { OovService } from './oov.service';
import { StartOovUseCase } from './usecases/start-oov.usecase';

/** Nest providers of P5 OOV (registered in AppModule); its steps run through CaseStepService. */
export const OOV_PROVIDERS = [OovService, OovResolver, StartOovUseCase];
