import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The safety exception of PROCESSES.md rule 3 in the read model: `case_summary.hidden_from_parents`, written by the
 * workflow (P2: the referral says the parents are not informed, until the zorgcoördinator lifts the exception), read by
 * the api's AudiencePolicy on every read path and by the notify activity (no e-mail to a parent). Existing P2 rows get
 * the flag from their stored referral form, with the same rule the workflow applies (no
 * exception was lifted before this migration: lifting is new with it).
 */
export class CaseHiddenFromParents1795336000000 implements MigrationInterface {
  name = 'CaseHiddenFromParents1795336000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_summary" ADD "hidden_from_parents" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `UPDATE "case_summary" SET "hidden_from_parents" = true
       WHERE "process" = 'ZORGROUTE' AND "data"->'form'->>'parentsInformed' = 'false'`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_case_summary_pupil_hidden_from_parents" ON "case_summary" ("pupil_id", "hidden_from_parents") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_case_summary_pupil_hidden_from_parents"`);
    await queryRunner.query(`ALTER TABLE "case_summary" DROP COLUMN "hidden_from_parents"`);
  }
}
