import { gql, type TypedDocumentNode } from '@apollo/client';
import type { TlvBoardQuery, TlvBoardQueryVariables } from '../../gql/graphql';

export type TlvBoardRequest = TlvBoard['requests'][number];

export type TlvBoardExpiring = TlvBoard['expiring'][number];

export type TlvBoard = TlvBoardQuery['tlvBoard'];

const PUPIL_AND_SCHOOL = gql`
  fragment TlvBoardPupil on Pupil {
    id
    displayName
    className
    schoolId
    mentorName
  }
  fragment TlvBoardSchool on School {
    id
    name
    region
  }
`;

export const TLV_BOARD_QUERY: TypedDocumentNode<TlvBoardQuery, TlvBoardQueryVariables> = gql`
  query TlvBoard {
    tlvBoard {
      today
      requests {
        caseId
        pupil {
          ...TlvBoardPupil
        }
        school {
          ...TlvBoardSchool
        }
        status
        statusLabel
        submittedOn
        requestedCategory
        missingItems
        decisionDueDate
        decisionDueExplanation
        daysRemaining
        overdue
        termExtended
      }
      expiring {
        caseId
        pupil {
          ...TlvBoardPupil
        }
        school {
          ...TlvBoardSchool
        }
        status
        statusLabel
        category
        endDate
        reminderDate
        daysUntilEnd
        herindicatie
        herindicatieCaseId
      }
    }
  }
  ${PUPIL_AND_SCHOOL}
`;
