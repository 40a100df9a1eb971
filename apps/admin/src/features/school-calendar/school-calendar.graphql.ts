import { gql, type TypedDocumentNode } from '@apollo/client';
import type { ApplySchoolCalendarToRunningCasesMutation, ApplySchoolCalendarToRunningCasesMutationVariables, LastRunningCasesCalendarRunQuery, LastRunningCasesCalendarRunQueryVariables, AddSchoolDayOffMutation, AddSchoolDayOffMutationVariables, RemoveSchoolDayOffMutation, RemoveSchoolDayOffMutationVariables, SchoolCalendarQuery, SchoolCalendarQueryVariables } from '../../gql/graphql';
import { RUNNING_CASES_CALENDAR_RESULT_FIELDS } from '../../shared/fragments';

export type SchoolDayOff = SchoolCalendar['daysOff'][number];

export type SchoolCalendar = SchoolCalendarQuery['schoolCalendar'];

/** Regional holidays and the school's own days off of a school year. */
export const SCHOOL_CALENDAR_QUERY: TypedDocumentNode<SchoolCalendarQuery, SchoolCalendarQueryVariables> = gql`
  query SchoolCalendar($schoolId: ID!, $schoolYear: String) {
    schoolCalendar(schoolId: $schoolId, schoolYear: $schoolYear) {
      schoolId
      region
      schoolYear
      holidaysKnown
      holidays {
        from
        to
        name
      }
      daysOff {
        id
        schoolYear
        from
        to
        name
        createdByName
      }
      schoolDays
    }
  }
`;

export const ADD_SCHOOL_DAY_OFF_MUTATION: TypedDocumentNode<AddSchoolDayOffMutation, AddSchoolDayOffMutationVariables> = gql`
  mutation AddSchoolDayOff($input: AddSchoolDayOffInput!) {
    addSchoolDayOff(input: $input) {
      id
    }
  }
`;

export const REMOVE_SCHOOL_DAY_OFF_MUTATION: TypedDocumentNode<RemoveSchoolDayOffMutation, RemoveSchoolDayOffMutationVariables> = gql`
  mutation RemoveSchoolDayOff($id: ID!) {
    removeSchoolDayOff(id: $id) {
      id
    }
  }
`;

/** Sends the school's current calendar to its running cases (their open steps' due dates are recomputed). */
export const APPLY_SCHOOL_CALENDAR_MUTATION: TypedDocumentNode<ApplySchoolCalendarToRunningCasesMutation, ApplySchoolCalendarToRunningCasesMutationVariables> = gql`
  mutation ApplySchoolCalendarToRunningCases($schoolId: ID!) {
    applySchoolCalendarToRunningCases(schoolId: $schoolId) {
      ...RunningCasesCalendarResultFields
    }
  }
  ${RUNNING_CASES_CALENDAR_RESULT_FIELDS}
`;

/** The last time the calendar was sent to the school's running cases (a holiday import or the button), for the school. */
export const LAST_RUNNING_CASES_CALENDAR_RUN_QUERY: TypedDocumentNode<LastRunningCasesCalendarRunQuery, LastRunningCasesCalendarRunQueryVariables> = gql`
  query LastRunningCasesCalendarRun($schoolId: ID!) {
    lastRunningCasesCalendarRun(schoolId: $schoolId) {
      at
      reason
      result {
        ...RunningCasesCalendarResultFields
      }
    }
  }
  ${RUNNING_CASES_CALENDAR_RESULT_FIELDS}
`;
