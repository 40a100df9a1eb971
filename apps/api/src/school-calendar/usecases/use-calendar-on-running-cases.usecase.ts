import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import { AuditTrailRepository, CaseSummaryEntity, Role, SchoolDayOffRepository, SchoolEntity } from '@zorgroute/domain';
import { useSchoolCalendar, type UseSchoolCalendarResult } from '@zorgroute/workflows';
import type { AuthUser } from '../../auth/auth-user';
import { AppError } from '../../common/app-error';
import { isUuid } from '@zorgroute/domain';
import { toAppError } from '../../common/temporal-errors';
import { TemporalGateway } from '../../temporal/temporal.gateway';
import { SchoolSettingsAccess } from '../../policies/school-settings.access';
import { hasLiveWorker } from './live-worker';
import type { RunningCaseCalendarFailureModel, RunningCasesCalendarResultModel, RunningCasesCalendarRunModel } from '../models/school-calendar.model';

const logger = new Logger('RunningCasesCalendar');
/** Cases updated at the same time (each is one workflow update that waits for its read-model write). */
const CONCURRENCY = 8;
/**
 * How long one case may take to accept the update: with no worker running, an update waits for one, and a holiday
 * import must not hang on it. Such a case is listed as UNAVAILABLE (send it again later with the manual action).
 */
export const CASE_ACCEPT_WAIT_MS = 30_000;
/** How long asking Temporal about one case or task queue may take. */
const CHECK_WAIT_MS = 5_000;

/** The counts of `rows` (the cases that took it, per `took`) and their failures. */
function tally(rows: CaseSummaryEntity[], took: ReadonlyMap<string, { unchanged: boolean; moved: boolean }>, failed: RunningCaseCalendarFailureModel[]): RunningCasesCalendarResultModel {
  const ids = new Set(rows.map((r) => r.id));
  const answers = [...took].filter(([id]) => ids.has(id)).map(([, a]) => a);
  return {
    updated: answers.filter((a) => !a.unchanged).length,
    unchanged: answers.filter((a) => a.unchanged).length,
    dueDatesMoved: answers.filter((a) => a.moved).length,
    failed: failed.filter((f) => ids.has(f.caseId)),
  };
}

interface DueDateRow {
  withoutHolidayData?: string[];
}

/**
 * Running cases take the school's current calendar (issue 13 item 6): each gets the workflow update
 * `useSchoolCalendar` with the calendar `loadCaseContext` would give a new case of its school now, so its open steps'
 * due dates and reminders count the holidays known today (libs/workflows common/calendar-update.ts records it on the
 * case's timeline). Two ways in:
 * - `afterImport`: right after the platform admin imported regional holiday years, the running cases whose due dates
 *   (or their reminders) were counted across one of those years without its data — the cases `casesWithoutHolidayData`
 *   lists. Other cases' calendars did not change where they count (an import of a year already known replaces it: that
 *   is not sent on; `applySchoolCalendarToRunningCases` does it per school).
 * - `execute` (`applySchoolCalendarToRunningCases`): every running case of one school, by its zorgcoördinator or an
 *   admin, e.g. after a day off was added or removed (running cases otherwise keep the calendar they started with).
 * A case that fails (closed meanwhile, Temporal away) is listed with its code; the others still take it. A case that
 * already counts on this calendar changes nothing and records nothing (`unchanged`), so sending it twice is harmless.
 * One audit entry per run (who, which cases, how many failed); each case's own timeline entry comes from its workflow.
 */
@Injectable()
export class UseCalendarOnRunningCasesUseCase {
  private readonly daysOff: SchoolDayOffRepository;
  private readonly audit: AuditTrailRepository;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(TemporalGateway) private readonly temporal: TemporalGateway,
    @Inject(SchoolSettingsAccess) private readonly access: SchoolSettingsAccess,
  ) {
    this.daysOff = new SchoolDayOffRepository(dataSource);
    this.audit = new AuditTrailRepository(dataSource);
  }

  /** The school whose running cases `user` may send its calendar: its zorgcoördinator or an admin. */
  private async schoolFor(user: AuthUser, schoolId: string): Promise<SchoolEntity> {
    if (user.role !== Role.ADMIN && user.role !== Role.ZORGCOORDINATOR) throw AppError.forbidden();
    if (!isUuid(schoolId)) throw new AppError('BAD_USER_INPUT', 'Ongeldige invoer: schoolId moet een geldige id zijn', 'Invalid input: schoolId must be a valid id');
    return this.access.schoolForCalendarEdit(user, schoolId);
  }

  async execute(user: AuthUser, schoolId: string): Promise<RunningCasesCalendarResultModel> {
    const school = await this.schoolFor(user, schoolId);
    const rows = await this.dataSource.getRepository(CaseSummaryEntity).find({ where: { schoolId: school.id, closedAt: IsNull() }, order: { id: 'ASC' } });
    return this.send(user, rows, 'Schoolkalender toegepast op de lopende casussen', `calendar:${randomUUID()}`, { schoolId: school.id });
  }

  /** The last time the calendar was sent to running cases of this school (an import or the manual action), for it. */
  async lastRun(user: AuthUser, schoolId: string): Promise<RunningCasesCalendarRunModel | null> {
    const school = await this.schoolFor(user, schoolId);
    const [row] = (await this.dataSource.query(
      `SELECT at, reason, details->'schools'->$1::text AS result FROM audit_entry
        WHERE action = 'RUNNING_CASES_CALENDAR_UPDATED' AND details->'schools'->$1::text IS NOT NULL ORDER BY at DESC, id DESC LIMIT 1`,
      [school.id],
    )) as { at: Date; reason: string | null; result: RunningCasesCalendarResultModel }[];
    return row ? { at: new Date(row.at).toISOString(), reason: row.reason ?? '', result: row.result } : null;
  }

  /** After an import of `schoolYears` (file `fileDigest`): the running cases counted without one of them. */
  async afterImport(user: AuthUser, schoolYears: string[], fileDigest: string): Promise<RunningCasesCalendarResultModel> {
    const flagged = await this.dataSource
      .getRepository(CaseSummaryEntity)
      .createQueryBuilder('c')
      .where('c.closed_at IS NULL')
      .andWhere(`jsonb_path_exists(c.data, '$.dueDates[*].withoutHolidayData')`)
      .orderBy('c.id', 'ASC')
      .getMany();
    const rows = flagged.filter((r) => ((r.data as { dueDates?: DueDateRow[] }).dueDates ?? []).some((d) => d.withoutHolidayData?.some((y) => schoolYears.includes(y))));
    return this.send(user, rows, `Vakantiegegevens ${schoolYears.join(', ')} geïmporteerd`, `calendar-import:${fileDigest}`, { schoolYears, fileDigest });
  }

  private async send(user: AuthUser, rows: CaseSummaryEntity[], reason: string, updateId: string, details: Record<string, unknown>): Promise<RunningCasesCalendarResultModel> {
    const schools = rows.length ? await this.dataSource.getRepository(SchoolEntity).findBy({ id: In([...new Set(rows.map((r) => r.schoolId))]) }) : [];
    const calendars = new Map(await Promise.all(schools.map(async (s) => [s.id, await this.daysOff.calendarFor(s)] as const)));
    const failed: RunningCaseCalendarFailureModel[] = [];
    const took = new Map<string, { unchanged: boolean; moved: boolean }>();
    const actor = { id: user.id, name: user.name };
    // An update waits for a worker to accept it: a case whose task queue has no running worker (none polled within the
    // last LIVE_POLL_WINDOW_MS) is listed at once, not waited on.
    const pollers = new Map<string, Promise<boolean>>();
    const hasWorker = (taskQueue: string) => {
      if (!pollers.has(taskQueue)) {
        const asked = this.temporal.workflowPollers(taskQueue, { deadline: Date.now() + CHECK_WAIT_MS });
        pollers.set(taskQueue, asked.then((p) => hasLiveWorker(p, Date.now()), () => true));
      }
      return pollers.get(taskQueue) as Promise<boolean>;
    };
    let next = 0;
    const worker = async () => {
      while (next < rows.length) {
        const row = rows[next++] as CaseSummaryEntity;
        try {
          const calendar = calendars.get(row.schoolId);
          if (!calendar) throw new AppError('NOT_FOUND', 'De school van deze casus is niet gevonden', 'The case’s school was not found');
          // Temporal's own call deadline (a DEADLINE_EXCEEDED error) bounds each question and the update below.
          const described = await this.temporal.describe(row.id, { deadline: Date.now() + CHECK_WAIT_MS });
          if (described.status.name !== 'RUNNING') {
            failed.push({ caseId: row.id, code: 'CASE_CLOSED', message: 'Deze casus loopt niet (meer)' });
            continue;
          }
          if (!(await hasWorker(described.taskQueue))) {
            failed.push({ caseId: row.id, code: 'UNAVAILABLE', message: 'Er verwerkt nu geen worker deze casus; probeer het later opnieuw' });
            continue;
          }
          const answer = (await this.temporal.update(row.id, useSchoolCalendar, { actor, reason, calendar }, { updateId: `${updateId}:${row.id}`, deadline: Date.now() + CASE_ACCEPT_WAIT_MS })) as
            | UseSchoolCalendarResult
            | undefined;
          // Sent again (equal to the calendar the case counts on): the case changed nothing and recorded nothing.
          took.set(row.id, { unchanged: answer?.unchanged === true, moved: (answer?.movedSteps ?? 0) > 0 });
        } catch (err) {
          const e = toAppError(err);
          if (e instanceof AppError) failed.push({ caseId: row.id, code: String(e.extensions.code), message: e.message });
          else {
            logger.warn(`case ${row.id} did not take the calendar: ${err instanceof Error ? err.message : String(err)}`);
            failed.push({ caseId: row.id, code: 'UNAVAILABLE', message: 'De casus kon nu niet worden bijgewerkt; probeer het later opnieuw' });
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, rows.length) }, worker));
    failed.sort((a, b) => a.caseId.localeCompare(b.caseId));
    const { updated, unchanged, dueDatesMoved } = tally(rows, took, failed);
    // Per school, for the school calendar screen of its zorgcoördinator (lastRunningCasesCalendarRun).
    const perSchool = Object.fromEntries([...new Set(rows.map((r) => r.schoolId))].map((id) => [id, tally(rows.filter((r) => r.schoolId === id), took, failed)]));
    await this.audit.append({
      eventKey: `running-cases-calendar:${randomUUID()}`,
      caseId: null,
      at: new Date().toISOString(),
      actorId: user.id,
      actorName: user.role,
      action: 'RUNNING_CASES_CALENDAR_UPDATED',
      description: `Schoolkalender naar ${rows.length} lopende casus(sen) gestuurd: ${updated} bijgewerkt, ${unchanged} al bijgewerkt, ${failed.length} mislukt`,
      details: { ...details, operation: 'useSchoolCalendar', cases: rows.map((r) => r.id), updated, unchanged, dueDatesMoved, failed: failed.map((f) => ({ caseId: f.caseId, code: f.code })), schools: perSchool },
      reason,
    });
    logger.log(`calendar sent to ${rows.length} running cases: ${updated} updated, ${unchanged} unchanged, ${failed.length} failed`);
    return { updated, unchanged, dueDatesMoved, failed };
  }
}
