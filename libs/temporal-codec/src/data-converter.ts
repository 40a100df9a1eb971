import type { DataConverter } from '@temporalio/common';
import { AesGcmPayloadCodec } from './aes-gcm-payload-codec';
import { payloadKeysFromEnv, type PayloadKeyRing } from './payload-keys';

/**
 * The data converter of everything that talks to Temporal (api client, worker, seed, tests, benchmark): the SDK's
 * default payload converter plus the AES-256-GCM codec when keys are configured. Give the same keys to every process
 * of one deployment — a worker without the key cannot read what the api wrote.
 */
export function temporalDataConverter(keys: PayloadKeyRing | null): DataConverter {
  return { payloadCodecs: keys ? [new AesGcmPayloadCodec(keys)] : [] };
}

/** `temporalDataConverter` with the keys of `TEMPORAL_PAYLOAD_KEYS` (required with NODE_ENV=production). */
export function temporalDataConverterFromEnv(env: NodeJS.ProcessEnv = process.env): DataConverter {
  return temporalDataConverter(payloadKeysFromEnv(env, { production: env.NODE_ENV === 'production' }));
}
