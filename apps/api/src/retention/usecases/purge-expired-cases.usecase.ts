import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RetentionPurger, Role } from '@zorgroute/domain';
import type { AuthUser } from '../../auth/auth-user';
import { AppError } from '../../common/app-error';
import { DocumentObjectPurgeService } from '../../documents/document-object-purge.service';
import { validateOrThrow } from '../../common/validate';
import { PurgeExpiredCasesInput } from '../dtos/purge-expired-cases.input';
import type { RetentionRunModel } from '../models/retention-run.model';
import { TemporalGateway } from '../../temporal/temporal.gateway';

/**
 * The retention run on demand (admin only, with a reason): the same run as the daily schedule (RetentionPurger), with
 * the admin as the actor of every close and purge. Bad input → BAD_USER_INPUT; another role → FORBIDDEN; nothing is
 * written in either case. The bucket objects of purged cases (DOCUMENT_STORAGE=s3) are deleted right after
 * (DocumentObjectPurgeService).
 */
@Injectable()
export class PurgeExpiredCasesUseCase {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(TemporalGateway) private readonly temporal: TemporalGateway,
    @Inject(DocumentObjectPurgeService) private readonly objectPurge: DocumentObjectPurgeService,
  ) {}

  async execute(user: AuthUser, raw: PurgeExpiredCasesInput): Promise<RetentionRunModel> {
    const input = validateOrThrow(PurgeExpiredCasesInput, raw);
    if (user.role !== Role.ADMIN) throw new AppError('FORBIDDEN', 'Alleen een beheerder kan de bewaartermijnen toepassen', 'Only an admin can apply the retention policy');
    if (input.schoolId && !(await this.dataSource.query('SELECT 1 FROM school WHERE id = $1', [input.schoolId])).length) {
      throw AppError.notFound('School', 'School');
    }
    const reason = input.reason.trim();
    const result = await new RetentionPurger(this.dataSource).run(this.temporal.retentionOps({ id: user.id, name: user.name }), {
      trigger: 'ADMIN',
      actorId: user.id,
      reason,
      schoolId: input.schoolId ?? null,
    });
    // The bucket objects of the purged cases (DOCUMENT_STORAGE=s3) go now, not at the next round; in the background
    // (a slow bucket does not hold the answer; the drain never throws, a failed delete waits for the next round).
    if (result.purged.length) void this.objectPurge.drain();
    return { closedCaseIds: result.closed, purgedCaseIds: result.purged, skippedRunningCaseIds: result.skippedRunning, failed: result.failed.length };
  }
}
