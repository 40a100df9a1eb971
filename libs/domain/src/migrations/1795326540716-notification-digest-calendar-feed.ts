import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationDigestCalendarFeed1795326540716 implements MigrationInterface {
  name = 'NotificationDigestCalendarFeed1795326540716';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"notification_preference\" (\"user_id\" uuid NOT NULL, \"mode\" character varying(20) NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_ff040d2d2e35c49b00525783829\" PRIMARY KEY (\"user_id\"))");
    await queryRunner.query("CREATE TABLE \"notification_digest_item\" (\"delivery_id\" uuid NOT NULL, \"school_id\" uuid NOT NULL, \"recipient_user_id\" uuid NOT NULL, \"entry\" jsonb NOT NULL, \"digest_key\" character varying(400), \"queued_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_cd344517c149fad0cfd602748dd\" PRIMARY KEY (\"delivery_id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_0442f5d6e2496e036e8404335f\" ON \"notification_digest_item\" (\"digest_key\") ");
    await queryRunner.query("CREATE INDEX \"IDX_0f741e11f03cd8f3b8c738e8da\" ON \"notification_digest_item\" (\"school_id\", \"digest_key\") ");
    await queryRunner.query("CREATE TABLE \"calendar_feed_token\" (\"user_id\" uuid NOT NULL, \"token_hash\" character(64) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"last_used_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"UQ_da3743af69f31ffd278f363bce5\" UNIQUE (\"token_hash\"), CONSTRAINT \"PK_55699e77827f515c313957e993b\" PRIMARY KEY (\"user_id\"))");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"calendar_feed_token\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_0f741e11f03cd8f3b8c738e8da\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_0442f5d6e2496e036e8404335f\"");
    await queryRunner.query("DROP TABLE \"notification_digest_item\"");
    await queryRunner.query("DROP TABLE \"notification_preference\"");
  }
}
