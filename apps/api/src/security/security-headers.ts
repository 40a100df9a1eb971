import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Security headers of every api response (helmet): no `X-Powered-By`, `nosniff`, no framing, no referrer, HSTS, and a
 * Content-Security-Policy that allows nothing — the api serves JSON, files and calendars, never a page. The one page it
 * has, the GraphQL IDE at GET /graphql (off in production), loads its scripts inline and from a CDN, so it gets the
 * same headers without the CSP, and only outside production. The admin app's HTML has its own policy
 * (apps/admin/security-headers.ts).
 */
export function securityHeaders(options: { production: boolean }): RequestHandler {
  const strict = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { 'default-src': ["'none'"], 'base-uri': ["'none'"], 'form-action': ["'none'"], 'frame-ancestors': ["'none'"] },
    },
    referrerPolicy: { policy: 'no-referrer' },
  });
  const ide = helmet({ contentSecurityPolicy: false, crossOriginEmbedderPolicy: false, referrerPolicy: { policy: 'no-referrer' } });
  return (req, res, next) => {
    const isIde = !options.production && req.method === 'GET' && req.path === '/graphql' && (req.headers.accept ?? '').includes('text/html');
    (isIde ? ide : strict)(req, res, next);
  };
}
