import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18.4, the SWV board in SQL: the zorgplicht clock's fields become columns of the read model (written with the
 * row by CaseReadModelRepository.upsert; here filled once from `data.clock` for the rows that exist), with two partial
 * indexes over the open clocks: in board order (due date, receipt, id) and per school with what the counts need.
 */
export class CaseClockColumns1796800000000 implements MigrationInterface {
  name = 'CaseClockColumns1796800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "case_summary" ADD "clock_received_on" date, ADD "clock_due_date" date, ADD "clock_ten_week_date" date, ADD "clock_warn_days" smallint, ADD "clock_extended" boolean`,
    );
    await queryRunner.query(
      `UPDATE "case_summary" SET
         "clock_received_on" = ("data"->'clock'->>'receivedOn')::date,
         "clock_due_date" = ("data"->'clock'->>'dueDate')::date,
         "clock_ten_week_date" = ("data"->'clock'->>'tenWeekDate')::date,
         "clock_warn_days" = COALESCE(("data"->'clock'->>'warnDaysBefore')::smallint, 7),
         "clock_extended" = COALESCE(("data"->'clock'->>'extended')::boolean, false)
       WHERE "data"->'clock'->>'receivedOn' ~ '^\\d{4}-\\d{2}-\\d{2}$' AND "data"->'clock'->>'dueDate' ~ '^\\d{4}-\\d{2}-\\d{2}$'
         AND "data"->'clock'->>'tenWeekDate' ~ '^\\d{4}-\\d{2}-\\d{2}$'`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_case_summary_clock_board" ON "case_summary" ("clock_due_date", "clock_received_on", "id")
       WHERE "closed_at" IS NULL AND "clock_due_date" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_case_summary_clock_school" ON "case_summary" ("school_id") INCLUDE ("clock_due_date", "clock_ten_week_date", "clock_warn_days", "clock_extended", "process", "status")
       WHERE "closed_at" IS NULL AND "clock_due_date" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_case_summary_clock_school"`);
    await queryRunner.query(`DROP INDEX "IDX_case_summary_clock_board"`);
    await queryRunner.query(
      `ALTER TABLE "case_summary" DROP COLUMN "clock_extended", DROP COLUMN "clock_warn_days", DROP COLUMN "clock_ten_week_date", DROP COLUMN "clock_due_date", DROP COLUMN "clock_received_on"`,
    );
  }
}
