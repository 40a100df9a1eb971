import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { DataSource, In, IsNull } from 'typeorm';
import { CaseSummaryEntity, ProcessType, SchoolEntity } from '@zorgroute/domain';
import { toIsoDate } from '@zorgroute/domain/logic';
import { zorgplichtApplicationRejection, zorgplichtStartOptions, zorgplichtWorkflow, zorgplichtWorkflowId, type StartZorgplichtInput } from '@zorgroute/workflows';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app.config';

/**
 * Starts a zorgplicht clock (P4) — the one entry point for the GraphQL mutation and for other
 * processes (the PO→VO overdracht, P6, starts the clock for a pupil with support needs).
 *
 * Only the school of first preference holds the zorgplicht: an application at a school that is not
 * the parents' first preference, or for a pupil whose clock already runs at another school, is
 * refused with CONFLICT (`details.reason` NOT_FIRST_PREFERENCE or CLOCK_ALREADY_RUNNING, and the
 * school that holds the zorgplicht); nothing is recorded and no clock starts. The same application
 * registered twice (same pupil and date of receipt) returns the same case.
 */
@Injectable()
export class ZorgplichtStarter {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Client) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Refuses (throws) when this application cannot start a clock; call before creating any records. */
  async check(input: Pick<StartZorgplichtInput, 'schoolId' | 'pupilId' | 'receivedOn' | 'preferenceSchoolIds'>, pupilIsNew = false): Promise<{ existingCaseId: string | null }> {
    const schools = await this.dataSource.getRepository(SchoolEntity).findBy({ id: In([...new Set([input.schoolId, ...input.preferenceSchoolIds])]) });
    if (schools.length !== new Set([input.schoolId, ...input.preferenceSchoolIds]).size) {
      throw new AppError('BAD_USER_INPUT', 'Onbekende school in de voorkeursvolgorde', 'Unknown school in the order of preference');
    }
    const open = pupilIsNew
      ? []
      : await this.dataSource.getRepository(CaseSummaryEntity).findBy({ pupilId: input.pupilId, process: ProcessType.ZORGPLICHT, closedAt: IsNull() });
    const id = zorgplichtWorkflowId(input.pupilId, input.receivedOn);
    const same = open.find((c) => c.id === id && c.schoolId === input.schoolId);
    if (same) return { existingCaseId: same.id };
    const refusal = zorgplichtApplicationRejection({
      schoolId: input.schoolId,
      receivedOn: input.receivedOn,
      preferenceSchoolIds: input.preferenceSchoolIds,
      today: toIsoDate(Date.now()),
      openClocks: open.map((c) => ({ caseId: c.id, schoolId: c.schoolId })),
    });
    if (!refusal) return { existingCaseId: null };
    if (refusal.code === 'BAD_USER_INPUT') throw new AppError('BAD_USER_INPUT', refusal.nl, refusal.en);
    const holder = schools.find((s) => s.id === refusal.zorgplichtSchoolId);
    const nl = holder ? `${refusal.nl} (zorgplicht: ${holder.name})` : refusal.nl;
    throw new AppError('CONFLICT', nl, refusal.en, { reason: refusal.code, zorgplichtSchoolId: refusal.zorgplichtSchoolId ?? null, caseId: refusal.caseId ?? null });
  }

  /** Checks, starts the workflow (or finds the same application) and waits for its read-model row. Returns the case id. */
  async start(input: StartZorgplichtInput, pupilIsNew = false): Promise<string> {
    const { existingCaseId } = await this.check(input, pupilIsNew);
    if (existingCaseId) return existingCaseId;
    const options = zorgplichtStartOptions(input);
    try {
      await this.temporal.workflow.start(zorgplichtWorkflow, {
        ...options,
        taskQueue: this.config.taskQueue,
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) {
        throw new AppError('CONFLICT', 'Deze aanmelding is al eerder geregistreerd en afgesloten', 'This application was already registered and closed', { caseId: options.workflowId });
      }
      throw err;
    }
    await this.waitForReadModel(options.workflowId);
    return options.workflowId;
  }

  /** The workflow writes the read-model row within a moment of starting; wait for it (bounded). */
  private async waitForReadModel(id: string): Promise<void> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      if (await this.dataSource.getRepository(CaseSummaryEntity).existsBy({ id })) return;
      if (Date.now() > deadline) {
        throw new AppError('UNAVAILABLE', 'De aanmelding is geregistreerd maar nog niet zichtbaar; probeer het zo opnieuw', 'The application was registered but is not visible yet; try again shortly', { caseId: id });
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
