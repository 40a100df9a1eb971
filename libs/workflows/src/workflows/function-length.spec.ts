/**
 * No function in workflow code is longer than 250 lines (issue 12: a process reads as its main flow, not as one
 * closure of hundreds of lines). Measured with TypeScript's parser from the function's first token to its last line,
 * nested functions included in their parent's length.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const MAX_LINES = 250;
const DIR = __dirname;
const REPO = join(DIR, '..', '..', '..', '..');

interface FunctionLength {
  name: string;
  lines: number;
  where: string;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !/\.(int-)?spec\.ts$|\.d\.ts$/.test(e.name) ? [path] : [];
  });
}

/** Every function with a body in `text`: declarations, methods, accessors, constructors, function expressions, arrows. */
export function functionLengths(fileName: string, text: string): FunctionLength[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: FunctionLength[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = sf.getLineAndCharacterOfPosition(node.getStart()).line;
      const last = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name = 'name' in node && node.name ? node.name.getText(sf) : ts.isVariableDeclaration(node.parent) ? node.parent.name.getText(sf) : '<anonymous>';
      found.push({ name, lines: last - first + 1, where: `${fileName}:${first + 1}` });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('workflow function length', () => {
  it('measures declarations, methods and arrows from their first to their last line', () => {
    const text = ['function a() {', '  const b = () => {', '    return 1;', '  };', '  return b();', '}', 'class C {', '  m(): void {}', '}'].join('\n');
    expect(functionLengths('x.ts', text).map((f) => [f.name, f.lines, f.where])).toEqual([
      ['a', 6, 'x.ts:1'],
      ['b', 3, 'x.ts:2'],
      ['m', 1, 'x.ts:8'],
    ]);
  });

  it(`has no function longer than ${MAX_LINES} lines`, () => {
    const files = sources(DIR);
    expect(files.length).toBeGreaterThan(50);
    const tooLong = files
      .flatMap((f) => functionLengths(relative(REPO, f), readFileSync(f, 'utf8')))
      .filter((f) => f.lines > MAX_LINES)
      .map((f) => `${f.where} ${f.name}: ${f.lines} lines`);
    expect(tooLong).toEqual([]);
  });
});
