// The metrics an operator's dashboard and alerts rely on (docs/operations.md "Monitoring"), and a scrape that says
// clearly which endpoint is down or which metric is missing. Used by `npm run production-check` and by
// apps/api/test/production-metrics.int-spec.ts (against the test stack).
/* global fetch, AbortSignal -- Node.js 20 globals */

/**
 * The metric families each endpoint must expose. A family counts as present when the scrape names it (its `# TYPE`
 * line or a sample, with or without a suffix such as `_bucket`): a labelled counter appears before its first increment.
 */
export const REQUIRED_METRICS = {
  /** api `GET /metrics`: requests, GraphQL operations and errors, steps, starts, and the read-model gauges. */
  api: [
    'zorgroute_http_requests_total',
    'zorgroute_http_request_duration_seconds',
    'zorgroute_graphql_requests_total',
    'zorgroute_graphql_request_duration_seconds',
    'zorgroute_graphql_errors_total',
    'zorgroute_steps_taken_total',
    'zorgroute_workflows_started_total',
    'zorgroute_cases_stuck',
    'zorgroute_mail_deliveries_failed',
  ],
  /** The worker's own metrics (WORKER_APP_METRICS_ADDRESS): mail, reminders, activities. */
  workerApp: [
    'zorgroute_mail_sent_total',
    'zorgroute_reminders_sent_total',
    'zorgroute_mail_failures_total',
    'zorgroute_activities_total',
    'zorgroute_activity_failures_total',
    'zorgroute_activity_duration_seconds',
  ],
  /**
   * The Temporal SDK's (WORKER_METRICS_ADDRESS): task queue polling and slots, workflow and activity task latencies.
   * The SDK reports a family once it was used: scrape after the worker ran a workflow and an activity.
   */
  workerSdk: [
    'temporal_workflow_task_schedule_to_start_latency',
    'temporal_workflow_task_execution_latency',
    'temporal_activity_schedule_to_start_latency',
    'temporal_activity_execution_latency',
    'temporal_worker_task_slots_available',
    'temporal_request_latency',
  ],
};

const ENDPOINT_NAMES = { api: 'api /metrics', workerApp: 'worker app metrics', workerSdk: 'worker SDK metrics' };

/** The metric family names a Prometheus text scrape mentions (from `# TYPE`/`# HELP` lines and samples). */
export function metricNames(text) {
  const names = new Set();
  for (const line of text.split('\n')) {
    const meta = /^# (?:TYPE|HELP) ([A-Za-z_:][A-Za-z0-9_:]*)/.exec(line);
    const sample = /^([A-Za-z_:][A-Za-z0-9_:]*)[{ ]/.exec(line);
    const name = meta?.[1] ?? (line.startsWith('#') ? undefined : sample?.[1]);
    if (name) names.add(name);
  }
  return names;
}

/** The required names that a scrape lacks (a family with a suffix such as `_bucket` or `_seconds` counts). */
export function missingMetrics(text, required) {
  const names = [...metricNames(text)];
  return required.filter((r) => !names.some((n) => n === r || n.startsWith(`${r}_`)));
}

/**
 * Scrapes each endpoint ({ api, workerApp, workerSdk }: URL of its /metrics; omitted ones are not checked) and checks
 * the required families. Resolves to one line per endpoint; rejects with an Error whose message names every endpoint
 * that could not be scraped (with the reason) and every missing metric, so the operator knows what to fix.
 */
export async function checkMetrics(endpoints, { token, required = REQUIRED_METRICS, timeoutMs = 10_000 } = {}) {
  const problems = [];
  const lines = [];
  for (const [key, url] of Object.entries(endpoints)) {
    if (!url) continue;
    const label = `${ENDPOINT_NAMES[key] ?? key} (${url})`;
    let text;
    try {
      const response = await fetch(url, { headers: { connection: 'close', ...(token ? { authorization: `Bearer ${token}` } : {}) }, signal: AbortSignal.timeout(timeoutMs) });
      text = await response.text();
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
    } catch (error) {
      const cause = error?.cause?.code ?? error?.cause?.message;
      problems.push(`${label}: cannot be scraped (${error instanceof Error ? error.message : String(error)}${cause ? `: ${cause}` : ''})`);
      continue;
    }
    const wanted = required[key] ?? [];
    const missing = missingMetrics(text, wanted);
    if (missing.length) problems.push(`${label}: missing ${missing.join(', ')}`);
    else lines.push(`${ENDPOINT_NAMES[key] ?? key}: ${wanted.length} required metrics present (${metricNames(text).size} families)`);
  }
  if (problems.length) throw new Error(`metrics check failed:\n- ${problems.join('\n- ')}`);
  return lines;
}
