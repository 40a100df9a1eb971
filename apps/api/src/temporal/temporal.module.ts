import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { APP_CONFIG, type AppConfig } from '../config/app.config';

/** A thin provider around @temporalio/client (no third-party Nest wrapper: they lag behind Nest 12). */
@Global()
@Module({
  providers: [
    {
      provide: Client,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => {
        const connection = await Connection.connect({ address: config.temporalAddress });
        return new Client({ connection, namespace: config.namespace });
      },
    },
  ],
  exports: [Client],
})
export class TemporalModule implements OnApplicationShutdown {
  constructor(@Inject(Client) private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}
