import { Inject, Injectable } from '@nestjs/common';
import { Role } from '@zorgroute/domain';
import { AudiencePolicy } from '../../access/audience.policy';
import type { AuthUser } from '../../auth/auth-user';
import { CasesService } from '../../cases/cases.service';
import { TemporalGateway } from '../../temporal/temporal.gateway';
import { AppError } from '../../common/app-error';
import { toAppError } from '../../common/temporal-errors';
import type { CaseDocumentModel } from '../models/case-document.model';
import { UploadCaseDocumentUseCase, type UploadedFile } from './upload-case-document.usecase';

/** What the api reads of a document request in the case's data (written by common/document-request.ts). */
interface StoredDocumentRequest {
  requestId?: string;
  documentKind?: string;
  label?: string;
  audiences?: string[];
  status?: string;
}

/**
 * The parents upload the document a process step asked them for (issue 16; the workflow's document-request desk): the
 * same checks and storage as every upload (not empty, within the size limit, a PDF, PNG or JPEG by its content), stored
 * for the school and the audiences the request names (the family), then given to the workflow
 * (`provideRequestedDocument`). Order: visible (NOT_FOUND: a parent of another pupil does not see the case) → may
 * provide (a parent of the pupil, or the school's staff on the parents' behalf: FORBIDDEN otherwise) → the request is
 * open (NOT_FOUND / STEP_NOT_ALLOWED) → the file → store → the workflow; a refusal by the workflow removes what was
 * stored, so a refused upload leaves nothing behind.
 */
@Injectable()
export class ProvideRequestedDocumentUseCase {
  constructor(
    @Inject(TemporalGateway) private readonly temporal: TemporalGateway,
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(AudiencePolicy) private readonly audience: AudiencePolicy,
    @Inject(UploadCaseDocumentUseCase) private readonly uploads: UploadCaseDocumentUseCase,
  ) {}

  async execute(user: AuthUser, caseId: string, requestId: string, file: UploadedFile | undefined): Promise<CaseDocumentModel> {
    const summary = await this.cases.getVisible(user, caseId);
    const byParent = user.role === Role.PARENT;
    if (!byParent && !this.audience.mayUploadDocument(user)) throw AppError.forbidden();
    const requests = ((summary.data as { documentRequests?: unknown } | null)?.documentRequests ?? []) as StoredDocumentRequest[];
    const request = Array.isArray(requests) ? requests.find((r) => r?.requestId === requestId) : undefined;
    if (!request) throw AppError.notFound('Documentverzoek', 'Document request');
    if (request.status !== 'OPEN') {
      throw new AppError('STEP_NOT_ALLOWED', `Voor het verzoek "${request.label ?? ''}" kan geen document meer worden aangeleverd`, 'No document can be provided for this request any more');
    }
    const audiences = (request.audiences ?? ['PARENTS']).filter((a) => a === 'PARENTS' || a === 'PUPIL' || a === 'SWV');
    const stored = await this.uploads.storeChecked(
      user,
      summary.id,
      { kind: request.documentKind ?? 'VERSLAG', audiences, originalName: (file?.originalname ?? '').slice(0, 255), requestId, docKey: `request:${requestId}` },
      file,
    );
    if (!stored.created) return stored.model;
    try {
      await this.temporal.update(
        summary.id,
        'provideRequestedDocument',
        { actor: { id: user.id, name: user.name }, requestId, documentId: stored.model.id, sha256: stored.model.sha256, providedByRole: byParent ? 'PARENT' : 'SCHOOL' },
        { updateId: `provide:${stored.model.id}` },
      );
    } catch (err) {
      await this.uploads.discard(stored.model.id);
      throw toAppError(err);
    }
    return stored.model;
  }
}
