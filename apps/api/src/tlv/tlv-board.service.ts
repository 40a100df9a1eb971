import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { CaseSummaryEntity, ProcessType, PupilEntity, Role, SchoolEntity } from '@zorgroute/domain';
import { calendarDaysBetween, toIsoDate } from '@zorgroute/domain/logic';
import { TLV_CATEGORY_OPTIONS } from '@zorgroute/processes';
import { AudiencePolicy } from '../access/audience.policy';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import { statusLabel } from '../cases/labels';
import type { PupilModel, SchoolModel } from '../pupils/models/pupil.model';
import { PupilsService } from '../pupils/pupils.service';
import type { TlvBoardExpiringModel, TlvBoardModel, TlvBoardRequestModel } from './models/tlv-board.model';

/** Who may use the SWV board's TLV section: as the zorgplicht clocks (SWV loket, zorgcoördinator, admin). */
const VIEW_ROLES: Role[] = [Role.SWV_MEDEWERKER, Role.ZORGCOORDINATOR, Role.ADMIN];

/** Statuses of a TLV request before the commissie's decision (tlv.case.ts BEFORE_DECISION). */
const OPEN_REQUEST: readonly string[] = ['DOSSIER', 'INGEDIEND', 'ADVIES', 'BESLUIT', 'VERLENGD'];
/** Statuses of a granted TLV that is still running (tlv.workflow.ts `granted`). */
const GRANTED: readonly string[] = ['AFGEGEVEN', 'AFLOPEND'];

const CATEGORY_LABELS = new Map<string, string>(TLV_CATEGORY_OPTIONS.map((o) => [o.value, o.label]));

/** The parts of a TLV case's read-model data the board reads (written by tlv.case.ts `syncData`). */
interface TlvBoardData {
  request?: { submittedOn?: string; requestedCategory?: string } | null;
  missingItems?: string[];
  term?: { dueDate?: string; explanation?: string; extended?: boolean } | null;
  decision?: { decision?: string; category?: string | null; endDate?: string | null } | null;
  expiry?: { reminderDate?: string } | null;
  herindicatie?: { decision?: string; caseId?: string | null } | null;
}

/**
 * The TLV section of the SWV board (issue 16): open TLV requests with the commissie's decision term (from the complete
 * dossier, the SWV's `tlv.decisionWeeks`, extendable once), and granted TLVs whose end date is within the reminder
 * window (`tlv.expiryReminderMonths`, stored by the workflow as `expiry.reminderDate` from the case's own policy).
 * Days are counted from today (Europe/Amsterdam) at query time. Rows are scoped by the AudiencePolicy (the SWV: its
 * member schools) and read through its case-data filter, like every other read path.
 */
@Injectable()
export class TlvBoardService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AudiencePolicy) private readonly audience: AudiencePolicy,
    @Inject(PupilsService) private readonly pupils: PupilsService,
  ) {}

  assertMayView(user: AuthUser): void {
    if (!VIEW_ROLES.includes(user.role)) throw AppError.forbidden();
  }

  async board(user: AuthUser, today: string = toIsoDate(Date.now())): Promise<TlvBoardModel> {
    this.assertMayView(user);
    const qb = this.dataSource
      .getRepository(CaseSummaryEntity)
      .createQueryBuilder('c')
      .innerJoin(PupilEntity, 'p', 'p.id = c.pupil_id')
      .andWhere('c.process = :tlvProcess', { tlvProcess: ProcessType.TLV })
      .andWhere('c.closed_at IS NULL');
    const rows = await this.audience
      .scopeCases(qb, user)
      .andWhere(
        `(c.status IN (:...openStatuses) OR (c.status IN (:...grantedStatuses) AND c.data->'expiry'->>'reminderDate' IS NOT NULL AND (c.data->'expiry'->>'reminderDate')::date <= :today::date))`,
        { openStatuses: OPEN_REQUEST, grantedStatuses: GRANTED, today },
      )
      .getMany();
    const { pupils, schools } = await this.people(rows);
    const requests: TlvBoardRequestModel[] = [];
    const expiring: TlvBoardExpiringModel[] = [];
    for (const row of rows) {
      const data = this.audience.caseData(user, row.process, row.data) as TlvBoardData;
      const pupil = pupils.get(row.pupilId) ?? { id: row.pupilId, displayName: '?', className: null, schoolId: row.schoolId, mentorName: null };
      const school = schools.get(row.schoolId) ?? { id: row.schoolId, name: '?', region: '?' };
      const base = { caseId: row.id, pupil, school, status: row.status, statusLabel: statusLabel(row.status) };
      if (OPEN_REQUEST.includes(row.status)) {
        const due = data.term?.dueDate ?? null;
        const daysRemaining = due ? calendarDaysBetween(today, due) : null;
        requests.push({
          ...base,
          submittedOn: data.request?.submittedOn ?? null,
          requestedCategory: categoryLabel(data.request?.requestedCategory),
          missingItems: data.missingItems?.length ?? 0,
          decisionDueDate: due,
          decisionDueExplanation: data.term?.explanation ?? null,
          daysRemaining,
          overdue: daysRemaining !== null && daysRemaining < 0,
          termExtended: data.term?.extended === true,
        });
      } else if (data.decision?.endDate && data.expiry?.reminderDate) {
        expiring.push({
          ...base,
          category: categoryLabel(data.decision.category),
          endDate: data.decision.endDate,
          reminderDate: data.expiry.reminderDate,
          daysUntilEnd: calendarDaysBetween(today, data.decision.endDate),
          herindicatie: data.herindicatie?.decision ?? null,
          herindicatieCaseId: data.herindicatie?.caseId ?? null,
        });
      }
    }
    const started = new Map(rows.map((r) => [r.id, new Date(r.startedAt).getTime()]));
    requests.sort((a, b) => cmp(a.decisionDueDate ?? '9999', b.decisionDueDate ?? '9999') || (started.get(a.caseId) ?? 0) - (started.get(b.caseId) ?? 0) || cmp(a.caseId, b.caseId));
    expiring.sort((a, b) => cmp(a.endDate, b.endDate) || cmp(a.caseId, b.caseId));
    return { today, requests, expiring };
  }

  private async people(rows: CaseSummaryEntity[]): Promise<{ pupils: Map<string, PupilModel>; schools: Map<string, SchoolModel> }> {
    if (!rows.length) return { pupils: new Map(), schools: new Map() };
    const [pupilRows, schoolRows] = await Promise.all([
      this.dataSource.getRepository(PupilEntity).findBy({ id: In([...new Set(rows.map((r) => r.pupilId))]) }),
      this.dataSource.getRepository(SchoolEntity).findBy({ id: In([...new Set(rows.map((r) => r.schoolId))]) }),
    ]);
    return {
      pupils: new Map((await this.pupils.toModels(pupilRows)).map((p) => [p.id, p])),
      schools: new Map(schoolRows.map((s) => [s.id, { id: s.id, name: s.name, region: s.region }])),
    };
  }
}

function categoryLabel(value: string | null | undefined): string | null {
  return value ? (CATEGORY_LABELS.get(value) ?? value) : null;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
