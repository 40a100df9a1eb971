import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';

/**
 * Liveness and readiness (REST GET /health).
 */
@Module({
  controllers: [HealthController],
  providers: [],
})
export class HealthModule {}
