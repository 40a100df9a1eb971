import { gql, type TypedDocumentNode } from '@apollo/client';
import { type CalendarCoverage } from '../../shared/api-types';

/** One vacation in one region of one school year. */
export interface HolidayImportEntry {
  schoolYear: string;
  vacation: string;
  compulsory: boolean;
  region: string;
  from: string;
  to: string;
}

export interface HolidayImportPreview {
  fileDigest: string;
  schoolYears: Array<{ schoolYear: string; replaces: 'BUNDLED' | 'IMPORTED' | null }>;
  entries: HolidayImportEntry[];
  rejected: Array<{ schoolYear: string | null; entry: string; reason: string }>;
}

export interface HolidayDataYear {
  schoolYear: string;
  source: 'BUNDLED' | 'IMPORTED';
  importedAt: string | null;
  importedByName: string | null;
}

/** What importing the ministry's school holiday file would store (the api stores nothing for a preview). */
export const HOLIDAY_IMPORT_PREVIEW_QUERY: TypedDocumentNode<{ schoolHolidayImportPreview: HolidayImportPreview }, { content: string }> = gql`
  query SchoolHolidayImportPreview($content: String!) {
    schoolHolidayImportPreview(content: $content) {
      fileDigest
      schoolYears {
        schoolYear
        replaces
      }
      entries {
        schoolYear
        vacation
        compulsory
        region
        from
        to
      }
      rejected {
        schoolYear
        entry
        reason
      }
    }
  }
`;

export const IMPORT_SCHOOL_HOLIDAYS_MUTATION: TypedDocumentNode<
  { importSchoolHolidays: { schoolYears: string[]; coverage: CalendarCoverage } },
  { content: string; fileDigest: string }
> = gql`
  mutation ImportSchoolHolidays($content: String!, $fileDigest: String!) {
    importSchoolHolidays(content: $content, fileDigest: $fileDigest) {
      schoolYears
      coverage {
        coveredUntil
        missingSchoolYears
        warning
      }
    }
  }
`;

export const HOLIDAY_DATA_YEARS_QUERY: TypedDocumentNode<{ holidayDataYears: HolidayDataYear[] }, Record<string, never>> = gql`
  query HolidayDataYears {
    holidayDataYears {
      schoolYear
      source
      importedAt
      importedByName
    }
  }
`;
