/**
 * Limits of a school data upload (issue 13, "Bad input"): a file larger than this is refused while it is being
 * received, and a zip bundle is read entry by entry with limits on the number of entries and on what they unpack to,
 * so a zip bomb is stopped after at most MAX_UNPACKED_BYTES of work.
 */
export const IMPORT_LIMITS = {
  /** The upload itself (a zip bundle or one CSV file): 20 MB holds a school of 10,000 pupils several times over. */
  maxUploadBytes: 20 * 1024 * 1024,
  /** Entries in a zip bundle (OneRoster has at most about 20 files). */
  maxZipEntries: 50,
  /** What one CSV file of a bundle may unpack to. */
  maxEntryBytes: 50 * 1024 * 1024,
  /** What all files of a bundle read together may unpack to. */
  maxUnpackedBytes: 100 * 1024 * 1024,
  /** Unpacked size / packed size of an entry above this is treated as a zip bomb (real CSV compresses 5–15×). */
  maxCompressionRatio: 200,
  /** Rows of one CSV file. */
  maxRows: 100_000,
} as const;

/** A problem with the whole file: nothing of it can be imported. Dutch message for the admin, English for logs. */
export class ImportFileError extends Error {
  constructor(
    readonly code: 'TOO_LARGE' | 'ZIP_BOMB' | 'NOT_A_ZIP' | 'ENCODING' | 'DELIMITER' | 'MISSING_COLUMN' | 'MISSING_FILE' | 'EMPTY' | 'WRONG_SCHOOL' | 'MALFORMED',
    readonly messageNl: string,
    messageEn: string,
  ) {
    super(messageEn);
    this.name = 'ImportFileError';
  }
}

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}
