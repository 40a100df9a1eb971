import { createHash, createPrivateKey, createPublicKey, randomBytes, sign, verify, type KeyObject } from 'node:crypto';

/**
 * Keys of the signed audit checkpoints (docs/security.md, "Audit trail"). Ed25519: the worker signs with the private
 * key (`AUDIT_CHECKPOINT_KEY`, 32 random bytes in base64 — `openssl rand -base64 32`); verifying needs only the public
 * keys, so the api (and an outside auditor) can check checkpoints without being able to make them. The database never
 * holds a key: an insider who can rewrite the audit table cannot sign a checkpoint for the rewritten chain.
 */

/** DER prefix of a PKCS#8 Ed25519 private key; the 32-byte seed follows (RFC 8410). */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** Development only (never with NODE_ENV=production): a fixed, public seed, like the fixed development AUTH_SECRET. */
const DEVELOPMENT_SEED = createHash('sha256').update('zorgroute-development-audit-checkpoint-key').digest();

const KEY_TEXT = /^[A-Za-z0-9+/_-]{43}=?$/;

function decode32(text: string, what: string): Buffer {
  const value = text.trim();
  const bytes = KEY_TEXT.test(value) ? Buffer.from(value, 'base64') : Buffer.alloc(0);
  if (bytes.length !== 32) throw new Error(`${what} must be 32 bytes in base64 or base64url (e.g. \`openssl rand -base64 32\`)`);
  return bytes;
}

function rawPublicKey(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  return Buffer.from(String(jwk.x), 'base64url');
}

/** The key id stored with each checkpoint: the first 16 hex digits of sha256 of the raw public key. */
export function auditCheckpointKeyId(publicKey: KeyObject): string {
  return createHash('sha256').update(rawPublicKey(publicKey)).digest('hex').slice(0, 16);
}

/** Signs checkpoints with one private key. */
export class AuditCheckpointSigner {
  readonly keyId: string;
  readonly publicKey: KeyObject;

  private constructor(private readonly privateKey: KeyObject) {
    this.publicKey = createPublicKey(privateKey);
    this.keyId = auditCheckpointKeyId(this.publicKey);
  }

  /** From the 32-byte seed in base64/base64url (the format of `AUDIT_CHECKPOINT_KEY`). */
  static fromSeed(seed: string | Buffer, what = 'AUDIT_CHECKPOINT_KEY'): AuditCheckpointSigner {
    const bytes = typeof seed === 'string' ? decode32(seed, what) : seed;
    if (bytes.length !== 32) throw new Error(`${what} must be 32 bytes`);
    return new AuditCheckpointSigner(createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, bytes]), format: 'der', type: 'pkcs8' }));
  }

  /** The public key in the format of `AUDIT_CHECKPOINT_PUBLIC_KEYS` (base64url of the 32 raw bytes). */
  get publicKeyText(): string {
    return rawPublicKey(this.publicKey).toString('base64url');
  }

  sign(message: Buffer): string {
    return sign(null, message, this.privateKey).toString('base64url');
  }
}

export type CheckpointSignatureCheck = 'VALID' | 'UNKNOWN_KEY' | 'INVALID';

/** The public keys checkpoints are verified with, by key id (the current key and retired ones). */
export class AuditCheckpointKeys {
  private readonly byId = new Map<string, KeyObject>();

  constructor(publicKeys: KeyObject[] = []) {
    for (const key of publicKeys) this.byId.set(auditCheckpointKeyId(key), key);
  }

  /** From base64/base64url raw public keys (the format of `AUDIT_CHECKPOINT_PUBLIC_KEYS`). */
  static fromText(texts: string[], signer?: AuditCheckpointSigner | null): AuditCheckpointKeys {
    const keys = texts.map((t) => createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: decode32(t, 'AUDIT_CHECKPOINT_PUBLIC_KEYS entry').toString('base64url') }, format: 'jwk' }));
    if (signer) keys.push(signer.publicKey);
    return new AuditCheckpointKeys(keys);
  }

  get keyIds(): string[] {
    return [...this.byId.keys()];
  }

  check(keyId: string, message: Buffer, signature: string): CheckpointSignatureCheck {
    const key = this.byId.get(keyId);
    if (!key) return 'UNKNOWN_KEY';
    try {
      return verify(null, message, key, Buffer.from(signature, 'base64url')) ? 'VALID' : 'INVALID';
    } catch {
      return 'INVALID';
    }
  }
}

export interface AuditCheckpointConfig {
  /** Null when this process may not sign (the api in production: give it the public keys only). */
  signer: AuditCheckpointSigner | null;
  keys: AuditCheckpointKeys;
}

/**
 * Reads `AUDIT_CHECKPOINT_KEY` (private seed: the worker, which writes checkpoints) and `AUDIT_CHECKPOINT_PUBLIC_KEYS`
 * (comma- or space-separated public keys: the current one when the process has no private key, and retired ones
 * after a rotation). Outside production a missing private key falls back to a fixed development key.
 * `require`: 'signer' (the worker) or 'verifier' (the api) — what production must be configured with.
 */
export function auditCheckpointConfigFromEnv(env: NodeJS.ProcessEnv, require: 'signer' | 'verifier'): AuditCheckpointConfig {
  const production = env.NODE_ENV === 'production';
  const publicTexts = (env.AUDIT_CHECKPOINT_PUBLIC_KEYS ?? '').split(/[\s,]+/).filter(Boolean);
  let signer: AuditCheckpointSigner | null = null;
  if (env.AUDIT_CHECKPOINT_KEY) signer = AuditCheckpointSigner.fromSeed(env.AUDIT_CHECKPOINT_KEY);
  else if (!production && (require === 'signer' || publicTexts.length === 0)) signer = AuditCheckpointSigner.fromSeed(DEVELOPMENT_SEED);
  if (production && require === 'signer' && !signer) throw new Error('AUDIT_CHECKPOINT_KEY must be set (32 random bytes in base64: `openssl rand -base64 32`)');
  if (production && require === 'verifier' && !signer && publicTexts.length === 0) {
    throw new Error('AUDIT_CHECKPOINT_PUBLIC_KEYS (or AUDIT_CHECKPOINT_KEY) must be set to verify the audit checkpoints');
  }
  return { signer, keys: AuditCheckpointKeys.fromText(publicTexts, signer) };
}

/** A new random key: the seed for `AUDIT_CHECKPOINT_KEY` and its public key for `AUDIT_CHECKPOINT_PUBLIC_KEYS`. */
export function generateAuditCheckpointKey(): { privateKey: string; publicKey: string; keyId: string } {
  const seed = randomBytes(32);
  const signer = AuditCheckpointSigner.fromSeed(seed);
  return { privateKey: seed.toString('base64'), publicKey: signer.publicKeyText, keyId: signer.keyId };
}
