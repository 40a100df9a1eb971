import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The one-time code of an OpenID Connect login hand-off (see OidcLoginHandoffEntity). */
export class OidcLoginHandoff1796600000000 implements MigrationInterface {
  name = 'OidcLoginHandoff1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "oidc_login_handoff" ("code_hash" character(64) NOT NULL, "binding_hash" character(64) NOT NULL, "user_id" uuid NOT NULL, "id_token" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_d7a9f3d82924290f5adf3b3fae7" PRIMARY KEY ("code_hash"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_b81067e8c244632a8268c92331" ON "oidc_login_handoff" ("expires_at") ');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_b81067e8c244632a8268c92331"');
    await queryRunner.query('DROP TABLE "oidc_login_handoff"');
  }
}
