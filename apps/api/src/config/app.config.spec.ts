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

describe('appConfigFromEnv: TEMPORAL_PAYLOAD_KEYS', () => {
  const key = Buffer.alloc(32, 7).toString('base64');
  const prod = { ...base, NODE_ENV: 'production', AUTH_SECRET: 'a-production-secret-of-some-length' };

  it('refuses to start in production without payload keys', () => {
    expect(() => appConfigFromEnv(prod)).toThrow(/TEMPORAL_PAYLOAD_KEYS is not set/);
  });

  it('reads the key ring in production; outside production no key means no encryption', () => {
    expect(appConfigFromEnv({ ...prod, TEMPORAL_PAYLOAD_KEYS: `k1:${key}` }).payloadKeys?.currentKeyId).toBe('k1');
    expect(appConfigFromEnv({ ...base }).payloadKeys).toBeNull();
    expect(() => appConfigFromEnv({ ...base, TEMPORAL_PAYLOAD_KEYS: 'k1' })).toThrow(/entry 1 must be/);
  });
});
