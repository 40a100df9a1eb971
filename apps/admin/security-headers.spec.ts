/**
 * @jest-environment node
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import helmet from 'helmet';
import { ADMIN_CSP_DIRECTIVES, adminCspHeader } from './security-headers';

describe('the admin app’s Content-Security-Policy', () => {
  it('allows no inline script and no other origin for scripts', () => {
    expect(ADMIN_CSP_DIRECTIVES['script-src']).toEqual(["'self'"]);
    expect(adminCspHeader()).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|https?:/);
  });

  it('is the header helmet sends (Vite preview) and the header nginx sends (production)', () => {
    const headers = new Map<string, string>();
    const res = { setHeader: (k: string, v: string) => headers.set(k.toLowerCase(), v), removeHeader: () => undefined };
    helmet({ contentSecurityPolicy: { useDefaults: false, directives: ADMIN_CSP_DIRECTIVES } })({} as never, res as never, () => undefined);
    expect(headers.get('content-security-policy')).toBe(adminCspHeader());
    const nginx = readFileSync(path.join(__dirname, '../../infra/docker/nginx/default.conf.template'), 'utf8');
    expect(nginx).toContain(`add_header Content-Security-Policy "${adminCspHeader()}" always;`);
  });
});
