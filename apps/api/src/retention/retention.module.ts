import { Module } from '@nestjs/common';
import { RetentionScheduleService } from './retention-schedule.service';
import { RetentionResolver } from './retention.resolver';
import { PurgeExpiredCasesUseCase } from './usecases/purge-expired-cases.usecase';
import { DocumentsModule } from '../documents/documents.module';

/**
 * Retention: the admin's `purgeExpiredCases` and the daily Temporal Schedule.
 */
@Module({
  imports: [DocumentsModule],
  providers: [RetentionResolver, PurgeExpiredCasesUseCase, RetentionScheduleService],
})
export class RetentionModule {}
