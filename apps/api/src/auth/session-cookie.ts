import type { Response } from 'express';
import type { AppConfig } from '../config/app.config';
import { readCookie } from './oidc/oidc-crypto';

/**
 * The browser session: the access token in an httpOnly cookie (JavaScript cannot read it, so a script injected into the
 * page cannot take the session away), `SameSite=Strict` (never sent on a request another site starts) and `Secure`
 * when the app runs on https — then with the `__Host-` prefix, which the browser accepts only with Secure, Path=/ and
 * no Domain. API clients keep sending `Authorization: Bearer <token>`; the header wins over the cookie.
 */
export function sessionCookieName(config: Pick<AppConfig, 'appUrl'>): string {
  return secureCookies(config) ? '__Host-zr_session' : 'zr_session';
}

export function secureCookies(config: Pick<AppConfig, 'appUrl'>): boolean {
  return config.appUrl.startsWith('https:');
}

/** Sets the session cookie; it expires with the token (its session). */
export function setSessionCookie(res: Response | undefined, config: Pick<AppConfig, 'appUrl' | 'tokenTtlSeconds'>, token: string): void {
  res?.cookie(sessionCookieName(config), token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: secureCookies(config),
    path: '/',
    maxAge: config.tokenTtlSeconds * 1000,
  });
}

/** Removes the session cookie (logout). */
export function clearSessionCookie(res: Response | undefined, config: Pick<AppConfig, 'appUrl'>): void {
  res?.clearCookie(sessionCookieName(config), { httpOnly: true, sameSite: 'strict', secure: secureCookies(config), path: '/' });
}

type Headers = Record<string, string | string[] | undefined>;

/** The access token of a request: the bearer token of an API client, else the browser's session cookie. */
export function requestToken(headers: Headers, config: Pick<AppConfig, 'appUrl'>): string | null {
  const header = headers.authorization;
  const value = Array.isArray(header) ? header[0] : header;
  if (value !== undefined) return value.startsWith('Bearer ') ? value.slice(7) || null : null;
  return readCookie(headers.cookie, sessionCookieName(config)) || null;
}
