import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Logins for parents/guardians and pupils without a school account (issue 13 item 4): invitations, passkeys (WebAuthn
 * credentials and challenges), e-mail login codes and `app_user.login_activated_at`. Custody (item 5): `pupil.parents_disagree`, `pupil_guardian.has_parental_authority`
 * and, on `consent_record`, the guardians who must all answer and their answers.
 *
 * `pupil_guardian.has_parental_authority` is also added by the school-onboarding migration (import), which runs first;
 * `IF NOT EXISTS` makes this one change nothing there. An OpenID Connect login matches on the import's
 * `app_user.source_id` (OIDC_USER_MATCH=external_id).
 */
export class ParentLoginCustody1796609466589 implements MigrationInterface {
  name = 'ParentLoginCustody1796609466589';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "login_activated_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "pupil" ADD "parents_disagree" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "pupil_guardian" ADD COLUMN IF NOT EXISTS "has_parental_authority" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`ALTER TABLE "consent_record" ADD "required_giver_ids" uuid array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "consent_record" ADD "answers" jsonb`);
    await queryRunner.query(
      `CREATE TABLE "login_invitation" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "source" character varying(20) NOT NULL, "source_key" character varying(400), "return_path" character varying(300), "created_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_login_invitation" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_login_invitation_user" ON "login_invitation" ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_login_invitation_token" ON "login_invitation" ("token_hash") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_login_invitation_source_key" ON "login_invitation" ("source_key") `);
    await queryRunner.query(
      `CREATE TABLE "webauthn_credential" ("id" character varying(512) NOT NULL, "user_id" uuid NOT NULL, "public_key" bytea NOT NULL, "counter" bigint NOT NULL DEFAULT '0', "transports" text array NOT NULL DEFAULT '{}', "device_type" character varying(20) NOT NULL, "backed_up" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_webauthn_credential" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_webauthn_credential_user" ON "webauthn_credential" ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "webauthn_challenge" ("challenge_hash" character(64) NOT NULL, "purpose" character varying(20) NOT NULL, "invitation_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_webauthn_challenge" PRIMARY KEY ("challenge_hash"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_webauthn_challenge_expires" ON "webauthn_challenge" ("expires_at") `);
    await queryRunner.query(
      `CREATE TABLE "email_login_code" ("user_id" uuid NOT NULL, "code_hash" character(64) NOT NULL, "attempts" integer NOT NULL DEFAULT 0, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_email_login_code" PRIMARY KEY ("user_id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "email_login_code"`);
    await queryRunner.query(`DROP TABLE "webauthn_challenge"`);
    await queryRunner.query(`DROP TABLE "webauthn_credential"`);
    await queryRunner.query(`DROP TABLE "login_invitation"`);
    await queryRunner.query(`ALTER TABLE "consent_record" DROP COLUMN "answers"`);
    await queryRunner.query(`ALTER TABLE "consent_record" DROP COLUMN "required_giver_ids"`);
    await queryRunner.query(`ALTER TABLE "pupil_guardian" DROP COLUMN IF EXISTS "has_parental_authority"`);
    await queryRunner.query(`ALTER TABLE "pupil" DROP COLUMN "parents_disagree"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "login_activated_at"`);
  }
}
