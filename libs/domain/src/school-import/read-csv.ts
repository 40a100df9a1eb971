import { Readable } from 'node:stream';
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

/**
 * Decodes a file as UTF-8 (a byte order mark is allowed), refusing anything else: an export saved as Windows-1252 or
 * Latin-1 turns é into bytes that are not UTF-8, and guessing would import wrong names.
 */
export function decodeUtf8(file: string, bytes: Buffer): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    const lines = bytes.subarray(0, bytes.length).toString('latin1').split('\n');
    let bad = 1;
    for (let i = 0; i < lines.length; i++) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(lines[i], 'latin1'));
      } catch {
        bad = i + 1;
        break;
      }
    }
    throw new ImportFileError(
      'ENCODING',
      `${file} is niet opgeslagen als UTF-8 (regel ${bad} bevat tekens die geen UTF-8 zijn, bijvoorbeeld een é uit Windows-1252); exporteer het bestand opnieuw als UTF-8`,
      `${file} is not UTF-8 (line ${bad}); export it again as UTF-8`,
    );
  }
}

/**
 * Reads a delimited file with csv-parse (streamed row by row), after checking that the header uses `delimiter`: a
 * header without it but with another delimiter is refused with a Dutch message naming both.
 * Column names are matched after `normalise` (default: trimmed).
 */
export async function readCsv(file: string, bytes: Buffer, delimiter: string, normalise: (h: string) => string = (h) => h.trim()): Promise<CsvTable> {
  const text = decodeUtf8(file, bytes);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  if (!firstLine.trim()) throw new ImportFileError('EMPTY', `${file} is leeg`, `${file} is empty`);
  if (!firstLine.includes(delimiter)) {
    const other = Object.keys(DELIMITER_NAMES).find((d) => d !== delimiter && firstLine.includes(d));
    throw new ImportFileError(
      'DELIMITER',
      `${file} gebruikt ${other ? `de ${DELIMITER_NAMES[other]}` : 'een ander teken'} als scheidingsteken; verwacht is de ${DELIMITER_NAMES[delimiter]} (${delimiter === '\t' ? 'tab' : delimiter})`,
      `${file} uses ${other ? JSON.stringify(other) : 'another character'} as delimiter; expected ${JSON.stringify(delimiter)}`,
    );
  }
  const parser = Readable.from([text]).pipe(
    parse({ delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true, trim: true, max_record_size: 64 * 1024 }),
  );
  let header: string[] | null = null;
  let keys: string[] = [];
  const rows: CsvRow[] = [];
  try {
    for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number; bytes: number } }>) {
      if (!header) {
        header = rec.record;
        keys = header.map(normalise);
        continue;
      }
      if (rows.length >= IMPORT_LIMITS.maxRows) {
        throw new ImportFileError('TOO_LARGE', `${file} heeft meer dan ${IMPORT_LIMITS.maxRows} regels`, `${file} has more than ${IMPORT_LIMITS.maxRows} rows`);
      }
      const cells: Record<string, string> = {};
      keys.forEach((k, i) => {
        cells[k] = rec.record[i] ?? '';
      });
      // info.lines is the line the record ends on; a record with quoted line breaks starts earlier.
      rows.push({ line: rec.info.lines, cells });
    }
  } catch (e) {
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
