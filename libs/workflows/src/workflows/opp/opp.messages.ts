/**
 * P7 — OPP (ontwikkelingsperspectiefplan): what other code imports — the start input, the update inputs and
 * definitions, the query, the status and step names. The workflow is in opp.workflow.ts.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CaseSnapshot } from '@zorgroute/domain';
import type { OppContent, OppSupportLine } from '@zorgroute/domain/logic';
import type { Actor } from '../common/case-recorder';
import type { ConsentRequestView } from '../common/consent';

export const OPP_WORKFLOW = 'oppWorkflow';

export type OppStatus = 'OPSTELLEN' | 'LEERLING_HOREN' | 'INSTEMMING' | 'GEWEIGERD' | 'UITVOERING' | 'EVALUATIE' | 'BEEINDIGD' | 'INSTEMMING_GEWEIGERD' | 'GESTOPT';
export type OppStep = 'OPP_DRAW_UP' | 'OPP_ADJUST' | 'OPP_HEAR_PUPIL' | 'OPP_REFUSAL_FOLLOW_UP' | 'OPP_EVALUATE' | 'OPP_REGISTER_BRON' | 'STOP_OPP';

/** The consent request of the parents' instemming with the handelingsdeel of a version. */
export const OPP_CONSENT_KIND = 'OPP_HANDELINGSDEEL';

/** Where the OPP comes from (issue 16): a zorgplicht decision TOEGELATEN with an arrangement, an IZO/ZAT decision, an OOV placement, or the zorgcoördinator. */
export type OppSource = 'ZORGPLICHT' | 'ZORGROUTE' | 'OOV' | 'DIRECT';
export const OPP_SOURCES: readonly OppSource[] = ['ZORGPLICHT', 'ZORGROUTE', 'OOV', 'DIRECT'];

export type { OppContent, OppSupportLine };

export interface StartOppInput {
  schoolId: string;
  pupilId: string;
  startedBy: Actor;
  /** Why the pupil gets extra support (the arrangement). */
  reason: string;
  source: OppSource;
  /** The case the OPP comes from (a zorgplicht, zorgroute or OOV case of the same pupil), when it does. */
  sourceCaseId?: string | null;
  /** The day the extra support starts (the draw-up term counts from it); today when absent. */
  supportStartedOn?: string | null;
  /** Staff who take part (the pupil's mentor, the leerlingbegeleider): they may draw up, hear and evaluate. */
  participantIds?: string[];
}

export interface DrawUpOppInput extends OppContent {
  actor: Actor;
  changeReason?: string | null;
}

export type AdjustOppInput = DrawUpOppInput;

export interface HearPupilInput {
  actor: Actor;
  mode: 'HEARD' | 'WAIVED';
  heardOn?: string | null;
  pupilView?: string | null;
  weighing?: string | null;
  explainedBack?: boolean | null;
  waiverReason?: string | null;
}

export interface RefusalFollowUpInput {
  actor: Actor;
  decision: 'NEW_VERSION' | 'CLOSE';
  reason: string;
}

export type OppEvaluationOutcome = 'CONTINUE' | 'ADJUST' | 'END';

export interface OppEvaluationInput {
  actor: Actor;
  heldOn: string;
  parentsPresent: boolean;
  summary: string;
  outcome: OppEvaluationOutcome;
}

export interface RegisterBronInput {
  actor: Actor;
  registeredOn: string;
  reference?: string | null;
}

export interface StopOppInput {
  actor: Actor;
  reason: string;
}

/** CONCEPT (drawn up, not yet agreed) → VASTGESTELD (the parents agreed) → VERVANGEN (a later version was agreed); or NIET_INGESTEMD. */
export type OppVersionStatus = 'CONCEPT' | 'VASTGESTELD' | 'NIET_INGESTEMD' | 'VERVANGEN';

export interface OppVersion extends OppContent {
  version: number;
  drawnUpOn: string;
  drawnUpBy: string | null;
  changeReason: string | null;
  /** SHA-256 (hex) of the version (oppVersionDigest): what the parents' instemming is recorded on. */
  digest: string;
  status: OppVersionStatus;
  consentRequestId: string | null;
  agreedOn: string | null;
  /** REFUSED, or TIMED_OUT when the zorgcoördinator stopped asking. */
  notAgreed: 'REFUSED' | 'TIMED_OUT' | null;
  notAgreedOn: string | null;
}

/** The pupil's view (hoorrecht), recorded for a version or an evaluation. */
export interface OppHearing {
  about: 'VERSION' | 'EVALUATION';
  /** The version (about VERSION) or the evaluation number (about EVALUATION). */
  number: number;
  mode: 'HEARD' | 'WAIVED';
  heardOn: string | null;
  pupilView: string | null;
  weighing: string | null;
  explainedBack: boolean;
  waiverReason: string | null;
  recordedOn: string;
  recordedBy: string | null;
}

export interface OppEvaluation {
  number: number;
  heldOn: string;
  parentsPresent: boolean;
  summary: string;
  outcome: OppEvaluationOutcome;
  recordedBy: string | null;
  /** The day the evaluation concluded: when the pupil's view on it was recorded. The next one counts from here. */
  concludedOn: string | null;
}

export interface OppRefusal {
  version: number;
  on: string;
  outcome: 'REFUSED' | 'TIMED_OUT';
  /** The route for parents who disagree (Dutch). */
  route: string;
  followUp: { decision: 'NEW_VERSION' | 'CLOSE'; reason: string; on: string; by: string | null } | null;
}

export interface OppState {
  case: CaseSnapshot;
  openSteps: OppStep[];
  versions: OppVersion[];
  /** The version in force (the parents agreed), if any. */
  currentVersion: number | null;
  hearings: OppHearing[];
  evaluations: OppEvaluation[];
  nextEvaluationDue: string | null;
  refusals: OppRefusal[];
  bron: { registeredOn: string; reference: string | null; recordedBy: string | null } | null;
  sharedWithSwv: boolean;
  instemming: ConsentRequestView | null;
}

export const drawUpOpp = defineUpdate<OppState, [DrawUpOppInput]>('drawUpOpp');
export const adjustOpp = defineUpdate<OppState, [AdjustOppInput]>('adjustOpp');
export const recordOppPupilView = defineUpdate<OppState, [HearPupilInput]>('recordOppPupilView');
export const decideOppAfterRefusal = defineUpdate<OppState, [RefusalFollowUpInput]>('decideOppAfterRefusal');
export const recordOppEvaluation = defineUpdate<OppState, [OppEvaluationInput]>('recordOppEvaluation');
export const registerOppInBron = defineUpdate<OppState, [RegisterBronInput]>('registerOppInBron');
export const stopOpp = defineUpdate<OppState, [StopOppInput]>('stopOpp');
export const getOppState = defineQuery<OppState>('getState');

/** Dutch labels of the steps and due dates an OPP case shows (the api's labels). */
export const OPP_STEP_LABELS: Record<string, string> = {
  OPP_DRAW_UP: 'OPP opstellen',
  OPP_ADJUST: 'OPP bijstellen',
  OPP_HEAR_PUPIL: 'Mening van de leerling vastleggen',
  CONSENT_OPP_HANDELINGSDEEL: 'Instemming ouders met het handelingsdeel',
  DECIDE_CONSENT_OPP_HANDELINGSDEEL: 'Geen antwoord van de ouders: opnieuw vragen of stoppen',
  OPP_REFUSAL_FOLLOW_UP: 'Besluit na weigering van de ouders',
  OPP_EVALUATE: 'OPP evalueren met de ouders',
  OPP_REGISTER_BRON: 'OPP registreren in BRON',
  OPP_NEXT_EVALUATION: 'Volgende evaluatie van het OPP',
};

/** The route for parents who do not agree with the handelingsdeel (shown with a refusal). */
export function geschillencommissieRoute(weeks: number): string {
  return (
    'De school geeft de leerling de basisondersteuning. Ouders die het niet eens zijn met het ontwikkelingsperspectiefplan ' +
    `kunnen binnen ${weeks} weken na de beslissing van de school een verzoek indienen bij de Geschillencommissie passend onderwijs ` +
    '(Onderwijsgeschillen, Utrecht). Eerst in gesprek gaan met de school of het samenwerkingsverband kan altijd.'
  );
}
