/**
 * The payload codec of the time-skipping tests, with a fixed, test-only key: histories recorded by these tests
 * (`npm run replay:record`) are encrypted with it, and replay.spec.ts decrypts them with the same key. Never use this key
 * outside tests; `npm test` gives the api and worker of the integration tests a random key of their own.
 */
import type { DataConverter } from '@temporalio/common';
import { parsePayloadKeys, temporalDataConverter } from '@zorgroute/temporal-codec';

/** Test only: 32 bytes of 0x7a ("z") in base64, under the key id `test-1`. */
export const TEST_PAYLOAD_KEYS = `test-1:${Buffer.alloc(32, 0x7a).toString('base64')}`;

/** The data converter of the workflow test kit, the notification tests' worker and the replay of recorded histories. */
export function testDataConverter(): DataConverter {
  return temporalDataConverter(parsePayloadKeys(TEST_PAYLOAD_KEYS));
}
