import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { AuditCheckpointScheduleService } from './audit-checkpoint-schedule.service';
import { AuditInterceptor } from './audit.interceptor';
import { LoginRateLimiter } from './login-rate-limiter';
import { QuietExceptionsFilter } from './quiet-exceptions.filter';
import { SecurityResolver } from './security.resolver';
import { VerifyAuditChainUseCase } from './usecases/verify-audit-chain.usecase';
import { DataSource } from 'typeorm';
import { AuditTrailRepository } from '@zorgroute/domain';

/**
 * Audit of every mutation, the generic input guard, quiet client errors, login rate limiting, audit queries and the
 * hourly signed audit checkpoint's schedule. Exports the audit trail for the modules that record their own entries.
 */
@Module({
  providers: [{ provide: AuditTrailRepository, useFactory: (ds: DataSource) => new AuditTrailRepository(ds), inject: [DataSource] }, { provide: APP_INTERCEPTOR, useClass: AuditInterceptor }, { provide: APP_FILTER, useClass: QuietExceptionsFilter }, { provide: LoginRateLimiter, useFactory: () => new LoginRateLimiter(process.env) }, SecurityResolver, VerifyAuditChainUseCase, AuditCheckpointScheduleService],
  exports: [AuditTrailRepository, LoginRateLimiter],
})
export class SecurityModule {}
