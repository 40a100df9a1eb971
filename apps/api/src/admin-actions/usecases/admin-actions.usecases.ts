import { Inject, Injectable } from '@nestjs/common';
import { Client, type WorkflowHandle } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { AuditTrailRepository, CaseSummaryEntity, DeliveryStatus, NotificationDeliveryEntity, Role, UserEntity } from '@zorgroute/domain';
import { adminCloseCase, adminExtendDueDate, adminReassignStep, adminResendNotification, CLOSED_BY_ADMIN_STATUS, type Actor } from '@zorgroute/workflows';
import type { AuthUser } from '../../auth/auth-user';
import { AppError } from '../../common/app-error';
import { toAppError } from '../../common/temporal-errors';
import { validateOrThrow } from '../../common/validate';
import { effectiveIdempotencyKey, updateIdFor } from '../../idempotency/idempotency-key';
import { stepHandle } from '../../cases/step-handle';
import { CasesService } from '../../cases/cases.service';
import type { CaseSummaryModel } from '../../cases/models/case.model';
import { AdminCloseCaseInput, AdminExtendDueDateInput, AdminReassignStepInput, AdminResendInput } from '../dtos/admin-actions.inputs';

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
    @Inject(Client) private readonly temporal: Client,
    @Inject(CasesService) private readonly cases: CasesService,
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

  async send(user: AuthUser, caseId: string, fn: (h: WorkflowHandle, actor: Actor) => Promise<unknown>): Promise<CaseSummaryModel> {
    try {
      // The request's Idempotency-Key header (if any) becomes the update id: a retried action is applied once.
      const updateId = updateIdFor(user.id, effectiveIdempotencyKey(null));
      await fn(stepHandle(this.temporal.workflow.getHandle(caseId), updateId), { id: user.id, name: user.name });
    } catch (err) {
      throw toAppError(err);
    }
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
    return this.runner.send(user, caseId, (h, actor) => h.executeUpdate(adminExtendDueDate, { args: [{ actor, reason: input.reason.trim(), newDueDate: input.newDueDate }] }));
  }
}

@Injectable()
export class AdminReassignStepUseCase {
  constructor(
    @Inject(AdminActionRunner) private readonly runner: AdminActionRunner,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}
  async execute(user: AuthUser, caseId: string, raw: AdminReassignStepInput): Promise<CaseSummaryModel> {
    this.runner.authorise(user, false);
    const input = validateOrThrow(AdminReassignStepInput, raw);
    const row = await this.runner.openCase(user, caseId);
    const owner = await this.dataSource.getRepository(UserEntity).findOneBy({ id: input.newOwnerId });
    const sameSchool = owner && (owner.role === Role.SWV_MEDEWERKER || owner.schoolId === row.schoolId);
    if (!owner || !sameSchool || !STEP_OWNER_ROLES.includes(owner.role)) {
      throw new AppError('BAD_USER_INPUT', 'Deze medewerker bestaat niet of hoort niet bij de school van deze casus', 'This staff member does not exist or is not at the case’s school');
    }
    return this.runner.send(user, caseId, (h, actor) =>
      h.executeUpdate(adminReassignStep, { args: [{ actor, reason: input.reason.trim(), newOwnerId: owner.id, newOwnerName: owner.name }] }),
    );
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
    return this.runner.send(user, caseId, (h, actor) => h.executeUpdate(adminResendNotification, { args: [{ actor, reason: input.reason.trim(), deliveryKey: input.deliveryKey }] }));
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
      return await this.runner.send(user, caseId, (h, actor) => h.executeUpdate(adminCloseCase, { args: [{ actor, reason: input.reason.trim() }] }));
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

