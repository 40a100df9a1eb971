import { Module } from '@nestjs/common';
import { OovResolver } from './oov.resolver';
import { OovService } from './oov.service';
import { StartOovUseCase } from './usecases/start-oov.usecase';

/**
 * P5 OOV: its board, start and resolvers; its steps run through CaseStepService.
 */
@Module({
  providers: [OovService, OovResolver, StartOovUseCase],
})
export class OovModule {}
