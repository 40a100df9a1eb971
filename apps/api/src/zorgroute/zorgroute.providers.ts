import { StartZorgrouteUseCase } from './usecases/start-zorgroute.usecase';
import { ZorgrouteCaseDetailResolver, ZorgrouteResolver } from './zorgroute.resolver';

/** P2 zorgroute: resolvers and the start (every step runs through CaseStepService; IzoJosMentorCompleter is in app.module.ts). */
export const ZORGROUTE_PROVIDERS = [ZorgrouteResolver, ZorgrouteCaseDetailResolver, StartZorgrouteUseCase];
