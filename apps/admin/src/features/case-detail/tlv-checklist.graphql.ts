import { gql, type TypedDocumentNode } from '@apollo/client';

// The SWV's checklist of a TLV request (P8), asked only for a TLV case. The api gives it as far as the caller may see
// it (the case-data audience rules), to the school, the family and the SWV alike.

export interface TlvChecklistItem {
  item: string;
  label: string;
  required: boolean;
  present: boolean;
  reference: string | null;
  date: string | null;
  note: string | null;
}

export interface TlvChecklist {
  complete: boolean;
  items: TlvChecklistItem[];
}

export const TLV_CHECKLIST_QUERY: TypedDocumentNode<{ case: { summary: { id: string }; tlvChecklist: TlvChecklist | null } }, { id: string }> = gql`
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
