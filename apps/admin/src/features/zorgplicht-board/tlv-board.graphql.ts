import { gql, type TypedDocumentNode } from '@apollo/client';
import { type Pupil, type School } from '../../shared/api-types';

export interface TlvBoardRequest {
  caseId: string;
  pupil: Pupil;
  school: School;
  status: string;
  statusLabel: string;
  submittedOn: string | null;
  requestedCategory: string | null;
  missingItems: number;
  decisionDueDate: string | null;
  decisionDueExplanation: string | null;
  daysRemaining: number | null;
  overdue: boolean;
  termExtended: boolean;
}

export interface TlvBoardExpiring {
  caseId: string;
  pupil: Pupil;
  school: School;
  status: string;
  statusLabel: string;
  category: string | null;
  endDate: string;
  reminderDate: string;
  daysUntilEnd: number;
  herindicatie: string | null;
  herindicatieCaseId: string | null;
}

export interface TlvBoard {
  today: string;
  requests: TlvBoardRequest[];
  expiring: TlvBoardExpiring[];
}

const PUPIL_AND_SCHOOL = `
  pupil {
    id
    displayName
    className
    schoolId
    mentorName
  }
  school {
    id
    name
    region
  }`;

export const TLV_BOARD_QUERY: TypedDocumentNode<{ tlvBoard: TlvBoard }, Record<string, never>> = gql`
  query TlvBoard {
    tlvBoard {
      today
      requests {
        caseId
        ${PUPIL_AND_SCHOOL}
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
        ${PUPIL_AND_SCHOOL}
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
`;
