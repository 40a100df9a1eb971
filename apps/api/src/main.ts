/* The GraphQL api: `node apps/api/dist/main.js` (GraphQL and its IDE at /graphql, health at /health). */
import { createApp } from './create-app';
import { appConfigFromEnv } from './config/app.config';

async function main(): Promise<void> {
  const config = appConfigFromEnv();
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  process.stdout.write(`[api] GraphQL on http://${config.host}:${config.port}/graphql\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`[api] failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
