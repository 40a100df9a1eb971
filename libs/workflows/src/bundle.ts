import { resolve } from 'node:path';
import type { BundleOptions } from '@temporalio/worker';

/** Entry file of all workflows (the same path from src/ under Jest and from dist/ at run time). */
export const WORKFLOWS_PATH = resolve(__dirname, '..', 'src', 'workflows', 'index.ts');

/**
 * Options for Temporal's workflow bundler. The bundler does not read tsconfig paths, so the library imports that
 * workflow code may use — the pure domain logic and the step catalogue (libs/processes, no runtime dependencies) —
 * are aliased to their sources.
 */
export function workflowBundleOptions(): Pick<BundleOptions, 'workflowsPath' | 'webpackConfigHook'> {
  const logic = resolve(__dirname, '..', '..', 'domain', 'src', 'logic', 'index.ts');
  const processes = resolve(__dirname, '..', '..', 'processes', 'src', 'index.ts');
  return {
    workflowsPath: WORKFLOWS_PATH,
    webpackConfigHook: (config) => {
      config.resolve = config.resolve ?? {};
      config.resolve.alias = { ...(config.resolve.alias as Record<string, string> | undefined), '@zorgroute/domain/logic$': logic, '@zorgroute/processes$': processes };
      return config;
    },
  };
}
