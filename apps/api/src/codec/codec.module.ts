import { Inject, Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import cors from 'cors';
import { DataSource } from 'typeorm';
import { AuditTrailRepository } from '@zorgroute/domain';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { CodecController } from './codec.controller';
import { ConvertPayloadsUseCase } from './usecases/convert-payloads.usecase';

/** The origin of TEMPORAL_UI_URL (the only origin allowed to call the codec endpoint from a browser), or none. */
export function temporalUiOrigin(temporalUiUrl: string): string | null {
  try {
    return temporalUiUrl ? new URL(temporalUiUrl).origin : null;
  } catch {
    return null;
  }
}

/**
 * The payload codec endpoint for the Temporal Web UI (`/codec/decode`, `/codec/encode`). The UI calls it from the
 * browser on its own origin, so these routes — and only these — answer CORS for the origin of TEMPORAL_UI_URL, with
 * credentials (a session cookie, when the UI is set to include cross-origin credentials) and the headers the UI sends.
 */
@Module({
  controllers: [CodecController],
  providers: [ConvertPayloadsUseCase, { provide: AuditTrailRepository, useFactory: (ds: DataSource) => new AuditTrailRepository(ds), inject: [DataSource] }],
})
export class CodecModule implements NestModule {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  configure(consumer: MiddlewareConsumer): void {
    const origin = temporalUiOrigin(this.config.temporalUiUrl);
    consumer
      .apply(
        cors({
          // A list (not a plain string): the header is only sent to that origin, with `Vary: Origin`.
          origin: origin ? [origin] : false,
          credentials: true,
          methods: ['POST'],
          // Authorization-Extras: the UI sends its ID token there when it passes its access token.
          allowedHeaders: ['Content-Type', 'Authorization', 'Authorization-Extras', 'X-Namespace', 'X-Workflow-Id'],
          maxAge: 600,
        }),
      )
      .forRoutes({ path: 'codec/*path', method: RequestMethod.ALL });
  }
}
