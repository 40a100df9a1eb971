/**
 * P5 — OOV arrangement (PROCESSES.md P5): its human steps, stated once.
 *
 * The school prepares and requests (the zorgcoördinator), the samenwerkingsverband decides, the leerlingbegeleider (a
 * coach of the school taking part in the case) holds the intake and the evaluations with the zorgcoördinator.
 */
import type { FieldDefinition, FieldOption, StartDefinition, StepDefinition } from '../step-definition';

const P = 'OOV' as const;

/** The zorgcoördinator of the school, or the leerlingbegeleider (a coach) taking part in the case. */
const PLACEMENT = ['ZORGCOORDINATOR', { participant: ['COACH'] }] as const;

const TEXT = 4000;

export const OOV_ARRANGEMENT_OPTIONS: readonly FieldOption[] = [
  { value: 'OBSERVATIE_6W', label: 'Observatietraject (6 weken)' },
  { value: 'OBS_BEHANDEL_3M', label: 'Observatie- en behandeltraject (3 maanden)' },
  { value: 'OBS_BEHANDEL_6M', label: 'Observatie- en behandeltraject (6 maanden)' },
];

const SCHOOL_NOTE = 'Alleen voor de school; het SWV ziet dit niet.';

const EVALUATION_SUMMARY: FieldDefinition = { name: 'summary', kind: 'longText', label: 'Verslag van de evaluatie', required: true, minLength: 3, maxLength: TEXT, helper: SCHOOL_NOTE };

export const OOV_STEPS = {
  OOV_RECORD_CONSULTATIONS: {
    process: P,
    name: 'OOV_RECORD_CONSULTATIONS',
    update: 'recordOovConsultation',
    mutation: 'recordOovConsultation',
    label: 'Overleg met ouders, SWV en Sociaal Team vastleggen',
    title: 'Overleg vastleggen',
    description: 'Leg het overleg met de ouders, het samenwerkingsverband en het Sociaal Team vast; alle drie zijn nodig voor de aanvraag.',
    submitLabel: 'Overleg opslaan',
    who: ['ZORGCOORDINATOR'],
    owner: 'de zorgcoördinator',
    due: { explanation: 'binnen N schooldagen na de start', policy: ['oov.preparationWithinSchoolDays'] },
    audit: 'OOV_CONSULTATION_RECORDED',
    fields: [
      {
        name: 'party',
        kind: 'choice',
        label: 'Met wie',
        required: true,
        options: [
          { value: 'OUDERS', label: 'Ouders' },
          { value: 'SWV', label: 'Samenwerkingsverband' },
          { value: 'SOCIAAL_TEAM', label: 'Sociaal Team' },
          { value: 'ANDERS', label: 'Anders' },
        ],
      },
      { name: 'date', kind: 'date', label: 'Datum', required: true, notFuture: true, initial: 'today' },
      { name: 'withWhom', kind: 'text', label: 'Naam of functie', maxLength: 200, helper: 'Bijvoorbeeld "onderwijsspecialist SWV".' },
      { name: 'summary', kind: 'longText', label: 'Verslag', required: true, minLength: 3, maxLength: TEXT, helper: SCHOOL_NOTE },
    ],
  },
  OOV_SUBMIT_REQUEST: {
    process: P,
    name: 'OOV_SUBMIT_REQUEST',
    update: 'submitOovRequest',
    mutation: 'submitOovRequest',
    label: 'OOV-aanvraag indienen bij het SWV',
    title: 'OOV-aanvraag indienen',
    description: 'De aanvraag gaat naar het loket van het samenwerkingsverband, dat binnen de termijn besluit.',
    submitLabel: 'Aanvraag indienen',
    who: ['ZORGCOORDINATOR'],
    owner: 'de zorgcoördinator',
    due: { explanation: 'binnen N schooldagen na de toestemming van de ouders', policy: ['oov.requestWithinSchoolDays'] },
    audit: 'OOV_REQUEST_SUBMITTED',
    fields: [
      {
        name: 'reasons',
        kind: 'choices',
        label: 'Redenen',
        required: true,
        min: 1,
        max: 4,
        options: [
          { value: 'VEILIGHEID', label: 'Veiligheid van de leerling of anderen' },
          { value: 'SCHOOLANGST', label: 'Schoolangst' },
          { value: 'OBSERVATIE_ONDERWIJSBEHOEFTE', label: 'Observatie van de onderwijsbehoefte' },
          { value: 'GEDRAG_TIJDELIJK_ELDERS', label: 'Gedrag: tijdelijk elders' },
        ],
      },
      { name: 'arrangement', kind: 'choice', label: 'Gevraagd arrangement', required: true, options: OOV_ARRANGEMENT_OPTIONS },
      { name: 'preferredLocation', kind: 'text', label: 'Voorkeurslocatie', maxLength: 200 },
      { name: 'motivation', kind: 'longText', label: 'Motivering', required: true, minLength: 10, maxLength: TEXT, helper: 'Waarom nu een OOV, en wat heeft de school al gedaan?' },
      { name: 'goals', kind: 'longText', label: 'Doelen van de plaatsing', required: true, minLength: 3, maxLength: TEXT },
      { name: 'leerlingbegeleiderId', kind: 'staff', label: 'Leerlingbegeleider (intake)', staffRoles: ['COACH'], helper: 'Houdt de intake met de zorgcoördinator.' },
    ],
  },
  OOV_SWV_DECISION: {
    process: P,
    name: 'OOV_SWV_DECISION',
    update: 'recordOovSwvDecision',
    mutation: 'recordOovSwvDecision',
    label: 'Besluit van het SWV over de OOV-aanvraag',
    title: 'Besluit over de OOV-aanvraag',
    description: 'Het samenwerkingsverband kent de plaatsing toe (met arrangement en locatie) of wijst haar af, met motivering.',
    submitLabel: 'Besluit vastleggen',
    who: ['SWV'],
    owner: 'het loket van het samenwerkingsverband',
    due: { explanation: 'binnen N schooldagen na de aanvraag (ook bij een verlenging)', policy: ['oov.swvDecisionWithinSchoolDays'] },
    audit: 'OOV_SWV_DECIDED',
    fields: [
      {
        name: 'decision',
        kind: 'choice',
        label: 'Besluit',
        required: true,
        options: [
          { value: 'TOEGEKEND', label: 'Toegekend' },
          { value: 'AFGEWEZEN', label: 'Afgewezen' },
        ],
      },
      { name: 'arrangement', kind: 'choice', label: 'Arrangement', required: true, showIf: { field: 'decision', equals: 'TOEGEKEND' }, options: OOV_ARRANGEMENT_OPTIONS },
      { name: 'location', kind: 'text', label: 'Locatie van de OOV', required: true, showIf: { field: 'decision', equals: 'TOEGEKEND' }, minLength: 2, maxLength: 200 },
      { name: 'motivation', kind: 'longText', label: 'Motivering', required: true, minLength: 3, maxLength: TEXT },
    ],
  },
  OOV_INTAKE: {
    process: P,
    name: 'OOV_INTAKE',
    update: 'recordOovIntake',
    mutation: 'recordOovIntake',
    label: 'Intake bij de OOV',
    title: 'Intake bij de OOV vastleggen',
    submitLabel: 'Intake opslaan',
    who: PLACEMENT,
    owner: 'de leerlingbegeleider (anders de zorgcoördinator)',
    due: { explanation: 'binnen N schooldagen na het besluit van het SWV', policy: ['oov.intakeWithinSchoolDays'] },
    audit: 'OOV_INTAKE_RECORDED',
    fields: [
      { name: 'date', kind: 'date', label: 'Datum intake', required: true, notFuture: true, initial: 'today' },
      { name: 'startDate', kind: 'date', label: 'Eerste dag op de OOV', required: true, helper: 'Niet vóór de intake en binnen 90 dagen erna.' },
      { name: 'leerlingbegeleiderPresent', kind: 'boolean', label: 'Leerlingbegeleider aanwezig', required: true, initial: true },
      { name: 'zorgcoordinatorPresent', kind: 'boolean', label: 'Zorgcoördinator aanwezig', required: true, initial: true },
      { name: 'oovContact', kind: 'text', label: 'Contactpersoon OOV', maxLength: 200 },
      { name: 'carePartners', kind: 'textList', label: 'Zorgpartners', max: 10, maxLength: 100, helper: 'Eén per regel, bijvoorbeeld STEK, GGZ, Sociaal Team.' },
      { name: 'summary', kind: 'longText', label: 'Verslag', required: true, minLength: 3, maxLength: TEXT, helper: SCHOOL_NOTE },
    ],
  },
  OOV_MID_EVALUATION: {
    process: P,
    name: 'OOV_MID_EVALUATION',
    update: 'recordOovEvaluation',
    mutation: 'recordOovEvaluation',
    label: 'Evaluatie halverwege het OOV-arrangement',
    title: 'Evaluatie halverwege',
    submitLabel: 'Evaluatie opslaan',
    who: PLACEMENT,
    owner: 'de leerlingbegeleider (anders de zorgcoördinator)',
    due: { explanation: 'halverwege het arrangement', policy: ['oov.midEvaluationAtFraction'] },
    audit: 'OOV_EVALUATION_RECORDED',
    fields: [EVALUATION_SUMMARY],
  },
  OOV_END_EVALUATION: {
    process: P,
    name: 'OOV_END_EVALUATION',
    update: 'recordOovEvaluation',
    mutation: 'recordOovEvaluation',
    label: 'Evaluatie voor het einde van het OOV-arrangement',
    title: 'Evaluatie voor het einde',
    description: 'Deze evaluatie beslist hoe het arrangement eindigt: terugkeer naar school, verlenging (een nieuw besluit van het SWV) of vervolg in het VSO.',
    submitLabel: 'Evaluatie opslaan',
    who: PLACEMENT,
    owner: 'de zorgcoördinator',
    due: { explanation: 'N weken vóór het einde van het arrangement', policy: ['oov.evaluationBeforeEndWeeks'] },
    audit: 'OOV_EVALUATION_RECORDED',
    fields: [
      EVALUATION_SUMMARY,
      {
        name: 'nextStep',
        kind: 'choice',
        label: 'Vervolg',
        required: true,
        options: [
          { value: 'TERUGKEER', label: 'Terugkeer naar school' },
          { value: 'VERLENGD', label: 'Verlengen (nieuw besluit van het SWV)' },
          { value: 'VERVOLG_VSO', label: 'Vervolg in het VSO (TLV-route)' },
        ],
      },
      {
        name: 'extensionArrangement',
        kind: 'choice',
        label: 'Gevraagd arrangement',
        required: true,
        showIf: { field: 'nextStep', equals: 'VERLENGD' },
        helper: 'Een verlenging is een observatie- en behandeltraject, langer dan het huidige arrangement.',
        options: OOV_ARRANGEMENT_OPTIONS.filter((o) => o.value !== 'OBSERVATIE_6W'),
      },
      { name: 'extensionMotivation', kind: 'longText', label: 'Motivering van de verlenging', required: true, showIf: { field: 'nextStep', equals: 'VERLENGD' }, minLength: 10, maxLength: TEXT },
      { name: 'vsoNote', kind: 'longText', label: 'Hoe gaat de TLV-route verder?', required: true, showIf: { field: 'nextStep', equals: 'VERVOLG_VSO' }, minLength: 3, maxLength: TEXT },
      { name: 'tlvRequestedOn', kind: 'date', label: 'TLV aangevraagd op', showIf: { field: 'nextStep', equals: 'VERVOLG_VSO' }, notFuture: true },
    ],
  },
  OOV_RETURN_PLAN: {
    process: P,
    name: 'OOV_RETURN_PLAN',
    update: 'recordOovReturnPlan',
    mutation: 'recordOovReturnPlan',
    label: 'Terugkeerplan en overdracht terug naar school',
    title: 'Terugkeerplan en overdracht',
    submitLabel: 'Terugkeerplan opslaan',
    who: ['ZORGCOORDINATOR'],
    owner: 'de zorgcoördinator',
    due: { explanation: 'vóór het einde van het arrangement' },
    audit: 'OOV_RETURN_PLANNED',
    fields: [
      { name: 'returnDate', kind: 'date', label: 'Eerste dag terug op school', required: true, helper: 'Tussen de start van het arrangement en twee weken na het einde (valt dat in een vakantie: de eerste schooldag erna).' },
      { name: 'plan', kind: 'longText', label: 'Terugkeerplan', required: true, minLength: 10, maxLength: TEXT },
      { name: 'handoverDate', kind: 'date', label: 'Datum overdrachtsgesprek', required: true, notFuture: true, initial: 'today' },
      { name: 'handoverSummary', kind: 'longText', label: 'Verslag van de overdracht', required: true, minLength: 3, maxLength: TEXT },
      { name: 'mentorInformed', kind: 'boolean', label: 'De mentor is geïnformeerd', required: true, initial: true },
    ],
  },
  OOV_FOLLOW_UP: {
    process: P,
    name: 'OOV_FOLLOW_UP',
    update: 'recordOovFollowUp',
    mutation: 'recordOovFollowUp',
    label: 'Evaluatie na de terugkeer',
    title: 'Evaluatie na de terugkeer',
    submitLabel: 'Evaluatie opslaan',
    who: PLACEMENT,
    owner: 'de zorgcoördinator',
    due: { explanation: 'N weken na de terugkeer', policy: ['oov.followUpAfterReturnWeeks'] },
    audit: 'OOV_FOLLOW_UP_RECORDED',
    fields: [
      { name: 'date', kind: 'date', label: 'Datum', required: true, notFuture: true, initial: 'today', helper: 'Niet vóór de terugkeer.' },
      { name: 'summary', kind: 'longText', label: 'Verslag', required: true, minLength: 3, maxLength: TEXT },
      { name: 'returnSucceeded', kind: 'boolean', label: 'De terugkeer is geslaagd', required: true, initial: true },
    ],
  },
  STOP_OOV: {
    process: P,
    name: 'STOP_OOV',
    update: 'stopOov',
    mutation: 'stopOov',
    label: 'OOV-casus stoppen',
    title: 'OOV-traject stoppen',
    description: 'De OOV-casus wordt beëindigd.',
    submitLabel: 'Traject stoppen',
    who: ['ZORGCOORDINATOR'],
    owner: 'de zorgcoördinator',
    audit: 'STOP_REQUESTED',
    anytime: true,
    fields: [{ name: 'reason', kind: 'longText', label: 'Reden', required: true, minLength: 3, maxLength: 1000 }],
  },
} as const satisfies Record<string, StepDefinition>;

/**
 * The start of P5 (`startOov`): the zorgcoördinator considers an OOV and the preparation starts. API clients may also
 * give `originCaseId` (the case it comes from) and `requestKey` (idempotency): api-only fields, checked by the api.
 */
export const OOV_START = {
  process: P,
  name: 'START',
  update: 'oovWorkflow',
  mutation: 'startOov',
  label: 'OOV-traject starten',
  title: 'OOV-traject starten',
  description: 'De school overweegt een plaatsing op de OOV. De voorbereiding start: overleg met ouders, SWV en Sociaal Team, dan de aanvraag.',
  submitLabel: 'OOV starten',
  who: ['ZORGCOORDINATOR'],
  owner: 'de zorgcoördinator',
  audit: 'CASE_STARTED',
  fields: [
    { name: 'pupilId', kind: 'pupil', label: 'Leerling', required: true },
    { name: 'reason', kind: 'longText', label: 'Waarom een OOV?', required: true, minLength: 3, maxLength: 2000, helper: SCHOOL_NOTE },
    { name: 'leerlingbegeleiderId', kind: 'staff', label: 'Leerlingbegeleider (intake)', staffRoles: ['COACH'], helper: 'Als die al bekend is; kan ook bij de aanvraag.' },
  ],
} as const satisfies StartDefinition;
