import { gql, type TypedDocumentNode } from '@apollo/client';

export interface PolicyVersion {
  id: string;
  scope: 'SWV' | 'SCHOOL';
  version: number;
  overridesJson: string;
  createdAt: string;
  createdByName: string | null;
  note: string | null;
}

export interface EffectivePolicy {
  schoolId: string;
  schoolName: string;
  version: string;
  settings: Array<{ path: string; valueJson: string; defaultJson: string; source: 'STANDAARD' | 'SWV' | 'SCHOOL' }>;
  swvVersions: PolicyVersion[];
  schoolVersions: PolicyVersion[];
}

const VERSION = `
  id
  scope
  version
  overridesJson
  createdAt
  createdByName
  note
`;

/** The policy in force at a school: every setting with where it comes from, and the SWV's and school's versions. */
export const EFFECTIVE_POLICY_QUERY: TypedDocumentNode<{ effectivePolicy: EffectivePolicy }, { schoolId: string }> = gql`
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
        ${VERSION}
      }
      schoolVersions {
        ${VERSION}
      }
    }
  }
`;
