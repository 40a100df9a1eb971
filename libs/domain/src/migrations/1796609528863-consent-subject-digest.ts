import type { MigrationInterface, QueryRunner } from 'typeorm';

/** P7 OPP: the SHA-256 digest of the exact document a consent is about (the OPP version the parents agree to). */
export class ConsentSubjectDigest1796609528863 implements MigrationInterface {
  name = 'ConsentSubjectDigest1796609528863';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "consent_record" ADD "subject_digest" character varying(64)');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "consent_record" DROP COLUMN "subject_digest"');
  }
}
