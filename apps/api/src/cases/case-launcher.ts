import { Inject, Injectable, Logger } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, type WorkflowHandle, type WorkflowStartOptions } from '@temporalio/client';
import type { SearchAttributePair, Workflow } from '@temporalio/common';
import { DataSource } from 'typeorm';
import { CaseSummaryEntity } from '@zorgroute/domain';
import { AppError } from '../common/app-error';
import { workflowFailureToAppError } from '../common/temporal-errors';
import { TemporalGateway } from '../temporal/temporal.gateway';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { CaseProgressListener, type CaseProgressWatch } from './case-progress.listener';

/** How a case is named in the answers of its start. */
export interface CaseNames {
  /** Dutch and English name of the case, e.g. "JOS-casus" / "JOS case". */
  nameNl: string;
  nameEn: string;
  /** The Dutch article of `nameNl`: "het" for a neuter noun (het ondersteuningstraject), else "de" (de JOS-casus). */
  articleNl: 'de' | 'het';
  /** Message when the key was used by a case that is closed now (default: "with this key … already started and closed"). */
  alreadyClosed?: { nl: string; en: string };
  /** What starting it is called (default "gestart" / "started"; an aanmelding is "geregistreerd"). */
  startedVerb?: { nl: string; en: string };
}

/** "Het ondersteuningstraject", "De JOS-casus": the case's name with its article, at the start of a sentence. */
export function theCaseNl(names: Pick<CaseNames, 'nameNl' | 'articleNl'>): string {
  return `${names.articleNl === 'het' ? 'Het' : 'De'} ${names.nameNl}`;
}

/** "een lopend ondersteuningstraject", "een lopende JOS-casus". */
export function aRunningCaseNl(names: Pick<CaseNames, 'nameNl' | 'articleNl'>): string {
  return `een ${names.articleNl === 'het' ? 'lopend' : 'lopende'} ${names.nameNl}`;
}

/** What a case's workflow is started with (the task queue and the id policies are the launcher's). */
export interface LaunchOptions<W extends Workflow> {
  workflow: W;
  workflowId: string;
  args: Parameters<W>;
  typedSearchAttributes: SearchAttributePair[];
}

/** How long a start waits for its case to show its first step (or, without a row, before it answers UNAVAILABLE). */
export const START_ANSWER_WAIT_MS = 15_000;
/** How often the wait asks Temporal whether the workflow has ended (e.g. failed on its own validation). */
const STATUS_CHECK_MS = 250;
/** How often the row is read again without a notification: while notifications arrive, and while they do not. */
const READ_AGAIN_LISTENING_MS = 1_000;
const READ_AGAIN_UNHEARD_MS = 100;

/**
 * Starts the workflow of a case and answers once the case has moved on to its first step — the shared tail of every
 * start (CaseStarter for P1, P2, P3, P5, P6; ZorgplichtStarter for P4):
 * - the workflow id is a business key with conflict policy "use existing" (a double click or a retried request joins
 *   the same case) and reuse policy "allow duplicate failed only": a key whose earlier run completed is refused with
 *   CONFLICT, but a run that failed (or was terminated, cancelled, timed out) never blocks the next start;
 * - the answer waits (bounded) until the read model shows the case waiting for its first step (`waitingFor`) or
 *   ended, so a client may take that step at once; a workflow that fails before (its own validation) is answered at
 *   once with its own error instead of a wait that ends in UNAVAILABLE. The wait reads the row again when PostgreSQL
 *   says it changed (CaseProgressListener), and on a slow timer in case a notification is lost.
 */
@Injectable()
export class CaseLauncher {
  private readonly logger = new Logger(CaseLauncher.name);

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(TemporalGateway) private readonly temporal: TemporalGateway,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CaseProgressListener) private readonly progress: CaseProgressListener,
  ) {}

  /** Starts (or joins) the case's workflow and waits for its first step; see the class comment. */
  async launch<W extends Workflow>(o: LaunchOptions<W>, names: CaseNames, waitMs = START_ANSWER_WAIT_MS): Promise<void> {
    let handle: WorkflowHandle;
    try {
      const options = {
        taskQueue: this.config.taskQueue,
        workflowId: o.workflowId,
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY',
        typedSearchAttributes: o.typedSearchAttributes,
        args: o.args,
      } as unknown as WorkflowStartOptions<W>; // TS cannot narrow the conditional args type of a generic W
      handle = await this.temporal.start(o.workflow, options);
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) {
        const closed = names.alreadyClosed ?? {
          nl: `Met deze sleutel is al eerder een ${names.nameNl} gestart en afgesloten`,
          en: `A ${names.nameEn} with this key was already started and closed`,
        };
        throw new AppError('CONFLICT', closed.nl, closed.en, { caseId: o.workflowId });
      }
      throw err;
    }
    await this.awaitFirstStep(handle, names, waitMs);
  }

  /**
   * Waits until the case's row shows its first step or its end. A case that was already running for longer than the
   * wait (a retried start joining an older case, which may be parked until a date) is answered as it is. When the
   * workflow ends without that (it failed on its own validation, or was terminated): its own error, at once.
   */
  private async awaitFirstStep(handle: WorkflowHandle, names: CaseNames, waitMs: number): Promise<void> {
    // Watching begins before the first read, so a change between a read and the wait is not missed.
    const watch = this.progress.watch(handle.workflowId);
    try {
      await this.untilFirstStep(handle, names, waitMs, watch);
    } finally {
      watch.close();
    }
  }

  private async untilFirstStep(handle: WorkflowHandle, names: CaseNames, waitMs: number, watch: CaseProgressWatch): Promise<void> {
    const id = handle.workflowId;
    const repo = this.dataSource.getRepository(CaseSummaryEntity);
    const begun = Date.now();
    const deadline = begun + waitMs;
    // The first status check after one interval: most cases show their first step before it.
    let nextStatusCheck = begun + STATUS_CHECK_MS;
    for (;;) {
      const row = await repo.findOne({ where: { id }, select: { id: true, waitingFor: true, closedAt: true, startedAt: true } });
      if (row && (row.waitingFor !== null || row.closedAt !== null || row.startedAt.getTime() < begun - waitMs)) return;
      if (Date.now() >= nextStatusCheck) {
        nextStatusCheck = Date.now() + STATUS_CHECK_MS;
        if (await this.endedEarly(handle, row !== null, names)) return;
      }
      const now = Date.now();
      if (now > deadline) {
        if (row) {
          this.logger.warn(`start of ${id}: the first step is not open after ${waitMs} ms; answering with the read model`);
          return;
        }
        const started = names.startedVerb ?? { nl: 'gestart', en: 'started' };
        throw new AppError('UNAVAILABLE', `${theCaseNl(names)} is ${started.nl} maar nog niet zichtbaar; probeer het zo opnieuw`, `The ${names.nameEn} was ${started.en} but is not visible yet; try again shortly`, { caseId: id });
      }
      // Until the next status check while no row is there (the workflow may fail on its own validation), else until a
      // notification or the slow re-read; never past the deadline.
      const readAgain = this.progress.listening ? READ_AGAIN_LISTENING_MS : READ_AGAIN_UNHEARD_MS;
      const until = Math.min(deadline + 1, row ? now + readAgain : Math.min(now + readAgain, nextStatusCheck));
      await watch.next(Math.max(0, until - now));
    }
  }

  /** True when the workflow has ended and its row is there to show; throws when it ended without one. */
  private async endedEarly(handle: WorkflowHandle, hasRow: boolean, names: CaseNames): Promise<boolean> {
    const { status } = await handle.describe();
    if (status.name === 'RUNNING' || status.name === 'CONTINUED_AS_NEW' || status.name === 'PAUSED') return false;
    if (status.name === 'FAILED') {
      const failure = await handle.result().then(
        () => null,
        (err: unknown) => workflowFailureToAppError(err),
      );
      if (failure) throw failure;
    }
    if (hasRow) return true;
    const started = names.startedVerb ?? { nl: 'gestart', en: 'started' };
    throw new AppError('UNAVAILABLE', `${theCaseNl(names)} kon niet worden ${started.nl}; probeer het opnieuw`, `The ${names.nameEn} could not be ${started.en}; try again`, { caseId: handle.workflowId });
  }
}
