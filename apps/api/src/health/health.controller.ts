import { Controller, Get, HttpException, Inject } from '@nestjs/common';
import { Client, type Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { Public } from '../auth/public.decorator';

/** Liveness and readiness: PostgreSQL and Temporal reachable. */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Client) private readonly temporal: Client,
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
      await (this.temporal.connection as Connection).healthService.check({});
    } catch {
      throw new HttpException({ status: 'error', temporal: 'unreachable' }, 503);
    }
    return { status: 'ok', database: 'ok', temporal: 'ok' };
  }
}
