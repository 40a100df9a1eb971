import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import {
  AuditTrailRepository,
  CaseDocumentEntity,
  CaseDocumentRepository,
  CaseSummaryEntity,
  documentAudiences,
  documentLabel,
  PupilEntity,
  type CaseDocumentInfo,
} from '@zorgroute/domain';
import { AudiencePolicy } from '../access/audience.policy';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import { isUuid } from '@zorgroute/domain';
import { CasesService } from '../cases/cases.service';
import type { CaseDocumentModel, FamilyLetterModel } from './models/case-document.model';
import { DocumentStore, isDocumentObjectMissing } from './storage/document-store';

/** A document's bytes with what the download answer needs. */
export interface DocumentDownload {
  contentType: string;
  fileName: string;
  sha256: string;
  content: Buffer;
}

export function documentDownloadPath(id: string): string {
  return `/documents/${encodeURIComponent(id)}`;
}

/**
 * Documents of a case: generated letters and uploaded files (UploadCaseDocumentUseCase). Who reads which is the
 * AudiencePolicy's (stated in libs/domain/src/audience/record-audience.ts): the school's zorgcoördinator, teamleider
 * and admin all of them; the parents a letter addressed to them; the parents, the pupil and the SWV an upload shared
 * with them — always within the case scope, so never for a case kept from the parents. Staff who only take part in a
 * case do not. Every download is written to the audit trail (who, which document, which case; no content).
 */
@Injectable()
export class CaseDocumentsService {
  private readonly documents: CaseDocumentRepository;
  private readonly logger = new Logger('CaseDocuments');

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(AudiencePolicy) private readonly audience: AudiencePolicy,
    @Inject(DocumentStore) private readonly store: DocumentStore,
  ) {
    this.documents = new CaseDocumentRepository(dataSource);
  }

  mayRead(user: AuthUser): boolean {
    return this.audience.mayListDocuments(user);
  }

  /** The documents of a case the caller may see (metadata only): NOT_FOUND for an invisible case, FORBIDDEN for a role without letters. */
  async list(user: AuthUser, caseId: string): Promise<CaseDocumentModel[]> {
    await this.cases.getVisible(user, caseId);
    if (!this.mayRead(user)) throw AppError.forbidden();
    return (await this.documents.listForCase(caseId)).filter((d) => this.audience.mayReadDocument(user, d)).map(toModel);
  }

  /**
   * One document with its content, for the download endpoint. NOT_FOUND when it does not exist, its case is out of
   * scope, or the caller may not read it — the same answer, so a download says nothing about a letter one may not see.
   * A document the caller may read whose bytes are gone from the bucket answers its own NOT_FOUND ("Dit document is
   * niet meer beschikbaar") and is logged for the operator by document and case id only.
   */
  async forDownload(user: AuthUser, id: string): Promise<DocumentDownload> {
    const notFound = AppError.notFound('Document', 'Document');
    if (!isUuid(id)) throw notFound;
    const doc = await this.documents.findById(id);
    if (!doc || !this.audience.mayReadDocument(user, doc)) throw notFound;
    await this.cases.getVisible(user, doc.caseId).catch(() => {
      throw notFound;
    });
    const content = await this.store.read(doc).catch((err: unknown) => {
      if (isDocumentObjectMissing(err)) {
        this.logger.warn('document object missing from the bucket: the row is there, its bytes are not', { event: 'document_object_missing', documentId: doc.id, caseId: doc.caseId });
      }
      throw err;
    });
    // Audited before the bytes leave: who (id and role), which document of which case. Not on the case timeline
    // (caseId null); the dossier export finds it by details.caseId.
    await new AuditTrailRepository(this.dataSource).append({
      eventKey: `document-download:${randomUUID()}`,
      caseId: null,
      at: new Date().toISOString(),
      actorId: user.id,
      actorName: user.role,
      action: 'DOCUMENT_DOWNLOADED',
      description: `Document gedownload: ${documentLabel(doc.kind)}`,
      details: { operation: 'downloadDocument', caseId: doc.caseId, documentId: doc.id, kind: doc.kind, sha256: doc.sha256 },
    });
    return { contentType: doc.contentType, fileName: doc.fileName, sha256: doc.sha256, content };
  }

  /**
   * The letters of every case the caller sees (a parent: his children's cases, closed ones too), newest first, with
   * the pupil and process of each — the portal's "Brieven".
   */
  async lettersFor(user: AuthUser): Promise<FamilyLetterModel[]> {
    if (!this.mayRead(user)) return [];
    const qb = this.dataSource.getRepository(CaseSummaryEntity).createQueryBuilder('c').innerJoin(PupilEntity, 'p', 'p.id = c.pupil_id').select(['c.id', 'c.process', 'c.pupilId']);
    const rows = await this.audience.scopeCases(qb, user).orderBy('c.started_at', 'DESC').limit(500).getMany();
    if (!rows.length) return [];
    // Letters: the generated documents (uploads are on the case page, with their own audiences).
    const docs = await this.dataSource.getRepository(CaseDocumentEntity).find({
      where: { caseId: In(rows.map((r) => r.id)), source: 'GENERATED' },
      select: { id: true, docKey: true, caseId: true, kind: true, fileName: true, contentType: true, sizeBytes: true, sha256: true, createdAt: true, source: true },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: 200,
    });
    const readable = docs.filter((d) => this.audience.mayReadDocument(user, d.kind));
    const byCase = new Map(rows.map((r) => [r.id, r]));
    const pupilIds = [...new Set(readable.map((d) => byCase.get(d.caseId)?.pupilId).filter((x): x is string => !!x))];
    const pupils = pupilIds.length ? await this.dataSource.getRepository(PupilEntity).findBy({ id: In(pupilIds) }) : [];
    const names = new Map(pupils.map((p) => [p.id, `${p.firstName} ${p.lastName}`]));
    return readable.map((d) => {
      const c = byCase.get(d.caseId) as CaseSummaryEntity;
      return { document: toModel(d), process: c.process, pupilId: c.pupilId, pupilName: names.get(c.pupilId) ?? '' };
    });
  }
}

export function toModel(d: CaseDocumentInfo): CaseDocumentModel {
  return {
    id: d.id,
    caseId: d.caseId,
    kind: d.kind,
    kindLabel: documentLabel(d.kind),
    fileName: d.fileName,
    contentType: d.contentType,
    sizeBytes: d.sizeBytes,
    sha256: d.sha256,
    createdAt: d.createdAt,
    downloadPath: documentDownloadPath(d.id),
    source: d.source ?? 'GENERATED',
    audiences: [...documentAudiences(d)],
    originalName: d.originalName ?? null,
    uploadedByName: d.uploadedByName ?? null,
  };
}
