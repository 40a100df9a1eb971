import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { checkClassName, checkEmail, checkName, checkSourceId, parseBirthDate, parseGezag } from './field-checks';
import { detectDelimitedFormat, normaliseHeader, type DelimitedFormat, type PupilRowField } from './column-map';
import { readCsv, readFirstLine, requireColumns, sourceStream, utf8Decoder, type ImportSource } from './read-csv';
import { ImportFileError } from './import-limits';
import type { ImportedGuardian, ImportedPupil, ImportRecords, RejectedRow } from './import-records';

/**
 * Reads a Somtoday or Magister pupil export (semicolon-separated, Dutch headers, one row per pupil with up to two
 * parents/guardians; column-map.ts). File-level problems throw ImportFileError; row problems reject the row with its
 * line number and a Dutch reason. Duplicate pupil numbers reject every row that has it.
 */
export async function readDelimitedExport(fileName: string, source: ImportSource, today: string): Promise<ImportRecords> {
  const format = detectDelimitedFormat(await readFirstLine(source));
  if (!format) {
    // A file that is not UTF-8 says so first (as when the whole file was decoded before its header was looked at).
    await pipeline(sourceStream(source), utf8Decoder(fileName), new Writable({ objectMode: true, write: (_text, _enc, done) => done() }));
    throw new ImportFileError(
      'MISSING_COLUMN',
      `${fileName}: geen export van Somtoday of Magister herkend; de kolom "Leerlingnummer" (Somtoday) of "Stamnr" (Magister) ontbreekt`,
      `${fileName}: neither a Somtoday nor a Magister export (no student number column)`,
    );
  }
  const table = await readCsv(fileName, source, format.delimiter, { normalise: normaliseHeader, keep: new Set(Object.values(format.columns)) });
  requireColumns(table, format.required.map((f) => format.columns[f]), normaliseHeader);
  const col = (cells: Record<string, string>, f: PupilRowField) => (cells[format.columns[f]] ?? '').trim();

  const rejected: RejectedRow[] = [];
  const pupils: ImportedPupil[] = [];
  const linesByNumber = new Map<string, number[]>();
  for (const row of table.rows) {
    const n = col(row.cells, 'leerlingnummer');
    if (n) linesByNumber.set(n, [...(linesByNumber.get(n) ?? []), row.line]);
  }
  for (const row of table.rows) {
    const c = row.cells;
    const reasons: string[] = [];
    const number = col(c, 'leerlingnummer');
    const numberProblem = checkSourceId('leerlingnummer', number);
    if (numberProblem) reasons.push(numberProblem);
    const others = (linesByNumber.get(number) ?? []).filter((l) => l !== row.line);
    if (number && others.length) reasons.push(`leerlingnummer ${number} staat ook op regel ${others.join(', ')}`);
    const firstName = col(c, 'roepnaam');
    const lastName = [col(c, 'voorvoegsel'), col(c, 'achternaam')].filter(Boolean).join(' ');
    const prefix = col(c, 'voorvoegsel');
    for (const p of [checkName('roepnaam', firstName), checkName('achternaam', col(c, 'achternaam')), prefix ? checkName('voorvoegsel', prefix) : null]) if (p) reasons.push(p);
    const birth = parseBirthDate(col(c, 'geboortedatum'), today);
    if ('reason' in birth) reasons.push(birth.reason);
    const className = col(c, 'klas');
    if (!className) reasons.push('klas ontbreekt');
    const classProblem = checkClassName(className);
    if (classProblem) reasons.push(classProblem);
    const mentorEmail = col(c, 'mentorEmail').toLowerCase();
    if (mentorEmail) {
      const p = checkEmail('mentor', mentorEmail);
      if (p) reasons.push(p);
    } else if (col(c, 'mentor')) {
      reasons.push(`mentor "${col(c, 'mentor').slice(0, 40)}" heeft geen e-mailadres`);
    }
    const guardians: ImportedGuardian[] = [];
    for (const [i, nameF, emailF, gezagF] of [
      [1, 'ouder1Naam', 'ouder1Email', 'ouder1Gezag'],
      [2, 'ouder2Naam', 'ouder2Email', 'ouder2Gezag'],
    ] as const) {
      const name = col(c, nameF);
      const email = col(c, emailF).toLowerCase();
      const gezagRaw = col(c, gezagF);
      if (!name && !email) {
        if (i === 1) reasons.push('ouder/verzorger 1 ontbreekt');
        continue;
      }
      const label = `ouder/verzorger ${i}`;
      const nameProblem = checkName(`naam van ${label}`, name);
      if (nameProblem) reasons.push(nameProblem);
      const emailProblem = checkEmail(`${label}${name ? ` (${name.slice(0, 40)})` : ''}`, email);
      if (emailProblem) reasons.push(emailProblem);
      const gezag = parseGezag(gezagRaw);
      if (gezag === null) reasons.push(`gezag van ${label} is "${gezagRaw.slice(0, 20)}"; verwacht ja of nee`);
      guardians.push({ sourceId: null, name, email, relation: 'ouder', hasParentalAuthority: gezag ?? true });
    }
    if (guardians.length === 2 && guardians[0].email && guardians[0].email === guardians[1].email) reasons.push('ouder/verzorger 1 en 2 hebben hetzelfde e-mailadres');
    if (reasons.length) {
      rejected.push({ file: fileName, line: row.line, reason: reasons.join('; ') });
      continue;
    }
    pupils.push({
      sourceId: number,
      firstName,
      lastName,
      dateOfBirth: (birth as { date: string }).date,
      className,
      mentor: mentorEmail ? { email: mentorEmail } : null,
      guardians,
      file: fileName,
      line: row.line,
    });
  }
  return { format: (format as DelimitedFormat).format, staff: [], pupils, rejected };
}
