/** Replaces the password part of URLs such as `smtp://user:secret@host` with `***`. */
const URL_CREDENTIALS = /([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s@/]*@/gi;

/**
 * Removes credentials from a message before it is logged, stored (last_error) or thrown:
 * every given secret (raw and URL-encoded) and any password embedded in a URL.
 */
export function redactSecrets(message: string, secrets: readonly string[] = []): string {
  let result = message.replace(URL_CREDENTIALS, '$1***@');
  for (const secret of secrets) {
    if (!secret) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) {
      result = result.split(form).join('***');
    }
  }
  return result;
}

/** The message of anything thrown, without credentials. */
export function errorMessage(error: unknown, secrets: readonly string[] = []): string {
  const message = error instanceof Error ? error.message : String(error);
  return redactSecrets(message, secrets);
}
