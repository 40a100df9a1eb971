import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { ProcessType } from '@zorgroute/domain';
import type { DataSource } from 'typeorm';

const PROCESSES = new Set<string>(Object.values(ProcessType));

/** The process of a case from its workflow id (`ondersteuningstraject-<pupil>-<key>`, `oov-from-…`); OTHER when unknown. */
export function processOfWorkflowId(workflowId: string): string {
  const prefix = /^([a-z]+)-/.exec(workflowId)?.[1]?.toUpperCase();
  return prefix && PROCESSES.has(prefix) ? prefix : 'OTHER';
}

/**
 * The api's Prometheus metrics (prom-client), one registry per app (tests run several apps and a worker in one
 * process). Labels are bounded by the code — route patterns, GraphQL root fields, process and step names, error
 * codes — never by ids or user input. Scraped at GET /metrics (metrics.controller.ts).
 */
export class ApiMetrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'zorgroute_http_requests_total',
    help: 'HTTP requests answered by the api, by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'zorgroute_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route pattern.',
    labelNames: ['method', 'route'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  readonly graphqlRequests = new Counter({
    name: 'zorgroute_graphql_requests_total',
    help: 'GraphQL operations, by type (query/mutation), operation (the first root field) and outcome (ok/error).',
    labelNames: ['type', 'operation', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly graphqlDuration = new Histogram({
    name: 'zorgroute_graphql_request_duration_seconds',
    help: 'Time to answer a GraphQL operation, by type and operation (the first root field).',
    labelNames: ['type', 'operation'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  readonly graphqlErrors = new Counter({
    name: 'zorgroute_graphql_errors_total',
    help: 'Errors in GraphQL answers, by extensions.code (INTERNAL_SERVER_ERROR: unexpected, logged).',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  readonly stepsTaken = new Counter({
    name: 'zorgroute_steps_taken_total',
    help: 'Steps taken through the api (workflow updates the case accepted), by process and step (update name).',
    labelNames: ['process', 'step'] as const,
    registers: [this.registry],
  });

  readonly casesStarted = new Counter({
    name: 'zorgroute_workflows_started_total',
    help: 'Workflows the api started (cases and schedules), by workflow type.',
    labelNames: ['workflow_type'] as const,
    registers: [this.registry],
  });

  private dataSource: DataSource | null = null;

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    const rows = <T>(sql: string) => this.rows<T>(sql);
    // Read from the read model at scrape time: what the operator's dashboard and alerts watch.
    new Gauge({
      name: 'zorgroute_cases_stuck',
      help: 'Open cases marked stuck (a human step 10 school days past its due date), by process.',
      labelNames: ['process'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const r of await rows<{ process: string; n: number }>('SELECT process, count(*)::int AS n FROM case_summary WHERE stuck AND closed_at IS NULL GROUP BY process')) {
          this.set({ process: r.process }, r.n);
        }
      },
    });
    new Gauge({
      name: 'zorgroute_mail_deliveries_failed',
      help: 'E-mail deliveries whose last attempt failed (notification_delivery status FAILED), by message kind.',
      labelNames: ['kind'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const r of await rows<{ kind: string; n: number }>(`SELECT kind, count(*)::int AS n FROM notification_delivery WHERE status = 'FAILED' GROUP BY kind`)) {
          this.set({ kind: r.kind }, r.n);
        }
      },
    });
  }

  /** The read model the gauges count in (set once the database is connected). */
  useDatabase(dataSource: DataSource): void {
    this.dataSource = dataSource;
  }

  private async rows<T>(sql: string): Promise<T[]> {
    if (!this.dataSource?.isInitialized) return [];
    return (await this.dataSource.query(sql)) as T[];
  }
}
