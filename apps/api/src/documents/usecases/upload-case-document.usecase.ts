import { randomUUID, createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditTrailRepository, CaseDocumentRepository, documentLabel } from '@zorgroute/domain';
import { AudiencePolicy } from '../../access/audience.policy';
import type { AuthUser } from '../../auth/auth-user';
import { CasesService } from '../../cases/cases.service';
import { AppError } from '../../common/app-error';
import { validateOrThrow } from '../../common/validate';
import { toModel } from '../case-documents.service';
import { sniffDocumentType } from '../content-sniffer';
import { UploadCaseDocumentInput } from '../dtos/documents.inputs';
import type { CaseDocumentModel } from '../models/case-document.model';
import { DocumentStore } from '../storage/document-store';

export interface UploadedFile {
  /** The bytes as received (multer memory storage). */
  buffer: Buffer;
  originalname: string;
  size: number;
}

/**
 * Uploads a document to a case (a report, a scanned paper consent, a signed OPP). Order as in every mutation: input
 * (BAD_USER_INPUT) → visibility (NOT_FOUND) → may upload (FORBIDDEN) → the file itself: not empty, not larger than
 * DOCUMENT_MAX_BYTES, and a PDF, PNG or JPEG by its content (the name and the browser's type are not trusted) → store
 * the bytes (DocumentStore) and the row → audit. A refused upload stores nothing. With a `clientRequestId` a retried
 * upload answers with the document stored the first time.
 */
@Injectable()
export class UploadCaseDocumentUseCase {
  private readonly documents: CaseDocumentRepository;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(AudiencePolicy) private readonly audience: AudiencePolicy,
    @Inject(DocumentStore) private readonly store: DocumentStore,
  ) {
    this.documents = new CaseDocumentRepository(dataSource);
  }

  async execute(user: AuthUser, caseId: string, raw: Record<string, unknown>, file: UploadedFile | undefined): Promise<CaseDocumentModel> {
    const input = validateOrThrow(UploadCaseDocumentInput, { ...raw, originalName: file?.originalname ?? raw.originalName ?? '' });
    const summary = await this.cases.getVisible(user, caseId);
    if (!this.audience.mayUploadDocument(user)) throw AppError.forbidden();

    const docKey = `upload:${summary.id}:${input.clientRequestId ?? randomUUID()}`;
    return (await this.storeChecked(user, summary.id, { kind: input.kind, audiences: [...input.audiences], originalName: input.originalName, requestId: null, docKey }, file)).model;
  }

  /**
   * The file's checks and storage, shared by every upload (also the parents' upload for a document request): not empty,
   * within the size limit, a PDF, PNG or JPEG by its content → the bytes (DocumentStore) and the row → audit. `created`
   * is false when the document with this key was stored before (a retried upload), which is then answered as it is.
   */
  async storeChecked(
    user: AuthUser,
    caseId: string,
    input: { kind: string; audiences: string[]; originalName: string; requestId: string | null; docKey: string },
    file: UploadedFile | undefined,
  ): Promise<{ model: CaseDocumentModel; created: boolean }> {
    const docKey = input.docKey;
    const earlier = await this.documents.findInfoByKey(docKey);
    if (earlier) return { model: toModel(earlier), created: false };

    if (!file || file.size === 0 || file.buffer.length === 0) throw bad('Het bestand is leeg', 'The file is empty');
    if (file.buffer.length > this.store.maxBytes) throw tooLarge(this.store.maxBytes);
    const type = sniffDocumentType(file.buffer);
    if (!type) throw bad('Alleen PDF-, PNG- of JPEG-bestanden kunnen worden toegevoegd; dit bestand is geen van die soorten (de inhoud telt, niet de naam)', 'Only PDF, PNG or JPEG files can be added; this file is none of them (by its content, not its name)');

    const id = randomUUID();
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    const base = input.originalName.replace(/\.[A-Za-z0-9]{1,5}$/, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 100) || 'document';
    const stored = await this.store.put(id, file.buffer, type.contentType);
    try {
      await this.documents.insertUploaded({
        id,
        docKey,
        caseId,
        kind: input.kind,
        fileName: `${base}.${type.extension}`,
        originalName: input.originalName,
        contentType: type.contentType,
        sizeBytes: file.buffer.length,
        sha256,
        audiences: [...input.audiences],
        uploadedByUserId: user.id,
        uploadedByName: user.name,
        uploadedByRole: user.role,
        requestId: input.requestId,
        storage: stored.storage,
        storageKey: stored.storageKey,
        content: stored.content,
      });
    } catch (err) {
      await this.store.remove(stored).catch(() => undefined);
      throw err;
    }
    const doc = await this.documents.findInfoByKey(docKey);
    if (!doc) throw new AppError('CONFLICT', 'Het document kon niet worden opgeslagen', 'The document could not be stored');
    if (doc.id !== id) await this.store.remove(stored).catch(() => undefined);
    else {
      await new AuditTrailRepository(this.dataSource).append({
        eventKey: `document-upload:${id}`,
        caseId,
        at: new Date().toISOString(),
        actorId: user.id,
        actorName: user.name,
        action: 'DOCUMENT_UPLOADED',
        description: `Document toegevoegd: ${documentLabel(input.kind)}`,
        details: { documentId: id, kind: input.kind, sha256, sizeBytes: file.buffer.length, audiences: input.audiences, ...(input.requestId ? { requestId: input.requestId } : {}) },
      });
    }
    return { model: toModel(doc), created: doc.id === id };
  }

  /** Removes an upload a process step refused (its row and its bytes): nothing of a refused upload stays stored. */
  async discard(id: string): Promise<void> {
    const doc = await this.documents.findById(id);
    if (!doc || doc.source !== 'UPLOAD') return;
    await this.documents.deleteUploaded(id);
    await this.store.remove({ storage: doc.storage, storageKey: doc.storageKey, content: null }).catch(() => undefined);
  }
}

function bad(nl: string, en: string): AppError {
  return new AppError('BAD_USER_INPUT', nl, en);
}

export function tooLarge(maxBytes: number): AppError {
  const mb = Math.round((maxBytes / (1024 * 1024)) * 10) / 10;
  return new AppError('BAD_USER_INPUT', `Het bestand is te groot: maximaal ${String(mb).replace('.', ',')} MB`, `The file is too large: at most ${mb} MB`, { maxBytes });
}
