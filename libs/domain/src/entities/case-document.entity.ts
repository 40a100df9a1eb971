import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A document of a case: generated (`source` GENERATED, e.g. the zorgplicht extension notice or decision letter, P4,
 * written by workflow activities) or uploaded (`source` UPLOAD: a report, a scanned paper consent, a signed OPP; PDF,
 * PNG or JPEG checked by content). `doc_key` makes a retried write store its document once. `sha256` is the hash of
 * the bytes, shown to prove which version was sent or signed. The bytes are in `content` (storage POSTGRES) or in
 * S3-compatible object storage under `storage_key` (storage S3); see the api's `DocumentStore`.
 *
 * Who may read it: a generated document by its kind (`DOCUMENT_KINDS`), an uploaded one by its own `audiences`
 * (the school always; the parents, the pupil and the SWV when listed) — applied by the api's AudiencePolicy.
 */
@Entity({ name: 'case_document' })
@Index(['caseId', 'createdAt'])
export class CaseDocumentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Idempotency key: (case, kind, workflow seq). */
  @Column({ name: 'doc_key', type: 'varchar', length: 300, unique: true })
  docKey!: string;

  @Column({ name: 'case_id', type: 'varchar', length: 200 })
  caseId!: string;

  /** What the document is, e.g. ZORGPLICHT_VERLENGING or ZORGPLICHT_BESLUIT. */
  @Column({ type: 'varchar', length: 40 })
  kind!: string;

  @Column({ name: 'file_name', type: 'varchar', length: 200 })
  fileName!: string;

  @Column({ name: 'content_type', type: 'varchar', length: 100 })
  contentType!: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes!: number;

  /** The bytes when `storage` is POSTGRES; null when they are in object storage. */
  @Column({ type: 'bytea', nullable: true })
  content!: Buffer | null;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** GENERATED (a letter of a workflow) or UPLOAD (a file a person uploaded). */
  @Column({ type: 'varchar', length: 20, default: 'GENERATED' })
  source!: 'GENERATED' | 'UPLOAD';

  /** Uploaded documents: who may read it besides the school (SCHOOL, PARENTS, PUPIL, SWV); null for generated ones. */
  @Column({ type: 'text', array: true, nullable: true })
  audiences!: string[] | null;

  /** Uploaded documents: the file name as the uploader's computer named it (shown, never trusted for the type). */
  @Column({ name: 'original_name', type: 'varchar', length: 255, nullable: true })
  originalName!: string | null;

  @Column({ name: 'uploaded_by_user_id', type: 'uuid', nullable: true })
  uploadedByUserId!: string | null;

  @Column({ name: 'uploaded_by_name', type: 'varchar', length: 200, nullable: true })
  uploadedByName!: string | null;

  @Column({ name: 'uploaded_by_role', type: 'varchar', length: 40, nullable: true })
  uploadedByRole!: string | null;

  /** The document request of the case this upload answers (a process step asked the parents for it). */
  @Column({ name: 'request_id', type: 'varchar', length: 300, nullable: true })
  requestId!: string | null;

  /** Where the bytes are: POSTGRES (`content`) or S3 (`storage_key`). */
  @Column({ type: 'varchar', length: 20, default: 'POSTGRES' })
  storage!: 'POSTGRES' | 'S3';

  @Column({ name: 'storage_key', type: 'varchar', length: 500, nullable: true })
  storageKey!: string | null;
}
