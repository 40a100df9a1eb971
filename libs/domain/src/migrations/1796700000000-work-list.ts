import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Work lists (issue 17): a user's saved filters over the open steps of the cases he may see. One row per list, the
 * filter as JSON (machine values only); a user's list names are unique. The built-in lists are not stored.
 */
export class WorkList1796700000000 implements MigrationInterface {
  name = 'WorkList1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "work_list" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "name" character varying(80) NOT NULL, "filter" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_work_list" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_work_list_user_name" ON "work_list" ("user_id", "name") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_work_list_user_name"`);
    await queryRunner.query(`DROP TABLE "work_list"`);
  }
}
