import { gql, type TypedDocumentNode } from '@apollo/client';
import { type CaseSummary, type StartTrajectoryInput } from '../../shared/api-types';
import { CASE_SUMMARY_FIELDS } from '../../shared/fragments';

export const START_TRAJECTORY_MUTATION: TypedDocumentNode<
  { startTrajectory: CaseSummary },
  { input: StartTrajectoryInput }
> = gql`
  mutation StartTrajectory($input: StartTrajectoryInput!) {
    startTrajectory(input: $input) {
      ...CaseSummaryFields
    }
  }
  ${CASE_SUMMARY_FIELDS}
`;
