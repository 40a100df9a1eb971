/**
 * @jest-environment node
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '../../../..');

/** Runs codegen.ts in memory (in a child Node process, as `npm run codegen` does) and answers every file it would write. */
function generateInMemory(): Array<{ filename: string; content: string }> {
  const script = `
    const { loadCodegenConfig, generate } = require('@graphql-codegen/cli');
    (async () => {
      const { config } = await loadCodegenConfig({ configFilePath: 'codegen.ts' });
      const outputs = await generate({ ...config, cwd: process.cwd(), silent: true }, false);
      process.stdout.write(JSON.stringify(outputs.map(({ filename, content }) => ({ filename, content }))));
    })().catch((err) => { process.stderr.write(String(err && err.stack || err)); process.exit(1); });`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
}

describe('generated GraphQL types (apps/admin/src/gql)', () => {
  it('are what `npm run codegen` makes of apps/api/schema.graphql and the current documents: run it when this fails', () => {
    const outputs = generateInMemory();
    expect(outputs.map((o) => o.filename)).toEqual(['apps/admin/src/gql/graphql.ts']);
    for (const { filename, content } of outputs) {
      // One assertion per file, named, so a stale file says which one.
      expect({ filename, content: readFileSync(path.join(repoRoot, filename), 'utf8') }).toEqual({ filename, content });
    }
  });
});
