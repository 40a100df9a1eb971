import { OppResolver } from './opp.resolver';
import { StartOppUseCase } from './usecases/start-opp.usecase';

/** Nest providers of P7 OPP (registered in AppModule); its steps run through CaseStepService (`takeStep`). */
export const OPP_PROVIDERS = [OppResolver, StartOppUseCase];
