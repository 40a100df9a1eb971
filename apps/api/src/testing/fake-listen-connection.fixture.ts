import { CASE_PROGRESS_CHANNEL } from '@zorgroute/domain';
import { CaseProgressListener, type ListenConnection } from '../cases/case-progress.listener';

/** A stand-in for the `pg` Client: records what it was asked and lets the spec send notifications or fail it. */
export class FakeListenConnection implements ListenConnection {
  readonly queries: string[] = [];
  ended = false;
  private readonly handlers: Record<string, ((arg?: unknown) => void)[]> = {};
  constructor(private readonly failConnect = false) {}
  async connect(): Promise<void> {
    if (this.failConnect) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
  }
  async query(sql: string): Promise<void> {
    this.queries.push(sql);
  }
  async end(): Promise<void> {
    this.ended = true;
  }
  on(event: string, fn: (arg: never) => void): this {
    (this.handlers[event] ??= []).push(fn as (arg?: unknown) => void);
    return this;
  }
  emit(event: 'notification' | 'error' | 'end', arg?: unknown): void {
    for (const fn of this.handlers[event] ?? []) fn(arg);
  }
  notify(caseId: string, channel = CASE_PROGRESS_CHANNEL): void {
    this.emit('notification', { channel, payload: caseId });
  }
}

/** A listener connected through fake connections (`connections[i]` is the i-th one it opened). */
export async function listeningListener(fail: boolean[] = []): Promise<{ listener: CaseProgressListener; connections: FakeListenConnection[] }> {
  const connections: FakeListenConnection[] = [];
  const listener = new CaseProgressListener(() => {
    const c = new FakeListenConnection(fail[connections.length] ?? false);
    connections.push(c);
    return c;
  });
  await listener.onModuleInit();
  return { listener, connections };
}
