import type { Payload, PayloadCodec } from '@temporalio/common';
import { JSONToPayload, payloadToJSON, type JSONPayload } from '@temporalio/common/lib/proto-utils';

/**
 * The body of Temporal's remote codec protocol (`POST …/encode` and `…/decode`, as the Temporal Web UI and the CLI's
 * `--codec-endpoint` send it): `temporal.api.common.v1.Payloads` in proto3 JSON, i.e. `{ payloads: [{ metadata: {
 * <key>: <base64> }, data: <base64> }] }`.
 */
export interface JsonPayloads {
  payloads: JSONPayload[];
}

/** Runs `codec.encode` or `codec.decode` over proto-JSON payloads (a null codec returns them unchanged). */
export async function convertJsonPayloads(codec: PayloadCodec | null, direction: 'encode' | 'decode', body: JsonPayloads): Promise<JsonPayloads> {
  const payloads: Payload[] = body.payloads.map((p) => JSONToPayload(p));
  if (!codec) return { payloads: payloads.map(payloadToJSON) };
  const converted = direction === 'encode' ? await codec.encode(payloads) : await codec.decode(payloads);
  return { payloads: converted.map(payloadToJSON) };
}
