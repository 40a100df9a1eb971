/**
 * The one place where the columns of the Dutch administration systems' exports are mapped (issue 13): per field of a
 * pupil row, the header Somtoday and Magister write. Headers are compared after `normaliseHeader` (lower case, single
 * spaces, no BOM), so "Mentor E-mail" and "mentor e-mail" are the same column. docs/school-import.md lists them.
 */
export type PupilRowField =
  | 'leerlingnummer'
  | 'roepnaam'
  | 'voorvoegsel'
  | 'achternaam'
  | 'geboortedatum'
  | 'klas'
  | 'mentor'
  | 'mentorEmail'
  | 'ouder1Naam'
  | 'ouder1Email'
  | 'ouder1Gezag'
  | 'ouder2Naam'
  | 'ouder2Email'
  | 'ouder2Gezag';

export interface DelimitedFormat {
  format: 'SOMTODAY' | 'MAGISTER';
  label: string;
  delimiter: string;
  columns: Record<PupilRowField, string>;
  /** Columns that must be there (the others may be left out of the export). */
  required: PupilRowField[];
}

const REQUIRED: PupilRowField[] = ['leerlingnummer', 'roepnaam', 'achternaam', 'geboortedatum', 'klas', 'mentorEmail', 'ouder1Naam', 'ouder1Email', 'ouder1Gezag'];

export const DELIMITED_FORMATS: readonly DelimitedFormat[] = [
  {
    format: 'SOMTODAY',
    label: 'Somtoday (leerlingen met ouders/verzorgers)',
    delimiter: ';',
    required: REQUIRED,
    columns: {
      leerlingnummer: 'leerlingnummer',
      roepnaam: 'roepnaam',
      voorvoegsel: 'voorvoegsel',
      achternaam: 'achternaam',
      geboortedatum: 'geboortedatum',
      klas: 'klas',
      mentor: 'mentor',
      mentorEmail: 'mentor e-mail',
      ouder1Naam: 'ouder/verzorger 1 naam',
      ouder1Email: 'ouder/verzorger 1 e-mail',
      ouder1Gezag: 'ouder/verzorger 1 gezag',
      ouder2Naam: 'ouder/verzorger 2 naam',
      ouder2Email: 'ouder/verzorger 2 e-mail',
      ouder2Gezag: 'ouder/verzorger 2 gezag',
    },
  },
  {
    format: 'MAGISTER',
    label: 'Magister (leerlingen met verzorgers)',
    delimiter: ';',
    required: REQUIRED,
    columns: {
      leerlingnummer: 'stamnr',
      roepnaam: 'roepnaam',
      voorvoegsel: 'tussenv',
      achternaam: 'achternaam',
      geboortedatum: 'geb.datum',
      klas: 'klas',
      mentor: 'mentor',
      mentorEmail: 'e-mail mentor',
      ouder1Naam: 'naam verzorger 1',
      ouder1Email: 'e-mail verzorger 1',
      ouder1Gezag: 'gezag verzorger 1',
      ouder2Naam: 'naam verzorger 2',
      ouder2Email: 'e-mail verzorger 2',
      ouder2Gezag: 'gezag verzorger 2',
    },
  },
];

export function normaliseHeader(h: string): string {
  return h.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * Which export a header line is: the format whose student-number column it has (Somtoday "Leerlingnummer", Magister
 * "Stamnr"). Null when neither.
 */
export function detectDelimitedFormat(headerLine: string): DelimitedFormat | null {
  const cells = headerLine.split(/[;,\t|]/).map(normaliseHeader);
  return DELIMITED_FORMATS.find((f) => cells.includes(f.columns.leerlingnummer)) ?? null;
}
