import { gql, type TypedDocumentNode } from '@apollo/client';
import type { CasesWithoutHolidayDataQuery, CasesWithoutHolidayDataQueryVariables } from '../../gql/graphql';

export type CaseWithoutHolidayData = CasesWithoutHolidayDataQuery['casesWithoutHolidayData'][number];

// Running cases with a due date counted across a school year without regional holiday data.
export const CASES_WITHOUT_HOLIDAY_DATA_QUERY: TypedDocumentNode<CasesWithoutHolidayDataQuery, CasesWithoutHolidayDataQueryVariables> = gql`
  query CasesWithoutHolidayData {
    casesWithoutHolidayData {
      caseId
      process
      schoolName
      status
      dueDates {
        step
        stepLabel
        date
        explanation
        schoolYears
        nowKnown
      }
    }
  }
`;
