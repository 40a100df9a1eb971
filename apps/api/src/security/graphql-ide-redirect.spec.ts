import type { Request, Response } from 'express';
import { graphqlIdeRedirect } from './graphql-ide-redirect';

function call(options: { production: boolean }, req: Partial<Request>): { redirected: string | null; next: boolean } {
  let redirected: string | null = null;
  let next = false;
  const res = { redirect: (_status: number, url: string) => (redirected = url) } as unknown as Response;
  graphqlIdeRedirect({ ...options, appUrl: 'http://127.0.0.1:4200/' })({ method: 'GET', path: '/graphql', headers: {}, ...req } as Request, res, () => (next = true));
  return { redirected, next };
}

describe('graphqlIdeRedirect', () => {
  it('sends a browser at GET /graphql to the admin app’s offline IDE', () => {
    expect(call({ production: false }, { headers: { accept: 'text/html,application/xhtml+xml' } })).toEqual({ redirected: 'http://127.0.0.1:4200/graphiql', next: false });
  });

  it('lets GraphQL requests and production pass', () => {
    expect(call({ production: false }, { method: 'POST', headers: { accept: 'text/html' } })).toEqual({ redirected: null, next: true });
    expect(call({ production: false }, { headers: { accept: 'application/json' } })).toEqual({ redirected: null, next: true });
    expect(call({ production: true }, { headers: { accept: 'text/html' } })).toEqual({ redirected: null, next: true });
    expect(call({ production: false }, { path: '/health', headers: { accept: 'text/html' } })).toEqual({ redirected: null, next: true });
  });
});
