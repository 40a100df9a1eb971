import { gql, type TypedDocumentNode } from '@apollo/client';
import type { CaseTlvChecklistQuery, CaseTlvChecklistQueryVariables } from '../../gql/graphql';

// The SWV's checklist of a TLV request (P8), asked only for a TLV case. The api gives it as far as the caller may see
// it (the case-data audience rules), to the school, the family and the SWV alike.

export type TlvChecklistItem = TlvChecklist['items'][number];

export type TlvChecklist = NonNullable<CaseTlvChecklistQuery['case']['tlvChecklist']>;

export const TLV_CHECKLIST_QUERY: TypedDocumentNode<CaseTlvChecklistQuery, CaseTlvChecklistQueryVariables> = gql`
  query CaseTlvChecklist($id: ID!) {
    case(id: $id) {
      summary {
        id
      }
      tlvChecklist {
        complete
        items {
          item
          label
          required
          present
          reference
          date
          note
        }
      }
    }
  }
`;
