import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { checkApplicationRole, createDataSource } from '@zorgroute/domain';
import { APP_CONFIG, type AppConfig } from '../config/app.config';

/** One TypeORM DataSource for the api (migrations run separately: `node libs/domain/dist/migrate.js`). */
@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => {
        const ds = createDataSource(config.databaseUrl);
        await ds.initialize();
        try {
          // Production refuses a database role that could change the audit trail (docs/operations.md "Database roles").
          await checkApplicationRole(ds, { production: config.production, warn: (m) => new Logger('Database').warn(m) });
        } catch (err) {
          await ds.destroy();
          throw err;
        }
        return ds;
      },
    },
  ],
  exports: [DataSource],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
