/** What an import file says, normalised: the same shape for every source format (OneRoster, Somtoday, Magister). */
export type ImportFormat = 'ONEROSTER' | 'SOMTODAY' | 'MAGISTER';

export interface ImportedStaff {
  /** The id in the administration system (OneRoster sourcedId). */
  sourceId: string;
  name: string;
  email: string;
  file: string;
  line: number;
}

export interface ImportedGuardian {
  /** OneRoster sourcedId; null for Somtoday/Magister (a guardian is known there by his e-mail address). */
  sourceId: string | null;
  name: string;
  email: string;
  /** 'ouder', 'verzorger' or 'familie'. */
  relation: string;
  /** Gezag: holds parental authority over this pupil. */
  hasParentalAuthority: boolean;
}

/** Who the pupil's mentor is: a staff member of the same file (sourceId) or an existing account (e-mail). */
export type MentorRef = { sourceId: string } | { email: string };

export interface ImportedPupil {
  /** Leerlingnummer (OneRoster: the user's identifier, else its sourcedId). */
  sourceId: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  className: string | null;
  mentor: MentorRef | null;
  guardians: ImportedGuardian[];
  file: string;
  line: number;
}

/** A row that cannot be imported, with its file, line and a Dutch reason. */
export interface RejectedRow {
  file: string;
  line: number;
  reason: string;
}

export interface ImportRecords {
  format: ImportFormat;
  staff: ImportedStaff[];
  pupils: ImportedPupil[];
  rejected: RejectedRow[];
}
