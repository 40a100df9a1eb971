import { Module } from '@nestjs/common';
import { CaseDocumentUploadController } from './case-document-upload.controller';
import { CaseNotesResolver } from './case-notes.resolver';
import { CaseNotesService } from './case-notes.service';
import { DocumentStore } from './storage/document-store';
import { DocumentObjectPurgeService } from './document-object-purge.service';
import { DocumentRequestsResolver } from './document-requests.resolver';
import { ProvideRequestedDocumentUseCase } from './usecases/provide-requested-document.usecase';
import { UploadCaseDocumentUseCase } from './usecases/upload-case-document.usecase';
import { CaseDocumentsController } from './case-documents.controller';
import { CaseDocumentsService } from './case-documents.service';
import { DocumentsResolver } from './documents.resolver';

/**
 * Documents and notes of a case (issue 16): uploads (content-checked; PostgreSQL or S3 storage), requested documents,
 * the audited listing and download (REST GET /documents/:id), the logboek, and the outbox that deletes a purged case's
 * bucket objects.
 */
@Module({
  controllers: [CaseDocumentUploadController, CaseDocumentsController],
  providers: [DocumentStore, DocumentObjectPurgeService, CaseDocumentsService, DocumentsResolver, UploadCaseDocumentUseCase, ProvideRequestedDocumentUseCase, DocumentRequestsResolver, CaseNotesService, CaseNotesResolver],
  exports: [CaseDocumentsService, CaseNotesService, DocumentObjectPurgeService],
})
export class DocumentsModule {}
