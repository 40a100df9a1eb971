import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { PayloadKeyRing } from './payload-keys';

/** The `encoding` of an encrypted payload (the marker the codec decodes; anything else passes through). */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
/** Metadata key holding the id of the key a payload was encrypted with (clear text, needed to pick the key). */
export const KEY_ID_METADATA_KEY = 'encryption-key-id';
/** Metadata key naming the cipher (for people and tools reading a history). */
export const CIPHER_METADATA_KEY = 'encryption-cipher';
export const CIPHER = 'AES-256-GCM';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const utf8 = (s: string): Uint8Array => Buffer.from(s, 'utf8');
const text = (b: Uint8Array | null | undefined): string | undefined => (b ? Buffer.from(b).toString('utf8') : undefined);

/** A payload that cannot be decrypted: unknown key id, malformed, or altered (GCM authentication failed). */
export class PayloadDecryptionError extends Error {
  override readonly name = 'PayloadDecryptionError';
}

/**
 * Temporal payload codec: AES-256-GCM with Node's crypto, one random 96-bit IV per payload.
 *
 * Encode serialises the whole original payload (metadata with its `encoding`, and data) as a `temporal.api.common.v1.Payload`
 * protobuf and encrypts it with the current key; the result is `{ encoding: binary/encrypted, encryption-key-id,
 * encryption-cipher }` with data `IV ‖ ciphertext ‖ tag`. The key id is also authenticated (GCM additional data), so a
 * payload relabelled with another key id fails like a tampered one. Decode picks the key by the payload's key id (any
 * configured key) and restores the original payload; payloads without the `binary/encrypted` marker pass through
 * unchanged (histories written before encryption was switched on keep replaying).
 *
 * Runs where the SDK runs codecs — in the client and the worker's main thread, never in the workflow sandbox.
 */
export class AesGcmPayloadCodec implements PayloadCodec {
  constructor(private readonly ring: PayloadKeyRing) {
    if (!ring.keys.has(ring.currentKeyId)) throw new Error(`the current payload key "${ring.currentKeyId}" is not in the key ring`);
  }

  get currentKeyId(): string {
    return this.ring.currentKeyId;
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((p) => this.encrypt(p));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((p) => this.decrypt(p));
  }

  /** Whether a payload carries this codec's marker. */
  static isEncrypted(payload: Payload): boolean {
    return text(payload.metadata?.[METADATA_ENCODING_KEY]) === ENCRYPTED_ENCODING;
  }

  private encrypt(payload: Payload): Payload {
    const keyId = this.ring.currentKeyId;
    const key = this.ring.keys.get(keyId) as Buffer;
    const plain = temporal.api.common.v1.Payload.encode(payload).finish();
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(additionalData(keyId));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return {
      metadata: {
        [METADATA_ENCODING_KEY]: utf8(ENCRYPTED_ENCODING),
        [KEY_ID_METADATA_KEY]: utf8(keyId),
        [CIPHER_METADATA_KEY]: utf8(CIPHER),
      },
      data: Buffer.concat([iv, body, cipher.getAuthTag()]),
    };
  }

  private decrypt(payload: Payload): Payload {
    if (!AesGcmPayloadCodec.isEncrypted(payload)) return payload;
    const keyId = text(payload.metadata?.[KEY_ID_METADATA_KEY]);
    if (!keyId) throw new PayloadDecryptionError(`an encrypted payload has no ${KEY_ID_METADATA_KEY} in its metadata`);
    const key = this.ring.keys.get(keyId);
    if (!key) {
      throw new PayloadDecryptionError(
        `a payload is encrypted with key "${keyId}", which is not configured (configured: ${[...this.ring.keys.keys()].join(', ')}); ` +
          'add that key to TEMPORAL_PAYLOAD_KEYS (old keys stay for decryption after a rotation)',
      );
    }
    const data = Buffer.from(payload.data ?? new Uint8Array());
    if (data.length < IV_BYTES + TAG_BYTES) throw new PayloadDecryptionError(`an encrypted payload (key "${keyId}") is too short to hold IV and tag`);
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
    decipher.setAAD(additionalData(keyId));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    let plain: Buffer;
    try {
      plain = Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw new PayloadDecryptionError(
        `a payload encrypted with key "${keyId}" failed AES-GCM authentication: it was altered, or the key configured under this id is not the one it was encrypted with`,
      );
    }
    const original = temporal.api.common.v1.Payload.decode(plain);
    return { metadata: { ...original.metadata }, data: original.data, ...(original.externalPayloads?.length ? { externalPayloads: original.externalPayloads } : {}) };
  }
}

/** GCM additional authenticated data: the format version and the key id (not secret, but bound to the ciphertext). */
function additionalData(keyId: string): Buffer {
  return Buffer.from(`zorgroute-payload-v1:${keyId}`, 'utf8');
}
