// The security headers of the admin app's HTML: one Content-Security-Policy for every server of the built app — the
// Vite preview server of `npm start` and the browser tests (vite.config.ts, through helmet) and nginx in production
// (infra/docker/nginx/default.conf.template, kept equal by security-headers.spec.ts).
//
// No inline scripts and no other origins: the build has none (scripts, styles and the favicon come from /assets and
// /); styles may be inline because MUI (emotion) writes its styles into <style> elements at run time.

export const ADMIN_CSP_DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** The policy as a header value, as helmet writes it. */
export function adminCspHeader(): string {
  return Object.entries(ADMIN_CSP_DIRECTIVES)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join(';');
}
