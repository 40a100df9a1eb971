import { JosResolver } from './jos.resolver';
import { JosService } from './jos.service';
import { StartJosUseCase } from './usecases/start-jos.usecase';

/** Nest providers of P3 JOS (registered in AppModule); its steps run through CaseStepService. */
export const JOS_PROVIDERS = [JosService, JosResolver, StartJosUseCase];
