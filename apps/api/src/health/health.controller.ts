import { Controller, Get, HttpException, Inject } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Public } from '../auth/public.decorator';
import { TemporalGateway } from '../temporal/temporal.gateway';

/** Liveness and readiness: PostgreSQL and Temporal reachable. */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(TemporalGateway) private readonly temporal: TemporalGateway,
  ) {}

  @Public()
  @Get()
  async check(): Promise<{ status: 'ok'; database: 'ok'; temporal: 'ok' }> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new HttpException({ status: 'error', database: 'unreachable' }, 503);
    }
    try {
      await this.temporal.checkHealth();
    } catch {
      throw new HttpException({ status: 'error', temporal: 'unreachable' }, 503);
    }
    return { status: 'ok', database: 'ok', temporal: 'ok' };
  }
}
