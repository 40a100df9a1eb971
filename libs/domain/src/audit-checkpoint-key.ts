/*
 * `node libs/domain/dist/audit-checkpoint-key.js`: prints a new Ed25519 key for the audit checkpoints
 * (AUDIT_CHECKPOINT_KEY for the worker, AUDIT_CHECKPOINT_PUBLIC_KEYS for the api and auditors), or, with
 * AUDIT_CHECKPOINT_KEY set in the environment, the public key and key id of that key. Nothing is written anywhere.
 */
import { AuditCheckpointSigner, generateAuditCheckpointKey } from './audit/audit-checkpoint-keys';

if (process.env.AUDIT_CHECKPOINT_KEY) {
  const signer = AuditCheckpointSigner.fromSeed(process.env.AUDIT_CHECKPOINT_KEY);
  process.stdout.write(`AUDIT_CHECKPOINT_PUBLIC_KEYS=${signer.publicKeyText}\n# key id ${signer.keyId}\n`);
} else {
  const key = generateAuditCheckpointKey();
  process.stdout.write(
    `# worker only (secret):\nAUDIT_CHECKPOINT_KEY=${key.privateKey}\n# api and auditors (public; keep retired keys in the list):\nAUDIT_CHECKPOINT_PUBLIC_KEYS=${key.publicKey}\n# key id ${key.keyId}\n`,
  );
}
