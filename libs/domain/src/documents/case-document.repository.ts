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

/** An uploaded document's row: its bytes are already stored (in `content`, or in object storage under `storageKey`). */
export interface NewUploadedDocument {
  id: string;
  docKey: string;
  caseId: string;
  kind: string;
  fileName: string;
  originalName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  audiences: string[];
  uploadedByUserId: string;
  uploadedByName: string;
  uploadedByRole: string;
  requestId: string | null;
  storage: 'POSTGRES' | 'S3';
  storageKey: string | null;
  /** The bytes for storage POSTGRES; null for S3. */
  content: Buffer | null;
}

/** Document metadata without the bytes (what lists and workflow histories need). */
export type CaseDocumentInfo = Omit<CaseDocumentEntity, 'content'>;

const INFO_COLUMNS = [
  'id',
  'docKey',
  'caseId',
  'kind',
  'fileName',
  'contentType',
  'sizeBytes',
  'sha256',
  'createdAt',
  'source',
  'audiences',
  'originalName',
  'uploadedByUserId',
  'uploadedByName',
  'uploadedByRole',
  'requestId',
  'storage',
  'storageKey',
] as const satisfies readonly (keyof CaseDocumentEntity)[];

/** Stores and reads case documents: generated letters (bytea) and the rows of uploaded files, with a SHA-256 of the bytes. */
export class CaseDocumentRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores a generated document unless one with the same key exists; returns the stored one either way. */
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

  /** Inserts the row of an uploaded document; false when its key exists already (a retried upload: nothing changes). */
  async insertUploaded(doc: NewUploadedDocument): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO case_document (id, doc_key, case_id, kind, file_name, content_type, size_bytes, content, sha256, created_at,
         source, audiences, original_name, uploaded_by_user_id, uploaded_by_name, uploaded_by_role, request_id, storage, storage_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now(), 'UPLOAD', $10, $11, $12, $13, $14, $15, $16, $17)
       ON CONFLICT (doc_key) DO NOTHING RETURNING id`,
      [
        doc.id,
        doc.docKey,
        doc.caseId,
        doc.kind,
        doc.fileName,
        doc.contentType,
        doc.sizeBytes,
        doc.content,
        doc.sha256,
        doc.audiences,
        doc.originalName,
        doc.uploadedByUserId,
        doc.uploadedByName,
        doc.uploadedByRole,
        doc.requestId,
        doc.storage,
        doc.storageKey,
      ],
    );
    return rows.length > 0;
  }

  findInfoByKey(docKey: string): Promise<CaseDocumentInfo | null> {
    return this.dataSource.getRepository(CaseDocumentEntity).findOne({ where: { docKey }, select: [...INFO_COLUMNS] });
  }

  findInfoById(id: string): Promise<CaseDocumentInfo | null> {
    return this.dataSource.getRepository(CaseDocumentEntity).findOne({ where: { id }, select: [...INFO_COLUMNS] });
  }

  /** The documents of a case, oldest first, without content. */
  listForCase(caseId: string): Promise<CaseDocumentInfo[]> {
    return this.dataSource.getRepository(CaseDocumentEntity).find({ where: { caseId }, select: [...INFO_COLUMNS], order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** One document with its content (null content: the bytes are in object storage). */
  findById(id: string): Promise<CaseDocumentEntity | null> {
    return this.dataSource.getRepository(CaseDocumentEntity).findOneBy({ id });
  }

  /** Removes an uploaded document's row (an upload whose process step refused it: nothing stays stored). */
  async deleteUploaded(id: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM case_document WHERE id = $1 AND source = 'UPLOAD'`, [id]);
  }
}

export const CASE_DOCUMENT_INFO_COLUMNS = INFO_COLUMNS;
