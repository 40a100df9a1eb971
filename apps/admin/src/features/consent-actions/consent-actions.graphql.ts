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

export interface RecordPaperConsentVariables {
  input: { caseId: string; requestId: string; decision: 'GIVEN' | 'REFUSED'; giverUserId: string; scanDocumentId: string; note: string | null };
}

/** A signed paper form, uploaded as a scan, recorded as the answer to a consent request. */
export const RECORD_PAPER_CONSENT_MUTATION: TypedDocumentNode<{ recordPaperConsent: { id: string; status: string; statusLabel: string; scanDocumentId: string | null } }, RecordPaperConsentVariables> = gql`
  mutation RecordPaperConsent($input: PaperConsentInput!) {
    recordPaperConsent(input: $input) {
      id
      status
      statusLabel
      scanDocumentId
    }
  }
`;
