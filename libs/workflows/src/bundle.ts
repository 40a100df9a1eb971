import { resolve } from 'node:path';
import type { BundleOptions } from '@temporalio/worker';

/** Entry file of all workflows (the same path from src/ under Jest and from dist/ at run time). */
export const WORKFLOWS_PATH = resolve(__dirname, '..', 'src', 'workflows', 'index.ts');

/**
 * Options for Temporal's workflow bundler. The bundler does not read tsconfig paths, so the one
 * library import that workflow code may use — the pure domain logic — is aliased to its source.
 */
export function workflowBundleOptions(): Pick<BundleOptions, 'workflowsPath' | 'webpackConfigHook'> {
  const logic = resolve(__dirname, '..', '..', 'domain', 'src', 'logic', 'index.ts');
  return {
    workflowsPath: WORKFLOWS_PATH,
    webpackConfigHook: (config) => {
      config.resolve = config.resolve ?? {};
      config.resolve.alias = { ...(config.resolve.alias as Record<string, string> | undefined), '@zorgroute/domain/logic$': logic };
      return config;
    },
  };
}
