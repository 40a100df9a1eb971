/**
 * Where a login may send the browser afterwards: only a path of this app (`/cases/…`), never another site or the login
 * pages themselves. The same rule as the api's (apps/api/src/auth/family/return-path.ts).
 */
export function safeReturnPath(path: string | null | undefined): string | null {
  if (typeof path !== 'string' || path.length === 0 || path.length > 300) return null;
  if (!path.startsWith('/') || path.startsWith('//') || path.includes('\\')) return null;
  if ([...path].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return null;
  let url: URL;
  try {
    url = new URL(path, 'https://zorgroute.invalid');
  } catch {
    return null;
  }
  if (url.origin !== 'https://zorgroute.invalid') return null;
  if (/^\/(login|uitnodiging)(\/|$)/.test(url.pathname)) return null;
  return `${url.pathname}${url.search}`;
}

/** The invitation token from the page's fragment (`#token=…`; never sent to a server), or null. */
export function invitationTokenOf(hash: string): string | null {
  const token = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash).get('token');
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
}
