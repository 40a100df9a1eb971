import { gql, type TypedDocumentNode } from '@apollo/client';
import type { HolidayDataYearsQuery, HolidayDataYearsQueryVariables, ImportSchoolHolidaysMutation, ImportSchoolHolidaysMutationVariables, SchoolHolidayImportPreviewQuery, SchoolHolidayImportPreviewQueryVariables } from '../../gql/graphql';
import { RUNNING_CASES_CALENDAR_RESULT_FIELDS } from '../../shared/fragments';

/** One vacation in one region of one school year. */
export type HolidayImportEntry = HolidayImportPreview['entries'][number];

export type HolidayImportPreview = SchoolHolidayImportPreviewQuery['schoolHolidayImportPreview'];

export type HolidayDataYear = HolidayDataYearsQuery['holidayDataYears'][number];

/** What importing the ministry's school holiday file would store (the api stores nothing for a preview). */
export const HOLIDAY_IMPORT_PREVIEW_QUERY: TypedDocumentNode<SchoolHolidayImportPreviewQuery, SchoolHolidayImportPreviewQueryVariables> = gql`
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

export const IMPORT_SCHOOL_HOLIDAYS_MUTATION: TypedDocumentNode<ImportSchoolHolidaysMutation, ImportSchoolHolidaysMutationVariables> = gql`
  mutation ImportSchoolHolidays($content: String!, $fileDigest: String!) {
    importSchoolHolidays(content: $content, fileDigest: $fileDigest) {
      schoolYears
      coverage {
        coveredUntil
        missingSchoolYears
        warning
      }
      runningCases {
        ...RunningCasesCalendarResultFields
      }
    }
  }
  ${RUNNING_CASES_CALENDAR_RESULT_FIELDS}
`;

export const HOLIDAY_DATA_YEARS_QUERY: TypedDocumentNode<HolidayDataYearsQuery, HolidayDataYearsQueryVariables> = gql`
  query HolidayDataYears {
    holidayDataYears {
      schoolYear
      source
      importedAt
      importedByName
    }
  }
`;
