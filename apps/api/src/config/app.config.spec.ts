import { appConfigFromEnv } from './app.config';

const base = { DATABASE_URL: 'postgres://zorgroute@127.0.0.1:5432/zorgroute' };

describe('appConfigFromEnv: TRUST_PROXY', () => {
  it('trusts no proxy unless told (the socket address is the client)', () => {
    expect(appConfigFromEnv({ ...base }).trustProxy).toBeNull();
    expect(appConfigFromEnv({ ...base, TRUST_PROXY: '' }).trustProxy).toBeNull();
    expect(appConfigFromEnv({ ...base, TRUST_PROXY: 'false' }).trustProxy).toBeNull();
  });

  it('takes a hop count as a number and anything else (addresses, subnets) as Express reads it', () => {
    expect(appConfigFromEnv({ ...base, TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(appConfigFromEnv({ ...base, TRUST_PROXY: ' 2 ' }).trustProxy).toBe(2);
    expect(appConfigFromEnv({ ...base, TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback, 10.0.0.0/8');
  });
});

describe('appConfigFromEnv: fail closed', () => {
  const keys = `k1:${Buffer.alloc(32, 7).toString('base64')}`;
  const checkpointKey = Buffer.alloc(32, 9).toString('base64');
  it('turns the development login on only when AUTH_DEV_LOGIN is exactly "true", and never in production', () => {
    expect(appConfigFromEnv({ ...base }).devLoginEnabled).toBe(false);
    expect(appConfigFromEnv({ ...base, NODE_ENV: 'development' }).devLoginEnabled).toBe(false);
    expect(appConfigFromEnv({ ...base, NODE_ENV: 'test', AUTH_DEV_LOGIN: '1' }).devLoginEnabled).toBe(false);
    expect(appConfigFromEnv({ ...base, AUTH_DEV_LOGIN: 'true' }).devLoginEnabled).toBe(true);
    expect(appConfigFromEnv({ ...base, NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32), TEMPORAL_PAYLOAD_KEYS: keys, AUDIT_CHECKPOINT_KEY: checkpointKey, AUTH_DEV_LOGIN: 'true' }).devLoginEnabled).toBe(false);
  });

  it('puts stack traces in error answers only with API_DEBUG_ERRORS=true, and never in production', () => {
    expect(appConfigFromEnv({ ...base }).debugErrors).toBe(false);
    expect(appConfigFromEnv({ ...base, NODE_ENV: 'development' }).debugErrors).toBe(false);
    expect(appConfigFromEnv({ ...base, API_DEBUG_ERRORS: 'true' }).debugErrors).toBe(true);
    expect(appConfigFromEnv({ ...base, NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32), TEMPORAL_PAYLOAD_KEYS: keys, AUDIT_CHECKPOINT_KEY: checkpointKey, API_DEBUG_ERRORS: 'true' }).debugErrors).toBe(false);
  });
});

describe('appConfigFromEnv: TEMPORAL_PAYLOAD_KEYS', () => {
  const key = Buffer.alloc(32, 7).toString('base64');
  // Production also needs the audit checkpoint key (the api verifies the checkpoints).
  const prod = { ...base, NODE_ENV: 'production', AUTH_SECRET: 'a-production-secret-of-some-length', AUDIT_CHECKPOINT_KEY: Buffer.alloc(32, 9).toString('base64') };

  it('refuses to start in production without payload keys', () => {
    expect(() => appConfigFromEnv(prod)).toThrow(/TEMPORAL_PAYLOAD_KEYS is not set/);
  });

  it('reads the key ring in production; outside production no key means no encryption', () => {
    expect(appConfigFromEnv({ ...prod, TEMPORAL_PAYLOAD_KEYS: `k1:${key}` }).payloadKeys?.currentKeyId).toBe('k1');
    expect(appConfigFromEnv({ ...base }).payloadKeys).toBeNull();
    expect(() => appConfigFromEnv({ ...base, TEMPORAL_PAYLOAD_KEYS: 'k1' })).toThrow(/entry 1 must be/);
  });
});

describe('appConfigFromEnv: DOCUMENT_PURGE_DRAIN_INTERVAL_MS', () => {
  const s3 = { ...base, DOCUMENT_STORAGE: 's3', S3_BUCKET: 'zorgroute-documents' };
  const interval = (env: NodeJS.ProcessEnv) => {
    const documents = appConfigFromEnv(env).documents;
    return documents.kind === 's3' ? documents.purgeDrainIntervalMs : null;
  };

  it('drains the purge outbox every 10 minutes unless told otherwise', () => {
    expect(interval(s3)).toBe(10 * 60 * 1000);
    expect(interval({ ...s3, DOCUMENT_PURGE_DRAIN_INTERVAL_MS: ' ' })).toBe(10 * 60 * 1000);
    expect(interval({ ...s3, DOCUMENT_PURGE_DRAIN_INTERVAL_MS: '1500' })).toBe(1500);
  });

  it('refuses an interval that is not a whole number of milliseconds in range', () => {
    for (const bad of ['0', '-5', '1.5', '10m', '99', String(2 ** 31)]) {
      expect(() => appConfigFromEnv({ ...s3, DOCUMENT_PURGE_DRAIN_INTERVAL_MS: bad })).toThrow(/DOCUMENT_PURGE_DRAIN_INTERVAL_MS/);
    }
  });
});
