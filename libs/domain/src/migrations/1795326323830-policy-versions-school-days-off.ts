import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PolicyVersionsSchoolDaysOff1795326323830 implements MigrationInterface {
  name = 'PolicyVersionsSchoolDaysOff1795326323830';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"policy_version\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"scope\" character varying(10) NOT NULL, \"scope_id\" uuid NOT NULL, \"version\" integer NOT NULL, \"overrides\" jsonb NOT NULL DEFAULT '{}', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"created_by\" uuid, \"note\" character varying(500), CONSTRAINT \"PK_3f434bba531e04026bd90fcf7c5\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_727ce6a3b56ca5d7a7bc035716\" ON \"policy_version\" (\"scope\", \"scope_id\", \"version\") ");
    await queryRunner.query("CREATE TABLE \"school_day_off\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"school_id\" uuid NOT NULL, \"school_year\" character varying(9) NOT NULL, \"date_from\" date NOT NULL, \"date_to\" date NOT NULL, \"name\" character varying(100) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"created_by\" uuid, CONSTRAINT \"PK_35b1c492c5bebc472a18a55d1ab\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_2ab02e9a770dbbf233ce4f859b\" ON \"school_day_off\" (\"school_id\", \"school_year\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_2ab02e9a770dbbf233ce4f859b\"");
    await queryRunner.query("DROP TABLE \"school_day_off\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_727ce6a3b56ca5d7a7bc035716\"");
    await queryRunner.query("DROP TABLE \"policy_version\"");
  }
}
