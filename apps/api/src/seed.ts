/*
 * Demo data: `node apps/api/dist/seed.js` (needs PostgreSQL migrated, Temporal and a running worker). Idempotent.
 * ZR_SEED_ALL_PROCESSES=false leaves out the demo cases of P2–P8 (the browser tests, which start their own).
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { appConfigFromEnv } from './config/app.config';
import { seedDemo } from './seed/seed-demo';

async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(appConfigFromEnv()), { logger: ['error', 'warn'] });
  try {
    const r = await seedDemo(app, (line) => process.stdout.write(`${line}\n`), { allProcesses: process.env.ZR_SEED_ALL_PROCESSES !== 'false' });
    process.stdout.write(`[seed] demo data ready (${r.createdUsers} users, ${r.createdPupils} pupils, ${r.startedCases} cases added)\n`);
  } finally {
    await app.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`[seed] failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
