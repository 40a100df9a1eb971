import { gql, type TypedDocumentNode } from '@apollo/client';

export interface WithdrawConsentVariables {
  input: { caseId: string; requestId: string; reason: string };
}

/** A given consent withdrawn, with a reason (the one who gave it, or the zorgcoördinator on his behalf). */
export const WITHDRAW_CONSENT_MUTATION: TypedDocumentNode<{ withdrawConsent: { id: string; status: string; statusLabel: string; withdrawnAt: string | null } }, WithdrawConsentVariables> = gql`
  mutation WithdrawConsent($input: WithdrawConsentInput!) {
    withdrawConsent(input: $input) {
      id
      status
      statusLabel
      withdrawnAt
    }
  }
`;
