/** Starts apps/api/test/oidc/provider.mjs (a real OpenID provider, oidc-provider) in a child process. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface TestProvider {
  issuer: string;
  /** Chooses the account that logs in at the next authorization request. */
  useAccount(id: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startTestProvider(options: { clientId: string; redirectUri: string; postLogoutUri: string; accounts: Record<string, string>; port?: number }): Promise<TestProvider> {
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, 'provider.mjs')], {
    env: {
      ...process.env,
      OIDC_TEST_PORT: String(options.port ?? 7335),
      OIDC_TEST_CLIENT_ID: options.clientId,
      OIDC_TEST_REDIRECT_URI: options.redirectUri,
      OIDC_TEST_POST_LOGOUT_URI: options.postLogoutUri,
      OIDC_TEST_ACCOUNTS: JSON.stringify(options.accounts),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const issuer = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`OpenID provider did not start: ${stderr}`)), 20_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`OpenID provider exited (${code}): ${stderr}`));
    });
  });
  return {
    issuer,
    async useAccount(id) {
      const res = await fetch(`${issuer}/__test/account/${encodeURIComponent(id)}`, { method: 'POST' });
      if (res.status !== 204) throw new Error(`useAccount: HTTP ${res.status}`);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A free TCP port on 127.0.0.1 (for the api, whose callback URL the provider must know first). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** A minimal cookie jar per origin, enough to walk the redirects of a login like a browser. */
export class CookieJar {
  private readonly jars = new Map<string, Map<string, string>>();

  header(url: string): string {
    const jar = this.jars.get(new URL(url).origin);
    return jar ? [...jar].map(([k, v]) => `${k}=${v}`).join('; ') : '';
  }

  store(url: string, res: Response): void {
    const origin = new URL(url).origin;
    const jar = this.jars.get(origin) ?? new Map<string, string>();
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && new Date(a.split('=')[1]).getTime() < Date.now()));
      if (!value || expired) jar.delete(name);
      else jar.set(name, value);
    }
    this.jars.set(origin, jar);
  }

  get(url: string, name: string): string | undefined {
    return this.jars.get(new URL(url).origin)?.get(name);
  }

  set(url: string, name: string, value: string): void {
    const origin = new URL(url).origin;
    const jar = this.jars.get(origin) ?? new Map<string, string>();
    jar.set(name, value);
    this.jars.set(origin, jar);
  }
}

/**
 * Follows redirects from `url` (GET, manual mode, carrying cookies) until a Location starts with one
 * of `stopAt`; returns that Location (not fetched).
 */
export async function followRedirects(url: string, jar: CookieJar, stopAt: string[], maxHops = 20): Promise<string> {
  let current = url;
  for (let hop = 0; hop < maxHops; hop += 1) {
    const cookie = jar.header(current);
    const res = await fetch(current, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    jar.store(current, res);
    const location = res.headers.get('location');
    if (res.status < 300 || res.status >= 400 || !location) {
      throw new Error(`expected a redirect from ${current}, got HTTP ${res.status}: ${(await res.text()).slice(0, 500)}`);
    }
    const next = new URL(location, current).toString();
    if (stopAt.some((s) => next.startsWith(s))) return next;
    current = next;
  }
  throw new Error('too many redirects');
}
