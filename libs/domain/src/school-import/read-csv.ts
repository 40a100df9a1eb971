import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline, Readable, Transform } from 'node:stream';
import { parse } from 'csv-parse';
import { IMPORT_LIMITS, ImportFileError } from './import-limits';

/** One data row of a CSV file: its cells by (normalised) column name and the line it starts on (header = line 1). */
export interface CsvRow {
  line: number;
  cells: Record<string, string>;
}

export interface CsvTable {
  file: string;
  /** The header as written. */
  header: string[];
  rows: CsvRow[];
}

const DELIMITER_NAMES: Record<string, string> = { ';': 'puntkomma', ',': 'komma', '\t': 'tab', '|': 'verticale streep' };

/** Where an import file's bytes come from: in memory (tests, small files) or a file on disk (an upload). */
export type ImportSource = Buffer | { path: string };

/** The bytes of `source` as a stream, without reading a file on disk whole. */
export function sourceStream(source: ImportSource): Readable {
  return Buffer.isBuffer(source) ? Readable.from([source]) : createReadStream(source.path, { highWaterMark: 64 * 1024 });
}

/** The first line of a file (at most its first 64 KiB), decoded leniently: enough to recognise its header. */
export async function readFirstLine(source: ImportSource): Promise<string> {
  let head: Buffer;
  if (Buffer.isBuffer(source)) head = source.subarray(0, 64 * 1024);
  else {
    const file = await open(source.path, 'r');
    try {
      const { buffer, bytesRead } = await file.read({ buffer: Buffer.alloc(64 * 1024), position: 0 });
      head = buffer.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
  }
  return new TextDecoder('utf-8').decode(head).split(/\r?\n/, 1)[0] ?? '';
}

function encodingError(file: string, line: number): ImportFileError {
  return new ImportFileError(
    'ENCODING',
    `${file} is niet opgeslagen als UTF-8 (regel ${line} bevat tekens die geen UTF-8 zijn, bijvoorbeeld een é uit Windows-1252); exporteer het bestand opnieuw als UTF-8`,
    `${file} is not UTF-8 (line ${line}); export it again as UTF-8`,
  );
}

const NEWLINE = 0x0a;

/**
 * Decodes a byte stream as UTF-8 chunk by chunk (a byte order mark is dropped), refusing anything else with the number
 * of the first line that is not UTF-8: an export saved as Windows-1252 or Latin-1 turns é into bytes that are not
 * UTF-8, and guessing would import wrong names. The file is never held whole: only the bytes of the current, unfinished
 * line are kept to find that line.
 */
export function utf8Decoder(file: string): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let linesBefore = 0;
  let partial: Buffer = Buffer.alloc(0);
  const badLine = (chunk: Buffer): number => {
    const lines = Buffer.concat([partial, chunk]).toString('latin1').split('\n');
    for (let i = 0; i < lines.length; i++) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(lines[i], 'latin1'));
      } catch {
        return linesBefore + i + 1;
      }
    }
    return linesBefore + lines.length;
  };
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, done) {
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        return done(encodingError(file, badLine(chunk)));
      }
      const last = chunk.lastIndexOf(NEWLINE);
      if (last < 0) partial = Buffer.concat([partial, chunk]);
      else {
        for (let i = chunk.indexOf(NEWLINE); i >= 0 && i <= last; i = chunk.indexOf(NEWLINE, i + 1)) linesBefore++;
        partial = Buffer.from(chunk.subarray(last + 1));
      }
      done(null, text || undefined);
    },
    flush(done) {
      try {
        const rest = decoder.decode();
        done(null, rest || undefined);
      } catch {
        done(encodingError(file, linesBefore + 1));
      }
    },
  });
}

function delimiterError(file: string, firstLine: string, delimiter: string): ImportFileError | null {
  if (firstLine.includes(delimiter)) return null;
  const other = Object.keys(DELIMITER_NAMES).find((d) => d !== delimiter && firstLine.includes(d));
  return new ImportFileError(
    'DELIMITER',
    `${file} gebruikt ${other ? `de ${DELIMITER_NAMES[other]}` : 'een ander teken'} als scheidingsteken; verwacht is de ${DELIMITER_NAMES[delimiter]} (${delimiter === '\t' ? 'tab' : delimiter})`,
    `${file} uses ${other ? JSON.stringify(other) : 'another character'} as delimiter; expected ${JSON.stringify(delimiter)}`,
  );
}

/** Holds the text back until its first line is complete, and refuses the file when `check` says so. */
function firstLineCheck(check: (firstLine: string) => ImportFileError | null): Transform {
  let head: string | null = '';
  const release = (stream: Transform, done: (e?: Error | null) => void) => {
    const error = check((head as string).split(/\r?\n/, 1)[0] ?? '');
    if (error) return done(error);
    if (head) stream.push(head);
    head = null;
    done();
  };
  return new Transform({
    objectMode: true,
    transform(text: string, _enc, done) {
      if (head === null) return done(null, text);
      head += text;
      if (!head.includes('\n')) return done();
      release(this, done);
    },
    flush(done) {
      if (head === null) return done();
      release(this, done);
    },
  });
}

export interface ReadCsvOptions {
  /** Column names are matched after this (default: trimmed). */
  normalise?: (h: string) => string;
  /** Keep only these (normalised) columns of each row: less memory for wide files; the header is kept whole. */
  keep?: ReadonlySet<string>;
}

/**
 * Reads a delimited file with csv-parse, streamed row by row from `source` (never decoded whole), after checking that
 * the header uses `delimiter`: a header without it but with another delimiter is refused with a Dutch message naming
 * both. Bytes that are not UTF-8 are refused with their line number (utf8Decoder).
 */
export async function readCsv(file: string, source: ImportSource | Readable, delimiter: string, options: ReadCsvOptions | ((h: string) => string) = {}): Promise<CsvTable> {
  const { normalise = (h: string) => h.trim(), keep } = typeof options === 'function' ? { normalise: options } : options;
  const input = source instanceof Readable ? source : sourceStream(source);
  const parser = parse({ delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true, trim: true, max_record_size: 64 * 1024 });
  // pipeline destroys every stage with the first error, so reading the parser ends with it.
  const rows$ = pipeline(
    input,
    utf8Decoder(file),
    firstLineCheck((firstLine) => (firstLine.trim() ? delimiterError(file, firstLine, delimiter) : new ImportFileError('EMPTY', `${file} is leeg`, `${file} is empty`))),
    parser,
    () => undefined,
  );
  let header: string[] | null = null;
  let columns: [string, number][] = [];
  const rows: CsvRow[] = [];
  try {
    for await (const rec of rows$ as AsyncIterable<{ record: string[]; info: { lines: number; bytes: number } }>) {
      if (!header) {
        header = rec.record;
        columns = header.map((h, i) => [normalise(h), i] as [string, number]).filter(([k]) => !keep || keep.has(k));
        continue;
      }
      if (rows.length >= IMPORT_LIMITS.maxRows) {
        throw new ImportFileError('TOO_LARGE', `${file} heeft meer dan ${IMPORT_LIMITS.maxRows} regels`, `${file} has more than ${IMPORT_LIMITS.maxRows} rows`);
      }
      const cells: Record<string, string> = {};
      for (const [k, i] of columns) cells[k] = rec.record[i] ?? '';
      // info.lines is the line the record ends on; a record with quoted line breaks starts earlier.
      rows.push({ line: rec.info.lines, cells });
    }
  } catch (e) {
    rows$.destroy();
    input.destroy();
    if (e instanceof ImportFileError) throw e;
    const lineMatch = /line (\d+)/i.exec((e as Error).message);
    throw new ImportFileError('MALFORMED', `${file} kan niet worden gelezen${lineMatch ? ` (regel ${lineMatch[1]})` : ''}: controleer aanhalingstekens en scheidingstekens`, `${file} cannot be parsed: ${(e as Error).message}`);
  }
  if (!header) throw new ImportFileError('EMPTY', `${file} is leeg`, `${file} is empty`);
  return { file, header, rows };
}

/** Refuses the file when a required column is missing, naming the missing and the found columns. */
export function requireColumns(table: CsvTable, required: readonly string[], normalise: (h: string) => string = (h) => h.trim(), label: (c: string) => string = (c) => c): void {
  const have = new Set(table.header.map(normalise));
  const missing = required.filter((c) => !have.has(c));
  if (missing.length) {
    throw new ImportFileError(
      'MISSING_COLUMN',
      `${table.file}: ${missing.length === 1 ? 'de kolom' : 'de kolommen'} ${missing.map((m) => `"${label(m)}"`).join(', ')} ${missing.length === 1 ? 'ontbreekt' : 'ontbreken'} (gevonden: ${table.header.join(', ')})`,
      `${table.file}: missing column(s) ${missing.map(label).join(', ')}`,
    );
  }
}
