// The production check's two HTTP helpers, shared by run.mjs and fresh-install.mjs: a GraphQL client with a bearer
// token and the mail catcher's messages to one address.
/* global fetch, AbortSignal -- Node.js 20 globals */
import { ZorgrouteError } from '../scripts/lib/log.mjs';

/** A small GraphQL-over-HTTP client with a bearer token (`client.token`); `ok` throws on GraphQL errors. */
export function graphqlClient(url) {
  const client = {
    token: null,
    async request(query, variables = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', connection: 'close', ...(client.token ? { authorization: `Bearer ${client.token}` } : {}) },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(60_000),
      });
      return response.json();
    },
    async ok(query, variables) {
      const result = await client.request(query, variables);
      if (result.errors?.length) throw new ZorgrouteError(`GraphQL error: ${JSON.stringify(result.errors)}`);
      return result.data;
    },
  };
  return client;
}

/** Messages in the mail catcher (maildev REST API) addressed to `address`. */
export async function mailsTo(webUrl, address) {
  const response = await fetch(`${webUrl.replace(/\/$/, '')}/email`, { headers: { connection: 'close' }, signal: AbortSignal.timeout(10_000) });
  return (await response.json()).filter((m) => m.to?.some((t) => t.address.toLowerCase() === address.toLowerCase()));
}
