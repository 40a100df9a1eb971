import { Module } from '@nestjs/common';
import { TrajectoryResolver } from './trajectory.resolver';
import { StartTrajectoryUseCase } from './usecases/start-trajectory.usecase';

/**
 * P1 ondersteuningstraject: start and resolvers; its steps run through CaseStepService.
 */
@Module({
  providers: [TrajectoryResolver, StartTrajectoryUseCase],
})
export class TrajectoriesModule {}
