import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { CaseDocumentEntity } from '../entities/case-document.entity';

export interface NewCaseDocument {
  /** Idempotency key: storing the same key twice keeps the first document. */
  docKey: string;
  caseId: string;
  kind: string;
  fileName: string;
  contentType: string;
  content: Buffer;
}

/** Document metadata without the bytes (what lists and workflow histories need). */
export type CaseDocumentInfo = Omit<CaseDocumentEntity, 'content'>;

const INFO_COLUMNS = ['id', 'docKey', 'caseId', 'kind', 'fileName', 'contentType', 'sizeBytes', 'sha256', 'createdAt'] as const;

/** Stores and reads generated case documents (bytea, with a SHA-256 of the content). */
export class CaseDocumentRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores the document unless one with the same key exists; returns the stored one either way. */
  async store(doc: NewCaseDocument): Promise<CaseDocumentInfo> {
    const sha256 = createHash('sha256').update(doc.content).digest('hex');
    await this.dataSource.query(
      `INSERT INTO case_document (doc_key, case_id, kind, file_name, content_type, size_bytes, content, sha256, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
       ON CONFLICT (doc_key) DO NOTHING`,
      [doc.docKey, doc.caseId, doc.kind, doc.fileName, doc.contentType, doc.content.length, doc.content, sha256],
    );
    const stored = await this.findInfoByKey(doc.docKey);
    if (!stored) throw new Error(`case document ${doc.docKey} was not stored`);
    return stored;
  }

  findInfoByKey(docKey: string): Promise<CaseDocumentInfo | null> {
    return this.dataSource.getRepository(CaseDocumentEntity).findOne({ where: { docKey }, select: [...INFO_COLUMNS] });
  }

  /** The documents of a case, oldest first, without content. */
  listForCase(caseId: string): Promise<CaseDocumentInfo[]> {
    return this.dataSource.getRepository(CaseDocumentEntity).find({ where: { caseId }, select: [...INFO_COLUMNS], order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** One document with its content. */
  findById(id: string): Promise<CaseDocumentEntity | null> {
    return this.dataSource.getRepository(CaseDocumentEntity).findOneBy({ id });
  }
}
