import { Module } from '@nestjs/common';
import { JosResolver } from './jos.resolver';
import { JosService } from './jos.service';
import { StartJosUseCase } from './usecases/start-jos.usecase';

/**
 * P3 JOS: its board, start and resolvers; its steps run through CaseStepService.
 */
@Module({
  providers: [JosService, JosResolver, StartJosUseCase],
})
export class JosModule {}
