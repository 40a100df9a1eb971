import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createLogger } from '@zorgroute/domain';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { ApiMetrics } from './observability/api-metrics';
import { httpMetrics } from './observability/http-metrics.middleware';
import { NestStructuredLogger } from './observability/nest-structured-logger';
import type { AppConfig } from './config/app.config';
import { graphqlIdeRedirect } from './security/graphql-ide-redirect';
import { securityHeaders } from './security/security-headers';

/** Builds the Nest application (used by main.ts and the end-to-end tests). */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  // Every log line of the api is one JSON object (LOG_FORMAT=pretty: a readable line), without personal data.
  const logger = new NestStructuredLogger(createLogger('api', config.log));
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { logger });
  const metrics = app.get(ApiMetrics);
  metrics.useDatabase(app.get(DataSource));
  app.use(httpMetrics(metrics));
  // Behind a reverse proxy the client's IP (login rate limit, audit) comes from X-Forwarded-For, for trusted hops only.
  if (config.trustProxy !== null) app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(securityHeaders());
  app.use(graphqlIdeRedirect({ production: config.production, appUrl: config.appUrl }));
  app.enableShutdownHooks();
  return app;
}
