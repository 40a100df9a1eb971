import { randomBytes } from 'node:crypto';
import { workerConfigFromEnv } from './worker.config';

const base = { DATABASE_URL: 'postgres://zorgroute@127.0.0.1:5432/zorgroute', SMTP_URL: 'smtp://127.0.0.1:1025' };
/** Production also requires the audit checkpoint key (its own spec is libs/domain's audit-checkpoint-keys). */
const production = { NODE_ENV: 'production', AUDIT_CHECKPOINT_KEY: randomBytes(32).toString('base64') };
const keys = `k2:${randomBytes(32).toString('base64')},k1:${randomBytes(32).toString('base64')}`;

describe('workerConfigFromEnv: TEMPORAL_PAYLOAD_KEYS', () => {
  it('refuses to start in production without payload keys', () => {
    expect(() => workerConfigFromEnv({ ...base, ...production })).toThrow(/TEMPORAL_PAYLOAD_KEYS is not set/);
  });

  it('reads the key ring (the first key encrypts) and refuses a malformed one', () => {
    const config = workerConfigFromEnv({ ...base, ...production, TEMPORAL_PAYLOAD_KEYS: keys });
    expect(config.payloadKeys?.currentKeyId).toBe('k2');
    expect([...(config.payloadKeys?.keys.keys() ?? [])]).toEqual(['k2', 'k1']);
    expect(() => workerConfigFromEnv({ ...base, TEMPORAL_PAYLOAD_KEYS: 'k1:tooshort' })).toThrow(/exactly 32 bytes/);
  });

  it('runs without encryption outside production when no key is set', () => {
    expect(workerConfigFromEnv({ ...base }).payloadKeys).toBeNull();
  });
});
