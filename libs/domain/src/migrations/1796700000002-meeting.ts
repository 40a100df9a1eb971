import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Meetings (issue 17.8): the IZO, ZAT and Flex-ZAT of a school as dated rows per school year, managed on the
 * Overleggen screen; the one source of the school's ZAT calendar. At most one active meeting of a kind per school and
 * date. The ZAT dates a school kept in its policy (`zorgroute.zatMeetingDates` of the effective policy: the school's
 * latest version, else its SWV's latest) become ZAT meetings; the policy key is no longer read.
 */
export class Meeting1796700000002 implements MigrationInterface {
  name = 'Meeting1796700000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "meeting" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "school_id" uuid NOT NULL, "kind" character varying(20) NOT NULL, "school_year" character varying(9) NOT NULL, "meeting_date" date NOT NULL, "meeting_time" character varying(5), "location" character varying(120), "cancelled_at" TIMESTAMP WITH TIME ZONE, "cancel_reason" character varying(500), "agenda_rounds" integer NOT NULL DEFAULT 0, "agenda_sent_at" TIMESTAMP WITH TIME ZONE, "minutes" text, "minutes_recorded_at" TIMESTAMP WITH TIME ZONE, "minutes_recorded_by" uuid, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_meeting" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_meeting_school_year" ON "meeting" ("school_id", "school_year") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_meeting_school_kind_date_active" ON "meeting" ("school_id", "kind", "meeting_date") WHERE cancelled_at IS NULL`);
    // The policy's ZAT dates become meetings (effective per school: its own latest version wins over the SWV's).
    await queryRunner.query(`
      WITH latest AS (
        SELECT DISTINCT ON (scope, scope_id) scope, scope_id, overrides FROM policy_version ORDER BY scope, scope_id, version DESC
      ), effective AS (
        SELECT s.id AS school_id,
               CASE WHEN sv.overrides -> 'zorgroute' ? 'zatMeetingDates' THEN sv.overrides -> 'zorgroute' -> 'zatMeetingDates'
                    ELSE wv.overrides -> 'zorgroute' -> 'zatMeetingDates' END AS dates
        FROM school s
        LEFT JOIN latest sv ON sv.scope = 'SCHOOL' AND sv.scope_id = s.id
        LEFT JOIN latest wv ON wv.scope = 'SWV' AND wv.scope_id = s.swv_id
      ), dates AS (
        SELECT DISTINCT e.school_id, d.value::date AS meeting_date
        FROM effective e, jsonb_array_elements_text(CASE WHEN jsonb_typeof(e.dates) = 'array' THEN e.dates ELSE '[]'::jsonb END) AS d(value)
        WHERE d.value ~ '^\\d{4}-\\d{2}-\\d{2}$'
      )
      INSERT INTO meeting (school_id, kind, school_year, meeting_date, created_at, updated_at)
      SELECT school_id, 'ZAT',
             CASE WHEN EXTRACT(MONTH FROM meeting_date) >= 8 THEN EXTRACT(YEAR FROM meeting_date)::int || '-' || (EXTRACT(YEAR FROM meeting_date)::int + 1)
                  ELSE (EXTRACT(YEAR FROM meeting_date)::int - 1) || '-' || EXTRACT(YEAR FROM meeting_date)::int END,
             meeting_date, now(), now()
      FROM dates
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_meeting_school_kind_date_active"`);
    await queryRunner.query(`DROP INDEX "IDX_meeting_school_year"`);
    await queryRunner.query(`DROP TABLE "meeting"`);
  }
}
