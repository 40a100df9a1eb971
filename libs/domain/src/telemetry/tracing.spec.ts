import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { trace } from '@opentelemetry/api';
import { startTracing, tracingConfigFromEnv } from './tracing';

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

describe('startTracing', () => {
  it('registers the tracer provider and exports the spans to the OTLP endpoint', async () => {
    const received: { url: string; body: Buffer }[] = [];
    const server = createServer((req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ url: req.url ?? '', body: Buffer.concat(chunks) });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    try {
      const tracing = startTracing({ endpoint: `http://127.0.0.1:${port}/v1/traces`, serviceName: 'zorgroute-test' });
      trace.getTracer('test').startSpan('StartWorkflowUpdate:recordIntake').end();
      await tracing.shutdown();
      expect(received.map((r) => r.url)).toEqual(['/v1/traces']);
      const body = received[0].body.toString('latin1');
      expect(body).toContain('StartWorkflowUpdate:recordIntake');
      expect(body).toContain('zorgroute-test');
    } finally {
      server.close();
    }
  });
});
