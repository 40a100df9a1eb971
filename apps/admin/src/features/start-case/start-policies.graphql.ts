import { gql, type TypedDocumentNode } from '@apollo/client';
import type { StartPoliciesQuery, StartPoliciesQueryVariables } from '../../gql/graphql';

/**
 * The policies in force at the user's school, for a start whose bounds come from them (P1's length in weeks): the form
 * shows and checks the same numbers the api checks.
 */
export const START_POLICIES_QUERY: TypedDocumentNode<StartPoliciesQuery, StartPoliciesQueryVariables> = gql`
  query StartPolicies($schoolId: ID!) {
    effectivePolicy(schoolId: $schoolId) {
      schoolId
      policiesJson
    }
  }
`;
