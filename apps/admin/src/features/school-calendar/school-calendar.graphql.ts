import { gql, type TypedDocumentNode } from '@apollo/client';

export interface SchoolDayOff {
  id: string;
  schoolYear: string;
  /** YYYY-MM-DD */
  from: string;
  /** YYYY-MM-DD (inclusive) */
  to: string;
  name: string;
  createdByName: string | null;
}

export interface SchoolCalendar {
  schoolId: string;
  region: string;
  schoolYear: string;
  holidaysKnown: boolean;
  holidays: Array<{ from: string; to: string; name: string }>;
  daysOff: SchoolDayOff[];
  schoolDays: number;
}

/** Regional holidays and the school's own days off of a school year. */
export const SCHOOL_CALENDAR_QUERY: TypedDocumentNode<{ schoolCalendar: SchoolCalendar }, { schoolId: string; schoolYear: string | null }> = gql`
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

export const ADD_SCHOOL_DAY_OFF_MUTATION: TypedDocumentNode<
  { addSchoolDayOff: { id: string } },
  { input: { schoolId: string; from: string; to: string; name: string; schoolYear: string | null } }
> = gql`
  mutation AddSchoolDayOff($input: AddSchoolDayOffInput!) {
    addSchoolDayOff(input: $input) {
      id
    }
  }
`;

export const REMOVE_SCHOOL_DAY_OFF_MUTATION: TypedDocumentNode<{ removeSchoolDayOff: { id: string } }, { id: string }> = gql`
  mutation RemoveSchoolDayOff($id: ID!) {
    removeSchoolDayOff(id: $id) {
      id
    }
  }
`;
