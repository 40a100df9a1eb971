import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { IMPORT_LIMITS, ImportFileError, megabytes } from './import-limits';

type Limits = Pick<typeof IMPORT_LIMITS, 'maxZipEntries' | 'maxEntryBytes' | 'maxUnpackedBytes' | 'maxCompressionRatio'>;

function bomb(name: string, detail: string): ImportFileError {
  return new ImportFileError('ZIP_BOMB', `Het zip-bestand is afgewezen: ${name} ${detail} (mogelijk een zip-bom)`, `Zip refused: ${name} ${detail} (possible zip bomb)`);
}

/**
 * Reads the wanted files of a zip bundle (yauzl, entry by entry, streaming each one), refusing a zip bomb: more than
 * `maxZipEntries` entries, an entry whose declared or real unpacked size is over `maxEntryBytes` or whose compression
 * ratio is absurd, or wanted files that unpack to more than `maxUnpackedBytes` together. Files are matched by their
 * name without folders, case-insensitively; other entries are skipped without being unpacked.
 */
export async function readZipEntries(zip: Buffer, wanted: readonly string[], limits: Limits = IMPORT_LIMITS): Promise<Map<string, Buffer>> {
  const want = new Map(wanted.map((w) => [w.toLowerCase(), w]));
  const zipfile = await new Promise<ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(zip, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, z) =>
      err || !z ? reject(new ImportFileError('NOT_A_ZIP', 'Dit is geen geldig zip-bestand', `Not a valid zip file: ${err?.message ?? 'unknown'}`)) : resolve(z),
    ),
  );
  if (zipfile.entryCount > limits.maxZipEntries) {
    zipfile.close();
    throw bomb('het bestand', `bevat ${zipfile.entryCount} bestanden (ten hoogste ${limits.maxZipEntries})`);
  }
  const found = new Map<string, Buffer>();
  let total = 0;
  return new Promise<Map<string, Buffer>>((resolve, reject) => {
    const fail = (e: unknown) => {
      zipfile.close();
      reject(e instanceof ImportFileError ? e : new ImportFileError('NOT_A_ZIP', 'Het zip-bestand is beschadigd en kan niet worden gelezen', `Corrupt zip: ${(e as Error).message}`));
    };
    zipfile.on('error', fail);
    zipfile.on('end', () => resolve(found));
    zipfile.on('entry', (entry: Entry) => {
      const base = entry.fileName.split('/').pop() ?? '';
      const name = want.get(base.toLowerCase());
      if (!name || entry.fileName.endsWith('/') || found.has(name)) return zipfile.readEntry();
      if (entry.uncompressedSize > limits.maxEntryBytes) return fail(bomb(name, `pakt uit tot ${megabytes(entry.uncompressedSize)} (ten hoogste ${megabytes(limits.maxEntryBytes)})`));
      if (entry.compressedSize > 0 && entry.uncompressedSize / entry.compressedSize > limits.maxCompressionRatio && entry.uncompressedSize > 1024 * 1024) {
        return fail(bomb(name, `is ${Math.round(entry.uncompressedSize / entry.compressedSize)} keer samengeperst`));
      }
      zipfile.openReadStream(entry, (err, stream) => {
        if (err || !stream) return fail(err);
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on('data', (chunk: Buffer) => {
          size += chunk.length;
          total += chunk.length;
          // Counted while unpacking (the declared sizes are checked too, but never trusted alone).
          if (size > limits.maxEntryBytes || total > limits.maxUnpackedBytes) {
            stream.destroy();
            return fail(bomb(name, `pakt uit tot meer dan ${megabytes(Math.min(limits.maxEntryBytes, limits.maxUnpackedBytes))}`));
          }
          chunks.push(chunk);
        });
        stream.on('error', fail);
        stream.on('end', () => {
          found.set(name, Buffer.concat(chunks));
          zipfile.readEntry();
        });
      });
    });
    zipfile.readEntry();
  });
}
