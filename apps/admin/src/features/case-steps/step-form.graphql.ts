import { gql, type TypedDocumentNode } from '@apollo/client';
import type { TakeStepMutation, TakeStepMutationVariables } from '../../gql/graphql';

/** Any step of any process, with the input its form (CaseDetail.stepForms) defines. */
export const TAKE_STEP_MUTATION: TypedDocumentNode<TakeStepMutation, TakeStepMutationVariables> = gql`
  mutation TakeStep($caseId: ID!, $step: String!, $input: JSONObject!) {
    takeStep(caseId: $caseId, step: $step, input: $input) {
      id
      status
    }
  }
`;
