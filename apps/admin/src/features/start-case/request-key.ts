/**
 * A fresh idempotency key for a start mutation: the API never starts a second case for the same key, so a double click
 * or a retried request cannot start two cases.
 */
export function newRequestKey(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes); // also outside secure contexts, unlike randomUUID()
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
