import { Inject } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AudiencePolicy } from '../access/audience.policy';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { CasesService } from '../cases/cases.service';
import { CaseDetailModel } from '../cases/models/case.model';
import { DocumentRequestModel } from './models/document-request.model';

interface StoredRequest {
  requestId?: unknown;
  label?: unknown;
  description?: unknown;
  status?: unknown;
  dueDate?: unknown;
  requestedAt?: unknown;
  providedAt?: unknown;
  documentId?: unknown;
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * The documents a process step asked the parents for (`case_summary.data.documentRequests`, written by the workflow's
 * document-request desk), as far as the caller may see them: the one audience policy (libs/domain
 * case-data-audience.ts: school and family; the SWV none).
 */
@Resolver(() => CaseDetailModel)
export class DocumentRequestsResolver {
  constructor(
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(AudiencePolicy) private readonly audience: AudiencePolicy,
  ) {}

  @ResolveField('documentRequests', () => [DocumentRequestModel], { description: 'Documents a process step asked the parents for, with their state (school and family).' })
  async documentRequests(@CurrentUser() user: AuthUser, @Parent() detail: CaseDetailModel): Promise<DocumentRequestModel[]> {
    const row = await this.cases.getVisible(user, detail.summary.id);
    const data = this.audience.caseData(user, row.process, row.data) as { documentRequests?: unknown };
    const requests = Array.isArray(data.documentRequests) ? (data.documentRequests as StoredRequest[]) : [];
    return requests
      .filter((r) => typeof r?.requestId === 'string')
      .map((r) => ({
        requestId: r.requestId as string,
        label: text(r.label) ?? '',
        description: text(r.description),
        status: text(r.status) ?? 'OPEN',
        dueDate: text(r.dueDate) ?? '',
        requestedAt: text(r.requestedAt),
        providedAt: text(r.providedAt),
        documentId: text(r.documentId),
      }));
  }
}
