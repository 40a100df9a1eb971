import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail against an insider (issue #14, docs/security.md "Audit trail"):
 * - `audit_checkpoint`: signed checkpoints (entry count + head hash, Ed25519 with a key the database does not hold),
 *   append-only like the audit trail;
 * - TRUNCATE refused on both tables (a row trigger does not see TRUNCATE);
 * - `audit_entry_purge_case`: the one way the application role can change audit entries — the retention purge of the
 *   payload of a closed case's entries — as a SECURITY DEFINER function of the owner role. The application role gets
 *   INSERT and SELECT on the audit tables only (`grantApplicationRole`, run after the migrations).
 */
export class AuditCheckpoint1796599514222 implements MigrationInterface {
  name = 'AuditCheckpoint1796599514222';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"audit_checkpoint\" (\"id\" BIGSERIAL NOT NULL, \"at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"entry_count\" bigint NOT NULL, \"head_id\" bigint, \"head_hash\" character(64), \"key_id\" character varying(32) NOT NULL, \"signature\" character varying(200) NOT NULL, CONSTRAINT \"PK_9720e45bb755b61bb1ab7d43839\" PRIMARY KEY (\"id\"))");
    await queryRunner.query(`CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$`);
    await queryRunner.query(`CREATE TRIGGER audit_checkpoint_no_update BEFORE UPDATE OR DELETE ON "audit_checkpoint" FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()`);
    await queryRunner.query(`CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON "audit_checkpoint" FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()`);
    await queryRunner.query(`CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON "audit_entry" FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()`);
    // Runs as its owner (the migration role), so the application role needs no UPDATE on audit_entry. It only blanks
    // the payload of the entries of a case whose read-model row is there and closed (the retention run calls it before
    // deleting that row), never a RETENTION_PURGED entry; the append-only trigger still checks every row it changes.
    await queryRunner.query(`CREATE FUNCTION audit_entry_purge_case(p_case_id character varying, p_purged_at timestamp with time zone)
RETURNS SETOF bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  purged_id bigint;
BEGIN
  IF p_case_id IS NULL OR p_purged_at IS NULL THEN
    RAISE EXCEPTION 'audit_entry_purge_case: case id and time are required';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM public.case_summary WHERE id = p_case_id AND closed_at IS NOT NULL) THEN
    RAISE EXCEPTION 'audit_entry_purge_case: % is not a closed case', p_case_id;
  END IF;
  FOR purged_id IN
    UPDATE public.audit_entry
       SET actor_name = NULL, description = '[verwijderd: bewaartermijn verstreken]', details = '{}'::jsonb, reason = NULL, purged_at = p_purged_at
     WHERE (case_id = p_case_id OR details->>'caseId' = p_case_id) AND purged_at IS NULL AND action <> 'RETENTION_PURGED'
     RETURNING id
  LOOP
    RETURN NEXT purged_id;
  END LOOP;
END $$`);
    await queryRunner.query('REVOKE ALL ON FUNCTION audit_entry_purge_case(character varying, timestamp with time zone) FROM PUBLIC');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION audit_entry_purge_case(character varying, timestamp with time zone)');
    await queryRunner.query('DROP TRIGGER audit_entry_no_truncate ON "audit_entry"');
    await queryRunner.query('DROP TRIGGER audit_checkpoint_no_truncate ON "audit_checkpoint"');
    await queryRunner.query('DROP TRIGGER audit_checkpoint_no_update ON "audit_checkpoint"');
    await queryRunner.query('DROP FUNCTION audit_refuse_change()');
    await queryRunner.query('DROP TABLE "audit_checkpoint"');
  }
}
