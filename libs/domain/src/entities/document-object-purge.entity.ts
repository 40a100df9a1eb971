import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The outbox of objects to delete from the document bucket (DOCUMENT_STORAGE=s3, docs/operations.md "Document
 * storage"): the retention purge writes one row per S3-stored document of a purged case, in the transaction that deletes
 * the document rows; the api deletes the object and then the row. A row that stays means its object is still in the
 * bucket. No personal data: the key is the prefix and the document's id.
 */
@Entity({ name: 'document_object_purge' })
export class DocumentObjectPurgeEntity {
  @PrimaryColumn({ name: 'storage_key', type: 'varchar', length: 500 })
  storageKey!: string;

  @Column({ name: 'case_id', type: 'varchar', length: 200 })
  caseId!: string;

  @Column({ name: 'purged_at', type: 'timestamptz' })
  purgedAt!: Date;
}
