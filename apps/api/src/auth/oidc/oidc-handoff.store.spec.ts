import type { OidcLoginHandoffEntity } from '@zorgroute/domain';
import { sha256Hex } from './oidc-crypto';
import { type HandoffRepository, OidcHandoffStore } from './oidc-handoff.store';

function memoryRepo(): HandoffRepository & { rows: Map<string, OidcLoginHandoffEntity> } {
  const rows = new Map<string, OidcLoginHandoffEntity>();
  return {
    rows,
    insert: async (row) => {
      rows.set(row.codeHash, row);
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

describe('OidcHandoffStore', () => {
  let now = new Date('2026-11-23T09:00:00Z');
  const clock = () => now;
  beforeEach(() => (now = new Date('2026-11-23T09:00:00Z')));

  it('stores only hashes of the code and the binding, and hands the login over once', async () => {
    const repo = memoryRepo();
    const store = new OidcHandoffStore(repo, 60, clock);
    const code = await store.create('browser-1', 'user-1', 'id-token');
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = [...repo.rows.values()][0];
    expect(row.codeHash).toBe(sha256Hex(code));
    expect(row.bindingHash).toBe(sha256Hex('browser-1'));
    expect(JSON.stringify(row)).not.toContain(code);
    await expect(store.consume(code, 'browser-1')).resolves.toEqual({ userId: 'user-1', idToken: 'id-token' });
    await expect(store.consume(code, 'browser-1')).rejects.toMatchObject({ code: 'OIDC_STATE_INVALID' });
  });

  it('refuses the code in another browser (login CSRF) and burns it', async () => {
    const store = new OidcHandoffStore(memoryRepo(), 60, clock);
    const code = await store.create('browser-1', 'user-1', null);
    await expect(store.consume(code, null)).rejects.toMatchObject({ code: 'OIDC_STATE_INVALID' });
    await expect(store.consume(code, 'browser-1')).rejects.toMatchObject({ code: 'OIDC_STATE_INVALID' });
    const other = await store.create('browser-1', 'user-1', null);
    await expect(store.consume(other, 'browser-2')).rejects.toMatchObject({ code: 'OIDC_STATE_INVALID' });
  });

  it('refuses an expired or malformed code', async () => {
    const store = new OidcHandoffStore(memoryRepo(), 60, clock);
    const code = await store.create('browser-1', 'user-1', null);
    now = new Date(now.getTime() + 61_000);
    await expect(store.consume(code, 'browser-1')).rejects.toMatchObject({ code: 'OIDC_STATE_INVALID' });
    await expect(store.consume(undefined, 'browser-1')).rejects.toMatchObject({ code: 'OIDC_STATE_INVALID' });
    await expect(store.consume('not a code', 'browser-1')).rejects.toMatchObject({ code: 'OIDC_STATE_INVALID' });
  });
});
