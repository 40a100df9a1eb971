import { loginInvitationTtlDaysFromEnv } from '@zorgroute/domain';

/**
 * Logins for parents/guardians and pupils without a school account (docs/security.md "Logins for parents and pupils"):
 * passkeys (WebAuthn) and e-mail one-time codes, reached through an invitation.
 */
export interface FamilyLoginConfig {
  /** WEBAUTHN_RP_ID: the relying party id passkeys are bound to — the app's host name or a parent domain of it. */
  rpId: string;
  /** WEBAUTHN_RP_NAME: the name a passkey prompt shows (default "Zorgroute"). */
  rpName: string;
  /** WEBAUTHN_ORIGINS: the origins (scheme://host[:port]) a passkey ceremony may come from; default the origin of APP_URL. */
  origins: string[];
  /** LOGIN_INVITATION_TTL_DAYS: how long an invitation link works (default 14). */
  invitationTtlDays: number;
  /** EMAIL_LOGIN_CODE_TTL_MINUTES: how long an e-mail login code works (default 10, 2–30). */
  codeTtlMinutes: number;
  /** Wrong codes before a code is burnt (5). */
  codeMaxAttempts: number;
  /** SMTP_URL and MAIL_FROM, as the worker's: invitations and codes are sent by the api itself. Null: not configured. */
  smtpUrl: string | null;
  mailFrom: string;
}

export function familyLoginConfigFromEnv(env: NodeJS.ProcessEnv, appUrl: string, production: boolean): FamilyLoginConfig {
  const appOrigin = new URL(appUrl).origin;
  // Set explicitly, the relying party must be usable; derived from APP_URL it is checked only as far as it is consistent:
  // an install on http or an IP address (a test, an intranet without TLS) keeps the e-mail code login, and the browser
  // refuses passkeys there by itself.
  const explicit = env.WEBAUTHN_ORIGINS !== undefined || env.WEBAUTHN_RP_ID !== undefined;
  const origins = (env.WEBAUTHN_ORIGINS ?? appOrigin)
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)
    .map((o) => {
      let url: URL;
      try {
        url = new URL(o);
      } catch {
        throw new Error(`WEBAUTHN_ORIGINS: ${o} is not a URL`);
      }
      if (url.origin !== o.replace(/\/$/, '')) throw new Error(`WEBAUTHN_ORIGINS: ${o} must be an origin (scheme://host[:port], no path)`);
      if (production && explicit && url.protocol !== 'https:') throw new Error(`WEBAUTHN_ORIGINS: ${o} must use https in production`);
      return url.origin;
    });
  const rpId = (env.WEBAUTHN_RP_ID ?? new URL(origins[0] ?? appOrigin).hostname).trim().toLowerCase();
  if (!rpId || /[/:]/.test(rpId)) throw new Error('WEBAUTHN_RP_ID must be a host name (no scheme, port or path)');
  // Browsers refuse passkeys for an IP address. An address derived from APP_URL (http://127.0.0.1…) is accepted —
  // passkeys then fail in the browser and the e-mail code remains; use http://localhost:… (or a domain) for passkeys.
  const isIp = /^\d+\.\d+\.\d+\.\d+$/.test(rpId) || rpId.includes('[');
  if (isIp && explicit) throw new Error('WEBAUTHN_RP_ID must be a domain name: browsers refuse passkeys for an IP address (use localhost in development)');
  for (const origin of origins) {
    const host = new URL(origin).hostname;
    if (host !== rpId && !host.endsWith(`.${rpId}`)) throw new Error(`WEBAUTHN_RP_ID ${rpId} must be the host of ${origin} or a parent domain of it`);
  }
  const codeTtlMinutes = Number(env.EMAIL_LOGIN_CODE_TTL_MINUTES ?? 10);
  if (!Number.isInteger(codeTtlMinutes) || codeTtlMinutes < 2 || codeTtlMinutes > 30) throw new Error('EMAIL_LOGIN_CODE_TTL_MINUTES must be a whole number from 2 to 30');
  return {
    rpId,
    rpName: env.WEBAUTHN_RP_NAME?.trim() || 'Zorgroute',
    origins,
    invitationTtlDays: loginInvitationTtlDaysFromEnv(env),
    codeTtlMinutes,
    codeMaxAttempts: 5,
    smtpUrl: env.SMTP_URL?.trim() || null,
    mailFrom: env.MAIL_FROM ?? 'Zorgroute <noreply@zorgroute.local>',
  };
}
