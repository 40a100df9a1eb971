/** The document types an upload may have, recognised by their content (never by the file name or the browser's claim). */
export const ACCEPTED_DOCUMENT_TYPES = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
} as const;

export type AcceptedContentType = keyof typeof ACCEPTED_DOCUMENT_TYPES;

export interface SniffedType {
  contentType: AcceptedContentType;
  extension: (typeof ACCEPTED_DOCUMENT_TYPES)[AcceptedContentType];
}

// The signatures of the three formats (ISO 32000 §7.5.2, PNG §5.2, JPEG SOI + marker).
const SIGNATURES: { contentType: AcceptedContentType; magic: readonly number[] }[] = [
  { contentType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // "%PDF-"
  { contentType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { contentType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
];

/**
 * The type of an uploaded file by its first bytes: PDF, PNG or JPEG, otherwise null. A file named "verslag.pdf" that
 * is really an executable, HTML or a Word file is null. (The `file-type` package does the same for hundreds of
 * formats, but is ESM-only, which the api's CommonJS build and Jest cannot load; three signatures do not need it.)
 */
export function sniffDocumentType(bytes: Uint8Array): SniffedType | null {
  for (const { contentType, magic } of SIGNATURES) {
    if (bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)) return { contentType, extension: ACCEPTED_DOCUMENT_TYPES[contentType] };
  }
  return null;
}
