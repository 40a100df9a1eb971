import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UserEntity, WorkListEntity } from '@zorgroute/domain';
import { toIsoDate } from '@zorgroute/domain/logic';
import { AudiencePolicy } from '../access/audience.policy';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import { isUuid } from '@zorgroute/domain';
import { validateOrThrow } from '../common/validate';
import { CASE_LIST_COLUMNS, caseQuery, CasesService } from '../cases/cases.service';
import { SaveWorkListInput, WorkListFilterInput } from './dtos/work-list.inputs';
import type { WorkListFilterModel, WorkListItemModel, WorkListModel } from './models/work-list.model';
import { BUILT_IN_WORK_LISTS, filterConditions, ownerUnavailableSql, WORK_LIST_ROLES, type WorkListFilter } from './work-list-filter';

/** At most this many saved lists per user, and this many open steps per list answer. */
const MAX_LISTS = 30;
const MAX_ITEMS = 500;

function filterModel(f: WorkListFilter): WorkListFilterModel {
  return {
    mine: f.mine ?? null,
    ownerId: f.ownerId ?? null,
    ownerUnavailable: f.ownerUnavailable ?? null,
    overdue: f.overdue ?? null,
    lateThisWeek: f.lateThisWeek ?? null,
    process: f.process ?? null,
    pupilLeft: f.pupilLeft ?? null,
    stuck: f.stuck ?? null,
  };
}

/**
 * Work lists (issue 17): the built-in lists and the caller's saved filters, each with its count, and the open steps a
 * filter finds. Every read goes through AudiencePolicy.scopeCases, so a list never shows more than the dashboard.
 */
@Injectable()
export class WorkListsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AudiencePolicy) private readonly audience: AudiencePolicy,
    @Inject(CasesService) private readonly cases: CasesService,
  ) {}

  requireUser(user: AuthUser): void {
    if (!WORK_LIST_ROLES.includes(user.role)) throw AppError.forbidden();
  }

  private query(user: AuthUser, filter: WorkListFilter, now = Date.now()) {
    // LEFT JOINs on the pupil's and the owner's keys: PostgreSQL drops each where neither the scope nor the filter uses
    // it (every case has its pupil, so the pupil's join filters nothing away).
    const qb = caseQuery(this.dataSource).leftJoin(UserEntity, 'u', 'u.id = c.owner_user_id');
    this.audience.scopeCases(qb, user);
    const { sql, params } = filterConditions(filter, { userId: user.id, today: toIsoDate(now) });
    for (const s of sql) qb.andWhere(s);
    return qb.setParameters({ ...qb.getParameters(), ...params });
  }

  async lists(user: AuthUser): Promise<WorkListModel[]> {
    this.requireUser(user);
    const saved = await this.dataSource.getRepository(WorkListEntity).find({ where: { userId: user.id }, order: { name: 'ASC' }, take: MAX_LISTS });
    const all = [
      ...BUILT_IN_WORK_LISTS.map((b) => ({ id: b.id, name: b.name, description: b.description, builtIn: true, filter: b.filter })),
      ...saved.map((s) => ({ id: s.id, name: s.name, description: null, builtIn: false, filter: s.filter as WorkListFilter })),
    ];
    return Promise.all(all.map(async (l) => ({ ...l, filter: filterModel(l.filter), count: await this.count(user, l.filter) })));
  }

  /** The number of open steps a filter finds: COUNT(*) (the joins are on keys, so no row is counted twice). */
  private async count(user: AuthUser, filter: WorkListFilter): Promise<number> {
    const row = await this.query(user, filter).select('COUNT(*)', 'n').getRawOne<{ n: string }>();
    return Number(row?.n ?? 0);
  }

  async items(user: AuthUser, raw: WorkListFilterInput): Promise<WorkListItemModel[]> {
    this.requireUser(user);
    const filter = validateOrThrow(WorkListFilterInput, raw ?? {});
    const qb = this.query(user, filter).select([...CASE_LIST_COLUMNS]).addSelect(ownerUnavailableSql(), 'owner_unavailable').orderBy('c.next_due_date', 'ASC', 'NULLS LAST').addOrderBy('c.id').limit(MAX_ITEMS);
    const { entities: rows, raw: rawRows } = await qb.getRawAndEntities<{ c_id: string; owner_unavailable: boolean }>();
    const unavailable = new Set(rawRows.filter((r) => r.owner_unavailable === true).map((r) => r.c_id));
    const models = await this.cases.toModels(rows);
    return rows.map((r, i) => ({ case: models[i], ownerId: r.ownerUserId, ownerUnavailable: unavailable.has(r.id) }));
  }

  async save(user: AuthUser, raw: SaveWorkListInput): Promise<WorkListModel> {
    this.requireUser(user);
    const input = validateOrThrow(SaveWorkListInput, raw);
    const name = input.name.trim();
    if (BUILT_IN_WORK_LISTS.some((b) => b.name.toLowerCase() === name.toLowerCase())) {
      throw new AppError('BAD_USER_INPUT', `De naam "${name}" is die van een vaste werklijst; kies een andere naam`, `"${name}" is the name of a built-in work list`);
    }
    const filter = Object.fromEntries(Object.entries(input.filter).filter(([, v]) => v !== null && v !== undefined && v !== false)) as WorkListFilter;
    if (!Object.keys(filter).length) throw new AppError('BAD_USER_INPUT', 'Kies ten minste één voorwaarde voor de werklijst', 'A work list needs at least one condition');
    const repo = this.dataSource.getRepository(WorkListEntity);
    const existing = await repo.findOneBy({ userId: user.id, name });
    if (!existing && (await repo.countBy({ userId: user.id })) >= MAX_LISTS) {
      throw new AppError('BAD_USER_INPUT', `U kunt hoogstens ${MAX_LISTS} werklijsten bewaren`, `At most ${MAX_LISTS} work lists per user`);
    }
    const stored = filter as Record<string, unknown>;
    const row: WorkListEntity = existing ? await repo.save({ ...existing, filter: stored }) : await repo.save(repo.create({ userId: user.id, name, filter: stored, createdAt: new Date() }));
    return { id: row.id, name: row.name, description: null, builtIn: false, filter: filterModel(filter), count: await this.count(user, filter) };
  }

  /** Deletes one of the caller's own saved lists; false when he has none with this id. */
  async remove(user: AuthUser, id: string): Promise<boolean> {
    this.requireUser(user);
    if (BUILT_IN_WORK_LISTS.some((b) => b.id === id)) throw new AppError('BAD_USER_INPUT', 'Een vaste werklijst kan niet worden verwijderd', 'A built-in work list cannot be deleted');
    if (!isUuid(id)) throw new AppError('BAD_USER_INPUT', 'Ongeldige invoer: id moet een geldige id zijn', 'Invalid input: id must be a valid id');
    const res = await this.dataSource.getRepository(WorkListEntity).delete({ id, userId: user.id });
    return (res.affected ?? 0) > 0;
  }
}
