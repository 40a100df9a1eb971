import { Controller, Get, Header, Headers, HttpException, Inject } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { Public } from '../auth/public.decorator';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { Registry } from 'prom-client';
import { ApiMetrics } from './api-metrics';

/**
 * Prometheus metrics of this api (text format). Not behind the login (Prometheus has no session) but behind
 * METRICS_TOKEN: with a token set, only `Authorization: Bearer <token>` gets an answer; production without a token
 * answers 404 (the endpoint is off). Outside production without a token it is open (development, tests). The admin's
 * nginx never forwards /metrics, so only the cluster network can reach it (docs/security.md "Metrics").
 */
@Controller('metrics')
export class MetricsController {
  constructor(
    @Inject(ApiMetrics) private readonly metrics: ApiMetrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  @Header('Cache-Control', 'no-store')
  @Header('Content-Type', Registry.PROMETHEUS_CONTENT_TYPE)
  async scrape(@Headers('authorization') authorization: string | undefined): Promise<string> {
    const token = this.config.metricsToken;
    if (!token) {
      if (this.config.production) throw new HttpException('Not Found', 404);
    } else if (!sameSecret(authorization ?? '', `Bearer ${token}`)) {
      throw new HttpException('Unauthorized', 401);
    }
    return this.metrics.registry.metrics();
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
