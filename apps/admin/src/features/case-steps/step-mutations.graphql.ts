import { gql, type TypedDocumentNode } from '@apollo/client';
import type { DecideConsentTimeoutMutation, DecideConsentTimeoutMutationVariables, RegionSchoolsQuery, RegionSchoolsQueryVariables, StaffMembersQuery, StaffMembersQueryVariables } from '../../gql/graphql';

/** Documents built from strings at run time (one per mutation name): passed through a call, so codegen leaves them alone. */
const text = (source: string): string => source;

// Every human-step mutation of the case page. All step mutations take (caseId, input) and return
// the case summary; only the fields the page needs are asked back (the page refetches the case).

type StepResult = Record<string, { id: string; status: string }>;
export type StepVariables = { caseId?: string; input?: Record<string, unknown> | null };

type StepDocument = TypedDocumentNode<StepResult, StepVariables>;

function stepMutation(name: string, inputType: string, inputRequired = true): StepDocument {
  const bang = inputRequired ? '!' : '';
  return gql(text(`
    mutation Step_${name}($caseId: ID!, $input: ${inputType}${bang}) {
      ${name}(caseId: $caseId, input: $input) {
        id
        status
      }
    }
  `)) as StepDocument;
}

export const STEP_MUTATIONS = {
  // P1 Ondersteuningstraject
  recordIntake: stepMutation('recordIntake', 'RecordIntakeInput'),
  assignCoach: stepMutation('assignCoach', 'AssignCoachInput'),
  logSession: stepMutation('logSession', 'LogSessionInput'),
  recordMidEvaluation: stepMutation('recordMidEvaluation', 'MidEvaluationInput'),
  recordOutcome: stepMutation('recordOutcome', 'RecordOutcomeInput'),
  stopTrajectory: stepMutation('stopTrajectory', 'StopTrajectoryInput'),
  // P2 Zorgroute IZO/ZAT
  submitZorgrouteReferral: stepMutation('submitZorgrouteReferral', 'ZorgrouteReferralFormInput', false),
  triageZorgroute: stepMutation('triageZorgroute', 'TriageZorgrouteInput'),
  recordZorgrouteBilateral: stepMutation('recordZorgrouteBilateral', 'ZorgrouteConversationInput'),
  recordVoorgesprek: stepMutation('recordVoorgesprek', 'ZorgrouteConversationInput'),
  recordIzoDiscussion: stepMutation('recordIzoDiscussion', 'IzoDiscussionInput'),
  confirmIzoMinutesSent: stepMutation('confirmIzoMinutesSent', 'ZorgrouteConfirmInput', false),
  recordNagesprek: stepMutation('recordNagesprek', 'ZorgrouteConversationInput'),
  recordIzoEvaluation: stepMutation('recordIzoEvaluation', 'IzoEvaluationInput'),
  submitZatReferral: stepMutation('submitZatReferral', 'ZatReferralInput', false),
  planZat: stepMutation('planZat', 'PlanZatInput'),
  confirmZatAgendaSent: stepMutation('confirmZatAgendaSent', 'ZorgrouteConfirmInput', false),
  recordZatDiscussion: stepMutation('recordZatDiscussion', 'ZatDiscussionInput'),
  recordZatFeedback: stepMutation('recordZatFeedback', 'ZorgrouteConversationInput'),
  recordZatEvaluation: stepMutation('recordZatEvaluation', 'ZatEvaluationInput'),
  closeZorgroute: stepMutation('closeZorgroute', 'CloseZorgrouteInput'),
  liftParentsException: stepMutation('liftParentsException', 'LiftParentsExceptionInput'),
  // P3 JOS
  submitJosForm: stepMutation('submitJosForm', 'JosFormInput'),
  planJosStartgesprek: stepMutation('planJosStartgesprek', 'JosPlanStartgesprekInput'),
  recordJosStartgesprek: stepMutation('recordJosStartgesprek', 'JosStartgesprekInput'),
  setJosGoals: stepMutation('setJosGoals', 'JosGoalsInput'),
  logJosContact: stepMutation('logJosContact', 'JosContactInput'),
  recordJosEvaluation: stepMutation('recordJosEvaluation', 'JosEvaluationInput'),
  recordJosOutcome: stepMutation('recordJosOutcome', 'JosOutcomeInput'),
  stopJos: stepMutation('stopJos', 'StopJosInput'),
  // P4 Zorgplicht
  recordZorgplichtInvestigation: stepMutation('recordZorgplichtInvestigation', 'ZorgplichtInvestigationInput'),
  extendZorgplichtTerm: stepMutation('extendZorgplichtTerm', 'ExtendZorgplichtTermInput'),
  recordZorgplichtDecision: stepMutation('recordZorgplichtDecision', 'RecordZorgplichtDecisionInput'),
  // P5 OOV
  recordOovConsultation: stepMutation('recordOovConsultation', 'OovConsultationInput'),
  submitOovRequest: stepMutation('submitOovRequest', 'OovRequestInput'),
  recordOovSwvDecision: stepMutation('recordOovSwvDecision', 'OovSwvDecisionInput'),
  recordOovIntake: stepMutation('recordOovIntake', 'OovIntakeInput'),
  recordOovEvaluation: stepMutation('recordOovEvaluation', 'OovEvaluationInput'),
  recordOovReturnPlan: stepMutation('recordOovReturnPlan', 'OovReturnPlanInput'),
  recordOovFollowUp: stepMutation('recordOovFollowUp', 'OovFollowUpInput'),
  stopOov: stepMutation('stopOov', 'StopOovInput'),
  // Any process: the zorgcoördinator's decision after a consent request timed out (variables: { input }).
  decideConsentTimeout: gql`
    mutation Step_decideConsentTimeout($input: ConsentTimeoutDecisionInput!) {
      decideConsentTimeout(input: $input) {
        id
        status
      }
    }
  ` as StepDocument,
} as const;

export type StepMutationName = keyof typeof STEP_MUTATIONS;

/** After a consent request timed out: ask again or stop asking (not a (caseId, input) mutation). */
export const DECIDE_CONSENT_TIMEOUT_MUTATION: TypedDocumentNode<DecideConsentTimeoutMutation, DecideConsentTimeoutMutationVariables> = gql`
  mutation DecideConsentTimeout($input: ConsentTimeoutDecisionInput!) {
    decideConsentTimeout(input: $input) {
      id
      status
    }
  }
`;

export type StaffMember = StaffMembersQuery['staffMembers'][number];

/** Staff of a school to pick from (coach, JOS worker, new owner of a step); scoped by the API. */
export const STAFF_QUERY: TypedDocumentNode<StaffMembersQuery, StaffMembersQueryVariables> = gql`
  query StaffMembers($schoolId: ID, $roles: [Role!]) {
    staffMembers(schoolId: $schoolId, roles: $roles) {
      id
      name
      role
      schoolId
    }
  }
`;

/** Schools of the user's samenwerkingsverband (an order of preference at an application). */
export const REGION_SCHOOLS_QUERY: TypedDocumentNode<RegionSchoolsQuery, RegionSchoolsQueryVariables> = gql`
  query RegionSchools {
    regionSchools {
      id
      name
      region
    }
  }
`;
