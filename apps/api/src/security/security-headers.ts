import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Security headers of every api response (helmet): no `X-Powered-By`, `nosniff`, no framing, no referrer, HSTS, and a
 * Content-Security-Policy that allows nothing — the api serves JSON, files and calendars, never a page (the GraphQL
 * IDE is a page of the admin app: graphql-ide-redirect.ts). The admin app's HTML has its own policy
 * (apps/admin/security-headers.ts).
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { 'default-src': ["'none'"], 'base-uri': ["'none'"], 'form-action': ["'none'"], 'frame-ancestors': ["'none'"] },
    },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
