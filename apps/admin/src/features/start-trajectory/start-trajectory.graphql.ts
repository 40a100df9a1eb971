import { gql, type TypedDocumentNode } from '@apollo/client';
import type { StartTrajectoryMutation, StartTrajectoryMutationVariables } from '../../gql/graphql';
import { CASE_SUMMARY_FIELDS } from '../../shared/fragments';

export const START_TRAJECTORY_MUTATION: TypedDocumentNode<StartTrajectoryMutation, StartTrajectoryMutationVariables> = gql`
  mutation StartTrajectory($input: StartTrajectoryInput!) {
    startTrajectory(input: $input) {
      ...CaseSummaryFields
    }
  }
  ${CASE_SUMMARY_FIELDS}
`;
