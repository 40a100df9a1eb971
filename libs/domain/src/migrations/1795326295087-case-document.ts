import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseDocument1795326295087 implements MigrationInterface {
  name = 'CaseDocument1795326295087';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"case_document\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"doc_key\" character varying(300) NOT NULL, \"case_id\" character varying(200) NOT NULL, \"kind\" character varying(40) NOT NULL, \"file_name\" character varying(200) NOT NULL, \"content_type\" character varying(100) NOT NULL, \"size_bytes\" integer NOT NULL, \"content\" bytea NOT NULL, \"sha256\" character(64) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"UQ_75c3f8c6a82f466530f135fd9c1\" UNIQUE (\"doc_key\"), CONSTRAINT \"PK_ec7b8f5c5bbda47d84b23d6f944\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_b272b0e1da05ffcc9764551866\" ON \"case_document\" (\"case_id\", \"created_at\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_b272b0e1da05ffcc9764551866\"");
    await queryRunner.query("DROP TABLE \"case_document\"");
  }
}
