import { gql, type TypedDocumentNode } from '@apollo/client';
import type { CaseOppQuery, CaseOppQueryVariables } from '../../gql/graphql';

// The OPP's data (P7), asked only for an OPP case, so the main case query stays the same for every process. The api
// gives it as far as the caller may see it (the case-data audience rules): the SWV gets no factors, views or refusals.

export interface OppSupportLine {
  support: string;
  providedBy: string;
  duration: string;
  frequency?: string | null;
}

export interface OppVersion {
  version: number;
  status: string;
  drawnUpOn: string;
  digest: string;
  agreedOn?: string | null;
  onderwijsbehoeften?: string;
  belemmerendeFactoren?: string;
  bevorderendeFactoren?: string;
  uitstroomperspectief?: string;
  uitstroomOnderbouwing?: string;
  handelingsdeel?: OppSupportLine[];
  programmeDeviations?: string | null;
  changeReason?: string | null;
}

export interface OppData {
  versions?: OppVersion[];
  currentVersion?: number | null;
  conceptVersion?: number | null;
  hearings?: { about: string; number: number; mode: string; heardOn?: string | null; pupilView?: string | null; weighing?: string | null; waiverReason?: string | null }[];
  nextEvaluation?: { date: string; explanation: string } | null;
  refusals?: { version: number; on: string; outcome: string; route: string }[];
  bron?: { registeredOn: string; reference?: string | null } | null;
}

export const OPP_QUERY: TypedDocumentNode<CaseOppQuery, CaseOppQueryVariables> = gql`
  query CaseOpp($id: ID!) {
    case(id: $id) {
      summary {
        id
      }
      opp
    }
  }
`;
