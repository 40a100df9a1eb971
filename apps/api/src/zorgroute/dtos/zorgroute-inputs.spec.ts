import 'reflect-metadata';
import { TypeMetadataStorage } from '@nestjs/graphql';
import { LazyMetadataStorage } from '@nestjs/graphql/dist/schema-builder/storages/lazy-metadata.storage';
import { ZORGROUTE_STEPS as STEPS, type FieldDefinition } from '@zorgroute/processes';
import {
  CloseZorgrouteInput,
  IzoDecisionInput,
  IzoDiscussionInput,
  IzoEvaluationInput,
  IzoMinutesInput,
  LiftParentsExceptionInput,
  PlanZatInput,
  RescheduleIzoInput,
  TriageZorgrouteInput,
  ZatActionInput,
  ZatDiscussionInput,
  ZatEvaluationInput,
  ZatReferralInput,
  ZorgrouteConfirmInput,
  ZorgrouteConversationInput,
  ZorgrouteReferralFormInput,
} from './zorgroute.inputs';

type Dto = abstract new () => object;

/** The GraphQL fields of an input type: name → required (non-null). */
function graphqlFields(dto: Dto): Record<string, boolean> {
  const meta = TypeMetadataStorage.getInputTypesMetadata().find((m) => m.target === dto);
  if (!meta) throw new Error(`${dto.name} is not an input type`);
  return Object.fromEntries((meta.properties ?? []).map((p) => [p.name, !p.options.nullable]));
}

/** The catalogue's fields as a caller sends them: name → required always (a field the api adds is not one of them). */
function catalogueFields(fields: readonly FieldDefinition[]): Record<string, boolean> {
  return Object.fromEntries(fields.map((f) => [f.name, f.required === true]));
}

const group = (fields: readonly FieldDefinition[], name: string): readonly FieldDefinition[] => fields.find((f) => f.name === name)?.fields ?? [];

beforeAll(() => {
  LazyMetadataStorage.load();
  TypeMetadataStorage.compile();
});

/**
 * The typed P2 mutations keep their GraphQL inputs; what they accept is the catalogue's. These inputs must name exactly
 * the catalogue's fields (and require exactly its always-required ones), or a client would send what the step refuses.
 */
describe('P2 zorgroute step inputs match the step catalogue', () => {
  const triage = STEPS.TRIAGE.fields;
  const cases: [string, Dto, Record<string, boolean>][] = [
    ['the aanmeldformulier (SAVE_REFERRAL, SUBMIT_REFERRAL)', ZorgrouteReferralFormInput, catalogueFields(group(STEPS.SUBMIT_REFERRAL.fields, 'form'))],
    // Flat in GraphQL: the four checks are the step's `checks` group.
    ['TRIAGE', TriageZorgrouteInput, catalogueFields([...triage.filter((f) => f.name !== 'checks'), ...group(triage, 'checks')])],
    ['RECORD_BILATERAL', ZorgrouteConversationInput, catalogueFields(STEPS.RECORD_BILATERAL.fields)],
    ['RECORD_VOORGESPREK', ZorgrouteConversationInput, catalogueFields(STEPS.RECORD_VOORGESPREK.fields)],
    ['RECORD_NAGESPREK', ZorgrouteConversationInput, catalogueFields(STEPS.RECORD_NAGESPREK.fields)],
    ['RECORD_ZAT_FEEDBACK', ZorgrouteConversationInput, catalogueFields(STEPS.RECORD_ZAT_FEEDBACK.fields)],
    ['RESCHEDULE_IZO', RescheduleIzoInput, catalogueFields(STEPS.RESCHEDULE_IZO.fields)],
    ['RECORD_IZO', IzoDiscussionInput, catalogueFields(STEPS.RECORD_IZO.fields)],
    ['RECORD_IZO minutes', IzoMinutesInput, catalogueFields(group(STEPS.RECORD_IZO.fields, 'minutes'))],
    ['RECORD_IZO decisions', IzoDecisionInput, catalogueFields(group(STEPS.RECORD_IZO.fields, 'decisions'))],
    ['DISTRIBUTE_IZO_MINUTES', ZorgrouteConfirmInput, catalogueFields(STEPS.DISTRIBUTE_IZO_MINUTES.fields)],
    ['SEND_ZAT_AGENDA', ZorgrouteConfirmInput, catalogueFields(STEPS.SEND_ZAT_AGENDA.fields)],
    ['RECORD_EVALUATION', IzoEvaluationInput, catalogueFields(STEPS.RECORD_EVALUATION.fields)],
    ['SUBMIT_ZAT_REFERRAL', ZatReferralInput, catalogueFields(group(STEPS.SUBMIT_ZAT_REFERRAL.fields, 'form'))],
    ['PLAN_ZAT', PlanZatInput, catalogueFields(STEPS.PLAN_ZAT.fields)],
    ['RECORD_ZAT', ZatDiscussionInput, catalogueFields(STEPS.RECORD_ZAT.fields)],
    ['RECORD_ZAT actions', ZatActionInput, catalogueFields(group(STEPS.RECORD_ZAT.fields, 'actions'))],
    ['RECORD_ZAT_EVALUATION actions', ZatActionInput, catalogueFields(group(STEPS.RECORD_ZAT_EVALUATION.fields, 'actions'))],
    ['RECORD_ZAT_EVALUATION', ZatEvaluationInput, catalogueFields(STEPS.RECORD_ZAT_EVALUATION.fields)],
    ['CLOSE_ZORGROUTE', CloseZorgrouteInput, catalogueFields(STEPS.CLOSE_ZORGROUTE.fields)],
    ['LIFT_PARENTS_EXCEPTION', LiftParentsExceptionInput, catalogueFields(STEPS.LIFT_PARENTS_EXCEPTION.fields)],
  ];

  it.each(cases)('%s', (_name, dto, expected) => {
    expect(graphqlFields(dto)).toEqual(expected);
  });
});
