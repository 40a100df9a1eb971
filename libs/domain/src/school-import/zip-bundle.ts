import { Transform, type Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { IMPORT_LIMITS, ImportFileError, megabytes } from './import-limits';

type Limits = Pick<typeof IMPORT_LIMITS, 'maxZipEntries' | 'maxEntryBytes' | 'maxUnpackedBytes' | 'maxCompressionRatio'>;

function bomb(name: string, detail: string): ImportFileError {
  return new ImportFileError('ZIP_BOMB', `Het zip-bestand is afgewezen: ${name} ${detail} (mogelijk een zip-bom)`, `Zip refused: ${name} ${detail} (possible zip bomb)`);
}

/**
 * Streams the wanted files of a zip bundle (yauzl, entry by entry) to `onEntry`, one after the other, refusing a zip
 * bomb: more than `maxZipEntries` entries, an entry whose declared or real unpacked size is over `maxEntryBytes` or
 * whose compression ratio is absurd, or wanted files that unpack to more than `maxUnpackedBytes` together. The zip is
 * read from memory or from a file on disk (an upload), and no entry is held whole: `onEntry` reads the stream (a limit
 * that is passed fails it with the ZIP_BOMB error). Files are matched by their name without folders,
 * case-insensitively; other entries are skipped without being unpacked.
 */
export async function forEachZipEntry(zip: Buffer | { path: string }, wanted: readonly string[], onEntry: (name: string, stream: Readable) => Promise<void>, limits: Limits = IMPORT_LIMITS): Promise<void> {
  const want = new Map(wanted.map((w) => [w.toLowerCase(), w]));
  const options = { lazyEntries: true, validateEntrySizes: true, strictFileNames: false };
  const zipfile = await new Promise<ZipFile>((resolve, reject) => {
    const opened = (err: Error | null, z?: ZipFile) =>
      err || !z ? reject(new ImportFileError('NOT_A_ZIP', 'Dit is geen geldig zip-bestand', `Not a valid zip file: ${err?.message ?? 'unknown'}`)) : resolve(z);
    if (Buffer.isBuffer(zip)) yauzl.fromBuffer(zip, options, opened);
    else yauzl.open(zip.path, { ...options, autoClose: true }, opened);
  });
  if (zipfile.entryCount > limits.maxZipEntries) {
    zipfile.close();
    throw bomb('het bestand', `bevat ${zipfile.entryCount} bestanden (ten hoogste ${limits.maxZipEntries})`);
  }
  const seen = new Set<string>();
  let total = 0;
  return new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      if (zipfile.isOpen) zipfile.close();
      reject(e instanceof ImportFileError ? e : new ImportFileError('NOT_A_ZIP', 'Het zip-bestand is beschadigd en kan niet worden gelezen', `Corrupt zip: ${(e as Error).message}`));
    };
    zipfile.on('error', fail);
    zipfile.on('end', () => {
      if (!failed) resolve();
    });
    zipfile.on('entry', (entry: Entry) => {
      const base = entry.fileName.split('/').pop() ?? '';
      const name = want.get(base.toLowerCase());
      if (!name || entry.fileName.endsWith('/') || seen.has(name)) return zipfile.readEntry();
      if (entry.uncompressedSize > limits.maxEntryBytes) return fail(bomb(name, `pakt uit tot ${megabytes(entry.uncompressedSize)} (ten hoogste ${megabytes(limits.maxEntryBytes)})`));
      if (entry.compressedSize > 0 && entry.uncompressedSize / entry.compressedSize > limits.maxCompressionRatio && entry.uncompressedSize > 1024 * 1024) {
        return fail(bomb(name, `is ${Math.round(entry.uncompressedSize / entry.compressedSize)} keer samengeperst`));
      }
      seen.add(name);
      zipfile.openReadStream(entry, (err, stream) => {
        if (err || !stream) return fail(err);
        let size = 0;
        // Counted while unpacking (the declared sizes are checked too, but never trusted alone).
        const counted = new Transform({
          transform(chunk: Buffer, _enc, done) {
            size += chunk.length;
            total += chunk.length;
            if (size > limits.maxEntryBytes || total > limits.maxUnpackedBytes) {
              const e = bomb(name, `pakt uit tot meer dan ${megabytes(Math.min(limits.maxEntryBytes, limits.maxUnpackedBytes))}`);
              fail(e);
              return done(e);
            }
            done(null, chunk);
          },
        });
        stream.on('error', (e) => {
          fail(e);
          counted.destroy(e);
        });
        onEntry(name, stream.pipe(counted)).then(() => {
          // What onEntry left unread is not unpacked.
          stream.unpipe(counted);
          stream.destroy();
          if (!failed) zipfile.readEntry();
        }, fail);
      });
    });
    zipfile.readEntry();
  });
}

/** The wanted files of a zip bundle, each unpacked whole (forEachZipEntry with the same limits); for small bundles. */
export async function readZipEntries(zip: Buffer | { path: string }, wanted: readonly string[], limits: Limits = IMPORT_LIMITS): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>();
  await forEachZipEntry(
    zip,
    wanted,
    async (name, stream) => {
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      found.set(name, Buffer.concat(chunks));
    },
    limits,
  );
  return found;
}
