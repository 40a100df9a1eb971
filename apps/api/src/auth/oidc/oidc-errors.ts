/** Why an OpenID Connect login was refused; the code travels to the admin app as `#error=<code>`. */
export type OidcErrorCode =
  | 'OIDC_DISABLED'
  | 'OIDC_STATE_INVALID'
  | 'OIDC_ACCESS_DENIED'
  | 'OIDC_PROVIDER_ERROR'
  | 'OIDC_TOKEN_INVALID'
  | 'OIDC_CLAIM_MISSING'
  | 'OIDC_UNKNOWN_USER'
  | 'RATE_LIMITED';

/** Dutch texts for the codes (the admin app has the same list for its login page). */
export const OIDC_ERROR_MESSAGES: Record<OidcErrorCode, { nl: string; en: string }> = {
  OIDC_DISABLED: { nl: 'Inloggen met een schoolaccount is niet ingesteld.', en: 'OpenID Connect login is not configured.' },
  OIDC_STATE_INVALID: {
    nl: 'Deze inlogpoging is verlopen of al gebruikt. Probeer opnieuw in te loggen.',
    en: 'This login attempt has expired or was already used. Try logging in again.',
  },
  OIDC_ACCESS_DENIED: { nl: 'Inloggen is afgebroken bij de schoolaccount-dienst.', en: 'The login was cancelled at the identity provider.' },
  OIDC_PROVIDER_ERROR: {
    nl: 'De schoolaccount-dienst is niet bereikbaar of gaf een fout. Probeer het later opnieuw.',
    en: 'The identity provider is unreachable or returned an error. Try again later.',
  },
  OIDC_TOKEN_INVALID: { nl: 'Het antwoord van de schoolaccount-dienst is ongeldig.', en: 'The identity provider returned an invalid ID token.' },
  OIDC_CLAIM_MISSING: {
    nl: 'Uw schoolaccount geeft geen (bevestigd) e-mailadres door; neem contact op met de beheerder.',
    en: 'Your school account does not provide a (verified) user identifier; contact the administrator.',
  },
  OIDC_UNKNOWN_USER: {
    nl: 'Uw schoolaccount is niet bekend in Zorgroute. Vraag de beheerder van uw school om u toe te voegen.',
    en: 'Your school account is not known in Zorgroute. Ask your school administrator to add you.',
  },
  RATE_LIMITED: { nl: 'Te veel inlogpogingen; probeer het over een minuut opnieuw.', en: 'Too many login attempts; try again in a minute.' },
};

export class OidcLoginError extends Error {
  constructor(
    readonly code: OidcErrorCode,
    detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}
