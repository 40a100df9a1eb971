/**
 * Where a login may send the browser afterwards: only a path of this app (`/cases/…`), never another site. Refused:
 * anything that is not a plain absolute path (`//evil.example`, `/\evil.example`, `https://…`, `javascript:`), control
 * characters, and the login pages themselves. The admin app applies the same rule (features/family-login/return-path.ts).
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
