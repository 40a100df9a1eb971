import { gql, type TypedDocumentNode } from '@apollo/client';

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

const CUSTODY_FIELDS = `
  pupilId
  parentsDisagree
  guardians { userId name relation hasParentalAuthority login passkeys invitationExpiresAt }
  pupilAccount { userId name relation hasParentalAuthority login passkeys invitationExpiresAt }
`;

/** A pupil's guardians with custody (gezag) and login state, and whether the parents disagree. */
export const PUPIL_CUSTODY_QUERY: TypedDocumentNode<{ pupilCustody: PupilCustody }, { pupilId: string }> = gql`
  query PupilCustody($pupilId: ID!) {
    pupilCustody(pupilId: $pupilId) {
      ${CUSTODY_FIELDS}
    }
  }
`;

/** Sends a guardian (or the pupil's own account) an invitation to log in. */
export const INVITE_GUARDIAN_MUTATION: TypedDocumentNode<{ inviteGuardian: PupilCustody }, { pupilId: string; userId: string }> = gql`
  mutation InviteGuardian($pupilId: ID!, $userId: ID!) {
    inviteGuardian(pupilId: $pupilId, userId: $userId) {
      ${CUSTODY_FIELDS}
    }
  }
`;

/** Marks (or unmarks) that the parents disagree: consent then needs every guardian with parental authority. */
export const SET_PARENTS_DISAGREE_MUTATION: TypedDocumentNode<{ setParentsDisagree: PupilCustody }, { pupilId: string; input: { parentsDisagree: boolean; reason: string } }> = gql`
  mutation SetParentsDisagree($pupilId: ID!, $input: SetParentsDisagreeInput!) {
    setParentsDisagree(pupilId: $pupilId, input: $input) {
      ${CUSTODY_FIELDS}
    }
  }
`;

/** Records whether a guardian holds parental authority (gezag). */
export const SET_PARENTAL_AUTHORITY_MUTATION: TypedDocumentNode<
  { setParentalAuthority: PupilCustody },
  { pupilId: string; userId: string; input: { hasParentalAuthority: boolean; reason: string } }
> = gql`
  mutation SetParentalAuthority($pupilId: ID!, $userId: ID!, $input: SetParentalAuthorityInput!) {
    setParentalAuthority(pupilId: $pupilId, userId: $userId, input: $input) {
      ${CUSTODY_FIELDS}
    }
  }
`;
