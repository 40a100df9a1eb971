/**
 * The key ring of the payload codec: AES-256 keys by id, read from `TEMPORAL_PAYLOAD_KEYS`.
 *
 *   TEMPORAL_PAYLOAD_KEYS="k2:<base64 of 32 random bytes>,k1:<base64 of 32 random bytes>"
 *
 * The first key is the current one (new payloads are encrypted with it); every key decrypts what was encrypted with
 * its id. Rotation: put the new key first and keep the old ones for as long as histories encrypted with them exist
 * (docs/security.md "Encryption of workflow data"). Error messages name key ids, never key material.
 */

/** Key ids: short, printable, stored in clear text in every payload's metadata. */
const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;
/** AES-256: 32 bytes of key material. */
export const PAYLOAD_KEY_BYTES = 32;

export interface PayloadKeyRing {
  /** Id of the key new payloads are encrypted with (the first in TEMPORAL_PAYLOAD_KEYS). */
  readonly currentKeyId: string;
  /** Every configured key by id (the current one included). */
  readonly keys: ReadonlyMap<string, Buffer>;
}

/** A problem with the configured keys (the api and worker refuse to start with it). */
export class PayloadKeyConfigError extends Error {
  override readonly name = 'PayloadKeyConfigError';
}

/**
 * Parses `id:base64,id:base64,…` (the first entry is the current key). Keys are standard or URL-safe base64 of exactly
 * 32 bytes; ids are unique and match [A-Za-z0-9._-]{1,64}.
 */
export function parsePayloadKeys(value: string, variable = 'TEMPORAL_PAYLOAD_KEYS'): PayloadKeyRing {
  const entries = value
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  if (!entries.length) throw new PayloadKeyConfigError(`${variable} holds no key (expected "id:<base64 of 32 bytes>[,id:<base64>…]")`);
  const keys = new Map<string, Buffer>();
  entries.forEach((entry, index) => {
    const colon = entry.indexOf(':');
    const id = colon > 0 ? entry.slice(0, colon).trim() : '';
    const material = colon > 0 ? entry.slice(colon + 1).trim() : '';
    if (!KEY_ID.test(id)) {
      throw new PayloadKeyConfigError(`${variable}: entry ${index + 1} must be "<id>:<base64 key>" with an id of letters, digits, ".", "_" or "-" (at most 64)`);
    }
    if (keys.has(id)) throw new PayloadKeyConfigError(`${variable}: key id "${id}" appears twice`);
    const key = /^[A-Za-z0-9+/_-]+={0,2}$/.test(material) ? Buffer.from(material, 'base64') : Buffer.alloc(0);
    if (key.length !== PAYLOAD_KEY_BYTES) {
      throw new PayloadKeyConfigError(`${variable}: key "${id}" must be the base64 encoding of exactly ${PAYLOAD_KEY_BYTES} bytes (e.g. \`openssl rand -base64 32\`)`);
    }
    keys.set(id, key);
  });
  return { currentKeyId: entries[0].slice(0, entries[0].indexOf(':')).trim(), keys };
}

/**
 * The key ring from the environment: `TEMPORAL_PAYLOAD_KEYS`. Without it: an error with `production` (NODE_ENV=production:
 * the api and worker refuse to start rather than write pupil data in clear text into Temporal), otherwise null
 * (payloads are not encrypted; `npm start` and `npm test` always set a key).
 */
export function payloadKeysFromEnv(env: NodeJS.ProcessEnv, opts: { production: boolean }): PayloadKeyRing | null {
  const value = env.TEMPORAL_PAYLOAD_KEYS?.trim();
  if (!value) {
    if (opts.production) {
      throw new PayloadKeyConfigError(
        'TEMPORAL_PAYLOAD_KEYS is not set: with NODE_ENV=production Zorgroute does not write pupil data unencrypted into Temporal. ' +
          'Set it to "<key id>:<base64 of 32 random bytes>" (e.g. `echo "k1:$(openssl rand -base64 32)"`); see docs/operations.md.',
      );
    }
    return null;
  }
  return parsePayloadKeys(value);
}
