import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Onboarding a real school (issue 13): accounts can be deactivated (sessions end, never deleted) and carry the id of
 * the administration system they were imported from; pupils carry their source id (leerlingnummer / OneRoster
 * sourcedId) and are marked as leavers instead of deleted; a guardian link says whether that guardian holds parental
 * authority (gezag, default true: the parent-login work builds custody-aware consent on it); schools have a vestiging
 * next to the BRIN; every import run is kept (preview, then applied); imported regional holiday tables per school year.
 */
export class SchoolOnboarding1796609452050 implements MigrationInterface {
  name = 'SchoolOnboarding1796609452050';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "app_user" ADD "active" boolean NOT NULL DEFAULT true');
    await queryRunner.query('ALTER TABLE "app_user" ADD "deactivated_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "app_user" ADD "source_id" character varying(100)');
    await queryRunner.query('ALTER TABLE "app_user" ADD "role_changed_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_app_user_school_source" ON "app_user" ("school_id", "source_id") WHERE "source_id" IS NOT NULL');
    await queryRunner.query('ALTER TABLE "pupil" ADD "source_id" character varying(100)');
    await queryRunner.query('ALTER TABLE "pupil" ADD "left_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_pupil_school_source" ON "pupil" ("school_id", "source_id") WHERE "source_id" IS NOT NULL');
    await queryRunner.query('ALTER TABLE "pupil_guardian" ADD "has_parental_authority" boolean NOT NULL DEFAULT true');
    await queryRunner.query('ALTER TABLE "school" ADD "vestiging" character varying(2) NOT NULL DEFAULT \'00\'');
    await queryRunner.query('ALTER TABLE "school" DROP CONSTRAINT "UQ_80263b2724c25b169f192cf28b1"');
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_school_brin_vestiging" ON "school" ("brin", "vestiging")');
    await queryRunner.query(
      'CREATE TABLE "school_import" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "school_id" uuid NOT NULL, "format" character varying(20) NOT NULL, "file_name" character varying(200) NOT NULL, "file_digest" character(64) NOT NULL, "status" character varying(20) NOT NULL, "counts" jsonb NOT NULL DEFAULT \'{}\', "records" jsonb, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "applied_by" uuid, "applied_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_school_import" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_school_import_school" ON "school_import" ("school_id", "created_at")');
    await queryRunner.query(
      'CREATE TABLE "school_holiday_year" ("school_year" character varying(9) NOT NULL, "holidays" jsonb NOT NULL, "file_digest" character(64) NOT NULL, "imported_by" uuid NOT NULL, "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_school_holiday_year" PRIMARY KEY ("school_year"))',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "school_holiday_year"');
    await queryRunner.query('DROP INDEX "public"."IDX_school_import_school"');
    await queryRunner.query('DROP TABLE "school_import"');
    await queryRunner.query('DROP INDEX "public"."UQ_school_brin_vestiging"');
    await queryRunner.query('ALTER TABLE "school" ADD CONSTRAINT "UQ_80263b2724c25b169f192cf28b1" UNIQUE ("brin")');
    await queryRunner.query('ALTER TABLE "school" DROP COLUMN "vestiging"');
    await queryRunner.query('ALTER TABLE "pupil_guardian" DROP COLUMN "has_parental_authority"');
    await queryRunner.query('DROP INDEX "public"."UQ_pupil_school_source"');
    await queryRunner.query('ALTER TABLE "pupil" DROP COLUMN "left_at"');
    await queryRunner.query('ALTER TABLE "pupil" DROP COLUMN "source_id"');
    await queryRunner.query('DROP INDEX "public"."UQ_app_user_school_source"');
    await queryRunner.query('ALTER TABLE "app_user" DROP COLUMN "role_changed_at"');
    await queryRunner.query('ALTER TABLE "app_user" DROP COLUMN "source_id"');
    await queryRunner.query('ALTER TABLE "app_user" DROP COLUMN "deactivated_at"');
    await queryRunner.query('ALTER TABLE "app_user" DROP COLUMN "active"');
  }
}
