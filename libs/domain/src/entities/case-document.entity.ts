import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A document generated for a case (e.g. the zorgplicht extension notice or decision letter, P4),
 * stored with the case as bytes. Written only by workflow activities; `doc_key` makes a retried
 * activity store its document once. `sha256` is the hash of `content`, shown to prove which
 * version was sent.
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

  @Column({ type: 'bytea' })
  content!: Buffer;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
