import { StartZorgrouteUseCase } from './usecases/start-zorgroute.usecase';
import { ZorgrouteStepRunner } from './usecases/zorgroute-step.runner';
import { ZORGROUTE_USE_CASES } from './usecases/zorgroute-step.usecases';
import { ZorgrouteCaseDetailResolver, ZorgrouteResolver } from './zorgroute.resolver';

/** P2 zorgroute: resolvers, the step runner and one use case per mutation. */
export const ZORGROUTE_PROVIDERS = [ZorgrouteResolver, ZorgrouteCaseDetailResolver, ZorgrouteStepRunner, StartZorgrouteUseCase, ...ZORGROUTE_USE_CASES];
