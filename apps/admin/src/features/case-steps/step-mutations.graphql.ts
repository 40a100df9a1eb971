import { gql, type TypedDocumentNode } from '@apollo/client';
import type { RegionSchoolsQuery, RegionSchoolsQueryVariables, StaffMembersQuery, StaffMembersQueryVariables } from '../../gql/graphql';

// Queries the step and start forms share: staff to pick (coach, JOS worker, new owner of a step) and the region's
// schools. The steps of a running case all go through `takeStep` (step-form.graphql.ts) with the form the api serves
// from the step catalogue.

export type StaffMember = StaffMembersQuery['staffMembers'][number];

/** Staff of a school to pick from (coach, JOS worker, new owner of a step); scoped by the API. */
export const STAFF_QUERY: TypedDocumentNode<StaffMembersQuery, StaffMembersQueryVariables> = gql`
  query StaffMembers($schoolId: ID, $roles: [Role!]) {
    staffMembers(schoolId: $schoolId, roles: $roles) {
      id
      name
      role
      schoolId
    }
  }
`;

/** Schools of the user's samenwerkingsverband (an order of preference at an application). */
export const REGION_SCHOOLS_QUERY: TypedDocumentNode<RegionSchoolsQuery, RegionSchoolsQueryVariables> = gql`
  query RegionSchools {
    regionSchools {
      id
      name
      region
    }
  }
`;
