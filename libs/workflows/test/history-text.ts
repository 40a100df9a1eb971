/**
 * What a person with read access to Temporal's database, the CLI or the Web UI (without the codec) could read in a
 * workflow history: every string, every byte field as UTF-8, and every base64 string decoded once — so plain payloads
 * (JSON in base64) show their content and encrypted ones show only noise. Tests search it for personal text.
 */
export function readableHistoryText(history: unknown): string {
  const out: string[] = [];
  const visit = (v: unknown): void => {
    if (v instanceof Uint8Array) {
      out.push(Buffer.from(v).toString('utf8'));
    } else if (typeof v === 'string') {
      out.push(v);
      if (v.length >= 4 && /^[A-Za-z0-9+/_-]+={0,2}$/.test(v)) out.push(Buffer.from(v, 'base64').toString('utf8'));
    } else if (Array.isArray(v)) {
      v.forEach(visit);
    } else if (v && typeof v === 'object') {
      const buffer = v as { type?: unknown; data?: unknown };
      if (buffer.type === 'Buffer' && Array.isArray(buffer.data)) {
        out.push(Buffer.from(buffer.data as number[]).toString('utf8'));
        return;
      }
      for (const [k, x] of Object.entries(v)) {
        out.push(k);
        visit(x);
      }
    }
  };
  visit(history);
  return out.join('\n');
}

export interface PayloadAt {
  /** Where in the history, e.g. `events.0.workflowExecutionStartedEventAttributes.input.payloads.0`. */
  path: string;
  encoding: string;
}

/** Every payload of a raw history (as fetched by the SDK, without decoding) with its `encoding`. */
export function payloadsOf(history: unknown): PayloadAt[] {
  const found: PayloadAt[] = [];
  const text = (b: unknown) => (b instanceof Uint8Array ? Buffer.from(b).toString('utf8') : typeof b === 'string' ? Buffer.from(b, 'base64').toString('utf8') : '');
  const visit = (v: unknown, path: string): void => {
    if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${path}.${i}`));
    else if (v && typeof v === 'object' && !(v instanceof Uint8Array)) {
      const o = v as { metadata?: Record<string, unknown> };
      if (o.metadata && typeof o.metadata === 'object' && 'encoding' in o.metadata) {
        found.push({ path: path.replace(/^\./, ''), encoding: text(o.metadata.encoding) });
        return;
      }
      for (const [k, x] of Object.entries(v)) visit(x, `${path}.${k}`);
    }
  };
  visit(history, '');
  return found;
}

/**
 * Payloads Temporal stores unencrypted by design: search attribute values (the server indexes them; ids and statuses
 * only) and the patch markers' data (the patch ids of `patched()`, written by the SDK core, not by our code).
 */
export function unencryptedByDesign(p: PayloadAt): boolean {
  return /searchAttributes\.indexedFields\./.test(p.path) || /markerRecordedEventAttributes\.details\.patch-data\./.test(p.path);
}
