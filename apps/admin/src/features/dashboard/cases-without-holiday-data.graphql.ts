import { gql, type TypedDocumentNode } from '@apollo/client';

export interface CaseWithoutHolidayData {
  caseId: string;
  process: string;
  schoolName: string | null;
  status: string;
  dueDates: Array<{ step: string; stepLabel: string | null; date: string; explanation: string; schoolYears: string[]; nowKnown: string[] }>;
}

// Running cases with a due date counted across a school year without regional holiday data.
export const CASES_WITHOUT_HOLIDAY_DATA_QUERY: TypedDocumentNode<{ casesWithoutHolidayData: CaseWithoutHolidayData[] }, Record<string, never>> = gql`
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
