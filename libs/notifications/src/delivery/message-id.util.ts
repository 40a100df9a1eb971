import { createHash } from 'node:crypto';

export const MESSAGE_ID_DOMAIN = 'zorgroute.local';

/**
 * The Message-ID for a delivery key: `<sha256(key) in hex@zorgroute.local>`. Deterministic, so every
 * attempt for the same key carries the same Message-ID; the key itself (with case and step ids)
 * does not appear in the header.
 */
export function messageIdForKey(key: string): string {
  const hex = createHash('sha256').update(key, 'utf8').digest('hex');
  return `<${hex}@${MESSAGE_ID_DOMAIN}>`;
}
