import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795324574347 implements MigrationInterface {
  name = 'Initial1795324574347';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"swv\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"name\" character varying(200) NOT NULL, \"code\" character varying(20) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_7ba973fc12f9eb718f95ddc3b24\" UNIQUE (\"code\"), CONSTRAINT \"PK_6a6b273d0072cb9e8cb0d3e784c\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"school\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"swv_id\" uuid NOT NULL, \"name\" character varying(200) NOT NULL, \"brin\" character varying(10) NOT NULL, \"region\" character varying(10) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_80263b2724c25b169f192cf28b1\" UNIQUE (\"brin\"), CONSTRAINT \"PK_57836c3fe2f2c7734b20911755e\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_e676b839a25ab53762680aa0a6\" ON \"school\" (\"swv_id\") ");
    await queryRunner.query("CREATE TABLE \"app_user\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"name\" character varying(200) NOT NULL, \"email\" character varying(320) NOT NULL, \"role\" character varying(30) NOT NULL, \"school_id\" uuid, \"swv_id\" uuid, \"pupil_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_3fa909d0e37c531ebc237703391\" UNIQUE (\"email\"), CONSTRAINT \"PK_22a5c4a3d9b2fb8e4e73fc4ada1\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_2692867cd64951048bdb4ec7c9\" ON \"app_user\" (\"school_id\") ");
    await queryRunner.query("CREATE TABLE \"pupil\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"school_id\" uuid NOT NULL, \"first_name\" character varying(100) NOT NULL, \"last_name\" character varying(100) NOT NULL, \"date_of_birth\" date NOT NULL, \"class_name\" character varying(20), \"mentor_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_34f2dbae733affb8884c2255c21\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_dfdba87d0c7402a36c8a6bd3d3\" ON \"pupil\" (\"school_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_3c2fe734951ed8844e824ed59d\" ON \"pupil\" (\"mentor_id\") ");
    await queryRunner.query("CREATE TABLE \"pupil_guardian\" (\"pupil_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"relation\" character varying(30) NOT NULL DEFAULT 'ouder', CONSTRAINT \"PK_1c12fbaef9579d2a1f6ed85ccae\" PRIMARY KEY (\"pupil_id\", \"user_id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_0f3032b8179e291164b020f2b6\" ON \"pupil_guardian\" (\"user_id\") ");
    await queryRunner.query("CREATE TABLE \"case_summary\" (\"id\" character varying(200) NOT NULL, \"process\" character varying(30) NOT NULL, \"school_id\" uuid NOT NULL, \"pupil_id\" uuid NOT NULL, \"status\" character varying(40) NOT NULL, \"waiting_for\" character varying(60), \"next_due_date\" date, \"owner_user_id\" uuid, \"stuck\" boolean NOT NULL DEFAULT false, \"stuck_reason\" character varying(300), \"outcome\" character varying(40), \"policy_version\" character varying(40), \"origin_case_id\" character varying(200), \"participant_ids\" uuid array NOT NULL DEFAULT '{}', \"data\" jsonb NOT NULL DEFAULT '{}', \"seq\" integer NOT NULL DEFAULT '0', \"started_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"closed_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_fa61a447900e78d65b6eb30349f\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_a83278bf3e839d22234c30be5f\" ON \"case_summary\" (\"pupil_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_f311387d375c62d19eed52bdcc\" ON \"case_summary\" (\"owner_user_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_1ec1771bdddc747712d553c407\" ON \"case_summary\" (\"next_due_date\") ");
    await queryRunner.query("CREATE INDEX \"IDX_01b7bae2d8a83e3e7552dcbd84\" ON \"case_summary\" (\"school_id\", \"process\", \"status\") ");
    await queryRunner.query("CREATE TABLE \"audit_entry\" (\"id\" BIGSERIAL NOT NULL, \"event_key\" character varying(300) NOT NULL, \"case_id\" character varying(200), \"at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"actor_id\" uuid, \"actor_name\" character varying(200), \"action\" character varying(60) NOT NULL, \"description\" character varying(500) NOT NULL, \"details\" jsonb NOT NULL DEFAULT '{}', \"reason\" character varying(1000), \"prev_hash\" character(64), \"hash\" character(64) NOT NULL, CONSTRAINT \"UQ_ba88ec86633a3bbed5349d38171\" UNIQUE (\"event_key\"), CONSTRAINT \"PK_58a130a4b9da189f46ba2a01801\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_a63e2474876bcd029c55f5830b\" ON \"audit_entry\" (\"case_id\", \"id\") ");
    await queryRunner.query("CREATE TABLE \"notification_delivery\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"key\" character varying(400) NOT NULL, \"case_id\" character varying(200), \"recipient_user_id\" uuid, \"recipient_email\" character varying(320) NOT NULL, \"kind\" character varying(40) NOT NULL, \"subject\" character varying(300) NOT NULL, \"status\" character varying(10) NOT NULL, \"attempts\" integer NOT NULL DEFAULT '0', \"last_error\" character varying(1000), \"message_id\" character varying(300), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"sent_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"UQ_f6181e4c933e566cf05c5de2cd7\" UNIQUE (\"key\"), CONSTRAINT \"PK_109dea88c25343da49d86de6bfd\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_963e65f6642dcf86155b272128\" ON \"notification_delivery\" (\"case_id\") ");
    // The audit trail is append-only: the database itself refuses to change or remove entries.
    await queryRunner.query(`CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit_entry is append-only'; END $$`);
    await queryRunner.query(`CREATE TRIGGER audit_entry_no_update BEFORE UPDATE OR DELETE ON "audit_entry" FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_entry_no_update ON "audit_entry"`);
    await queryRunner.query(`DROP FUNCTION audit_entry_append_only()`);
    await queryRunner.query("DROP INDEX \"public\".\"IDX_963e65f6642dcf86155b272128\"");
    await queryRunner.query("DROP TABLE \"notification_delivery\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_a63e2474876bcd029c55f5830b\"");
    await queryRunner.query("DROP TABLE \"audit_entry\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_01b7bae2d8a83e3e7552dcbd84\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_1ec1771bdddc747712d553c407\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_f311387d375c62d19eed52bdcc\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_a83278bf3e839d22234c30be5f\"");
    await queryRunner.query("DROP TABLE \"case_summary\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_0f3032b8179e291164b020f2b6\"");
    await queryRunner.query("DROP TABLE \"pupil_guardian\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_3c2fe734951ed8844e824ed59d\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_dfdba87d0c7402a36c8a6bd3d3\"");
    await queryRunner.query("DROP TABLE \"pupil\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_2692867cd64951048bdb4ec7c9\"");
    await queryRunner.query("DROP TABLE \"app_user\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_e676b839a25ab53762680aa0a6\"");
    await queryRunner.query("DROP TABLE \"school\"");
    await queryRunner.query("DROP TABLE \"swv\"");
  }
}
