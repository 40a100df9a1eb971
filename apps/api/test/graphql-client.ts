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
