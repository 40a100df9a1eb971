import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { AccessPolicy } from './access/access-policy';
import { AuthGuard } from './auth/auth.guard';
import { AuthResolver } from './auth/auth.resolver';
import { AuthService } from './auth/auth.service';
import { CaseStepRunner } from './cases/case-step.runner';
import { CasesResolver } from './cases/cases.resolver';
import { CasesService } from './cases/cases.service';
import { formatGraphQLError } from './common/format-error';
import { APP_CONFIG, type AppConfig } from './config/app.config';
import { DatabaseModule } from './database/database.module';
import { HealthController } from './health/health.controller';
import { PupilsResolver } from './pupils/pupils.resolver';
import { PupilsService } from './pupils/pupils.service';
import { TemporalModule } from './temporal/temporal.module';
import { TrajectoryResolver } from './trajectories/trajectory.resolver';
import { StartTrajectoryUseCase } from './trajectories/usecases/start-trajectory.usecase';
import {
  AssignCoachUseCase,
  LogSessionUseCase,
  RecordIntakeUseCase,
  RecordMidEvaluationUseCase,
  RecordOutcomeUseCase,
  StopTrajectoryUseCase,
  TrajectoryStepRunner,
} from './trajectories/usecases/trajectory-step.usecase';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: true,
          sortSchema: true,
          graphiql: !config.production,
          introspection: !config.production,
          context: ({ req }: { req: unknown }) => ({ req }),
          formatError: formatGraphQLError,
        }),
        DatabaseModule,
        TemporalModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: AuthGuard },
        AccessPolicy,
        AuthService,
        AuthResolver,
        PupilsService,
        PupilsResolver,
        CasesService,
        CasesResolver,
        CaseStepRunner,
        TrajectoryResolver,
        StartTrajectoryUseCase,
        TrajectoryStepRunner,
        RecordIntakeUseCase,
        AssignCoachUseCase,
        LogSessionUseCase,
        RecordMidEvaluationUseCase,
        RecordOutcomeUseCase,
        StopTrajectoryUseCase,
      ],
      exports: [APP_CONFIG],
    };
  }
}
