import { gql, type TypedDocumentNode } from '@apollo/client';
import type { RegionSchoolsQuery, RegionSchoolsQueryVariables, StaffMembersQuery, StaffMembersQueryVariables } from '../../gql/graphql';

/** Documents built from strings at run time (one per mutation name): passed through a call, so codegen leaves them alone. */
const text = (source: string): string => source;

// The start mutations of the dashboard's start forms (step-forms.ts). The steps of a running case all go through
// `takeStep` (step-form.graphql.ts) with the form the api serves from the step catalogue.

type StepResult = Record<string, { id: string; status: string }>;
export type StepVariables = { caseId?: string; input?: Record<string, unknown> | null };

type StepDocument = TypedDocumentNode<StepResult, StepVariables>;

function startMutation(name: string, inputType: string): StepDocument {
  return gql(text(`
    mutation Start_${name}($input: ${inputType}!) {
      ${name}(input: $input) {
        id
        status
      }
    }
  `)) as StepDocument;
}

export const STEP_MUTATIONS = {
  // Starting a case (no caseId)
  startZorgroute: startMutation('startZorgroute', 'StartZorgrouteInput'),
  startJos: startMutation('startJos', 'StartJosInput'),
  startOpp: startMutation('startOpp', 'StartOppInput'),
  startTlv: startMutation('startTlv', 'StartTlvInput'),
} as const;

export type StepMutationName = keyof typeof STEP_MUTATIONS;

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
