import { RetentionScheduleService } from './retention-schedule.service';
import { RetentionResolver } from './retention.resolver';
import { PurgeExpiredCasesUseCase } from './usecases/purge-expired-cases.usecase';

/** Retention: the admin's `purgeExpiredCases` and the daily Temporal Schedule. */
export const RETENTION_PROVIDERS = [RetentionResolver, PurgeExpiredCasesUseCase, RetentionScheduleService];
