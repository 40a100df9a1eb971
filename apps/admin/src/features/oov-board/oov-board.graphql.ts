import { gql, type TypedDocumentNode } from '@apollo/client';
import { type CaseSummary } from '../../shared/api-types';
import { CASE_SUMMARY_FIELDS } from '../../shared/fragments';

// The SWV's OOV board: the OOV cases the caller may see (cases(filter: { process: OOV }), scoped by the API: an SWV
// employee sees its member schools' cases) and, per case, the OOV record (oovCase) with request, decisions, periods
// and evaluation dates. The SWV never gets the schools' own notes (the API leaves them out).

export const OOV_CASES_QUERY: TypedDocumentNode<{ cases: CaseSummary[] }> = gql`
  query OovBoardCases {
    cases(filter: { process: OOV }) {
      ...CaseSummaryFields
    }
  }
  ${CASE_SUMMARY_FIELDS}
`;

export interface OovRequest {
  round: number;
  reasons: string[];
  arrangement: string;
  arrangementLabel: string;
  preferredLocation: string | null;
  motivation: string;
  goals: string;
  submittedOn: string;
  extension: boolean;
}

export interface OovPeriod {
  round: number;
  arrangement: string;
  arrangementLabel: string;
  location: string;
  startDate: string;
  endDate: string;
  midEvaluationDate: string;
  endEvaluationDate: string;
}

export interface OovRecord {
  detail: { summary: { id: string } };
  enrolledAtSchoolName: string;
  requests: OovRequest[];
  decisions: Array<{ round: number; decision: string; arrangement: string | null; location: string | null; decidedOn: string }>;
  periods: OovPeriod[];
  evaluations: Array<{ round: number; kind: string; date: string }>;
  location: string | null;
  startDate: string | null;
  endDate: string | null;
}

export const OOV_CASE_QUERY: TypedDocumentNode<{ oovCase: OovRecord }, { id: string }> = gql`
  query OovBoardCase($id: ID!) {
    oovCase(id: $id) {
      detail {
        summary {
          id
        }
      }
      enrolledAtSchoolName
      requests {
        round
        reasons
        arrangement
        arrangementLabel
        preferredLocation
        motivation
        goals
        submittedOn
        extension
      }
      decisions {
        round
        decision
        arrangement
        location
        decidedOn
      }
      periods {
        round
        arrangement
        arrangementLabel
        location
        startDate
        endDate
        midEvaluationDate
        endEvaluationDate
      }
      evaluations {
        round
        kind
        date
      }
      location
      startDate
      endDate
    }
  }
`;
