import { gql, type TypedDocumentNode } from '@apollo/client';
import type { CalendarCoverageQuery, CalendarCoverageQueryVariables } from '../../gql/graphql';

// The runway of the bundled holiday data: a warning when it does not cover the current and the next school year.
export const CALENDAR_COVERAGE_QUERY: TypedDocumentNode<CalendarCoverageQuery, CalendarCoverageQueryVariables> = gql`
  query CalendarCoverage {
    calendarCoverage {
      coveredUntil
      missingSchoolYears
      warning
    }
  }
`;
