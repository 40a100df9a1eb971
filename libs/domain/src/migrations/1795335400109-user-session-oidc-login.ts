import type { MigrationInterface, QueryRunner } from 'typeorm';

export class UserSessionOidcLogin1795335400109 implements MigrationInterface {
  name = 'UserSessionOidcLogin1795335400109';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"user_session\" (\"id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"method\" character varying(10) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"ended_at\" TIMESTAMP WITH TIME ZONE, \"id_token\" text, CONSTRAINT \"PK_adf3b49590842ac3cf54cac451a\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_7f6e3e53542a0d226dab1e7e05\" ON \"user_session\" (\"user_id\", \"expires_at\") ");
    await queryRunner.query("CREATE TABLE \"oidc_login_request\" (\"state_hash\" character(64) NOT NULL, \"binding_hash\" character(64) NOT NULL, \"nonce\" character varying(128) NOT NULL, \"code_verifier\" character varying(128) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_554f49226b6324ba9abdc984c0c\" PRIMARY KEY (\"state_hash\"))");
    await queryRunner.query("CREATE INDEX \"IDX_6614532356bb5bc3d7b0aa206f\" ON \"oidc_login_request\" (\"expires_at\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_6614532356bb5bc3d7b0aa206f\"");
    await queryRunner.query("DROP TABLE \"oidc_login_request\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_7f6e3e53542a0d226dab1e7e05\"");
    await queryRunner.query("DROP TABLE \"user_session\"");
  }
}
