import { gql, type TypedDocumentNode } from '@apollo/client';

/** Any step of any process, with the input its form (CaseDetail.stepForms) defines. */
export const TAKE_STEP_MUTATION: TypedDocumentNode<{ takeStep: { id: string; status: string } }, { caseId: string; step: string; input: Record<string, unknown> }> = gql`
  mutation TakeStep($caseId: ID!, $step: String!, $input: JSONObject!) {
    takeStep(caseId: $caseId, step: $step, input: $input) {
      id
      status
    }
  }
`;
