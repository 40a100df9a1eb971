/**
 * Replay tests: recorded histories of every workflow (test/histories/*.json, recorded with
 * `npm run replay:record`) are replayed against the current workflow code. A change that would
 * break running cases (a different sequence of commands) fails here; make such changes with a registered
 * `patched()` (docs/architecture.md "Workflow versions"). Every history was re-recorded at the 0.2.0 baseline. Histories
 * hold AES-GCM encrypted payloads (the test kit's key, test-data-converter.ts); plain ones pass through the codec.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { ENCRYPTED_ENCODING } from '@zorgroute/temporal-codec';
import { testDataConverter } from '../../test/test-data-converter';
import { workflowBundleOptions } from '../bundle';

const dir = join(__dirname, '..', '..', 'test', 'histories');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
/** A history whose payloads were written by the payload codec (the marker is base64 in proto JSON). */
const encrypted = (file: string) => readFileSync(join(dir, file), 'utf8').includes(Buffer.from(ENCRYPTED_ENCODING).toString('base64'));
let bundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  bundle = await bundleWorkflowCode({ ...workflowBundleOptions(), logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} } });
}, 120_000);

describe('replay of recorded histories', () => {
  it('has recorded histories for every workflow type', () => {
    expect(files.filter((f) => f.startsWith('ondersteuningstraject-')).length).toBeGreaterThanOrEqual(3);
    expect(files.filter((f) => f.startsWith('zorgplicht-')).length).toBeGreaterThanOrEqual(6);
    expect(files.filter((f) => f.startsWith('zorgroute-')).length).toBeGreaterThanOrEqual(5);
    expect(files.filter((f) => f.startsWith('jos-')).length).toBeGreaterThanOrEqual(5);
    expect(files.filter((f) => f.startsWith('oov-')).length).toBeGreaterThanOrEqual(4);
    expect(files.filter((f) => f.startsWith('overdracht-')).length).toBeGreaterThanOrEqual(3);
    expect(files.filter((f) => f.startsWith('opp-')).length).toBeGreaterThanOrEqual(4);
    expect(files.filter((f) => f.startsWith('tlv-')).length).toBeGreaterThanOrEqual(4);
  });

  it('has at least one history recorded with encrypted payloads (plain ones replay through the same codec)', () => {
    expect(files.filter(encrypted).length).toBeGreaterThanOrEqual(1);
  });

  it.each(files)('replays %s without non-determinism', async (file) => {
    const history = historyFromJSON(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    await Worker.runReplayHistory({ workflowBundle: bundle, dataConverter: testDataConverter() }, history, file.replace(/\.json$/, ''));
  }, 60_000);
});
