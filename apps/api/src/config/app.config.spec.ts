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
