import { tracingConfigFromEnv } from './tracing';

describe('tracingConfigFromEnv', () => {
  it('is off without an OTLP endpoint, so development and tests need no collector', () => {
    expect(tracingConfigFromEnv({}, 'zorgroute-api')).toBeNull();
  });

  it('adds /v1/traces to the base endpoint, takes a traces endpoint as it is, and the service name', () => {
    expect(tracingConfigFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }, 'zorgroute-api')).toEqual({ endpoint: 'http://collector:4318/v1/traces', serviceName: 'zorgroute-api' });
    expect(tracingConfigFromEnv({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://otel.example/t', OTEL_SERVICE_NAME: 'zr-worker-a' }, 'zorgroute-worker')).toEqual({ endpoint: 'https://otel.example/t', serviceName: 'zr-worker-a' });
    expect(() => tracingConfigFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, 'x')).toThrow(/http/);
  });
});
