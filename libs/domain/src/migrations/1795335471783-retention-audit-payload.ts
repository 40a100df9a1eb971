import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention (issue #7): the `retention_purge` register, and audit entries whose hash covers a digest of their personal
 * payload (hash version 2) so the retention purge can replace the payload by a tombstone without breaking the chain.
 * The append-only trigger keeps refusing DELETE and every UPDATE except exactly that purge (docs/security.md).
 */

export class RetentionAuditPayload1795335471783 implements MigrationInterface {
  name = 'RetentionAuditPayload1795335471783';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"retention_purge\" (\"case_id\" character varying(200) NOT NULL, \"process\" character varying(30) NOT NULL, \"school_id\" uuid NOT NULL, \"closed_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"purged_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"trigger\" character varying(20) NOT NULL, \"actor_id\" uuid, \"counts\" jsonb NOT NULL DEFAULT '{}', CONSTRAINT \"PK_bd3268b8bb4a8f141bbf098c1e1\" PRIMARY KEY (\"case_id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_e24359d892bf1639fb3c4d261c\" ON \"retention_purge\" (\"school_id\") ");
    await queryRunner.query("ALTER TABLE \"audit_entry\" ADD \"hash_version\" smallint NOT NULL DEFAULT '1'");
    await queryRunner.query("ALTER TABLE \"audit_entry\" ADD \"payload_digest\" character(64)");
    await queryRunner.query("ALTER TABLE \"audit_entry\" ADD \"purged_at\" TIMESTAMP WITH TIME ZONE");
    // Still append-only: DELETE and every UPDATE are refused, except the retention purge of a not yet purged entry,
    // which sets purged_at, replaces the payload by the tombstone and leaves every hashed or chaining column as it was.
    await queryRunner.query(`CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.purged_at IS NULL AND NEW.purged_at IS NOT NULL
     AND NEW.id = OLD.id AND NEW.event_key = OLD.event_key AND NEW.case_id IS NOT DISTINCT FROM OLD.case_id
     AND NEW.at = OLD.at AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id AND NEW.action = OLD.action
     AND NEW.prev_hash IS NOT DISTINCT FROM OLD.prev_hash AND NEW.hash = OLD.hash AND NEW.hash_version = OLD.hash_version
     AND NEW.payload_digest IS NOT DISTINCT FROM OLD.payload_digest
     AND NEW.actor_name IS NULL AND NEW.description = '[verwijderd: bewaartermijn verstreken]'
     AND NEW.details = '{}'::jsonb AND NEW.reason IS NULL THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_entry is append-only';
END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit_entry is append-only'; END $$`);
    await queryRunner.query("ALTER TABLE \"audit_entry\" DROP COLUMN \"purged_at\"");
    await queryRunner.query("ALTER TABLE \"audit_entry\" DROP COLUMN \"payload_digest\"");
    await queryRunner.query("ALTER TABLE \"audit_entry\" DROP COLUMN \"hash_version\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_e24359d892bf1639fb3c4d261c\"");
    await queryRunner.query("DROP TABLE \"retention_purge\"");
  }
}
