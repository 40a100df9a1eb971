import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

/**
 * OpenTelemetry traces of the api and the worker, exported with OTLP over HTTP. Off unless an endpoint is configured,
 * so development and tests need no collector:
 * - OTEL_EXPORTER_OTLP_TRACES_ENDPOINT (the full URL, e.g. http://otel-collector:4318/v1/traces), or
 *   OTEL_EXPORTER_OTLP_ENDPOINT (the collector's base URL; `/v1/traces` is added);
 * - OTEL_SERVICE_NAME (default zorgroute-api / zorgroute-worker).
 * Spans carry ids and names of operations, workflows and activities — never their arguments.
 */
export interface TracingConfig {
  endpoint: string;
  serviceName: string;
}

export function tracingConfigFromEnv(env: NodeJS.ProcessEnv, defaultServiceName: string): TracingConfig | null {
  const traces = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  const endpoint = traces || (base ? `${base.replace(/\/+$/, '')}/v1/traces` : '');
  if (!endpoint) return null;
  if (!/^https?:\/\//.test(endpoint)) throw new Error(`The OTLP traces endpoint must be an http(s) URL (is "${endpoint}")`);
  return { endpoint, serviceName: env.OTEL_SERVICE_NAME?.trim() || defaultServiceName };
}

export interface Tracing {
  resource: Resource;
  spanProcessor: SpanProcessor;
  /** Flushes the spans still buffered and stops exporting. */
  shutdown(): Promise<void>;
}

/**
 * Registers the process-wide tracer provider (W3C trace-context propagation, async-hooks context), which Temporal's
 * OpenTelemetry interceptors (@temporalio/interceptors-opentelemetry) use to put the trace into the workflow and
 * activity headers and to start their spans.
 */
export function startTracing(config: TracingConfig): Tracing {
  const resource = new Resource({ 'service.name': config.serviceName });
  const spanProcessor = new BatchSpanProcessor(new OTLPTraceExporter({ url: config.endpoint }));
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  provider.register();
  return { resource, spanProcessor, shutdown: () => provider.shutdown() };
}
