import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Consent as a first-class record (PROCESSES.md rule 2), written by the workflow activity `recordConsent`. */
export class ConsentRecord1795326281903 implements MigrationInterface {
  name = 'ConsentRecord1795326281903';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"consent_record\" (\"id\" character varying(260) NOT NULL, \"case_id\" character varying(200) NOT NULL, \"process\" character varying(30) NOT NULL, \"pupil_id\" uuid NOT NULL, \"school_id\" uuid NOT NULL, \"kind\" character varying(60) NOT NULL, \"label\" character varying(200) NOT NULL, \"scope\" text NOT NULL, \"status\" character varying(20) NOT NULL, \"parents_of_pupil\" boolean NOT NULL DEFAULT true, \"asked_user_ids\" uuid array NOT NULL DEFAULT '{}', \"pupil_may_decide\" boolean NOT NULL DEFAULT false, \"requested_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"requested_by_user_id\" uuid, \"respond_by\" date NOT NULL, \"timeout_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"giver_user_id\" uuid, \"giver_role\" character varying(20), \"method\" character varying(20), \"scan_reference\" character varying(300), \"recorded_by_user_id\" uuid, \"decided_at\" TIMESTAMP WITH TIME ZONE, \"note\" text, \"withdrawn_at\" TIMESTAMP WITH TIME ZONE, \"withdrawal_reason\" text, \"withdrawn_by_user_id\" uuid, \"version\" integer NOT NULL DEFAULT '0', \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_b357c35aea3aa0be4647282324f\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_6a3c1fe7ba22b55d7fba6f14a9\" ON \"consent_record\" (\"pupil_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_7fbc3c5addc19bf63d7c3a416f\" ON \"consent_record\" (\"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_59512e11ef17bbc2f2cb0cacbb\" ON \"consent_record\" (\"case_id\", \"kind\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_59512e11ef17bbc2f2cb0cacbb\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_7fbc3c5addc19bf63d7c3a416f\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_6a3c1fe7ba22b55d7fba6f14a9\"");
    await queryRunner.query("DROP TABLE \"consent_record\"");
  }
}
