import { gql, type TypedDocumentNode } from '@apollo/client';
import type { InviteGuardianMutation, InviteGuardianMutationVariables, PupilCustodyQuery, PupilCustodyQueryVariables, SetParentalAuthorityMutation, SetParentalAuthorityMutationVariables, SetParentsDisagreeMutation, SetParentsDisagreeMutationVariables } from '../../gql/graphql';

export type GuardianLoginState = 'ACTIVE' | 'INVITED' | 'INVITATION_EXPIRED' | 'NONE';

export interface CustodyGuardian {
  userId: string;
  name: string;
  relation: string;
  hasParentalAuthority: boolean;
  login: GuardianLoginState;
  passkeys: number;
  invitationExpiresAt: string | null;
}

export interface PupilCustody {
  pupilId: string;
  parentsDisagree: boolean;
  guardians: CustodyGuardian[];
  pupilAccount: CustodyGuardian | null;
}

const CUSTODY_FIELDS = gql`
  fragment CustodyGuardianFields on Guardian {
    userId
    name
    relation
    hasParentalAuthority
    login
    passkeys
    invitationExpiresAt
  }
  fragment PupilCustodyFields on PupilCustody {
    pupilId
    parentsDisagree
    guardians {
      ...CustodyGuardianFields
    }
    pupilAccount {
      ...CustodyGuardianFields
    }
  }
`;

/** A pupil's guardians with custody (gezag) and login state, and whether the parents disagree. */
export const PUPIL_CUSTODY_QUERY: TypedDocumentNode<PupilCustodyQuery, PupilCustodyQueryVariables> = gql`
  query PupilCustody($pupilId: ID!) {
    pupilCustody(pupilId: $pupilId) {
      ...PupilCustodyFields
    }
  }
  ${CUSTODY_FIELDS}
`;

/** Sends a guardian (or the pupil's own account) an invitation to log in. */
export const INVITE_GUARDIAN_MUTATION: TypedDocumentNode<InviteGuardianMutation, InviteGuardianMutationVariables> = gql`
  mutation InviteGuardian($pupilId: ID!, $userId: ID!) {
    inviteGuardian(pupilId: $pupilId, userId: $userId) {
      ...PupilCustodyFields
    }
  }
  ${CUSTODY_FIELDS}
`;

/** Marks (or unmarks) that the parents disagree: consent then needs every guardian with parental authority. */
export const SET_PARENTS_DISAGREE_MUTATION: TypedDocumentNode<SetParentsDisagreeMutation, SetParentsDisagreeMutationVariables> = gql`
  mutation SetParentsDisagree($pupilId: ID!, $input: SetParentsDisagreeInput!) {
    setParentsDisagree(pupilId: $pupilId, input: $input) {
      ...PupilCustodyFields
    }
  }
  ${CUSTODY_FIELDS}
`;

/** Records whether a guardian holds parental authority (gezag). */
export const SET_PARENTAL_AUTHORITY_MUTATION: TypedDocumentNode<SetParentalAuthorityMutation, SetParentalAuthorityMutationVariables> = gql`
  mutation SetParentalAuthority($pupilId: ID!, $userId: ID!, $input: SetParentalAuthorityInput!) {
    setParentalAuthority(pupilId: $pupilId, userId: $userId, input: $input) {
      ...PupilCustodyFields
    }
  }
  ${CUSTODY_FIELDS}
`;
