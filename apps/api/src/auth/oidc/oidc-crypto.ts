import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random, URL-safe token (base64url of `bytes` random bytes; 32 bytes → 43 characters). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** PKCE S256 code challenge (RFC 7636 §4.2): BASE64URL(SHA256(ASCII(code_verifier))). */
export function pkceChallengeS256(codeVerifier: string): string {
  if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(codeVerifier)) throw new Error('invalid PKCE code_verifier');
  return createHash('sha256').update(codeVerifier, 'ascii').digest('base64url');
}

/** Constant-time comparison of two hex digests. */
export function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/** Reads one cookie from a Cookie header. */
export function readCookie(header: string | string[] | undefined, name: string): string | null {
  const raw = Array.isArray(header) ? header.join('; ') : (header ?? '');
  for (const part of raw.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** A Set-Cookie value for the browser-binding cookie: httpOnly, SameSite=Lax (the callback is a top-level GET from the provider). */
export function bindingCookie(name: string, value: string, options: { path: string; maxAgeSeconds: number; secure: boolean }): string {
  return [`${name}=${value}`, `Path=${options.path}`, `Max-Age=${options.maxAgeSeconds}`, 'HttpOnly', 'SameSite=Lax', ...(options.secure ? ['Secure'] : [])].join('; ');
}
