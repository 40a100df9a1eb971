import { CaseDocumentUploadController } from './case-document-upload.controller';
import { CaseNotesResolver } from './case-notes.resolver';
import { CaseNotesService } from './case-notes.service';
import { DocumentStore } from './storage/document-store';
import { DocumentObjectPurgeService } from './document-object-purge.service';
import { DocumentRequestsResolver } from './document-requests.resolver';
import { ProvideRequestedDocumentUseCase } from './usecases/provide-requested-document.usecase';
import { UploadCaseDocumentUseCase } from './usecases/upload-case-document.usecase';

/** Issue 16 "Documents and notes": uploads (content-checked, PostgreSQL or S3 storage; the bucket objects of purged cases: DocumentObjectPurgeService) and the case logboek. The listing and audited download of documents: CaseDocumentsService (ZORGPLICHT_PROVIDERS). */
export const DOCUMENT_PROVIDERS = [DocumentStore, DocumentObjectPurgeService, UploadCaseDocumentUseCase, ProvideRequestedDocumentUseCase, DocumentRequestsResolver, CaseNotesService, CaseNotesResolver];

/** REST: POST /documents/cases/:caseId (multipart upload), POST /documents/cases/:caseId/requests/:requestId (a requested document). */
export const DOCUMENT_CONTROLLERS = [CaseDocumentUploadController];
