import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_WORKFLOW_BUNDLE_PATH, resolveWorkflowCode } from './workflow-code';

describe('resolveWorkflowCode', () => {
  let dir: string;
  let bundle: string;
  let missing: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'zr-workflow-code-'));
    bundle = join(dir, 'workflow-bundle.js');
    writeFileSync(bundle, '// bundle');
    missing = join(dir, 'missing.js');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('looks for the default bundle next to the compiled worker (none under Jest, so tests bundle from sources)', () => {
    expect(DEFAULT_WORKFLOW_BUNDLE_PATH).toMatch(/apps[\\/]worker[\\/]src[\\/]workflow-bundle\.js$/);
    expect(resolveWorkflowCode({}).options.workflowsPath).toMatch(/libs[\\/]workflows[\\/]src[\\/]workflows[\\/]index\.ts$/);
  });

  it('prefers an explicit bundle, then WORKFLOW_BUNDLE_PATH, then the default bundle', () => {
    expect(resolveWorkflowCode({ explicit: { codePath: '/x/b.js' }, bundlePath: bundle }, bundle).options).toEqual({ workflowBundle: { codePath: '/x/b.js' } });
    expect(resolveWorkflowCode({ bundlePath: bundle }, missing).options).toEqual({ workflowBundle: { codePath: bundle } });
    expect(resolveWorkflowCode({ production: true }, bundle)).toEqual({ options: { workflowBundle: { codePath: bundle } }, source: `bundle ${bundle}` });
  });

  it('fails clearly when WORKFLOW_BUNDLE_PATH points at nothing', () => {
    expect(() => resolveWorkflowCode({ bundlePath: missing }, bundle)).toThrow(/WORKFLOW_BUNDLE_PATH .* does not exist/);
  });

  it('bundles from the TypeScript sources only outside production', () => {
    const dev = resolveWorkflowCode({}, missing);
    expect(dev.options.workflowsPath).toBeDefined();
    expect(dev.options.bundlerOptions?.webpackConfigHook).toBeInstanceOf(Function);
    expect(dev.source).toMatch(/^sources /);
    expect(() => resolveWorkflowCode({ production: true }, missing)).toThrow(/No prebuilt workflow bundle/);
  });
});
