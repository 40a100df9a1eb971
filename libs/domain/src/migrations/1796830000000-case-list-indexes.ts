import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18.4, the lists a user opens daily in SQL: partial indexes over the open cases in the order of the lists, so
 * each answer is a top-N read of an index instead of a sort of every open row —
 * - the dashboard (`cases`, by due date, then newest start, then id), for everyone and per school; they include the
 *   open step and its owner, so the work lists' counts by due date are index-only scans;
 * - the stuck-case screen (open cases, oldest update first), for everyone and per school, and its few stuck ones.
 */
export class CaseListIndexes1796830000000 implements MigrationInterface {
  name = 'CaseListIndexes1796830000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_case_summary_open_list" ON "case_summary" ("next_due_date", "started_at" DESC, "id") INCLUDE ("waiting_for", "owner_user_id")
       WHERE "closed_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_case_summary_open_school_list" ON "case_summary" ("school_id", "next_due_date", "started_at" DESC, "id") INCLUDE ("waiting_for", "owner_user_id")
       WHERE "closed_at" IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_case_summary_open_updated" ON "case_summary" ("updated_at", "id") WHERE "closed_at" IS NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_case_summary_open_school_updated" ON "case_summary" ("school_id", "updated_at", "id") WHERE "closed_at" IS NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_case_summary_open_stuck" ON "case_summary" ("updated_at", "id") WHERE "closed_at" IS NULL AND "stuck"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_case_summary_open_stuck"`);
    await queryRunner.query(`DROP INDEX "IDX_case_summary_open_school_updated"`);
    await queryRunner.query(`DROP INDEX "IDX_case_summary_open_updated"`);
    await queryRunner.query(`DROP INDEX "IDX_case_summary_open_school_list"`);
    await queryRunner.query(`DROP INDEX "IDX_case_summary_open_list"`);
  }
}
