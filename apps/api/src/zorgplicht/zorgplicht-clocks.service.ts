import { Inject, Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import { DataSource, type FindOptionsWhere, In } from 'typeorm';
import { CaseSummaryEntity, ProcessType, PupilEntity, Role, SchoolEntity, UserEntity } from '@zorgroute/domain';
import { toIsoDate } from '@zorgroute/domain/logic';
import { zorgplichtClockStatusOn } from '@zorgroute/workflows';
import { AudiencePolicy } from '../access/audience.policy';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import { statusLabel } from '../cases/labels';
import { PupilsService } from '../pupils/pupils.service';
import type { ZorgplichtClockFilterInput } from './dtos/zorgplicht.inputs';
import { ZorgplichtClockState, type ZorgplichtClockModel, type ZorgplichtOverviewModel, type ZorgplichtSchoolCountModel } from './models/zorgplicht.model';

/** The clock as the zorgplicht workflow stores it in the read model (`data.clock`). */
export interface StoredClock {
  receivedOn: string;
  suspendSummerHoliday: boolean;
  firstDueDate: string;
  dueDate: string;
  dueRule: string;
  dueExplanation: string;
  extended: boolean;
  extensionWeeks: number | null;
  extendedOn: string | null;
  extensionReason: string | null;
  tenWeekDate: string;
  warnDaysBefore?: number;
}

/** Who may use the SWV view: the SWV loket (member schools), a zorgcoördinator (own school), an admin (all). */
const VIEW_ROLES: Role[] = [Role.SWV_MEDEWERKER, Role.ZORGCOORDINATOR, Role.ADMIN];

const CSV_COLUMNS = [
  ['school', 'School'],
  ['pupil', 'Leerling'],
  ['status', 'Status'],
  ['receivedOn', 'Aanmelding ontvangen'],
  ['dueDate', 'Besluit uiterlijk'],
  ['daysRemaining', 'Dagen resterend'],
  ['clockState', 'Termijn'],
  ['overdue', 'Verlopen'],
  ['daysOverdue', 'Dagen te laat'],
  ['extensionUsed', 'Verlengd'],
  ['extensionWeeks', 'Verlengd met (weken)'],
  ['tenWeekDate', '10-wekengrens'],
  ['tenWeekReached', '10 weken bereikt'],
  ['extraSupportExpected', 'Extra ondersteuning verwacht'],
  ['dueRule', 'Regel'],
  ['dueExplanation', 'Toelichting termijn'],
  ['caseId', 'Dossier'],
] as const;

const CLOCK_STATE_LABELS: Record<ZorgplichtClockState, string> = { OP_SCHEMA: 'op schema', LAATSTE_WEEK: 'laatste week', VERLOPEN: 'verlopen' };

/** One page of the board: skip `offset` matching clocks, return at most `limit`. */
export interface ZorgplichtPage {
  offset: number;
  limit: number;
}

/** The board's page size when the client asks none, and the largest it may ask. */
export const ZORGPLICHT_PAGE_DEFAULT = 50;
export const ZORGPLICHT_PAGE_MAX = 500;

/** The page a client asked for (`limit` 1–500, default 50; `offset` ≥ 0, default 0); out of range → BAD_USER_INPUT. */
export function zorgplichtPage(limit: number | null | undefined, offset: number | null | undefined): ZorgplichtPage {
  const l = limit ?? ZORGPLICHT_PAGE_DEFAULT;
  const o = offset ?? 0;
  if (!Number.isInteger(l) || l < 1 || l > ZORGPLICHT_PAGE_MAX) {
    throw new AppError('BAD_USER_INPUT', `Ongeldige invoer: limit moet tussen 1 en ${ZORGPLICHT_PAGE_MAX} liggen`, `Invalid input: limit must be between 1 and ${ZORGPLICHT_PAGE_MAX}`);
  }
  if (!Number.isInteger(o) || o < 0) throw new AppError('BAD_USER_INPUT', 'Ongeldige invoer: offset mag niet negatief zijn', 'Invalid input: offset must not be negative');
  return { limit: l, offset: o };
}

/** How many clocks the CSV export loads at a time. */
const CSV_BATCH = 1000;

/**
 * The clock fields in SQL over the read model's clock columns (alias `c`), as toClocks computes them, with `today` a
 * date parameter: days left = due date − today in calendar days; overdue below 0; last week up to the warning days
 * (default 7); the 10-week mark reached on its date.
 */
function clockSql(today: string) {
  const daysLeft = `(c.clock_due_date - ${today}::date)`;
  const warn = 'COALESCE(c.clock_warn_days, 7)';
  return {
    state: { VERLOPEN: `${daysLeft} < 0`, LAATSTE_WEEK: `(${daysLeft} >= 0 AND ${daysLeft} <= ${warn})`, OP_SCHEMA: `${daysLeft} > ${warn}` } as Record<ZorgplichtClockState, string>,
    extended: 'COALESCE(c.clock_extended, false)',
    tenWeeks: `(${today}::date >= c.clock_ten_week_date)`,
  };
}

/** One row of the counts' SQL: a school's aggregates over its open clocks. */
export interface RawSchoolCount {
  schoolId: string;
  open: number;
  lastWeek: number;
  overdue: number;
  extended: number;
  pastTenWeeks: number;
}

/**
 * The schools on the caller's board: the SWV loket's member schools, the zorgcoördinator's own school, every school for
 * the admin — the schools whose clocks the AudiencePolicy's case scope lets him see (null: none).
 */
export function boardSchoolsWhere(user: Pick<AuthUser, 'role' | 'schoolId' | 'swvId'>): FindOptionsWhere<SchoolEntity> | null {
  switch (user.role) {
    case Role.ADMIN:
      return {};
    case Role.SWV_MEDEWERKER:
      return user.swvId ? { swvId: user.swvId } : null;
    case Role.ZORGCOORDINATOR:
      return user.schoolId ? { id: user.schoolId } : null;
    default:
      return null;
  }
}

/**
 * One row per school: the aggregates of the schools with open clocks and zeros for the other schools on the board,
 * sorted by name. The zero rows add nothing, so the unfiltered total is still the sum of the rows' `open`.
 */
export function schoolCounts(schools: readonly Pick<SchoolEntity, 'id' | 'name' | 'region'>[], raw: readonly RawSchoolCount[]): ZorgplichtSchoolCountModel[] {
  const countsBySchool = new Map(raw.map((r) => [r.schoolId, r]));
  const schoolMap = new Map(schools.map((x) => [x.id, { id: x.id, name: x.name, region: x.region }]));
  return [...new Set([...schoolMap.keys(), ...countsBySchool.keys()])]
    .map((id) => {
      const r = countsBySchool.get(id);
      return {
        school: schoolMap.get(id) ?? { id, name: '?', region: '?' },
        open: Number(r?.open ?? 0),
        lastWeek: Number(r?.lastWeek ?? 0),
        overdue: Number(r?.overdue ?? 0),
        extended: Number(r?.extended ?? 0),
        pastTenWeeks: Number(r?.pastTenWeeks ?? 0),
      };
    })
    .sort((a, b) => a.school.name.localeCompare(b.school.name, 'nl'));
}

/**
 * The SWV view of P4: every open zorgplicht clock the caller may see, with days remaining counted
 * from today (Europe/Amsterdam) at query time, so it is right whatever the workflow timers did.
 * Scoping is the AudiencePolicy's (the SWV sees only the SWV processes of its member schools).
 */
@Injectable()
export class ZorgplichtClocksService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AudiencePolicy) private readonly audience: AudiencePolicy,
    @Inject(PupilsService) private readonly pupils: PupilsService,
  ) {}

  assertMayView(user: AuthUser): void {
    if (!VIEW_ROLES.includes(user.role)) throw AppError.forbidden();
  }

  private scoped(user: AuthUser) {
    const qb = this.dataSource
      .getRepository(CaseSummaryEntity)
      .createQueryBuilder('c')
      // A LEFT JOIN on the pupil's key: PostgreSQL drops it when the caller's scope does not use the pupil (the board's
      // roles), and it filters like an inner join where the scope does (every case has its pupil).
      .leftJoin(PupilEntity, 'p', 'p.id = c.pupil_id')
      .andWhere('c.process = :zpProcess', { zpProcess: ProcessType.ZORGPLICHT });
    return this.audience.scopeCases(qb, user);
  }

  /**
   * The overview, one page of it: the clocks that match the filter, sorted by days left (then receipt, then id), from
   * `page.offset`, at most `page.limit` (all without a page); `totalCount` is the number of matching clocks and
   * `countsPerSchool` counts every open clock the caller may see (filters not applied, never paged), one row for each
   * school on his board, zeros included. Filters, sort, page and counts run in PostgreSQL (on the read model's clock
   * columns; days left = due date − today, in calendar days, as zorgplichtClockStatusOn counts them), so only the page's
   * rows are loaded and built here.
   */
  async overview(user: AuthUser, filter: ZorgplichtClockFilterInput = {}, today: string = toIsoDate(Date.now()), page?: ZorgplichtPage): Promise<ZorgplichtOverviewModel> {
    this.assertMayView(user);
    const offset = page?.offset ?? 0;
    const limit = page?.limit ?? null;
    const { ids, totalCount, counts } = await this.board(user, filter, today, offset, limit, true);
    const [clocks, countsPerSchool] = await Promise.all([this.clocksOf(ids, today), this.withSchools(user, counts)]);
    return { today, clocks, totalCount, offset, limit, countsPerSchool };
  }

  /** The clocks of these cases, in this order. */
  private async clocksOf(ids: string[], today: string): Promise<ZorgplichtClockModel[]> {
    if (!ids.length) return [];
    const rows = await this.dataSource.getRepository(CaseSummaryEntity).findBy({ id: In(ids) });
    const byId = new Map((await this.toClocks(rows, today)).map((c) => [c.caseId, c]));
    return ids.map((id) => byId.get(id)).filter((c): c is ZorgplichtClockModel => !!c);
  }

  /**
   * One statement over the clock columns of the open rows the caller may see (issue 18.4): the filtered count, the
   * page's ids in board order (days left, receipt, id — a top-N read of IDX_case_summary_clock_board) and, when asked,
   * the per-school aggregates (IDX_case_summary_clock_school). No JSON is read.
   */
  private async board(user: AuthUser, filter: ZorgplichtClockFilterInput, today: string, offset: number, limit: number | null, withCounts: boolean): Promise<{ ids: string[]; totalCount: number; counts: RawSchoolCount[] }> {
    const [open, params] = this.scoped(user)
      .andWhere('c.closed_at IS NULL')
      .andWhere('c.clock_due_date IS NOT NULL')
      .select('c.id', 'id')
      .getQueryAndParameters();
    // The scope's WHERE clause, reused by the three parts of the statement on the same alias `c`.
    const fromOpen = open.slice(open.indexOf(' FROM '));
    const values: unknown[] = [...params];
    const p = (v: unknown) => {
      values.push(v);
      return `$${values.length}`;
    };
    const todayParam = p(today);
    const sql = clockSql(todayParam);
    const where: string[] = [];
    if (filter.schoolId) where.push(`c.school_id = ${p(filter.schoolId)}`);
    if (filter.status) where.push(`c.status = ${p(filter.status)}`);
    if (filter.clockState) where.push(sql.state[filter.clockState]);
    if (filter.extended != null) where.push(filter.extended ? sql.extended : `NOT ${sql.extended}`);
    if (filter.pastTenWeeks != null) where.push(filter.pastTenWeeks ? sql.tenWeeks : `NOT ${sql.tenWeeks}`);
    const filtered = `${fromOpen}${where.map((w) => ` AND ${w}`).join('')}`;
    const dir = filter.sort === 'DAYS_LEFT_DESC' ? 'DESC' : 'ASC';
    const window = `${limit === null ? '' : `LIMIT ${p(limit)} `}OFFSET ${p(offset)}`;
    const counts = withCounts
      ? `(SELECT COALESCE(json_agg(s), '[]'::json) FROM (
          SELECT c.school_id AS "schoolId", count(*)::int AS "open",
            count(*) FILTER (WHERE ${sql.state.LAATSTE_WEEK})::int AS "lastWeek",
            count(*) FILTER (WHERE ${sql.state.VERLOPEN})::int AS "overdue",
            count(*) FILTER (WHERE ${sql.extended})::int AS "extended",
            count(*) FILTER (WHERE ${sql.tenWeeks})::int AS "pastTenWeeks"
          ${fromOpen} GROUP BY c.school_id) s)`
      : `'[]'::json`;
    // `today` is selected too, so its parameter has a type even where no part of the statement uses it.
    // Unfiltered, the total is the sum of the per-school counts: one scan less.
    const totalFromCounts = withCounts && !where.length;
    const query = `SELECT ${todayParam}::date AS "today", ${totalFromCounts ? 'NULL' : `(SELECT count(*)::int ${filtered})`} AS "total",
        (SELECT COALESCE(json_agg(pg.id ORDER BY pg.due ${dir}, pg.received ASC, pg.id ASC), '[]'::json) FROM (
          SELECT c.id, c.clock_due_date AS due, c.clock_received_on AS received ${filtered}
          ORDER BY c.clock_due_date ${dir}, c.clock_received_on ASC, c.id ASC ${window}) pg) AS "ids",
        ${counts} AS "counts"`;
    const [row] = (await this.dataSource.query(query, values)) as { total: number | null; ids: string[]; counts: RawSchoolCount[] }[];
    const totalCount = totalFromCounts ? row.counts.reduce((sum, c) => sum + Number(c.open), 0) : Number(row.total);
    return { ids: row.ids, totalCount, counts: row.counts };
  }

  /**
   * Per-school aggregates with the school's name, one row for every school on the caller's board (issue 17.12: a
   * school with no open clock shows zeros instead of missing), schools sorted by name. The schools are read from
   * `school` by `boardSchoolsWhere` (its primary key or `swv_id` index), never from the cases.
   */
  private async withSchools(user: AuthUser, raw: RawSchoolCount[]): Promise<ZorgplichtSchoolCountModel[]> {
    const repo = this.dataSource.getRepository(SchoolEntity);
    const where = boardSchoolsWhere(user);
    const schools = where ? await repo.findBy(where) : [];
    const known = new Set(schools.map((x) => x.id));
    // A school with open clocks is always among the board's schools; should the scope ever differ, it is loaded by id.
    const missing = raw.map((r) => r.schoolId).filter((id) => !known.has(id));
    if (missing.length) schools.push(...(await repo.findBy({ id: In(missing) })));
    return schoolCounts(schools, raw);
  }

  /** One case's clock (open or closed), or NOT_FOUND when the caller may not see it. */
  async clockOf(user: AuthUser, caseId: string, today: string = toIsoDate(Date.now())): Promise<{ row: CaseSummaryEntity; clock: ZorgplichtClockModel }> {
    const row = await this.scoped(user).andWhere('c.id = :id', { id: caseId }).getOne();
    if (!row) throw AppError.notFound('Aanmelding', 'Application');
    const [clock] = await this.toClocks([row], today);
    if (!clock) throw AppError.notFound('Zorgplichttermijn', 'Zorgplicht term');
    return { row, clock };
  }

  /**
   * The overview as CSV (semicolon-separated, Dutch headers), for spreadsheets: every matching clock, loaded in batches.
   * Every text cell that a spreadsheet would read as a formula (starting with =, +, -, @, tab or carriage return) is
   * written with a leading `'` (csv-stringify's `escape_formulas`; numbers such as -3 days stay numbers). `bom` puts
   * the UTF-8 byte order mark first, so Excel reads é and ë as UTF-8 (the file download; not the GraphQL string).
   */
  async csv(user: AuthUser, filter: ZorgplichtClockFilterInput = {}, today: string = toIsoDate(Date.now()), options: { bom?: boolean } = {}): Promise<string> {
    const stringifier = stringify({
      bom: options.bom === true,
      escape_formulas: true,
      // A CR or LF inside a cell is quoted, so no spreadsheet starts a new row (and a formula) there.
      quoted_match: /[\r\n]/,
      header: true,
      delimiter: ';',
      record_delimiter: 'windows',
      columns: CSV_COLUMNS.map(([key, header]) => ({ key, header })),
      cast: { number: (v) => String(v) },
    });
    const chunks: string[] = [];
    const done = new Promise<string>((resolve, reject) => {
      stringifier.on('data', (chunk: Buffer | string) => chunks.push(chunk.toString()));
      stringifier.on('error', reject);
      stringifier.on('end', () => resolve(chunks.join('')));
    });
    this.assertMayView(user);
    // Every matching id in board order in one query (ids only), then the rows in batches.
    const { ids } = await this.board(user, filter, today, 0, null, false);
    for (let i = 0; i < ids.length; i += CSV_BATCH) {
      for (const c of await this.clocksOf(ids.slice(i, i + CSV_BATCH), today)) stringifier.write(csvRecord(c));
    }
    stringifier.end();
    return done;
  }

  private async toClocks(rows: CaseSummaryEntity[], today: string): Promise<ZorgplichtClockModel[]> {
    const withClock = rows.filter((r) => isStoredClock((r.data as { clock?: unknown }).clock));
    if (!withClock.length) return [];
    const pupilIds = [...new Set(withClock.map((r) => r.pupilId))];
    const schoolIds = [...new Set(withClock.map((r) => r.schoolId))];
    const ownerIds = [...new Set(withClock.map((r) => r.ownerUserId).filter((x): x is string => !!x))];
    const [pupils, schools, owners] = await Promise.all([
      this.dataSource.getRepository(PupilEntity).findBy({ id: In(pupilIds) }),
      this.dataSource.getRepository(SchoolEntity).findBy({ id: In(schoolIds) }),
      ownerIds.length ? this.dataSource.getRepository(UserEntity).findBy({ id: In(ownerIds) }) : Promise.resolve([]),
    ]);
    const pupilModels = new Map((await this.pupils.toModels(pupils)).map((p) => [p.id, p]));
    const schoolMap = new Map(schools.map((s) => [s.id, { id: s.id, name: s.name, region: s.region }]));
    const ownerMap = new Map(owners.map((o) => [o.id, o.name]));
    return withClock.map((r) => {
      const data = r.data as { clock: StoredClock; extraSupportExpected?: boolean; swvSignals?: { signal: string }[] };
      const c = data.clock;
      const st = zorgplichtClockStatusOn({ receivedOn: c.receivedOn, dueDate: c.dueDate, tenWeekDate: c.tenWeekDate }, today);
      const warn = c.warnDaysBefore ?? 7;
      const clockState: ZorgplichtClockState = st.overdue ? 'VERLOPEN' : st.daysRemaining <= warn ? 'LAATSTE_WEEK' : 'OP_SCHEMA';
      return {
        caseId: r.id,
        pupil: pupilModels.get(r.pupilId) ?? { id: r.pupilId, displayName: '?', className: null, schoolId: r.schoolId, mentorName: null },
        school: schoolMap.get(r.schoolId) ?? { id: r.schoolId, name: '?', region: '?' },
        status: r.status,
        statusLabel: statusLabel(r.status),
        receivedOn: c.receivedOn,
        dueDate: c.dueDate,
        dueRule: c.dueRule,
        dueExplanation: c.dueExplanation,
        firstDueDate: c.firstDueDate,
        daysRemaining: st.daysRemaining,
        overdue: st.overdue,
        daysOverdue: st.daysOverdue,
        clockState,
        extensionUsed: c.extended,
        extensionWeeks: c.extensionWeeks,
        extendedOn: c.extendedOn,
        tenWeekDate: c.tenWeekDate,
        tenWeekReached: st.tenWeekReached,
        daysSinceReceipt: st.daysSinceReceipt,
        suspendSummerHoliday: c.suspendSummerHoliday,
        extraSupportExpected: data.extraSupportExpected === true,
        swvSignals: (data.swvSignals ?? []).map((x) => x.signal),
        ownerName: r.ownerUserId ? (ownerMap.get(r.ownerUserId) ?? null) : null,
      };
    });
  }
}

function isStoredClock(value: unknown): value is StoredClock {
  const c = value as Partial<StoredClock> | undefined;
  return !!c && typeof c.receivedOn === 'string' && typeof c.dueDate === 'string' && typeof c.tenWeekDate === 'string';
}

function csvRecord(c: ZorgplichtClockModel): Record<string, unknown> {
  return {
    school: c.school.name,
    pupil: c.pupil.displayName,
    status: c.statusLabel,
    receivedOn: c.receivedOn,
    dueDate: c.dueDate,
    daysRemaining: c.daysRemaining,
    clockState: CLOCK_STATE_LABELS[c.clockState],
    overdue: c.overdue ? 'ja' : 'nee',
    daysOverdue: c.daysOverdue,
    extensionUsed: c.extensionUsed ? 'ja' : 'nee',
    extensionWeeks: c.extensionWeeks ?? '',
    tenWeekDate: c.tenWeekDate,
    tenWeekReached: c.tenWeekReached ? 'ja' : 'nee',
    extraSupportExpected: c.extraSupportExpected ? 'ja' : 'nee',
    dueRule: c.dueRule,
    dueExplanation: c.dueExplanation,
    caseId: c.caseId,
  };
}
