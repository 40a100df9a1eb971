import { gql, type TypedDocumentNode } from '@apollo/client';
import type { EffectivePolicyQuery, EffectivePolicyQueryVariables, PolicyVersionFieldsFragment } from '../../gql/graphql';

export type PolicyVersion = PolicyVersionFieldsFragment;

export type EffectivePolicy = EffectivePolicyQuery['effectivePolicy'];

const VERSION = gql`
  fragment PolicyVersionFields on PolicyVersion {
    id
    scope
    version
    overridesJson
    createdAt
    createdByName
    note
  }
`;

/** The policy in force at a school: every setting with where it comes from, and the SWV's and school's versions. */
export const EFFECTIVE_POLICY_QUERY: TypedDocumentNode<EffectivePolicyQuery, EffectivePolicyQueryVariables> = gql`
  query EffectivePolicy($schoolId: ID!) {
    effectivePolicy(schoolId: $schoolId) {
      schoolId
      schoolName
      version
      settings {
        path
        valueJson
        defaultJson
        source
      }
      swvVersions {
        ...PolicyVersionFields
      }
      schoolVersions {
        ...PolicyVersionFields
      }
    }
  }
  ${VERSION}
`;
