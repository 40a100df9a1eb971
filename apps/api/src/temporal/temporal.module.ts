import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { AesGcmPayloadCodec } from '@zorgroute/temporal-codec';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { ApiMetrics } from '../observability/api-metrics';
import { TemporalMetricsInterceptor } from '../observability/temporal-metrics.interceptor';
import { TemporalGateway } from './temporal.gateway';

/** The payload codec of this api (null when no TEMPORAL_PAYLOAD_KEYS are configured, outside production only). */
export const PAYLOAD_CODEC = Symbol('PAYLOAD_CODEC');

/**
 * A thin provider around @temporalio/client (no third-party Nest wrapper: they lag behind Nest 12). Every payload the
 * api sends (workflow inputs, updates, signals) is encrypted by the payload codec; results and queries are decrypted.
 */
@Global()
@Module({
  providers: [
    {
      provide: PAYLOAD_CODEC,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => (config.payloadKeys ? new AesGcmPayloadCodec(config.payloadKeys) : null),
    },
    {
      provide: Client,
      inject: [APP_CONFIG, PAYLOAD_CODEC, ApiMetrics],
      useFactory: async (config: AppConfig, codec: AesGcmPayloadCodec | null, metrics: ApiMetrics) => {
        const connection = await Connection.connect({ address: config.temporalAddress });
        // With tracing on (OTEL_EXPORTER_OTLP_ENDPOINT), the trace of the request goes into the workflow's headers;
        // the step metrics and log lines see every start and update.
        const tracing = config.tracing ? [new OpenTelemetryWorkflowClientInterceptor()] : [];
        return new Client({
          connection,
          namespace: config.namespace,
          dataConverter: { payloadCodecs: codec ? [codec] : [] },
          interceptors: { workflow: [...tracing, new TemporalMetricsInterceptor(metrics)] },
        });
      },
    },
    TemporalGateway,
  ],
  exports: [Client, PAYLOAD_CODEC, TemporalGateway],
})
export class TemporalModule implements OnApplicationShutdown {
  constructor(@Inject(Client) private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}
