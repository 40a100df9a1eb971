import { randomBytes } from 'node:crypto';
import { DefaultPayloadConverter, type Payload } from '@temporalio/common';
import { AesGcmPayloadCodec, CIPHER, ENCRYPTED_ENCODING, KEY_ID_METADATA_KEY, PayloadDecryptionError } from './aes-gcm-payload-codec';
import { temporalDataConverter } from './data-converter';
import { parsePayloadKeys, PayloadKeyConfigError, payloadKeysFromEnv } from './payload-keys';
import { convertJsonPayloads } from './remote-codec';

const key = () => randomBytes(32).toString('base64');
const K1 = `k1:${key()}`;
const K2 = `k2:${key()}`;
const converter = new DefaultPayloadConverter();
const secret = { reason: 'Diagnose: ernstige angststoornis', pupil: 'Noor Geheim-Voorbeeld' };
const utf8 = (b: Uint8Array | null | undefined) => Buffer.from(b ?? new Uint8Array()).toString('utf8');
const codecOf = (keys: string) => new AesGcmPayloadCodec(parsePayloadKeys(keys));

function readable(p: Payload): string {
  return JSON.stringify({ metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, utf8(v)])), data: utf8(p.data) });
}

describe('AesGcmPayloadCodec', () => {
  it('round-trips payloads, keeping the original encoding inside the encrypted envelope', async () => {
    const codec = codecOf(K1);
    const originals = [converter.toPayload(secret), converter.toPayload(undefined), converter.toPayload(new Uint8Array([0, 1, 2, 255]))];
    const encoded = await codec.encode(originals);
    for (const p of encoded) {
      expect(utf8(p.metadata?.encoding)).toBe(ENCRYPTED_ENCODING);
      expect(utf8(p.metadata?.[KEY_ID_METADATA_KEY])).toBe('k1');
      expect(utf8(p.metadata?.['encryption-cipher'])).toBe(CIPHER);
      expect(readable(p)).not.toContain('angststoornis');
      expect(readable(p)).not.toContain('Geheim');
      expect(readable(p)).not.toContain('json/plain');
    }
    const decoded = await codec.decode(encoded);
    expect(decoded.map((p) => utf8(p.metadata?.encoding))).toEqual(['json/plain', 'binary/null', 'binary/plain']);
    expect(converter.fromPayload(decoded[0])).toEqual(secret);
    expect(converter.fromPayload(decoded[1])).toBeUndefined();
    expect([...(converter.fromPayload(decoded[2]) as Uint8Array)]).toEqual([0, 1, 2, 255]);
  });

  it('uses a fresh random 96-bit IV for every payload (equal plaintexts give different ciphertexts)', async () => {
    const codec = codecOf(K1);
    const [a, b] = await codec.encode([converter.toPayload(secret), converter.toPayload(secret)]);
    expect(Buffer.from(a.data!).subarray(0, 12).equals(Buffer.from(b.data!).subarray(0, 12))).toBe(false);
    expect(Buffer.from(a.data!).equals(Buffer.from(b.data!))).toBe(false);
  });

  it('refuses a payload encrypted with a key id that is not configured, naming the id', async () => {
    const [encrypted] = await codecOf(K2).encode([converter.toPayload(secret)]);
    const other = codecOf(K1);
    await expect(other.decode([encrypted])).rejects.toThrow(PayloadDecryptionError);
    await expect(other.decode([encrypted])).rejects.toThrow(/encrypted with key "k2", which is not configured \(configured: k1\)/);
  });

  it('refuses tampered ciphertext, a relabelled key id and a different key under the same id (GCM authentication)', async () => {
    const codec = codecOf(K1);
    const [encrypted] = await codec.encode([converter.toPayload(secret)]);
    const flipped = Buffer.from(encrypted.data!);
    flipped[20] ^= 0x01;
    await expect(codec.decode([{ ...encrypted, data: flipped }])).rejects.toThrow(/key "k1" failed AES-GCM authentication: it was altered/);

    const truncated = Buffer.from(encrypted.data!).subarray(0, 20);
    await expect(codec.decode([{ ...encrypted, data: truncated }])).rejects.toThrow(PayloadDecryptionError);

    // The same key under another id: the key id is authenticated data, so relabelling is detected.
    const material = K1.slice(3);
    const twoIds = codecOf(`k1:${material},k9:${material}`);
    const relabelled = { ...encrypted, metadata: { ...encrypted.metadata, [KEY_ID_METADATA_KEY]: Buffer.from('k9') } };
    await expect(twoIds.decode([relabelled])).rejects.toThrow(/key "k9" failed AES-GCM authentication/);

    await expect(codecOf(`k1:${key()}`).decode([encrypted])).rejects.toThrow(/key "k1" failed AES-GCM authentication/);
  });

  it('rotates: the new current key encrypts, the old key still decrypts what was written before', async () => {
    const before = codecOf(K1);
    const [old] = await before.encode([converter.toPayload(secret)]);
    const rotated = codecOf(`${K2},${K1}`);
    expect(rotated.currentKeyId).toBe('k2');
    const [fresh] = await rotated.encode([converter.toPayload(secret)]);
    expect(utf8(fresh.metadata?.[KEY_ID_METADATA_KEY])).toBe('k2');
    const decoded = await rotated.decode([old, fresh]);
    expect(decoded.map((p) => converter.fromPayload(p))).toEqual([secret, secret]);
    // A process that has not received the new key yet cannot read new payloads (roll the key ring out first).
    await expect(before.decode([fresh])).rejects.toThrow(/key "k2", which is not configured/);
  });

  it('passes payloads without its encoding marker through unchanged (histories from before encryption)', async () => {
    const codec = codecOf(K1);
    const plain = converter.toPayload(secret);
    const [decoded] = await codec.decode([plain]);
    expect(decoded).toBe(plain);
    expect(converter.fromPayload(decoded)).toEqual(secret);
  });

  it('serves the remote codec protocol (proto JSON with base64) in both directions', async () => {
    const codec = codecOf(K1);
    const json = { payloads: [{ metadata: { encoding: Buffer.from('json/plain').toString('base64') }, data: Buffer.from(JSON.stringify(secret)).toString('base64') }] };
    const encoded = await convertJsonPayloads(codec, 'encode', json);
    expect(Buffer.from(encoded.payloads[0].metadata!.encoding, 'base64').toString()).toBe(ENCRYPTED_ENCODING);
    expect(JSON.stringify(encoded)).not.toContain(json.payloads[0].data);
    const decoded = await convertJsonPayloads(codec, 'decode', encoded);
    expect(decoded).toEqual(json);
    expect(await convertJsonPayloads(null, 'decode', json)).toEqual(json);
  });

  it('is the data converter of every Temporal client and worker (no codec without keys)', () => {
    expect(temporalDataConverter(parsePayloadKeys(K1)).payloadCodecs).toEqual([expect.any(AesGcmPayloadCodec)]);
    expect(temporalDataConverter(null).payloadCodecs).toEqual([]);
  });
});

describe('payload keys from the environment', () => {
  it('reads several keys; the first is current', () => {
    const ring = parsePayloadKeys(` ${K2} , ${K1} `);
    expect(ring.currentKeyId).toBe('k2');
    expect([...ring.keys.keys()]).toEqual(['k2', 'k1']);
    expect(ring.keys.get('k1')?.length).toBe(32);
    // URL-safe base64 is accepted too.
    expect(parsePayloadKeys(`k3:${randomBytes(32).toString('base64url')}`).keys.get('k3')?.length).toBe(32);
  });

  it('refuses malformed entries with a message that never shows key material', () => {
    const short = randomBytes(16).toString('base64');
    expect(() => parsePayloadKeys(`k1:${short}`)).toThrow(/key "k1" must be the base64 encoding of exactly 32 bytes/);
    expect(() => parsePayloadKeys(`k1:${short}`)).not.toThrow(new RegExp(short.replace(/[+/=]/g, '.')));
    expect(() => parsePayloadKeys(`${K1},${K1}`)).toThrow(/key id "k1" appears twice/);
    expect(() => parsePayloadKeys(key())).toThrow(PayloadKeyConfigError);
    expect(() => parsePayloadKeys('bad id:abc')).toThrow(/entry 1 must be "<id>:<base64 key>"/);
    expect(() => parsePayloadKeys(' , ')).toThrow(/holds no key/);
  });

  it('is required with NODE_ENV=production; outside production a missing key means no encryption', () => {
    expect(() => payloadKeysFromEnv({}, { production: true })).toThrow(/TEMPORAL_PAYLOAD_KEYS is not set/);
    expect(() => payloadKeysFromEnv({ TEMPORAL_PAYLOAD_KEYS: ' ' }, { production: true })).toThrow(PayloadKeyConfigError);
    expect(payloadKeysFromEnv({}, { production: false })).toBeNull();
    expect(payloadKeysFromEnv({ TEMPORAL_PAYLOAD_KEYS: K1 }, { production: true })?.currentKeyId).toBe('k1');
  });
});
