// The OpenID Connect callback of the api sends the browser back to /login with the result in the
// URL fragment (never sent to a server): `#code=<one-time code>` — no token: the login page exchanges the code for the
// session cookie, which works only in the browser that started the login — or `#error=<code>`.

export type OidcReturn = { kind: 'code'; code: string } | { kind: 'error'; code: string } | null;

const ERROR_MESSAGES: Record<string, string> = {
  OIDC_UNKNOWN_USER: 'Uw schoolaccount is niet bekend in Zorgroute. Vraag de beheerder van uw school om u toe te voegen.',
  OIDC_STATE_INVALID: 'Deze inlogpoging is verlopen of al gebruikt. Probeer opnieuw in te loggen.',
  OIDC_ACCESS_DENIED: 'Inloggen is afgebroken bij de schoolaccount-dienst.',
  OIDC_PROVIDER_ERROR: 'De schoolaccount-dienst is niet bereikbaar of gaf een fout. Probeer het later opnieuw.',
  OIDC_TOKEN_INVALID: 'Het antwoord van de schoolaccount-dienst is ongeldig. Probeer het opnieuw.',
  OIDC_CLAIM_MISSING: 'Uw schoolaccount geeft geen (bevestigd) e-mailadres door; neem contact op met de beheerder.',
  OIDC_DISABLED: 'Inloggen met een schoolaccount is niet ingesteld.',
  RATE_LIMITED: 'Te veel inlogpogingen; probeer het over een minuut opnieuw.',
};

/** Reads `#code=…` or `#error=…` from a URL fragment (anything else, such as `#token=…`, is ignored). */
export function parseOidcReturn(hash: string): OidcReturn {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const code = params.get('code');
  if (code && /^[A-Za-z0-9_-]{43}$/.test(code)) return { kind: 'code', code };
  const error = params.get('error');
  if (error) return { kind: 'error', code: error };
  return null;
}

export function oidcErrorMessage(code: string): string {
  return ERROR_MESSAGES[code] ?? 'Inloggen met uw schoolaccount is niet gelukt. Probeer het opnieuw.';
}

/** Where to go after a login through the provider (the router state does not survive the round trip). */
const RETURN_KEY = 'zorgroute.loginReturnTo';

export function rememberReturnTo(path: string): void {
  try {
    window.sessionStorage.setItem(RETURN_KEY, path);
  } catch {
    // storage disabled: the user lands on the home page
  }
}

/** The path remembered by the last click on "Inloggen met schoolaccount" (kept: every login click overwrites it). */
export function peekReturnTo(): string | null {
  try {
    const value = window.sessionStorage.getItem(RETURN_KEY);
    return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/login') ? value : null;
  } catch {
    return null;
  }
}
