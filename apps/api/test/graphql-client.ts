/** Minimal GraphQL-over-HTTP client for end-to-end tests. */
export interface GqlResult<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; messageEn?: string } }[];
}

export class GraphQLTestClient {
  token: string | null = null;

  constructor(private readonly url: string) {}

  async request<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GqlResult<T>> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GqlResult<T>;
  }

  async ok<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const r = await this.request<T>(query, variables);
    if (r.errors?.length) throw new Error(`GraphQL error: ${JSON.stringify(r.errors)}`);
    return r.data as T;
  }

  async login(email: string): Promise<void> {
    const d = await this.ok<{ devLogin: { token: string } }>('mutation($e: String!) { devLogin(email: $e) { token } }', { e: email });
    this.token = d.devLogin.token;
  }
}

/**
 * A client per user, logged in once: `devLogin` is rate-limited per IP and the suites share it, so a spec logs each user
 * in once and reuses the token. `url` is read at each call (a test stack knows its address only once started).
 */
export function loggedInClients(url: () => string): (email: string) => Promise<GraphQLTestClient> {
  const tokens = new Map<string, string>();
  return async (email) => {
    const c = new GraphQLTestClient(url());
    if (!tokens.has(email)) {
      await c.login(email);
      tokens.set(email, c.token as string);
    }
    c.token = tokens.get(email) as string;
    return c;
  };
}

export interface CaughtMail {
  id: string;
  subject: string;
  text: string;
  html: string;
  to: { address: string }[];
  messageId: string;
}

/** Reads the mail catcher's inbox (maildev REST API). */
export async function mailsTo(mailWebUrl: string, address: string): Promise<CaughtMail[]> {
  const res = await fetch(`${mailWebUrl.replace(/\/$/, '')}/email`);
  const all = (await res.json()) as CaughtMail[];
  return all.filter((m) => m.to.some((t) => t.address.toLowerCase() === address.toLowerCase()));
}

export async function eventually<T>(fn: () => Promise<T | null | undefined | false>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
