import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16, the retention purge with DOCUMENT_STORAGE=s3: `document_object_purge`, the outbox of bucket objects of
 * purged cases still to delete (written in the purge's transaction, drained by the api). The application role gets
 * its normal DML on it through `grantApplicationRole` (docs/operations.md "Database roles").
 */
export class DocumentObjectPurge1796810000000 implements MigrationInterface {
  name = 'DocumentObjectPurge1796810000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "document_object_purge" ("storage_key" character varying(500) NOT NULL, "case_id" character varying(200) NOT NULL, "purged_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_cdeca136e45393a3a29d132e806" PRIMARY KEY ("storage_key"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "document_object_purge"`);
  }
}
