import type { RequestHandler } from 'express';

/**
 * A browser that opens GET /graphql (outside production) is sent to the GraphQL IDE of the admin app, `<APP_URL>/graphiql`:
 * the IDE is built from the project's own dependencies and works offline (issue 17.10), where Apollo's own page
 * fetched its code from a public CDN and stayed blank without it. GraphQL requests themselves (POST, or GET without
 * `Accept: text/html`) pass; in production the api has no IDE and GET /graphql answers as any GraphQL GET.
 */
export function graphqlIdeRedirect(options: { production: boolean; appUrl: string }): RequestHandler {
  const target = `${options.appUrl.replace(/\/+$/, '')}/graphiql`;
  return (req, res, next) => {
    if (!options.production && req.method === 'GET' && req.path === '/graphql' && (req.headers.accept ?? '').includes('text/html')) {
      res.redirect(302, target);
      return;
    }
    next();
  };
}
