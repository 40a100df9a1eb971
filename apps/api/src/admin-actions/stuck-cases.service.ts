import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AuditEntryEntity, type CaseSummaryEntity, Role } from '@zorgroute/domain';
import { mailKindLabel, MAIL_FAILING_PREFIX, type MailFailure } from '@zorgroute/workflows';
import { AudiencePolicy } from '../access/audience.policy';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import { CASE_LIST_COLUMNS, caseQuery, CasesService } from '../cases/cases.service';
import { stepLabel } from '../cases/labels';
import { inTimelineOrder } from '../cases/timeline-order';
import { TemporalGateway } from '../temporal/temporal.gateway';
import type { StuckCaseModel } from './models/stuck-case.model';

/** Open cases checked against Temporal per query, at most (the oldest updated first are the likeliest blocked). */
const MAX_TEMPORAL_CHECKS = 200;
const TEMPORAL_CHECK_TIMEOUT_MS = 2000;
const TEMPORAL_CHECK_CONCURRENCY = 8;
/** A workflow task waiting this long on a task queue without pollers: no worker runs the case. */
const NO_WORKER_AFTER_MS = 60_000;
const HISTORY_ENTRIES = 20;
/** Stuck cases listed at most (the oldest updated first). */
const MAX_LISTED = 2000;
/** SQL: the case is marked stuck with a reason (by its workflow, in the read model). */
const MARKED_STUCK = `(c.stuck AND COALESCE(c.stuck_reason, '') <> '')`;
const STUCK_ACTIONS = ['CASE_STUCK', 'MAIL_FAILING', 'CONSENT_TIMED_OUT', 'CONSENT_TIMEOUT'];

export const WORKFLOW_BLOCKED = 'WORKFLOW_BLOCKED';

interface Blocked {
  lastError: string | null;
  since: Date | null;
}

/** Who may act on stuck cases: an admin (all schools), a zorgcoördinator (his own school). */
export function mayManageStuckCases(user: AuthUser): boolean {
  return user.role === Role.ADMIN || user.role === Role.ZORGCOORDINATOR;
}

/**
 * The stuck cases of rule 6: (a) overdue steps, (b) failing e-mail and (d) consent timeouts as the workflows record them
 * in the read model, and (c) cases whose workflow cannot progress, asked from Temporal for the listed open cases only
 * (bounded in number and time): a workflow task failing again and again, or waiting on a task queue no worker polls.
 */
@Injectable()
export class StuckCasesService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AudiencePolicy) private readonly audience: AudiencePolicy,
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(TemporalGateway) private readonly temporal: TemporalGateway,
  ) {}

  async list(user: AuthUser, schoolId?: string | null): Promise<StuckCaseModel[]> {
    if (!mayManageStuckCases(user)) throw AppError.forbidden();
    // The caller's open cases, each read with the list's columns only (no process data but the mail failures of a
    // stuck case), oldest update first; which are stuck is decided here in SQL, not per row in Node (issue 18.4).
    const open = () => {
      const qb = this.audience.scopeCases(caseQuery(this.dataSource), user).select([...CASE_LIST_COLUMNS]).andWhere('c.closed_at IS NULL');
      if (schoolId) qb.andWhere('c.school_id = :schoolId', { schoolId });
      return qb.orderBy('c.updated_at', 'ASC').addOrderBy('c.id', 'ASC');
    };
    const { entities: stuck, raw: stuckRaw } = await open()
      .addSelect(`c.data -> 'mailFailures'`, 'mail_failures')
      .andWhere(`${MARKED_STUCK}`)
      .limit(MAX_LISTED)
      .getRawAndEntities<{ c_id: string; mail_failures: MailFailure[] | null }>();
    const mailFailures = new Map(stuckRaw.map((r) => [r.c_id, r.mail_failures ?? []]));
    const candidates = await open().andWhere(`NOT ${MARKED_STUCK}`).limit(MAX_TEMPORAL_CHECKS).getMany();
    const blocked = await this.blockedWorkflows(candidates);
    const rows = [...stuck, ...candidates.filter((r) => blocked.has(r.id))];
    if (!rows.length) return [];

    const summaries = new Map((await this.cases.toModels(rows)).map((m) => [m.id, m]));
    const audit = inTimelineOrder(await this.dataSource.getRepository(AuditEntryEntity).find({ where: { caseId: In(rows.map((r) => r.id)) }, order: { id: 'ASC' } }));
    const byCase = new Map<string, AuditEntryEntity[]>();
    for (const a of audit) byCase.set(a.caseId as string, [...(byCase.get(a.caseId as string) ?? []), a]);

    return rows.map((r) => {
      const entries = byCase.get(r.id) ?? [];
      const block = blocked.get(r.id);
      const reason = block ? WORKFLOW_BLOCKED : (r.stuckReason as string);
      const failures = mailFailures.get(r.id) ?? [];
      const lastStuck = [...entries].reverse().find((a) => STUCK_ACTIONS.includes(a.action));
      return {
        summary: summaries.get(r.id) as StuckCaseModel['summary'],
        reason,
        reasonLabel: reasonLabel(reason),
        since: block ? block.since : (lastStuck?.at ?? (failures[0] ? new Date(failures[0].since) : r.updatedAt)),
        lastError: block ? block.lastError : reason.startsWith(MAIL_FAILING_PREFIX) ? (failures[0]?.lastError ?? null) : null,
        history: entries.slice(-HISTORY_ENTRIES).map((a) => ({ id: a.id, at: a.at, kind: a.action, actorName: a.actorName, description: a.description, reason: a.reason })),
      };
    });
  }

  /** Asks Temporal about each case (bounded); a case it cannot answer for in time is left out, not reported. */
  private async blockedWorkflows(rows: CaseSummaryEntity[]): Promise<Map<string, Blocked>> {
    const result = new Map<string, Blocked>();
    const pollers = new Map<string, Promise<boolean>>();
    const hasPollers = (taskQueue: string) => {
      if (!pollers.has(taskQueue)) {
        pollers.set(
          taskQueue,
          withTimeout(this.temporal.workflowPollers(taskQueue).then((pollers) => (pollers?.length ?? 0) > 0)).then((polled) => polled ?? true),
        );
      }
      return pollers.get(taskQueue) as Promise<boolean>;
    };
    const check = async (row: CaseSummaryEntity) => {
      const d = await withTimeout(this.temporal.describe(row.id)).catch(() => null);
      const task = d?.raw.pendingWorkflowTask;
      if (!d || !task || d.status.name !== 'RUNNING') return;
      const attempts = task.attempt ?? 1;
      const scheduled = task.scheduledTime?.seconds ? new Date(Number(task.scheduledTime.seconds) * 1000) : null;
      if (attempts > 1) {
        result.set(row.id, { since: scheduled, lastError: await this.lastTaskFailure(row.id) });
      } else if (scheduled && Date.now() - scheduled.getTime() > NO_WORKER_AFTER_MS && !(await hasPollers(d.taskQueue))) {
        result.set(row.id, { since: scheduled, lastError: `Geen worker actief op taakwachtrij ${d.taskQueue}` });
      }
    };
    for (let i = 0; i < rows.length; i += TEMPORAL_CHECK_CONCURRENCY) {
      await Promise.all(rows.slice(i, i + TEMPORAL_CHECK_CONCURRENCY).map((r) => check(r).catch(() => undefined)));
    }
    return result;
  }

  private async lastTaskFailure(caseId: string): Promise<string | null> {
    const history = await withTimeout(this.temporal.fetchHistory(caseId)).catch(() => null);
    const failed = [...(history?.events ?? [])].reverse().find((e) => e.workflowTaskFailedEventAttributes);
    const message = failed?.workflowTaskFailedEventAttributes?.failure?.message ?? null;
    return message ? message.slice(0, 500) : null;
  }
}

function withTimeout<T>(p: Promise<T>, ms = TEMPORAL_CHECK_TIMEOUT_MS): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** The reason of a stuck case in Dutch. */
export function reasonLabel(reason: string): string {
  const [kind, detail = ''] = reason.split(/:(.*)/s);
  switch (kind) {
    case 'OVERDUE':
      return `Stap te laat: ${stepLabel(detail) ?? detail}`;
    case 'MAIL_FAILING':
      return `E-mail kan niet worden verstuurd: ${mailKindLabel(detail)}`;
    case 'CONSENT_TIMEOUT':
      return `Geen toestemming binnen de termijn${detail ? ` (${detail})` : ''}`;
    case WORKFLOW_BLOCKED:
      return 'Het proces kan niet verder (technische storing)';
    default:
      return reason;
  }
}
