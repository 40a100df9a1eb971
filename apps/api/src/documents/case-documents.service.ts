import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseDocumentRepository, Role, type CaseDocumentEntity, type CaseDocumentInfo } from '@zorgroute/domain';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import { CasesService } from '../cases/cases.service';
import type { CaseDocumentModel } from './models/case-document.model';

/**
 * Who may read a case's documents (letters to the parents): the school's zorgcoördinator and
 * teamleider, the parents of the pupil, and admins — always within the case scoping. The SWV, staff
 * who only take part in a case, and pupils may not.
 */
const DOCUMENT_ROLES: Role[] = [Role.ADMIN, Role.ZORGCOORDINATOR, Role.TEAMLEIDER, Role.PARENT];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function documentDownloadPath(id: string): string {
  return `/documents/${encodeURIComponent(id)}`;
}

@Injectable()
export class CaseDocumentsService {
  private readonly documents: CaseDocumentRepository;

  constructor(
    @Inject(DataSource) dataSource: DataSource,
    @Inject(CasesService) private readonly cases: CasesService,
  ) {
    this.documents = new CaseDocumentRepository(dataSource);
  }

  mayRead(user: AuthUser): boolean {
    return DOCUMENT_ROLES.includes(user.role);
  }

  /** The documents of a case the caller may see (metadata only). */
  async list(user: AuthUser, caseId: string): Promise<CaseDocumentModel[]> {
    await this.cases.getVisible(user, caseId);
    if (!this.mayRead(user)) throw AppError.forbidden();
    return (await this.documents.listForCase(caseId)).map(toModel);
  }

  /** One document with its content, for the download endpoint. NOT_FOUND when it does not exist or its case is out of scope. */
  async forDownload(user: AuthUser, id: string): Promise<CaseDocumentEntity> {
    if (!UUID.test(id)) throw AppError.notFound('Document', 'Document');
    const doc = await this.documents.findById(id);
    if (!doc) throw AppError.notFound('Document', 'Document');
    await this.cases.getVisible(user, doc.caseId);
    if (!this.mayRead(user)) throw AppError.forbidden();
    return doc;
  }
}

export function toModel(d: CaseDocumentInfo): CaseDocumentModel {
  return {
    id: d.id,
    caseId: d.caseId,
    kind: d.kind,
    fileName: d.fileName,
    contentType: d.contentType,
    sizeBytes: d.sizeBytes,
    sha256: d.sha256,
    createdAt: d.createdAt,
    downloadPath: documentDownloadPath(d.id),
  };
}
