import { Module } from '@nestjs/common';
import { StartZorgrouteUseCase } from './usecases/start-zorgroute.usecase';
import { ZorgrouteCaseDetailResolver, ZorgrouteResolver } from './zorgroute.resolver';
import { IzoJosMentorCompleter } from './usecases/izo-jos-mentor.completer';

/**
 * P2 IZO→ZAT (zorgroute): start and resolvers; its steps run through CaseStepService. IzoJosMentorCompleter adds the
 * mentor of a JOS referral to the IZO step's input (CasesModule).
 */
@Module({
  providers: [ZorgrouteResolver, ZorgrouteCaseDetailResolver, StartZorgrouteUseCase, IzoJosMentorCompleter],
  exports: [IzoJosMentorCompleter],
})
export class ZorgrouteModule {}
