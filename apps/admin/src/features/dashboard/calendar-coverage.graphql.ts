import { gql, type TypedDocumentNode } from '@apollo/client';
import { type CalendarCoverage } from '../../shared/api-types';

// The runway of the bundled holiday data: a warning when it does not cover the current and the next school year.
export const CALENDAR_COVERAGE_QUERY: TypedDocumentNode<{ calendarCoverage: CalendarCoverage }, Record<string, never>> = gql`
  query CalendarCoverage {
    calendarCoverage {
      coveredUntil
      missingSchoolYears
      warning
    }
  }
`;
