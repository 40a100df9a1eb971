import type { MigrationInterface, QueryRunner } from 'typeorm';
import { pupilSearchTextSql } from '../entities/pupil.entity';

/**
 * Issue 17.7: find a pupil by a few letters of his name, class or pupil number among thousands. A trigram (pg_trgm, a
 * trusted extension the database owner may create) GIN index on the pupil's search text serves `LIKE '%abc%'`.
 */
export class PupilSearch1796700000001 implements MigrationInterface {
  name = 'PupilSearch1796700000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS "IDX_pupil_search" ON "pupil" USING gin ((${pupilSearchTextSql()}) gin_trgm_ops)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX IF EXISTS "IDX_pupil_search"');
  }
}
