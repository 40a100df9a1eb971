import type { Context as ActivityContext } from '@temporalio/activity';
import { createLogger } from '@zorgroute/domain';
import { ActivityObserver } from './activity-observer.interceptor';
import { fieldsOf } from './temporal-log.adapter';
import { WorkerMetrics } from './worker-metrics';

async function value(metrics: WorkerMetrics, name: string, labels: Record<string, string>): Promise<number> {
  const metric = (await metrics.registry.getMetricsAsJSON()).find((m) => m.name === name);
  const v = (metric?.values as { value: number; labels: Record<string, string> }[] | undefined)?.find((x) => Object.entries(labels).every(([k, l]) => x.labels[k] === l));
  return v?.value ?? 0;
}

function logLines() {
  const lines: string[] = [];
  return { log: createLogger('worker', { format: 'json', level: 'info' }, { write: (l: string) => void lines.push(l) }), lines };
}

describe('worker metrics', () => {
  it('count a sent e-mail, and a reminder for the reminder kinds; not what was sent before or went into a digest', async () => {
    const m = new WorkerMetrics();
    m.recordDelivery('STEP_REMINDER', 'SENT');
    m.recordDelivery('STEP_ASSIGNED', 'SENT');
    m.recordDelivery('STEP_REMINDER', 'ALREADY_SENT');
    m.recordDelivery('STEP_REMINDER', 'IN_DIGEST');
    expect(await value(m, 'zorgroute_mail_sent_total', { kind: 'STEP_REMINDER' })).toBe(1);
    expect(await value(m, 'zorgroute_mail_sent_total', { kind: 'STEP_ASSIGNED' })).toBe(1);
    expect(await value(m, 'zorgroute_reminders_sent_total', { kind: 'STEP_REMINDER' })).toBe(1);
    expect(await value(m, 'zorgroute_reminders_sent_total', { kind: 'STEP_ASSIGNED' })).toBe(0);
  });

  it('count and log a failed activity attempt by type and error class, without its message', async () => {
    const m = new WorkerMetrics();
    const { log, lines } = logLines();
    const ctx = { info: { activityType: 'sendStepEmail', attempt: 3, workflowExecution: { workflowId: 'ondersteuningstraject-abc' } } } as unknown as ActivityContext;
    const observer = new ActivityObserver(ctx, m, log);
    await expect(observer.execute({ args: [], headers: {} }, async () => Promise.reject(new TypeError('Sem de Groot has no mentor')))).rejects.toThrow(TypeError);
    await expect(observer.execute({ args: [], headers: {} }, async () => 'ok')).resolves.toBe('ok');
    expect(await value(m, 'zorgroute_activity_failures_total', { activity: 'sendStepEmail', error: 'TypeError' })).toBe(1);
    expect(await value(m, 'zorgroute_activities_total', { activity: 'sendStepEmail', outcome: 'ok' })).toBe(1);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'warn', event: 'activity_failed', activityType: 'sendStepEmail', workflowId: 'ondersteuningstraject-abc', attempt: 3, error: 'TypeError' });
    expect(lines[0]).not.toContain('Sem');
  });

  it('keep ids from the SDK log metadata and drop failures, payloads and error messages', () => {
    expect(fieldsOf({ workflowId: 'w-1', attempt: 2, failure: 'Lina Bakker …', error: new Error('Lina Bakker'), args: ['x'], sticky: false })).toEqual({ workflowId: 'w-1', attempt: 2, error: 'Error', sticky: false });
  });
});
