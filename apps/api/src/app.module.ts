import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { AccessPolicy } from './access/access-policy';
import { AudiencePolicy } from './access/audience.policy';
import { AuthGuard } from './auth/auth.guard';
import { ADMIN_ACTION_PROVIDERS } from './admin-actions/admin-actions.providers';
import { AuthResolver } from './auth/auth.resolver';
import { AuthService } from './auth/auth.service';
import { OIDC_CONTROLLERS, OIDC_PROVIDERS } from './auth/oidc/oidc.providers';
import { FAMILY_LOGIN_PROVIDERS } from './auth/family/family-login.providers';
import { GUARDIAN_PROVIDERS } from './guardians/guardians.providers';
import { CaseLauncher } from './cases/case-launcher';
import { CaseStarter } from './cases/case-starter';
import { CodecModule } from './codec/codec.module';
import { CaseStepResolver } from './cases/case-step.resolver';
import { CaseStepService } from './cases/case-step.service';
import { stepInputCompleters } from './cases/step-input-completer';
import { CasesResolver } from './cases/cases.resolver';
import { CasesService } from './cases/cases.service';
import { CONSENT_PROVIDERS } from './consents/consents.providers';
import { formatGraphQLError } from './common/format-error';
import { APP_CONFIG, type AppConfig } from './config/app.config';
import { DatabaseModule } from './database/database.module';
import { DOSSIER_CONTROLLERS, DOSSIER_PROVIDERS } from './dossier/dossier.providers';
import { DOCUMENT_CONTROLLERS, DOCUMENT_PROVIDERS } from './documents/documents.providers';
import { HealthController } from './health/health.controller';
import { ApiMetrics } from './observability/api-metrics';
import { graphqlMetricsPlugin } from './observability/graphql-metrics.plugin';
import { MetricsController } from './observability/metrics.controller';
import { IDEMPOTENCY_PROVIDERS } from './idempotency/idempotency.providers';
import { JOS_PROVIDERS } from './jos/jos.providers';
import { NOTIFICATION_CONTROLLERS, NOTIFICATION_PROVIDERS } from './notifications/notifications.providers';
import { OOV_PROVIDERS } from './oov/oov.providers';
import { TLV_PROVIDERS } from './tlv/tlv.providers';
import { OVERDRACHT_PROVIDERS } from './overdracht/overdracht.providers';
import { OPP_CONTROLLERS, OPP_PROVIDERS } from './opp/opp.providers';
import { POLICY_PROVIDERS } from './policies/policies.providers';
import { RETENTION_PROVIDERS } from './retention/retention.providers';
import { MAX_QUERY_TOKENS, queryCostPlugin, queryLimitsRule } from './security/query-limits';
import { SECURITY_PROVIDERS } from './security/security.providers';
import { PupilPageService } from './pupils/pupil-page.service';
import { PupilsResolver } from './pupils/pupils.resolver';
import { PupilsService } from './pupils/pupils.service';
import { StaffResolver } from './staff/staff.resolver';
import { StaffService } from './staff/staff.service';
import { SCHOOL_CALENDAR_PROVIDERS } from './school-calendar/school-calendar.providers';
import { TemporalModule } from './temporal/temporal.module';
import { ZORGPLICHT_CONTROLLERS, ZORGPLICHT_PROVIDERS } from './zorgplicht/zorgplicht.providers';
import { TrajectoryResolver } from './trajectories/trajectory.resolver';
import { ZORGROUTE_PROVIDERS } from './zorgroute/zorgroute.providers';
import { ConsentTimeoutCompleter } from './consents/consent-timeout.completer';
import { IzoJosMentorCompleter } from './zorgroute/usecases/izo-jos-mentor.completer';
import { StartTrajectoryUseCase } from './trajectories/usecases/start-trajectory.usecase';
import { ORGANISATION_PROVIDERS } from './organisations/organisations.providers';
import { SCHOOL_IMPORT_CONTROLLERS, SCHOOL_IMPORT_PROVIDERS } from './school-import/school-import.providers';
import { WORK_LIST_PROVIDERS } from './work-lists/work-lists.providers';
import { MEETING_PROVIDERS } from './meetings/meetings.providers';

/**
 * Every provider of the api except the three built from the configuration in `forRoot`. The resolvers among them
 * define the GraphQL schema; `printApiSchema` (schema/api-schema.ts) builds it from this same list without a database.
 */
export const API_PROVIDERS: Provider[] = [
  AccessPolicy,
  AudiencePolicy,
  AuthService,
  AuthResolver,
  PupilsService,
  PupilPageService,
  PupilsResolver,
  StaffService,
  StaffResolver,
  CasesService,
  CasesResolver,
  CaseStepService,
  CaseStepResolver,
  // What only the api adds to a step's input (never the caller), per step.
  ...stepInputCompleters(IzoJosMentorCompleter, ConsentTimeoutCompleter),
  CaseLauncher,
  CaseStarter,
  TrajectoryResolver,
  StartTrajectoryUseCase,
  ...JOS_PROVIDERS,
  ...POLICY_PROVIDERS,
  ...SCHOOL_CALENDAR_PROVIDERS,
  ...ZORGPLICHT_PROVIDERS,
  ...CONSENT_PROVIDERS,
  ...ZORGROUTE_PROVIDERS,
  ...NOTIFICATION_PROVIDERS,
  ...OOV_PROVIDERS,
  ...OVERDRACHT_PROVIDERS,
  ...OPP_PROVIDERS,
  ...TLV_PROVIDERS,
  ...SECURITY_PROVIDERS,
  ...ADMIN_ACTION_PROVIDERS,
  ...DOCUMENT_PROVIDERS,
  ...DOSSIER_PROVIDERS,
  ...RETENTION_PROVIDERS,
  ...OIDC_PROVIDERS,
  ...FAMILY_LOGIN_PROVIDERS,
  ...GUARDIAN_PROVIDERS,
  ...IDEMPOTENCY_PROVIDERS,
  ...ORGANISATION_PROVIDERS,
  ...WORK_LIST_PROVIDERS,
  ...SCHOOL_IMPORT_PROVIDERS,
  ...MEETING_PROVIDERS,
];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    // One registry per app: the GraphQL plugin, the Temporal client and GET /metrics share it.
    const metrics = new ApiMetrics();
    return {
      module: AppModule,
      global: true,
      imports: [
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: true,
          sortSchema: true,
          // The IDE is the admin app's /graphiql (offline, from the project's own dependencies): graphql-ide-redirect.ts.
          graphiql: false,
          introspection: !config.production,
          // Fail closed: stack traces only with API_DEBUG_ERRORS=true; no "Did you mean …" schema hints in production.
          includeStacktraceInErrorResponses: config.debugErrors,
          hideSchemaDetailsFromClientErrors: config.production,
          // CSRF: a browser request with a cookie must be a JSON POST (a preflighted request other sites cannot send)
          // or carry Apollo's preflight header; the session cookie is SameSite=Strict as well (docs/security.md).
          csrfPrevention: true,
          context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
          formatError: formatGraphQLError,
          parseOptions: { maxTokens: MAX_QUERY_TOKENS },
          validationRules: [queryLimitsRule()],
          plugins: [queryCostPlugin(), graphqlMetricsPlugin(metrics)],
        }),
        DatabaseModule,
        TemporalModule,
        CodecModule,
      ],
      controllers: [HealthController, MetricsController, ...ZORGPLICHT_CONTROLLERS, ...NOTIFICATION_CONTROLLERS, ...OIDC_CONTROLLERS, ...DOSSIER_CONTROLLERS, ...OPP_CONTROLLERS, ...SCHOOL_IMPORT_CONTROLLERS, ...DOCUMENT_CONTROLLERS],

      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: ApiMetrics, useValue: metrics },
        { provide: APP_GUARD, useClass: AuthGuard },
        ...API_PROVIDERS,
      ],
      exports: [APP_CONFIG, ApiMetrics],
    };
  }
}
