/**
 * Every `patched('…')` / `deprecatePatch('…')` in workflow code is in the patch registry (patch-registry.ts), newer
 * than the baseline release, and every registered patch is still called: the registry is the list of what must be
 * retired one day, with the query that says when.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { compareReleases, WORKFLOW_BASELINE_RELEASE, WORKFLOW_PATCHES } from './patch-registry';

const SRC = join(__dirname, '..', '..');
const REPO = join(SRC, '..', '..', '..');

interface PatchCall {
  fn: 'patched' | 'deprecatePatch';
  /** The id, or null when it is not a string literal or a string constant declared in the scanned sources. */
  id: string | null;
  where: string;
}

function workflowSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return workflowSources(path);
    return e.name.endsWith('.ts') && !/\.(int-)?spec\.ts$|\.d\.ts$/.test(e.name) ? [path] : [];
  });
}

/** The patch calls in `files` (name → source), their ids resolved from literals and string constants. */
export function patchCalls(files: ReadonlyMap<string, string>): PatchCall[] {
  const parsed = [...files].map(([name, text]) => ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true));
  const constants = new Map<string, string | null>();
  const literal = (e: ts.Expression | undefined) => (e && (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) ? e.text : null);
  const walk = (node: ts.Node, visit: (n: ts.Node) => void): void => {
    visit(node);
    ts.forEachChild(node, (child) => walk(child, visit));
  };
  for (const sf of parsed) {
    walk(sf, (n) => {
      if (!ts.isVariableDeclaration(n) || !ts.isIdentifier(n.name) || !(ts.getCombinedNodeFlags(n) & ts.NodeFlags.Const)) return;
      const value = literal(n.initializer);
      if (value === null) return;
      const name = n.name.text;
      // The same name with two values cannot be resolved by name: such an id counts as unresolved.
      constants.set(name, constants.has(name) && constants.get(name) !== value ? null : value);
    });
  }
  const calls: PatchCall[] = [];
  for (const sf of parsed) {
    walk(sf, (n) => {
      if (!ts.isCallExpression(n)) return;
      const callee = ts.isIdentifier(n.expression) ? n.expression.text : ts.isPropertyAccessExpression(n.expression) ? n.expression.name.text : null;
      if (callee !== 'patched' && callee !== 'deprecatePatch') return;
      const [arg] = n.arguments;
      const id = literal(arg) ?? (arg && ts.isIdentifier(arg) ? (constants.get(arg.text) ?? null) : null);
      const { line } = sf.getLineAndCharacterOfPosition(n.getStart());
      calls.push({ fn: callee, id, where: `${sf.fileName}:${line + 1}` });
    });
  }
  return calls;
}

const sources = new Map(workflowSources(SRC).map((f) => [relative(REPO, f), readFileSync(f, 'utf8')]));
const calls = patchCalls(sources);

describe('patch registry', () => {
  it('finds patch ids given as literals and as string constants, and marks the rest unresolved', () => {
    const found = patchCalls(
      new Map([
        ['a.ts', "export const NEW_PATH_PATCH = 'p9-new-path';\nif (patched('p9-literal')) {}\n"],
        ['b.ts', "import { NEW_PATH_PATCH } from './a';\nif (wf.patched(NEW_PATH_PATCH)) {}\ndeprecatePatch(NEW_PATH_PATCH);\npatched(`p9-${x}`);\n"],
      ]),
    );
    expect(found.map((c) => [c.fn, c.id, c.where])).toEqual([
      ['patched', 'p9-literal', 'a.ts:2'],
      ['patched', 'p9-new-path', 'b.ts:2'],
      ['deprecatePatch', 'p9-new-path', 'b.ts:3'],
      ['patched', null, 'b.ts:4'],
    ]);
  });

  it('scans the workflow sources', () => {
    expect(sources.size).toBeGreaterThan(50);
    expect([...sources.keys()].some((f) => f.endsWith('common/human-step.ts'))).toBe(true);
  });

  it('registers every patch id called in workflow code, at the stage the code is in', () => {
    const problems = calls.flatMap((c) => {
      if (c.id === null) return [`${c.where}: ${c.fn}() needs a string literal or a string constant as its id`];
      const entry = WORKFLOW_PATCHES.find((p) => p.id === c.id);
      if (!entry) return [`${c.where}: ${c.fn}('${c.id}') is not in WORKFLOW_PATCHES (common/patch-registry.ts)`];
      const stage = c.fn === 'patched' ? 'PATCHED' : 'DEPRECATED';
      return entry.stage === stage ? [] : [`${c.where}: '${c.id}' is registered as ${entry.stage} but the code calls ${c.fn}()`];
    });
    expect(problems).toEqual([]);
  });

  it('lists only patches that workflow code still calls, each once', () => {
    const called = new Set(calls.map((c) => c.id));
    expect(WORKFLOW_PATCHES.filter((p) => !called.has(p.id)).map((p) => p.id)).toEqual([]);
    expect(new Set(WORKFLOW_PATCHES.map((p) => p.id)).size).toBe(WORKFLOW_PATCHES.length);
  });

  it('has only patches newer than the baseline, up to the current release, each with its retirement query', () => {
    const current = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version as string;
    expect(compareReleases(current, WORKFLOW_BASELINE_RELEASE)).toBeGreaterThanOrEqual(0);
    for (const p of WORKFLOW_PATCHES) {
      expect(compareReleases(p.introducedIn, WORKFLOW_BASELINE_RELEASE)).toBeGreaterThan(0);
      expect(compareReleases(p.introducedIn, current)).toBeLessThanOrEqual(0);
      expect(p.workflowTypes.length).toBeGreaterThan(0);
      expect(p.retireWhen).toMatch(/ExecutionStatus\s*=\s*'Running'/);
    }
  });

  it('compares releases by number, not by text', () => {
    expect(compareReleases('0.10.0', '0.9.1')).toBeGreaterThan(0);
    expect(compareReleases('0.2.0', '0.2.0')).toBe(0);
    expect(compareReleases('0.2.0', '1.0.0')).toBeLessThan(0);
  });
});
