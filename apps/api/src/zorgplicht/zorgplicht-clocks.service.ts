import { Inject, Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import { DataSource, In } from 'typeorm';
import { CaseSummaryEntity, ProcessType, PupilEntity, Role, SchoolEntity, UserEntity } from '@zorgroute/domain';
import { toIsoDate } from '@zorgroute/domain/logic';
import { zorgplichtClockStatusOn } from '@zorgroute/workflows';
import { AccessPolicy } from '../access/access-policy';
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

/**
 * The SWV view of P4: every open zorgplicht clock the caller may see, with days remaining counted
 * from today (Europe/Amsterdam) at query time, so it is right whatever the workflow timers did.
 * Scoping is the AccessPolicy's (the SWV sees only the SWV processes of its member schools).
 */
@Injectable()
export class ZorgplichtClocksService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(PupilsService) private readonly pupils: PupilsService,
  ) {}

  assertMayView(user: AuthUser): void {
    if (!VIEW_ROLES.includes(user.role)) throw AppError.forbidden();
  }

  private scoped(user: AuthUser) {
    const qb = this.dataSource
      .getRepository(CaseSummaryEntity)
      .createQueryBuilder('c')
      .innerJoin(PupilEntity, 'p', 'p.id = c.pupil_id')
      .andWhere('c.process = :zpProcess', { zpProcess: ProcessType.ZORGPLICHT });
    return this.access.scopeCases(qb, user);
  }

  /** The overview: filtered and sorted clocks, and counts per school of every open clock the caller may see. */
  async overview(user: AuthUser, filter: ZorgplichtClockFilterInput = {}, today: string = toIsoDate(Date.now())): Promise<ZorgplichtOverviewModel> {
    this.assertMayView(user);
    const rows = await this.scoped(user).andWhere('c.closed_at IS NULL').getMany();
    const all = await this.toClocks(rows, today);
    const clocks = all.filter((c) => matches(c, filter));
    const dir = filter.sort === 'DAYS_LEFT_DESC' ? -1 : 1;
    clocks.sort((a, b) => dir * (a.daysRemaining - b.daysRemaining) || a.receivedOn.localeCompare(b.receivedOn) || a.caseId.localeCompare(b.caseId));
    return { today, clocks, countsPerSchool: countPerSchool(all) };
  }

  /** One case's clock (open or closed), or NOT_FOUND when the caller may not see it. */
  async clockOf(user: AuthUser, caseId: string, today: string = toIsoDate(Date.now())): Promise<{ row: CaseSummaryEntity; clock: ZorgplichtClockModel }> {
    const row = await this.scoped(user).andWhere('c.id = :id', { id: caseId }).getOne();
    if (!row) throw AppError.notFound('Aanmelding', 'Application');
    const [clock] = await this.toClocks([row], today);
    if (!clock) throw AppError.notFound('Zorgplichttermijn', 'Zorgplicht term');
    return { row, clock };
  }

  /** The overview as CSV (semicolon-separated, Dutch headers), for spreadsheets. */
  async csv(user: AuthUser, filter: ZorgplichtClockFilterInput = {}, today?: string): Promise<string> {
    const { clocks } = await this.overview(user, filter, today);
    const records = clocks.map((c) => ({
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
    }));
    return new Promise<string>((resolve, reject) => {
      stringify(
        records,
        { header: true, delimiter: ';', record_delimiter: 'windows', columns: CSV_COLUMNS.map(([key, header]) => ({ key, header })), cast: { number: (v) => String(v) } },
        (err, out) => (err ? reject(err) : resolve(out)),
      );
    });
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

function matches(c: ZorgplichtClockModel, f: ZorgplichtClockFilterInput): boolean {
  if (f.schoolId && c.school.id !== f.schoolId) return false;
  if (f.status && c.status !== f.status) return false;
  if (f.clockState && c.clockState !== f.clockState) return false;
  if (f.extended != null && c.extensionUsed !== f.extended) return false;
  if (f.pastTenWeeks != null && c.tenWeekReached !== f.pastTenWeeks) return false;
  return true;
}

function countPerSchool(clocks: ZorgplichtClockModel[]): ZorgplichtSchoolCountModel[] {
  const bySchool = new Map<string, ZorgplichtSchoolCountModel>();
  for (const c of clocks) {
    const n = bySchool.get(c.school.id) ?? { school: c.school, open: 0, lastWeek: 0, overdue: 0, extended: 0, pastTenWeeks: 0 };
    n.open += 1;
    if (c.clockState === 'LAATSTE_WEEK') n.lastWeek += 1;
    if (c.overdue) n.overdue += 1;
    if (c.extensionUsed) n.extended += 1;
    if (c.tenWeekReached) n.pastTenWeeks += 1;
    bySchool.set(c.school.id, n);
  }
  return [...bySchool.values()].sort((a, b) => a.school.name.localeCompare(b.school.name, 'nl'));
}
