import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule, type Provider, type Type } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants';
import { GraphQLModule } from '@nestjs/graphql';
import { AccessModule } from './access/access.module';
import { AdminActionsModule } from './admin-actions/admin-actions.module';
import { AuthModule } from './auth/auth.module';
import { CasesModule } from './cases/cases.module';
import { CodecModule } from './codec/codec.module';
import { formatGraphQLError } from './common/format-error';
import { APP_CONFIG, type AppConfig } from './config/app.config';
import { ConsentsModule } from './consents/consents.module';
import { DatabaseModule } from './database/database.module';
import { DocumentsModule } from './documents/documents.module';
import { DossierModule } from './dossier/dossier.module';
import { GuardiansModule } from './guardians/guardians.module';
import { HealthModule } from './health/health.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { JosModule } from './jos/jos.module';
import { MeetingsModule } from './meetings/meetings.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ApiMetrics } from './observability/api-metrics';
import { graphqlMetricsPlugin } from './observability/graphql-metrics.plugin';
import { MetricsController } from './observability/metrics.controller';
import { OovModule } from './oov/oov.module';
import { OppModule } from './opp/opp.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { OverdrachtModule } from './overdracht/overdracht.module';
import { PoliciesModule } from './policies/policies.module';
import { PupilsModule } from './pupils/pupils.module';
import { RetentionModule } from './retention/retention.module';
import { SchoolCalendarModule } from './school-calendar/school-calendar.module';
import { SchoolImportModule } from './school-import/school-import.module';
import { MAX_QUERY_TOKENS, queryCostPlugin, queryLimitsRule } from './security/query-limits';
import { SecurityModule } from './security/security.module';
import { StaffModule } from './staff/staff.module';
import { TemporalModule } from './temporal/temporal.module';
import { TlvModule } from './tlv/tlv.module';
import { TrajectoriesModule } from './trajectories/trajectories.module';
import { WorkListsModule } from './work-lists/work-lists.module';
import { ZorgplichtModule } from './zorgplicht/zorgplicht.module';
import { ZorgrouteModule } from './zorgroute/zorgroute.module';

/**
 * One Nest module per feature folder (docs/architecture.md "apps/api"). AccessModule and CasesModule are global (every
 * process uses the access policies and the case core); the others import the modules whose exports they use.
 */
export const FEATURE_MODULES: Type[] = [
  AccessModule,
  AuthModule,
  SecurityModule,
  IdempotencyModule,
  HealthModule,
  CasesModule,
  PupilsModule,
  StaffModule,
  ConsentsModule,
  NotificationsModule,
  DocumentsModule,
  DossierModule,
  GuardiansModule,
  PoliciesModule,
  SchoolCalendarModule,
  OrganisationsModule,
  SchoolImportModule,
  WorkListsModule,
  MeetingsModule,
  AdminActionsModule,
  RetentionModule,
  // The processes.
  TrajectoriesModule,
  ZorgrouteModule,
  JosModule,
  ZorgplichtModule,
  OovModule,
  OverdrachtModule,
  OppModule,
  TlvModule,
];

/**
 * Every provider of the feature modules. The resolvers among them define the GraphQL schema; `printApiSchema`
 * (schema/api-schema.ts) builds it from this list without a database.
 */
export const API_PROVIDERS: Provider[] = FEATURE_MODULES.flatMap((m) => (Reflect.getMetadata(MODULE_METADATA.PROVIDERS, m) ?? []) as Provider[]);

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
        ...FEATURE_MODULES,
      ],
      // GET /metrics: the registry is made here, one per app (the feature modules' controllers are in their modules).
      controllers: [MetricsController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: ApiMetrics, useValue: metrics },
      ],
      exports: [APP_CONFIG, ApiMetrics],
    };
  }
}
