import { gql, type TypedDocumentNode } from '@apollo/client';
import { type CaseSummary, type Pupil, type StartTrajectoryInput } from '../../shared/api-types';
import { CASE_SUMMARY_FIELDS } from '../../shared/fragments';

export const PUPILS_QUERY: TypedDocumentNode<{ pupils: Pupil[] }, { schoolId?: string | null }> = gql`
  query StartTrajectoryPupils($schoolId: ID) {
    pupils(schoolId: $schoolId) {
      id
      displayName
      className
      schoolId
      mentorName
    }
  }
`;

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
