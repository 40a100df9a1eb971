import { gql, type TypedDocumentNode } from '@apollo/client';
import type { OovBoardCaseQuery, OovBoardCaseQueryVariables, OovBoardCasesQuery, OovBoardCasesQueryVariables } from '../../gql/graphql';
import { CASE_SUMMARY_FIELDS, STEP_FORM_FIELDS } from '../../shared/fragments';

// The SWV's OOV board: the OOV cases the caller may see (cases(filter: { process: OOV }), scoped by the API: an SWV
// employee sees its member schools' cases) and, per case, the OOV record (oovCase) with request, decisions, periods
// and evaluation dates, and the forms of the steps the case offers (the SWV's decision, from the step catalogue). The
// SWV never gets the schools' own notes (the API leaves them out).

export const OOV_CASES_QUERY: TypedDocumentNode<OovBoardCasesQuery, OovBoardCasesQueryVariables> = gql`
  query OovBoardCases {
    cases(filter: { process: OOV }) {
      ...CaseSummaryFields
    }
  }
  ${CASE_SUMMARY_FIELDS}
`;

export type OovRequest = OovRecord['requests'][number];

export type OovPeriod = OovRecord['periods'][number];

export type OovRecord = OovBoardCaseQuery['oovCase'];

export const OOV_CASE_QUERY: TypedDocumentNode<OovBoardCaseQuery, OovBoardCaseQueryVariables> = gql`
  query OovBoardCase($id: ID!) {
    oovCase(id: $id) {
      detail {
        summary {
          id
        }
        stepForms {
          ...StepFormFields
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
  ${STEP_FORM_FIELDS}
`;
