import { Logger } from '@nestjs/common';
import { ApplicationFailure, WorkflowExecutionAlreadyStartedError, WorkflowFailedError } from '@temporalio/client';
import { RetryState } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app.config';
import { aRunningCaseNl, CaseLauncher, theCaseNl, type CaseNames } from './case-launcher';
import type { TemporalGateway } from '../temporal/temporal.gateway';
import { CaseProgressListener } from './case-progress.listener';
import { FakeListenConnection, listeningListener } from '../testing/fake-listen-connection.fixture';

const TRAJECT: CaseNames = { nameNl: 'ondersteuningstraject', articleNl: 'het', nameEn: 'support trajectory' };
const JOS: CaseNames = { nameNl: 'JOS-casus', articleNl: 'de', nameEn: 'JOS case' };

interface Row {
  id: string;
  waitingFor: string | null;
  closedAt: Date | null;
  startedAt: Date;
}

/**
 * A launcher over a read model that shows `rows()` and a workflow whose status is `status()`; its progress listener
 * is `listener` (default: one that never connected, so the launcher re-reads on its short timer).
 */
function launcher(opts: { rows: () => Row | null; status?: () => string; failure?: unknown; startError?: Error; listener?: CaseProgressListener }) {
  const started: Record<string, unknown>[] = [];
  const handle = {
    workflowId: 'ondersteuningstraject-p-k',
    describe: async () => ({ status: { name: opts.status?.() ?? 'RUNNING' } }),
    result: async () => {
      throw opts.failure;
    },
  };
  const client = {
    start: async (_wf: unknown, options: Record<string, unknown>) => {
      started.push(options);
      if (opts.startError) throw opts.startError;
      return handle;
    },
  } as unknown as TemporalGateway;
  const dataSource = { getRepository: () => ({ findOne: async () => opts.rows() }) } as unknown as DataSource;
  const progress = opts.listener ?? new CaseProgressListener(() => new FakeListenConnection());
  const l = new CaseLauncher(dataSource, client, { taskQueue: 'q' } as AppConfig, progress);
  const launch = (names: CaseNames = TRAJECT, waitMs = 400) =>
    l.launch({ workflow: async () => undefined, workflowId: handle.workflowId, args: [], typedSearchAttributes: [] }, names, waitMs);
  return { launch, started };
}

async function refusal(p: Promise<unknown>): Promise<{ message: string; code: unknown; en: unknown }> {
  const err = (await p.then(
    () => null,
    (e: unknown) => e,
  )) as { message: string; extensions: { code: unknown; messageEn: unknown } } | null;
  if (!err) throw new Error('expected a refusal');
  return { message: err.message, code: err.extensions.code, en: err.extensions.messageEn };
}

const now = () => new Date();

describe('CaseLauncher (the start of every case)', () => {
  it('names a case with its own article', () => {
    expect(theCaseNl(TRAJECT)).toBe('Het ondersteuningstraject');
    expect(theCaseNl(JOS)).toBe('De JOS-casus');
    expect(aRunningCaseNl(TRAJECT)).toBe('een lopend ondersteuningstraject');
    expect(aRunningCaseNl(JOS)).toBe('een lopende JOS-casus');
  });

  it('starts with "use existing" for a running key and lets a failed run’s key start again', async () => {
    const { launch, started } = launcher({ rows: () => ({ id: 'x', waitingFor: 'RECORD_INTAKE', closedAt: null, startedAt: now() }) });
    await launch();
    expect(started[0]).toEqual(expect.objectContaining({ taskQueue: 'q', workflowIdConflictPolicy: 'USE_EXISTING', workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY' }));
  });

  it('refuses a key whose case completed with CONFLICT', async () => {
    const { launch } = launcher({ rows: () => null, startError: new WorkflowExecutionAlreadyStartedError('exists', 'ondersteuningstraject-p-k', 'wf') });
    expect(await refusal(launch())).toEqual({ code: 'CONFLICT', message: 'Met deze sleutel is al eerder een ondersteuningstraject gestart en afgesloten', en: 'A support trajectory with this key was already started and closed' });
  });

  it('waits until the case shows its first step, not only its first row', async () => {
    let reads = 0;
    const { launch } = launcher({
      rows: () => {
        reads += 1;
        return { id: 'x', waitingFor: reads >= 4 ? 'RECORD_INTAKE' : null, closedAt: null, startedAt: now() };
      },
    });
    await launch(TRAJECT, 5_000);
    expect(reads).toBe(4);
  });

  it('answers a case that was running long before (a retry joining a parked case) as it is', async () => {
    let reads = 0;
    const { launch } = launcher({
      rows: () => {
        reads += 1;
        return { id: 'x', waitingFor: null, closedAt: null, startedAt: new Date(Date.now() - 3_600_000) };
      },
    });
    await launch(TRAJECT, 5_000);
    expect(reads).toBe(1);
  });

  it('answers a workflow that failed on its own validation at once with its own error', async () => {
    const failure = new WorkflowFailedError('failed', ApplicationFailure.create({ type: 'BAD_USER_INPUT', message: 'De duur moet tussen 6 en 9 weken liggen', details: ['The length must be 6 to 9 weeks'], nonRetryable: true }), RetryState.NON_RETRYABLE_FAILURE);
    const { launch } = launcher({ rows: () => null, status: () => 'FAILED', failure });
    const started = Date.now();
    expect(await refusal(launch(TRAJECT, 10_000))).toEqual({ code: 'BAD_USER_INPUT', message: 'De duur moet tussen 6 en 9 weken liggen', en: 'The length must be 6 to 9 weeks' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('answers a run that ended without a case at once with UNAVAILABLE, and a start that stays invisible after the wait', async () => {
    const ended = launcher({ rows: () => null, status: () => 'TERMINATED' });
    expect(await refusal(ended.launch())).toEqual({ code: 'UNAVAILABLE', message: 'Het ondersteuningstraject kon niet worden gestart; probeer het opnieuw', en: 'The support trajectory could not be started; try again' });
    const invisible = launcher({ rows: () => null });
    expect(await refusal(invisible.launch(JOS, 300))).toEqual({ code: 'UNAVAILABLE', message: 'De JOS-casus is gestart maar nog niet zichtbaar; probeer het zo opnieuw', en: 'The JOS case was started but is not visible yet; try again shortly' });
  });

  it('answers with the read model when the row is there but the first step is not open after the wait', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const { launch } = launcher({ rows: () => ({ id: 'x', waitingFor: null, closedAt: null, startedAt: now() }) });
    await expect(launch(TRAJECT, 300)).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledWith('start of ondersteuningstraject-p-k: the first step is not open after 300 ms; answering with the read model');
    warn.mockRestore();
  });

  it('reads the row again as soon as PostgreSQL says the case moved, and otherwise only on its slow timer', async () => {
    const { listener, connections } = await listeningListener();
    let reads = 0;
    let open = false;
    const { launch } = launcher({
      listener,
      rows: () => {
        reads += 1;
        return { id: 'x', waitingFor: open ? 'RECORD_INTAKE' : null, closedAt: null, startedAt: now() };
      },
    });
    const begun = Date.now();
    const answered = launch(TRAJECT, 10_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(reads).toBe(1); // a row without its first step: no read until a notification (or a second has passed)
    open = true;
    connections[0].notify('ondersteuningstraject-p-k');
    await answered;
    expect(reads).toBe(2);
    expect(Date.now() - begun).toBeLessThan(900);
    await listener.onApplicationShutdown();
  });

  it('still answers when a notification is lost: the row is read again on the slow timer', async () => {
    const { listener } = await listeningListener();
    let reads = 0;
    const { launch } = launcher({
      listener,
      rows: () => {
        reads += 1;
        return { id: 'x', waitingFor: reads >= 2 ? 'RECORD_INTAKE' : null, closedAt: null, startedAt: now() };
      },
    });
    const begun = Date.now();
    await launch(TRAJECT, 10_000);
    expect(reads).toBe(2);
    expect(Date.now() - begun).toBeGreaterThanOrEqual(900);
    await listener.onApplicationShutdown();
  });
});
