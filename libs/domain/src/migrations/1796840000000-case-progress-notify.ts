import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18 (a registration without polling): a `case_summary` row that appears, or whose open step (`waiting_for`) or
 * end (`closed_at`) changes, sends `NOTIFY case_summary_progress, '<case id>'` when its transaction commits. The api
 * LISTENs on that channel (CaseProgressListener) to answer a start as soon as its case shows its first step, instead of
 * reading the row every 100 ms. The payload is the case id only (no personal data).
 */
export class CaseProgressNotify1796840000000 implements MigrationInterface {
  name = 'CaseProgressNotify1796840000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION case_summary_progress_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM pg_notify('case_summary_progress', NEW.id);
  ELSIF NEW.waiting_for IS DISTINCT FROM OLD.waiting_for OR NEW.closed_at IS DISTINCT FROM OLD.closed_at THEN
    PERFORM pg_notify('case_summary_progress', NEW.id);
  END IF;
  RETURN NULL;
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER case_summary_progress AFTER INSERT OR UPDATE ON "case_summary" FOR EACH ROW EXECUTE FUNCTION case_summary_progress_notify()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER case_summary_progress ON "case_summary"`);
    await queryRunner.query(`DROP FUNCTION case_summary_progress_notify()`);
  }
}
