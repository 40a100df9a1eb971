import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { WorkerOptions } from '@temporalio/worker';
import { workflowBundleOptions } from '@zorgroute/workflows';

/**
 * Where the worker's build target writes the prebuilt workflow bundle (`apps/worker/dist/workflow-bundle.js`,
 * by `dist/scripts/bundle-workflows.js`). Resolved next to this file: from dist/ it is the built bundle; under
 * Jest (src/) there is none, so tests bundle from the TypeScript sources as before.
 */
export const DEFAULT_WORKFLOW_BUNDLE_PATH = resolve(__dirname, 'workflow-bundle.js');

/** The workflow part of the worker options, and where it came from (for the start-up log line). */
export interface WorkflowCode {
  options: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath' | 'bundlerOptions'>;
  source: string;
}

/**
 * Chooses the worker's workflow code, in this order:
 * 1. `explicit` (createWorker's `workflowBundle` option, used by tests and tools);
 * 2. `bundlePath` (WORKFLOW_BUNDLE_PATH): must exist;
 * 3. the default bundle next to the compiled worker, when it exists (production and `npm start`);
 * 4. bundling from the TypeScript sources at start-up (development and tests) — refused when `production`,
 *    because a production image has no sources and a start-up bundle would differ per replica.
 */
export function resolveWorkflowCode(
  opts: { explicit?: { codePath: string }; bundlePath?: string; production?: boolean },
  defaultPath: string = DEFAULT_WORKFLOW_BUNDLE_PATH,
): WorkflowCode {
  if (opts.explicit) return { options: { workflowBundle: opts.explicit }, source: `bundle ${opts.explicit.codePath}` };
  if (opts.bundlePath) {
    const codePath = resolve(opts.bundlePath);
    if (!existsSync(codePath)) throw new Error(`WORKFLOW_BUNDLE_PATH is set to ${codePath}, but that file does not exist`);
    return { options: { workflowBundle: { codePath } }, source: `bundle ${codePath}` };
  }
  if (existsSync(defaultPath)) return { options: { workflowBundle: { codePath: defaultPath } }, source: `bundle ${defaultPath}` };
  if (opts.production) {
    throw new Error(
      `No prebuilt workflow bundle at ${defaultPath} (NODE_ENV=production does not bundle from sources); ` +
        'build the worker (`nx run worker:build`) or set WORKFLOW_BUNDLE_PATH',
    );
  }
  const { workflowsPath, webpackConfigHook } = workflowBundleOptions();
  return { options: { workflowsPath, bundlerOptions: { webpackConfigHook } }, source: `sources ${workflowsPath} (bundled at start-up)` };
}
