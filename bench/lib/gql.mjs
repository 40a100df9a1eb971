/* global fetch, AbortSignal, setTimeout */
// A minimal GraphQL-over-HTTP client for the fault tests and the benchmark (plain Node, fetch).
export class Gql {
  constructor(url) {
    this.url = url;
    this.token = null;
  }

  /** One request; network failures reject (the caller decides whether that is a "clear error"). */
  async request(query, variables = {}, { timeoutMs = 60_000, headers = {} } = {}) {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    return res.json();
  }

  async ok(query, variables = {}, opts) {
    const r = await this.request(query, variables, opts);
    if (r.errors?.length) throw new Error(`GraphQL error: ${JSON.stringify(r.errors)}`);
    return r.data;
  }

  async login(email) {
    const d = await this.ok('mutation($e: String!) { devLogin(email: $e) { token } }', { e: email });
    this.token = d.devLogin.token;
    return this;
  }
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function eventually(fn, timeoutMs = 30_000, what = 'condition', intervalMs = 250) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${lastError.message})` : ''}`);
    await sleep(intervalMs);
  }
}

/** Percentile (nearest rank) of a list of numbers. */
export function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
