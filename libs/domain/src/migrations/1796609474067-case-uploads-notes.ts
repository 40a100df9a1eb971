import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Uploaded case documents (source, audiences, uploader, the request they answer, PostgreSQL or object storage), the
 * case logboek (`case_note`) and the uploaded scan of a paper consent (`consent_record.scan_document_id`).
 */
export class CaseUploadsNotes1796609474067 implements MigrationInterface {
  name = 'CaseUploadsNotes1796609474067';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_document" ALTER COLUMN "content" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "case_document" ADD "source" character varying(20) NOT NULL DEFAULT 'GENERATED'`);
    await queryRunner.query(`ALTER TABLE "case_document" ADD "audiences" text array`);
    await queryRunner.query(`ALTER TABLE "case_document" ADD "original_name" character varying(255)`);
    await queryRunner.query(`ALTER TABLE "case_document" ADD "uploaded_by_user_id" uuid`);
    await queryRunner.query(`ALTER TABLE "case_document" ADD "uploaded_by_name" character varying(200)`);
    await queryRunner.query(`ALTER TABLE "case_document" ADD "uploaded_by_role" character varying(40)`);
    await queryRunner.query(`ALTER TABLE "case_document" ADD "request_id" character varying(300)`);
    await queryRunner.query(`ALTER TABLE "case_document" ADD "storage" character varying(20) NOT NULL DEFAULT 'POSTGRES'`);
    await queryRunner.query(`ALTER TABLE "case_document" ADD "storage_key" character varying(500)`);
    await queryRunner.query(
      `CREATE TABLE "case_note" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "note_key" character varying(300) NOT NULL, "case_id" character varying(200) NOT NULL, "noted_on" date NOT NULL, "text" character varying(2000) NOT NULL, "audiences" text array NOT NULL, "author_user_id" uuid NOT NULL, "author_name" character varying(200) NOT NULL, "author_role" character varying(40) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "UQ_685189591e8e086dadcb83fe940" UNIQUE ("note_key"), CONSTRAINT "PK_7b0442af3f3d9273fb63d2799a2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_0125e5653620cfc4f1677479cb" ON "case_note" ("case_id", "noted_on") `);
    await queryRunner.query(`ALTER TABLE "consent_record" ADD "scan_document_id" uuid`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "consent_record" DROP COLUMN "scan_document_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0125e5653620cfc4f1677479cb"`);
    await queryRunner.query(`DROP TABLE "case_note"`);
    for (const column of ['storage_key', 'storage', 'request_id', 'uploaded_by_role', 'uploaded_by_name', 'uploaded_by_user_id', 'original_name', 'audiences', 'source']) {
      await queryRunner.query(`ALTER TABLE "case_document" DROP COLUMN "${column}"`);
    }
    await queryRunner.query(`DELETE FROM "case_document" WHERE "content" IS NULL`);
    await queryRunner.query(`ALTER TABLE "case_document" ALTER COLUMN "content" SET NOT NULL`);
  }
}
