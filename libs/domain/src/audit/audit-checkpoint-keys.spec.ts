import { randomBytes } from 'node:crypto';
import { auditCheckpointLine, auditCheckpointMessage, parseAuditCheckpointLog, type AuditCheckpointRecord } from './audit-checkpoint';
import { auditCheckpointConfigFromEnv, AuditCheckpointKeys, AuditCheckpointSigner, generateAuditCheckpointKey } from './audit-checkpoint-keys';

function signed(signer: AuditCheckpointSigner, over: Partial<AuditCheckpointRecord> = {}): AuditCheckpointRecord {
  const content = { at: '2027-01-12T09:00:00.000Z', entryCount: 42, headId: '57', headHash: 'a'.repeat(64), keyId: signer.keyId, ...over };
  return { ...content, signature: signer.sign(auditCheckpointMessage(content)) };
}

describe('audit checkpoint keys (Ed25519)', () => {
  it('reads the seed as base64 or base64url and signs what the public key verifies', () => {
    const seed = randomBytes(32);
    const a = AuditCheckpointSigner.fromSeed(seed.toString('base64'));
    const b = AuditCheckpointSigner.fromSeed(seed.toString('base64url'));
    expect(a.keyId).toBe(b.keyId);
    expect(a.keyId).toMatch(/^[0-9a-f]{16}$/);
    const cp = signed(a);
    const keys = AuditCheckpointKeys.fromText([b.publicKeyText]);
    expect(keys.check(cp.keyId, auditCheckpointMessage(cp), cp.signature)).toBe('VALID');
    // Any signed field changed: invalid.
    for (const change of [{ entryCount: 41 }, { headId: '56' }, { headHash: 'b'.repeat(64) }, { at: '2027-01-12T09:00:00.001Z' }]) {
      expect(keys.check(cp.keyId, auditCheckpointMessage({ ...cp, ...change }), cp.signature)).toBe('INVALID');
    }
    expect(keys.check('0000000000000000', auditCheckpointMessage(cp), cp.signature)).toBe('UNKNOWN_KEY');
    expect(keys.check(cp.keyId, auditCheckpointMessage(cp), 'not-a-signature')).toBe('INVALID');
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => AuditCheckpointSigner.fromSeed('te-kort')).toThrow(/32 bytes/);
    expect(() => AuditCheckpointSigner.fromSeed(randomBytes(31).toString('base64'))).toThrow(/32 bytes/);
    expect(() => AuditCheckpointKeys.fromText(['!'.repeat(43)])).toThrow(/32 bytes/);
  });

  it('keeps verifying checkpoints of a retired key after a rotation', () => {
    const old = generateAuditCheckpointKey();
    const current = generateAuditCheckpointKey();
    const oldCp = signed(AuditCheckpointSigner.fromSeed(old.privateKey));
    const config = auditCheckpointConfigFromEnv({ NODE_ENV: 'production', AUDIT_CHECKPOINT_KEY: current.privateKey, AUDIT_CHECKPOINT_PUBLIC_KEYS: `${old.publicKey}, ${current.publicKey}` }, 'signer');
    expect(config.signer?.keyId).toBe(current.keyId);
    expect(config.keys.keyIds.sort()).toEqual([old.keyId, current.keyId].sort());
    expect(config.keys.check(oldCp.keyId, auditCheckpointMessage(oldCp), oldCp.signature)).toBe('VALID');
  });

  it('requires the key in production (worker: the private key; api: a public key) and has a fixed one in development', () => {
    expect(() => auditCheckpointConfigFromEnv({ NODE_ENV: 'production' }, 'signer')).toThrow(/AUDIT_CHECKPOINT_KEY must be set/);
    expect(() => auditCheckpointConfigFromEnv({ NODE_ENV: 'production' }, 'verifier')).toThrow(/AUDIT_CHECKPOINT_PUBLIC_KEYS/);
    const pub = generateAuditCheckpointKey();
    const api = auditCheckpointConfigFromEnv({ NODE_ENV: 'production', AUDIT_CHECKPOINT_PUBLIC_KEYS: pub.publicKey }, 'verifier');
    expect(api.signer).toBeNull();
    expect(api.keys.keyIds).toEqual([pub.keyId]);
    const devWorker = auditCheckpointConfigFromEnv({}, 'signer');
    const devApi = auditCheckpointConfigFromEnv({}, 'verifier');
    expect(devApi.keys.keyIds).toEqual([devWorker.signer?.keyId]);
  });

  it('reads shipped checkpoints from JSON lines and from worker log lines, skipping other lines', () => {
    const signer = AuditCheckpointSigner.fromSeed(randomBytes(32));
    const a = { ...signed(signer), id: '1' };
    const b = { ...signed(signer, { entryCount: 43, headId: '58' }), id: '2' };
    const text = [`${auditCheckpointLine(a)}`, '[worker] polling task queue "zorgroute"', `2027-01-12T10:00:00Z stdout F [audit-checkpoint] ${auditCheckpointLine(b)}`, ''].join('\n');
    const parsed = parseAuditCheckpointLog(text);
    expect(parsed.map((c) => c.entryCount)).toEqual([42, 43]);
    expect(parsed[1]).toEqual({ at: b.at, entryCount: 43, headId: '58', headHash: b.headHash, keyId: b.keyId, signature: b.signature });
    expect(() => parseAuditCheckpointLog('{"not":"a checkpoint"}')).toThrow(/not a checkpoint line/);
  });
});
