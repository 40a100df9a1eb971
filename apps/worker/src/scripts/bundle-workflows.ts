/*
 * Prebundles the workflow code for production: `node apps/worker/dist/scripts/bundle-workflows.js [outFile]`
 * (run by the worker's build target). Writes `apps/worker/dist/workflow-bundle.js`, which the worker loads with
 * `workflowBundle: { codePath }` instead of bundling the TypeScript sources with webpack at every start-up
 * (see ../workflow-code.ts). Every replica of one release then runs byte-identical workflow code.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowBundleOptions } from '@zorgroute/workflows';
import { DEFAULT_WORKFLOW_BUNDLE_PATH } from '../workflow-code';

async function main(): Promise<void> {
  const outFile = resolve(process.argv[2] ?? DEFAULT_WORKFLOW_BUNDLE_PATH);
  const started = Date.now();
  const { code } = await bundleWorkflowCode({
    ...workflowBundleOptions(),
    // webpack's own progress lines are noise in a build log; warnings and errors still fail loudly below.
    logger: {
      log: () => undefined,
      trace: () => undefined,
      debug: () => undefined,
      info: () => undefined,
      warn: (message: string) => process.stderr.write(`[bundle-workflows] ${message}\n`),
      error: (message: string) => process.stderr.write(`[bundle-workflows] ${message}\n`),
    },
  });
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, code);
  const kib = Math.round(Buffer.byteLength(code) / 1024);
  process.stdout.write(`[bundle-workflows] wrote ${relative(process.cwd(), outFile) || outFile} (${kib} KiB) in ${Date.now() - started} ms\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`[bundle-workflows] failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
