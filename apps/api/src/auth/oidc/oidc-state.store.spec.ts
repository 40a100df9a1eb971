import type { OidcLoginRequestEntity } from '@zorgroute/domain';
import { pkceChallengeS256, sha256Hex } from './oidc-crypto';
import { type LoginRequestRepository, OidcStateStore } from './oidc-state.store';

function memoryRepo(): LoginRequestRepository & { rows: Map<string, OidcLoginRequestEntity> } {
  const rows = new Map<string, OidcLoginRequestEntity>();
  return {
    rows,
    insert: async (row) => {
      rows.set(row.stateHash, row);
    },
    take: async (hash) => {
      const row = rows.get(hash) ?? null;
      rows.delete(hash);
      return row;
    },
    deleteExpired: async (now) => {
      for (const [k, v] of rows) if (v.expiresAt <= now) rows.delete(k);
    },
  };
}

describe('OidcStateStore', () => {
  let now = new Date('2026-11-23T09:00:00Z');
  const clock = () => now;
  beforeEach(() => (now = new Date('2026-11-23T09:00:00Z')));

  it('stores only hashes of state and binding, and returns nonce and verifier once', async () => {
    const repo = memoryRepo();
    const store = new OidcStateStore(repo, 600, clock);
    const pending = await store.create('browser-1');
    const row = [...repo.rows.values()][0];
    expect(row.stateHash).toBe(sha256Hex(pending.state));
    expect(row.bindingHash).toBe(sha256Hex('browser-1'));
    expect(JSON.stringify(row)).not.toContain(pending.state);
    expect(() => pkceChallengeS256(pending.codeVerifier)).not.toThrow();
    expect(pending.nonce).not.toBe(pending.state);
    await expect(store.consume(pending.state, 'browser-1')).resolves.toEqual(pending);
    await expect(store.consume(pending.state, 'browser-1')).rejects.toMatchObject({ code: 'OIDC_STATE_INVALID' });
  });

  it('refuses an unknown or missing state', async () => {
    const store = new OidcStateStore(memoryRepo(), 600, clock);
    await store.create('browser-1');
    await expect(store.consume('nope', 'browser-1')).rejects.toMatchObject({ code: 'OIDC_STATE_INVALID' });
    await expect(store.consume(undefined, 'browser-1')).rejects.toMatchObject({ code: 'OIDC_STATE_INVALID' });
  });

  it('refuses an expired state', async () => {
    const store = new OidcStateStore(memoryRepo(), 600, clock);
    const pending = await store.create('browser-1');
    now = new Date(now.getTime() + 601_000);
    await expect(store.consume(pending.state, 'browser-1')).rejects.toMatchObject({ code: 'OIDC_STATE_INVALID' });
  });

  it('refuses a state from another browser and burns it', async () => {
    const store = new OidcStateStore(memoryRepo(), 600, clock);
    const pending = await store.create('browser-1');
    await expect(store.consume(pending.state, 'browser-2')).rejects.toMatchObject({ code: 'OIDC_STATE_INVALID' });
    await expect(store.consume(pending.state, null)).rejects.toMatchObject({ code: 'OIDC_STATE_INVALID' });
    await expect(store.consume(pending.state, 'browser-1')).rejects.toMatchObject({ code: 'OIDC_STATE_INVALID' });
  });

  it('cleans up expired pending logins when a new one starts', async () => {
    const repo = memoryRepo();
    const store = new OidcStateStore(repo, 600, clock);
    await store.create('browser-1');
    now = new Date(now.getTime() + 700_000);
    await store.create('browser-1');
    expect(repo.rows.size).toBe(1);
  });
});
