import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { CASE_PROGRESS_CHANNEL } from '@zorgroute/domain';
import { APP_CONFIG, type AppConfig } from '../config/app.config';

/** How long the listener waits before it connects again after its connection was lost (or could not be made). */
export const LISTEN_RETRY_MS = 5_000;

/** A case watched for progress: `next` resolves at the first change since the previous `next` (or the watch began). */
export interface CaseProgressWatch {
  /** Resolves when the case's row has changed since the last call, or after `ms` at the latest. */
  next(ms: number): Promise<void>;
  /** Stops watching (also ends a pending `next`). */
  close(): void;
}

/** The part of a PostgreSQL client the listener uses (a `pg` Client; a fake in unit specs). */
export interface ListenConnection {
  connect(): Promise<unknown>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
  on(event: 'notification', fn: (msg: { channel: string; payload?: string }) => void): unknown;
  on(event: 'error', fn: (err: Error) => void): unknown;
  on(event: 'end', fn: () => void): unknown;
}

/** Opens a dedicated connection for LISTEN (not one of the DataSource's pooled connections). */
export const LISTEN_CONNECTION_FACTORY = Symbol('LISTEN_CONNECTION_FACTORY');
export type ListenConnectionFactory = () => ListenConnection;

/**
 * Tells the api when a case's read-model row shows progress, from PostgreSQL's `LISTEN` on CASE_PROGRESS_CHANNEL
 * (the trigger on `case_summary` notifies at commit). One dedicated connection per api process; it reconnects by
 * itself. Waiters never depend on it alone: `next(ms)` also resolves after `ms`, so a lost notification (connection
 * down, a pooler without LISTEN) only makes an answer slower, never wrong.
 */
@Injectable()
export class CaseProgressListener implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(CaseProgressListener.name);
  private readonly watchers = new Map<string, Set<() => void>>();
  private connection: ListenConnection | null = null;
  private ready = false;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(@Inject(LISTEN_CONNECTION_FACTORY) private readonly open: ListenConnectionFactory) {}

  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    await this.drop();
  }

  /** Whether notifications arrive now (a waiter may then wait longer between its own reads). */
  get listening(): boolean {
    return this.ready;
  }

  /** Starts watching one case; see CaseProgressWatch. Always `close()` the watch. */
  watch(caseId: string): CaseProgressWatch {
    let changed = false;
    let wake: (() => void) | null = null;
    const onChange = () => {
      changed = true;
      wake?.();
    };
    const set = this.watchers.get(caseId) ?? new Set<() => void>();
    set.add(onChange);
    this.watchers.set(caseId, set);
    const close = () => {
      set.delete(onChange);
      if (set.size === 0 && this.watchers.get(caseId) === set) this.watchers.delete(caseId);
      wake?.();
    };
    const next = (ms: number) =>
      new Promise<void>((resolve) => {
        if (changed) {
          changed = false;
          resolve();
          return;
        }
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          wake = null;
          changed = false;
          resolve();
        }
        wake = done;
      });
    return { next, close };
  }

  private notify(caseId: string): void {
    for (const fn of [...(this.watchers.get(caseId) ?? [])]) fn();
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const connection = this.open();
    this.connection = connection;
    connection.on('notification', (msg) => {
      if (msg.channel === CASE_PROGRESS_CHANNEL && msg.payload) this.notify(msg.payload);
    });
    connection.on('error', (err) => this.lost(connection, err));
    connection.on('end', () => this.lost(connection, null));
    try {
      await connection.connect();
      await connection.query(`LISTEN ${CASE_PROGRESS_CHANNEL}`);
      if (this.connection === connection) this.ready = true;
    } catch (err) {
      this.lost(connection, err as Error);
    }
  }

  /** The connection failed or ended: waiters fall back to their own timers until a new connection listens. */
  private lost(connection: ListenConnection, err: Error | null): void {
    if (this.connection !== connection) return;
    this.connection = null;
    this.ready = false;
    connection.end().catch(() => undefined);
    if (this.stopped) return;
    const reason = err ? `${err.name}: ${(err as { code?: string }).code ?? err.message}` : 'connection ended';
    this.logger.warn(`case progress notifications unavailable (${reason}); starts read the read model on a timer until reconnected in ${LISTEN_RETRY_MS} ms`);
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, LISTEN_RETRY_MS);
    this.retry.unref();
  }

  private async drop(): Promise<void> {
    const connection = this.connection;
    this.connection = null;
    this.ready = false;
    if (connection) await connection.end().catch(() => undefined);
  }
}

/** The production factory: a `pg` Client on the api's own database URL. */
export function pgListenConnectionFactory(config: AppConfig): ListenConnectionFactory {
  return () => new Client({ connectionString: config.databaseUrl, application_name: 'zorgroute-listen' }) as unknown as ListenConnection;
}

/** Providers of the listener (the factory and the listener itself). */
export const caseProgressProviders = [
  { provide: LISTEN_CONNECTION_FACTORY, inject: [APP_CONFIG], useFactory: pgListenConnectionFactory },
  CaseProgressListener,
];
