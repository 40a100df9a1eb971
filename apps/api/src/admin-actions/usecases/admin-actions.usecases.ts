import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditTrailRepository, CaseSummaryEntity, DeliveryStatus, NotificationDeliveryEntity, Role, UserEntity } from '@zorgroute/domain';
import { adminCloseCase, adminExtendDueDate, adminReassignStep, adminResendNotification, CLOSED_BY_ADMIN_STATUS, type Actor } from '@zorgroute/workflows';
import type { AuthUser } from '../../auth/auth-user';
import { AppError } from '../../common/app-error';
import { toAppError } from '../../common/temporal-errors';
import { validateOrThrow } from '../../common/validate';
import { effectiveIdempotencyKey, updateIdFor } from '../../idempotency/idempotency-key';
import { TemporalGateway, type CaseUpdateSender } from '../../temporal/temporal.gateway';
import { CasesService } from '../../cases/cases.service';
import type { CaseSummaryModel } from '../../cases/models/case.model';
import { AdminCloseCaseInput, AdminExtendDueDateInput, AdminReassignStepInput, AdminResendInput, ReassignOpenStepsInput } from '../dtos/admin-actions.inputs';
import type { ReassignedStepModel, ReassignOpenStepsResultModel } from '../models/bulk-reassign.model';

/** Staff who may own a human step. */
const STEP_OWNER_ROLES: string[] = [Role.ZORGCOORDINATOR, Role.TEAMLEIDER, Role.MENTOR, Role.COACH, Role.JOS_MEDEWERKER, Role.SWV_MEDEWERKER];

/**
 * The shared path of the admin actions (rule 6): an ADMIN may act on every case, a ZORGCOORDINATOR on the cases of his
 * own school (closing is ADMIN-only); every other role gets FORBIDDEN before anything is read. Bad input → BAD_USER_INPUT,
 * nothing written. The workflow's admin update records the change with the admin as actor and the reason (audit).
 */
@Injectable()
export class AdminActionRunner {
  constructor(
    @Inject(TemporalGateway) private readonly temporal: TemporalGateway,
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  authorise(user: AuthUser, adminOnly: boolean): void {
    if (user.role === Role.ADMIN) return;
    if (!adminOnly && user.role === Role.ZORGCOORDINATOR) return;
    throw adminOnly
      ? new AppError('FORBIDDEN', 'Alleen een beheerder kan een casus sluiten', 'Only an admin can close a case')
      : new AppError('FORBIDDEN', 'Alleen een beheerder of de zorgcoördinator van de school kan dit doen', 'Only an admin or the school’s zorgcoördinator can do this');
  }

  /** The case as the caller sees it (NOT_FOUND outside his school), open. */
  async openCase(user: AuthUser, caseId: string): Promise<CaseSummaryEntity> {
    const row = await this.cases.getVisible(user, caseId);
    if (row.closedAt) throw new AppError('CASE_CLOSED', 'Deze casus is al afgesloten', 'This case is already closed');
    return row;
  }

  /**
   * The case for a reassignment: as openCase, and for a school admin (who sees no case: no audience) a case of his own
   * school, NOT_FOUND otherwise. He learns no more of it than the organisation screen's open steps to reassign show.
   */
  async openCaseToReassign(user: AuthUser, caseId: string): Promise<CaseSummaryEntity> {
    if (user.role !== Role.SCHOOL_ADMIN) return this.openCase(user, caseId);
    const row = await this.dataSource.getRepository(CaseSummaryEntity).findOneBy({ id: caseId });
    if (!row || !user.schoolId || row.schoolId !== user.schoolId) throw AppError.notFound('Casus', 'Case');
    if (row.closedAt) throw new AppError('CASE_CLOSED', 'Deze casus is al afgesloten', 'This case is already closed');
    return row;
  }

  /** Sends the workflow's admin update (the workflow records it with the actor and the reason: audit). */
  async update(user: AuthUser, caseId: string, fn: (send: CaseUpdateSender, actor: Actor) => Promise<unknown>): Promise<void> {
    try {
      // The request's Idempotency-Key header (if any) becomes the update id: a retried action is applied once.
      const updateId = updateIdFor(user.id, effectiveIdempotencyKey(null));
      await fn(this.temporal.sender(caseId, { updateId }), { id: user.id, name: user.name });
    } catch (err) {
      throw toAppError(err);
    }
  }

  async send(user: AuthUser, caseId: string, fn: (send: CaseUpdateSender, actor: Actor) => Promise<unknown>): Promise<CaseSummaryModel> {
    await this.update(user, caseId, fn);
    return this.cases.summary(user, caseId);
  }
}

@Injectable()
export class AdminExtendDueDateUseCase {
  constructor(@Inject(AdminActionRunner) private readonly runner: AdminActionRunner) {}
  async execute(user: AuthUser, caseId: string, raw: AdminExtendDueDateInput): Promise<CaseSummaryModel> {
    this.runner.authorise(user, false);
    const input = validateOrThrow(AdminExtendDueDateInput, raw);
    await this.runner.openCase(user, caseId);
    return this.runner.send(user, caseId, (send, actor) => send(adminExtendDueDate, { actor, reason: input.reason.trim(), newDueDate: input.newDueDate }));
  }
}

@Injectable()
export class AdminReassignStepUseCase {
  constructor(
    @Inject(AdminActionRunner) private readonly runner: AdminActionRunner,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CasesService) private readonly cases: CasesService,
  ) {}
  async execute(user: AuthUser, caseId: string, raw: AdminReassignStepInput): Promise<CaseSummaryModel> {
    this.runner.authorise(user, false);
    const input = validateOrThrow(AdminReassignStepInput, raw);
    const owner = await this.newOwner(input.newOwnerId);
    await this.reassign(user, caseId, owner, input.reason);
    return this.cases.summary(user, caseId);
  }

  /** The new owner: an active staff member who may own a step; BAD_USER_INPUT otherwise (nothing written). */
  async newOwner(id: string): Promise<UserEntity> {
    const owner = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    if (!owner || !STEP_OWNER_ROLES.includes(owner.role)) throw NOT_AN_OWNER();
    if (!owner.active) {
      throw new AppError('BAD_USER_INPUT', 'Deze medewerker is gedeactiveerd en kan geen stappen meer krijgen', 'This staff member is deactivated and cannot be given steps');
    }
    return owner;
  }

  /**
   * One case's reassignment, the path of both the single action and the bulk one: the case as the caller may act on it,
   * an owner of its school (or the SWV), then the workflow's own admin update, which writes the audit entry with the
   * reason. Callers are authorised before (`authorise`, or the bulk use case's own rule).
   */
  async reassign(user: AuthUser, caseId: string, owner: UserEntity, reason: string): Promise<void> {
    const row = await this.runner.openCaseToReassign(user, caseId);
    if (owner.role !== Role.SWV_MEDEWERKER && owner.schoolId !== row.schoolId) throw NOT_AN_OWNER();
    await this.runner.update(user, caseId, (send, actor) =>
      send(adminReassignStep, { actor, reason: reason.trim(), newOwnerId: owner.id, newOwnerName: owner.name }),
    );
  }
}

const NOT_AN_OWNER = () => new AppError('BAD_USER_INPUT', 'Deze medewerker bestaat niet of hoort niet bij de school van deze casus', 'This staff member does not exist or is not at the case’s school');

/** Roles that may reassign open steps in bulk: the admin, the zorgcoördinator and the school admin of the case's school. */
const BULK_REASSIGN_ROLES: readonly string[] = [Role.ADMIN, Role.ZORGCOORDINATOR, Role.SCHOOL_ADMIN];
/** Cases reassigned at the same time (each is one workflow update that waits for its read-model write). */
const BULK_CONCURRENCY = 4;

/**
 * Reassigns the open steps of several cases to one new owner with one reason (issue 17, issue 13 item 3: the steps of
 * someone who left). Each case goes through `AdminReassignStepUseCase.reassign`, so each is checked, updated by its own
 * workflow and audited on its own with the reason; a case that fails (closed, not visible, no open step, already
 * that owner's) is reported with its code and the others still move. Bad input is refused before anything moves.
 */
@Injectable()
export class ReassignOpenStepsUseCase {
  constructor(@Inject(AdminReassignStepUseCase) private readonly single: AdminReassignStepUseCase) {}

  async execute(user: AuthUser, raw: ReassignOpenStepsInput): Promise<ReassignOpenStepsResultModel> {
    if (!BULK_REASSIGN_ROLES.includes(user.role)) throw AppError.forbidden();
    const input = validateOrThrow(ReassignOpenStepsInput, raw);
    const owner = await this.single.newOwner(input.newOwnerId);
    if (user.role !== Role.ADMIN && owner.role !== Role.SWV_MEDEWERKER && owner.schoolId !== user.schoolId) throw NOT_AN_OWNER();
    const results: ReassignedStepModel[] = new Array(input.caseIds.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < input.caseIds.length) {
        const i = next++;
        const caseId = input.caseIds[i];
        try {
          await this.single.reassign(user, caseId, owner, input.reason);
          results[i] = { caseId, ok: true, code: null, message: null, messageEn: null };
        } catch (err) {
          if (err instanceof AppError) {
            const ext = err.extensions as { code?: string; messageEn?: string };
            results[i] = { caseId, ok: false, code: ext.code ?? 'INTERNAL_SERVER_ERROR', message: err.message, messageEn: ext.messageEn ?? null };
          } else {
            // Temporal unreachable or a timeout: this case is reported, the others go on (nothing of the error leaks).
            results[i] = { caseId, ok: false, code: 'UNAVAILABLE', message: 'Deze casus kon nu niet worden overgedragen; probeer het later opnieuw', messageEn: 'This case could not be reassigned now; try again later' };
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(BULK_CONCURRENCY, input.caseIds.length) }, worker));
    const reassigned = results.filter((r) => r.ok).length;
    return { reassigned, failed: results.length - reassigned, results };
  }
}

@Injectable()
export class AdminResendNotificationUseCase {
  constructor(
    @Inject(AdminActionRunner) private readonly runner: AdminActionRunner,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}
  async execute(user: AuthUser, caseId: string, raw: AdminResendInput): Promise<CaseSummaryModel> {
    this.runner.authorise(user, false);
    const input = validateOrThrow(AdminResendInput, raw);
    await this.runner.openCase(user, caseId);
    const delivery = await this.dataSource.getRepository(NotificationDeliveryEntity).findOneBy({ key: input.deliveryKey, caseId });
    if (!delivery) throw AppError.notFound('Bericht van deze casus', 'Message of this case');
    const sent = delivery.status === DeliveryStatus.SENT || delivery.status === DeliveryStatus.DIGESTED;
    if (sent && !input.force) {
      throw new AppError('CONFLICT', 'Dit bericht is al verstuurd; kies "toch opnieuw versturen" om het nogmaals te sturen', 'This message was sent; pass force to send it again');
    }
    return this.runner.send(user, caseId, (send, actor) => send(adminResendNotification, { actor, reason: input.reason.trim(), deliveryKey: input.deliveryKey }));
  }
}

@Injectable()
export class AdminCloseCaseUseCase {
  constructor(
    @Inject(AdminActionRunner) private readonly runner: AdminActionRunner,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}
  async execute(user: AuthUser, caseId: string, raw: AdminCloseCaseInput): Promise<CaseSummaryModel> {
    this.runner.authorise(user, true);
    const input = validateOrThrow(AdminCloseCaseInput, raw);
    const row = await this.runner.openCase(user, caseId);
    try {
      return await this.runner.send(user, caseId, (send, actor) => send(adminCloseCase, { actor, reason: input.reason.trim() }));
    } catch (err) {
      // The workflow is gone (terminated, or its history lost): close the read-model row here, audited by the api.
      if (!(err instanceof AppError) || err.extensions.code !== 'CASE_CLOSED' || !(await this.workflowGone(caseId))) throw err;
      await this.closeWithoutWorkflow(user, row, input.reason.trim());
      return this.runner.send(user, caseId, async () => undefined);
    }
  }

  private async workflowGone(caseId: string): Promise<boolean> {
    const row = await this.dataSource.getRepository(CaseSummaryEntity).findOneBy({ id: caseId });
    return !!row && row.closedAt === null;
  }

  private async closeWithoutWorkflow(user: AuthUser, row: CaseSummaryEntity, reason: string): Promise<void> {
    const now = new Date();
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(CaseSummaryEntity).update(
        { id: row.id, seq: row.seq },
        { status: CLOSED_BY_ADMIN_STATUS, outcome: CLOSED_BY_ADMIN_STATUS, closedAt: now, updatedAt: now, waitingFor: null, nextDueDate: null, stuck: false, stuckReason: null, seq: row.seq + 1 },
      );
      await new AuditTrailRepository(this.dataSource).append(
        {
          eventKey: `${row.id}:${row.seq + 1}:ADMIN_CASE_CLOSED`,
          caseId: row.id,
          at: now.toISOString(),
          actorId: user.id,
          actorName: user.name,
          action: 'ADMIN_CASE_CLOSED',
          description: 'Casus gesloten door beheer (het proces liep niet meer)',
          details: { withoutWorkflow: true },
          reason,
        },
        m,
      );
    });
  }
}

