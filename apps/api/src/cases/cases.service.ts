import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, type SelectQueryBuilder } from 'typeorm';
import { Audience, AuditEntryEntity, CaseSummaryEntity, PupilEntity, SchoolEntity, UserEntity } from '@zorgroute/domain';
import { toIsoDate } from '@zorgroute/domain/logic';
import { AudiencePolicy } from '../access/audience.policy';
import { DeliveryLogService } from '../notifications/delivery-log.service';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { PupilsService } from '../pupils/pupils.service';
import type { CaseFilterInput } from './dtos/case-filter.input';
import { statusLabel, stepLabel } from './labels';
import { inTimelineOrder } from './timeline-order';
import { textForPeople } from '../common/text-for-people';
import { dueDateStates } from './due-date-state';
import type { CaseDetailModel, CaseSummaryModel, DueDateExplanationModel, ThermometerPointModel } from './models/case.model';

/**
 * The case_summary columns a list row is built from (`toModels`): not the process data (`data`, JSON that PostgreSQL
 * would decompress for every row), nor the participants or the clock (issue 18.4).
 */
export const CASE_LIST_COLUMNS: readonly string[] = [
  'c.id',
  'c.process',
  'c.status',
  'c.schoolId',
  'c.pupilId',
  'c.waitingFor',
  'c.nextDueDate',
  'c.ownerUserId',
  'c.stuck',
  'c.stuckReason',
  'c.startedAt',
  'c.updatedAt',
  'c.closedAt',
  'c.outcome',
  'c.originCaseId',
];

/**
 * `c` (case_summary) joined to its pupil `p` for the audience scope: a LEFT JOIN on the pupil's key, which PostgreSQL
 * drops when the caller's scope does not use the pupil (every role but the mentor), and which filters like an inner
 * join where it does (every case has its pupil; pupils are never deleted).
 */
export function caseQuery(dataSource: DataSource): SelectQueryBuilder<CaseSummaryEntity> {
  return dataSource.getRepository(CaseSummaryEntity).createQueryBuilder('c').leftJoin(PupilEntity, 'p', 'p.id = c.pupil_id');
}

/** Reads cases from the read model, always scoped by the caller's role and audience (AudiencePolicy). */
@Injectable()
export class CasesService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AudiencePolicy) private readonly audience: AudiencePolicy,
    @Inject(PupilsService) private readonly pupils: PupilsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DeliveryLogService) private readonly deliveryLog: DeliveryLogService,
  ) {}

  private scoped(user: AuthUser) {
    return this.audience.scopeCases(caseQuery(this.dataSource), user);
  }

  async list(user: AuthUser, filter: CaseFilterInput = {}): Promise<CaseSummaryModel[]> {
    const qb = this.scoped(user);
    if (!filter.includeClosed) qb.andWhere('c.closed_at IS NULL');
    if (filter.process) qb.andWhere('c.process = :process', { process: filter.process });
    if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
    if (filter.schoolId) qb.andWhere('c.school_id = :schoolId', { schoolId: filter.schoolId });
    if (filter.stuck != null) qb.andWhere('c.stuck = :stuck', { stuck: filter.stuck });
    if (filter.dueBefore) qb.andWhere('c.next_due_date <= :dueBefore', { dueBefore: filter.dueBefore });
    if (filter.overdue) qb.andWhere('c.next_due_date < :today', { today: toIsoDate(Date.now()) });
    // Only the columns the rows need, in the order of IDX_case_summary_open_list / …_open_school_list (open cases; the
    // id breaks ties, so the answer is the same on every call): a top-N read of an index, not a sort of every open row.
    const rows = await qb
      .select([...CASE_LIST_COLUMNS])
      .orderBy('c.next_due_date', 'ASC', 'NULLS LAST')
      .addOrderBy('c.started_at', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .limit(1000)
      .getMany();
    return this.toModels(rows);
  }

  /** Every case of one pupil the caller may see (closed ones too), newest first: the pupil page. */
  async forPupil(user: AuthUser, pupilId: string): Promise<CaseSummaryModel[]> {
    const rows = await this.scoped(user).andWhere('c.pupil_id = :pupilId', { pupilId }).orderBy('c.started_at', 'DESC').addOrderBy('c.id', 'ASC').limit(200).getMany();
    return this.toModels(rows);
  }

  /** One case the caller may see; NOT_FOUND otherwise (no hint whether it exists, nor whether it is kept from him). */
  async getVisible(user: AuthUser, id: string): Promise<CaseSummaryEntity> {
    const row = await this.scoped(user).andWhere('c.id = :id', { id }).getOne();
    if (!row) throw AppError.notFound('Casus', 'Case');
    return row;
  }

  async summary(user: AuthUser, id: string): Promise<CaseSummaryModel> {
    const [model] = await this.toModels([await this.getVisible(user, id)]);
    return model;
  }

  async detail(user: AuthUser, id: string): Promise<CaseDetailModel> {
    const row = await this.getVisible(user, id);
    const [summary] = await this.toModels([row]);
    // By time, then by the case's seq (activities may complete out of order), then insertion: see timeline-order.ts.
    const audit = inTimelineOrder(await this.dataSource.getRepository(AuditEntryEntity).find({ where: { caseId: id }, order: { id: 'ASC' } }));
    // Only the caller's share of the process data (libs/domain/src/audience/case-data-audience.ts).
    const data = this.audience.caseData(user, row.process, row.data) as {
      dueDates?: Omit<DueDateExplanationModel, 'label' | 'state'>[];
      openSteps?: string[];
      goal?: string | null;
      coachName?: string | null;
      sessions?: ThermometerPointModel[];
    };
    const openSteps = row.closedAt ? [] : (data.openSteps ?? []);
    return {
      summary,
      policyVersion: row.policyVersion,
      // The audit trail, with the case's e-mail deliveries merged in by time (a stable sort: the audit entries of one
      // instant keep their sequence): the caller's share of it.
      timeline: this.audience.timeline(
        user,
        row.process,
        [
          ...audit.map((a) => ({ id: a.id, at: a.at, kind: a.action, actorName: a.actorName, description: textForPeople(a.description), reason: a.reason })),
          ...(await this.deliveryLog.timelineFor(user, id)),
        ].sort((a, b) => a.at.getTime() - b.at.getTime()),
      ),
      hiddenFromParents: this.audience.audienceOf(user) === Audience.SCHOOL ? row.hiddenFromParents : null,
      // In words for people, each with its state: a deadline that was met or replaced shows no countdown.
      dueDates: dueDateStates(row, data.dueDates ?? []).map(({ due, state }) => ({ ...due, explanation: textForPeople(due.explanation), label: stepLabel(due.step) ?? due.step, state })),
      openSteps,
      openStepLabels: openSteps.map((step) => stepLabel(step) ?? step),
      goal: data.goal ?? null,
      coachName: data.coachName ?? null,
      sessions: (data.sessions ?? []).map((s) => ({ date: s.date, attended: s.attended, thermometer: s.thermometer ?? null })),
    };
  }

  async toModels(rows: CaseSummaryEntity[]): Promise<CaseSummaryModel[]> {
    if (!rows.length) return [];
    const pupilIds = [...new Set(rows.map((r) => r.pupilId))];
    const schoolIds = [...new Set(rows.map((r) => r.schoolId))];
    const ownerIds = [...new Set(rows.map((r) => r.ownerUserId).filter((x): x is string => !!x))];
    const [pupils, schools, owners] = await Promise.all([
      this.dataSource.getRepository(PupilEntity).findBy({ id: In(pupilIds) }),
      this.dataSource.getRepository(SchoolEntity).findBy({ id: In(schoolIds) }),
      ownerIds.length ? this.dataSource.getRepository(UserEntity).findBy({ id: In(ownerIds) }) : Promise.resolve([]),
    ]);
    const pupilModels = new Map((await this.pupils.toModels(pupils)).map((p) => [p.id, p]));
    const schoolMap = new Map(schools.map((s) => [s.id, { id: s.id, name: s.name, region: s.region }]));
    const ownerMap = new Map(owners.map((o) => [o.id, o.name]));
    const ui = this.config.temporalUiUrl.replace(/\/$/, '');
    return rows.map((r) => ({
      id: r.id,
      process: r.process,
      status: r.status,
      statusLabel: statusLabel(r.status),
      pupil: pupilModels.get(r.pupilId) ?? { id: r.pupilId, displayName: '?', className: null, schoolId: r.schoolId, mentorName: null },
      school: schoolMap.get(r.schoolId) ?? { id: r.schoolId, name: '?', region: '?' },
      waitingFor: r.waitingFor,
      waitingForLabel: stepLabel(r.waitingFor),
      nextDueDate: r.nextDueDate,
      ownerName: r.ownerUserId ? (ownerMap.get(r.ownerUserId) ?? null) : null,
      stuck: r.stuck,
      stuckReason: textForPeople(r.stuckReason),
      startedAt: r.startedAt,
      updatedAt: r.updatedAt,
      closedAt: r.closedAt,
      outcome: r.outcome,
      originCaseId: r.originCaseId,
      temporalUrl: `${ui}/namespaces/${encodeURIComponent(this.config.namespace)}/workflows/${encodeURIComponent(r.id)}`,
    }));
  }
}
