import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { AuditEntryEntity, Role } from '@zorgroute/domain';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { CasesService } from '../cases/cases.service';
import { AppError } from '../common/app-error';
import { AuditChainVerificationModel, AuditEntryModel } from './security.models';
import { VerifyAuditChainUseCase } from './usecases/verify-audit-chain.usecase';

/** Staff roles that may read a case's audit trail (only for cases they can see). */
const AUDIT_READERS: string[] = [Role.ADMIN, Role.ZORGCOORDINATOR, Role.TEAMLEIDER];

@Resolver()
export class SecurityResolver {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(VerifyAuditChainUseCase) private readonly verify: VerifyAuditChainUseCase,
  ) {}

  @Query(() => [AuditEntryModel], { description: 'The audit trail of one case, oldest first: workflow transitions and api mutations (admin; zorgcoördinator and teamleider of the school).' })
  async caseAudit(@CurrentUser() user: AuthUser, @Args('caseId', { type: () => ID }) caseId: string): Promise<AuditEntryModel[]> {
    if (!AUDIT_READERS.includes(user.role)) throw AppError.forbidden();
    await this.cases.getVisible(user, caseId);
    const rows = await this.dataSource
      .getRepository(AuditEntryEntity)
      .createQueryBuilder('a')
      .where('a.case_id = :caseId', { caseId })
      .orWhere(`a.details->>'caseId' = :caseId`, { caseId })
      .orderBy('a.id', 'ASC')
      .getMany();
    return rows.map((r) => ({
      id: r.id, at: r.at, actorId: r.actorId, actorName: r.actorName, action: r.action, description: r.description, reason: r.reason,
      source: r.eventKey.startsWith('api:') ? 'API' : 'WORKFLOW', hash: r.hash, prevHash: r.prevHash,
    }));
  }

  @Query(() => AuditChainVerificationModel, {
    description: 'Recomputes the whole audit chain, checks every signed checkpoint, and reports the first problem: where and why (admin).',
  })
  verifyAuditChain(@CurrentUser() user: AuthUser): Promise<AuditChainVerificationModel> {
    return this.verify.execute(user);
  }
}
