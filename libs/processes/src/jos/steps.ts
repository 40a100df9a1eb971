/**
 * P3 — JOS, Jeugd Ondersteuning op School (PROCESSES.md P3): its human steps, stated once.
 *
 * Process rules that are not field checks stay in the workflow: a step that is not open now, JOS only for a single
 * school-related problem, the pupil must agree to the goals, a startgesprek on a school day and not before the
 * decision, a contact not before JOS started and at most one per day, the outcome once.
 */
import type { FieldDefinition, FieldOption, StartDefinition, StepDefinition } from '../step-definition';

const P = 'JOS' as const;

/** The six needs JOS is meant for: single, school-related problems [003:712-728]. */
export const JOS_NEED_OPTIONS = [
  { value: 'PLANNEN_HUISWERK', label: 'Moeite met het organiseren en plannen van huiswerk' },
  { value: 'ZORGWEKKEND_VERZUIM', label: 'Zorgwekkend ongeoorloofd verzuim' },
  { value: 'REGELS_EN_KADERS', label: 'Moeite met het omgaan met regels en kaders' },
  { value: 'FAALANGST', label: 'Ernstige vorm van faalangst' },
  { value: 'BEGINNENDE_SCHOOLANGST', label: 'Beginnende schoolangst' },
  { value: 'SOCIAAL_EMOTIONEEL', label: 'Stagnerende sociaal-emotionele ontwikkeling' },
] as const satisfies readonly FieldOption[];

/** "If this is not enough, the pupil is referred to the Sociaal Team, the OOV or the BPO" [003:744-748]. */
export const JOS_REFERRAL_OPTIONS = [
  { value: 'SOCIAAL_TEAM', label: 'Sociaal Team' },
  { value: 'OOV', label: 'Onderwijsopvangvoorziening (OOV)' },
  { value: 'BPO', label: 'Begeleider passend onderwijs (BPO)' },
] as const satisfies readonly FieldOption[];

/** The mentor's form; the zorgcoördinator may act on his behalf. */
const MENTOR = ['ZORGCOORDINATOR', { participant: ['MENTOR'] }] as const;
/** Startgesprek, goals, weekly work, evaluations and outcome are the JOS worker's; the zorgcoördinator may act on his behalf. */
const JOS_WORKER = ['ZORGCOORDINATOR', { participant: ['JOS_MEDEWERKER'] }] as const;

const thermometer = (extra: Partial<FieldDefinition> = {}): FieldDefinition => ({
  name: 'thermometer',
  kind: 'integer',
  label: 'Thermometer (1–10)',
  helper: 'Hoe dicht de leerling bij zijn doel is, volgens de leerling zelf.',
  min: 1,
  max: 10,
  ...extra,
});

export const JOS_STEPS = {
  SUBMIT_FORM: {
    process: P,
    name: 'SUBMIT_FORM',
    update: 'submitJosForm',
    mutation: 'submitJosForm',
    label: 'JOS-aanmeldformulier invullen',
    title: 'JOS-aanmeldformulier',
    description: 'Het ondersteuningsteam heeft besloten JOS in te zetten. JOS is bedoeld voor één probleem met een schools karakter.',
    submitLabel: 'Formulier indienen',
    who: MENTOR,
    owner: 'de mentor (de zorgcoördinator als de leerling geen mentor heeft)',
    due: { explanation: 'binnen N schooldagen na het besluit van het ondersteuningsteam', policy: ['jos.formWithinSchoolDays'] },
    audit: 'JOS_FORM_SUBMITTED',
    fields: [
      { name: 'needs', kind: 'choices', label: 'Ondersteuningsbehoeften', required: true, min: 1, max: JOS_NEED_OPTIONS.length, options: JOS_NEED_OPTIONS },
      { name: 'problemDescription', kind: 'longText', label: 'Het probleem in uw woorden', required: true, minLength: 10, maxLength: 4000 },
      {
        name: 'singleSchoolRelatedProblem',
        kind: 'boolean',
        label: 'Het gaat om één probleem dat met school te maken heeft',
        helper: 'JOS is bedoeld voor enkelvoudige problematiek met een schools karakter.',
        required: true,
        initial: true,
      },
      { name: 'alreadyTried', kind: 'longText', label: 'Wat is al geprobeerd?', required: true, minLength: 3, maxLength: 4000 },
      { name: 'pupilView', kind: 'longText', label: 'Wat zegt en wil de leerling zelf?', maxLength: 4000 },
      { name: 'parentsInformed', kind: 'boolean', label: 'De ouders weten van de aanmelding', required: true, initial: true },
      { name: 'availability', kind: 'text', label: 'Wanneer kan de leerling afspreken?', maxLength: 500, helper: 'Bijvoorbeeld "dinsdag en donderdag 3e uur".' },
    ],
  },
  PLAN_STARTGESPREK: {
    process: P,
    name: 'PLAN_STARTGESPREK',
    update: 'planJosStartgesprek',
    mutation: 'planJosStartgesprek',
    label: 'Startgesprek plannen',
    title: 'Startgesprek plannen',
    description: 'Zolang het startgesprek openstaat: de ouders, de mentor en de leerling krijgen een uitnodiging met datum, tijd en plaats. Opnieuw plannen stuurt een nieuwe uitnodiging.',
    submitLabel: 'Plannen en uitnodigen',
    who: JOS_WORKER,
    owner: 'de JOS-medewerker',
    audit: 'JOS_STARTGESPREK_PLANNED',
    // Not an open step of its own: it may be taken while RECORD_STARTGESPREK is open (the workflow refuses it otherwise).
    anytime: true,
    fields: [
      { name: 'date', kind: 'date', label: 'Datum startgesprek', required: true, notPast: true, helper: 'Een schooldag, niet in het verleden.' },
      { name: 'time', kind: 'time', label: 'Tijd', helper: 'Bijvoorbeeld 14:30.' },
      {
        name: 'mode',
        kind: 'choice',
        label: 'Vorm',
        initial: 'OP_SCHOOL',
        options: [
          { value: 'OP_SCHOOL', label: 'Op school' },
          { value: 'TELEFONISCH', label: 'Telefonisch' },
        ],
      },
      {
        name: 'location',
        kind: 'text',
        label: 'Plaats',
        maxLength: 120,
        showIf: { field: 'mode', notIn: ['TELEFONISCH'] },
        helper: 'Bijvoorbeeld "kamer JOS"; staat in de uitnodiging (zonder details van de casus).',
      },
    ],
  },
  RECORD_STARTGESPREK: {
    process: P,
    name: 'RECORD_STARTGESPREK',
    update: 'recordJosStartgesprek',
    mutation: 'recordJosStartgesprek',
    label: 'Startgesprek met ouders, mentor en leerling',
    title: 'Startgesprek vastleggen',
    description: 'Daarna wordt de handtekening van een ouder gevraagd: zonder handtekening geen begeleiding door JOS.',
    submitLabel: 'Startgesprek opslaan',
    who: JOS_WORKER,
    owner: 'de JOS-medewerker',
    due: { explanation: 'binnen N schooldagen na het aanmeldformulier', policy: ['jos.startgesprekWithinSchoolDays'] },
    audit: 'JOS_STARTGESPREK_RECORDED',
    fields: [
      { name: 'date', kind: 'date', label: 'Datum startgesprek', required: true, notFuture: true, initial: 'today' },
      { name: 'parentsPresent', kind: 'boolean', label: 'Ouders aanwezig', required: true, initial: true },
      { name: 'mentorPresent', kind: 'boolean', label: 'Mentor aanwezig', required: true, initial: true },
      { name: 'pupilPresent', kind: 'boolean', label: 'Leerling aanwezig', required: true, initial: true },
      { name: 'summary', kind: 'longText', label: 'Verslag', required: true, minLength: 3, maxLength: 4000 },
    ],
  },
  SET_GOALS: {
    process: P,
    name: 'SET_GOALS',
    update: 'setJosGoals',
    mutation: 'setJosGoals',
    label: 'Doelen opstellen met leerling, mentor en ouders',
    title: 'Doelen opstellen',
    description: 'JOS wordt actief met het eigen doel van de leerling; de leerling moet met de doelen instemmen.',
    submitLabel: 'Doelen opslaan',
    who: JOS_WORKER,
    owner: 'de JOS-medewerker',
    due: { explanation: 'binnen N schooldagen na de handtekening van de ouders', policy: ['jos.goalsWithinSchoolDays'] },
    audit: 'JOS_GOALS_SET',
    fields: [
      { name: 'pupilGoal', kind: 'longText', label: 'Doel van de leerling (eigen woorden)', required: true, minLength: 3, maxLength: 500 },
      { name: 'goals', kind: 'textList', label: 'Overige doelen', helper: 'Eén per regel.', max: 10, maxLength: 500 },
      { name: 'agreedWithPupil', kind: 'boolean', label: 'De leerling stemt in met de doelen', required: true, initial: true },
      { name: 'agreedWithMentor', kind: 'boolean', label: 'De mentor stemt in met de doelen', required: true, initial: true },
      { name: 'agreedWithParents', kind: 'boolean', label: 'De ouders stemmen in met de doelen', required: true, initial: true },
      { name: 'weeklySlot', kind: 'text', label: 'Vast moment in de week', maxLength: 100, helper: 'Bijvoorbeeld "donderdag 3e uur".' },
    ],
  },
  LOG_CONTACT: {
    process: P,
    name: 'LOG_CONTACT',
    update: 'logJosContact',
    mutation: 'logJosContact',
    label: 'Wekelijks contact vastleggen',
    title: 'Contact vastleggen',
    description: 'Hoogstens één contact per dag, vanaf de start van JOS tot de eindgrens.',
    submitLabel: 'Contact opslaan',
    who: JOS_WORKER,
    owner: 'de JOS-medewerker',
    audit: 'JOS_CONTACT_LOGGED',
    fields: [
      { name: 'date', kind: 'date', label: 'Datum contact', required: true, notFuture: true, initial: 'today' },
      { name: 'attended', kind: 'boolean', label: 'De leerling was aanwezig', required: true, initial: true },
      thermometer({ showIf: { field: 'attended', equals: true } }),
      { name: 'note', kind: 'longText', label: 'Notitie', maxLength: 1000 },
    ],
  },
  RECORD_EVALUATION: {
    process: P,
    name: 'RECORD_EVALUATION',
    update: 'recordJosEvaluation',
    mutation: 'recordJosEvaluation',
    label: 'Voortgangsevaluatie',
    title: 'Voortgangsevaluatie vastleggen',
    submitLabel: 'Evaluatie opslaan',
    who: JOS_WORKER,
    owner: 'de JOS-medewerker',
    due: { explanation: 'elke N weken na de start van JOS; vastleggen kan vanaf halverwege de periode', policy: ['jos.evaluationEveryWeeks'] },
    audit: 'JOS_EVALUATION_RECORDED',
    fields: [{ name: 'summary', kind: 'longText', label: 'Samenvatting', required: true, minLength: 3, maxLength: 4000 }, thermometer()],
  },
  RECORD_OUTCOME: {
    process: P,
    name: 'RECORD_OUTCOME',
    update: 'recordJosOutcome',
    mutation: 'recordJosOutcome',
    label: 'Afronding: uitkomst vastleggen',
    title: 'JOS afronden',
    description: 'Vóór de eindgrens beëindigt de uitkomst de begeleiding door JOS op dezelfde dag.',
    submitLabel: 'Uitkomst opslaan',
    who: JOS_WORKER,
    owner: 'de JOS-medewerker',
    due: { explanation: 'binnen N schooldagen na het einde (de eindgrens van N maanden na de handtekening, of een eerder besluit)', policy: ['jos.outcomeWithinSchoolDays', 'jos.maxMonths'] },
    audit: 'JOS_OUTCOME_RECORDED',
    fields: [
      {
        name: 'outcome',
        kind: 'choice',
        label: 'Uitkomst',
        required: true,
        options: [
          { value: 'AFGEROND', label: 'Afgerond' },
          { value: 'DOORVERWEZEN', label: 'Doorverwezen' },
        ],
      },
      { name: 'referralTo', kind: 'choice', label: 'Doorverwezen naar', required: true, showIf: { field: 'outcome', equals: 'DOORVERWEZEN' }, options: JOS_REFERRAL_OPTIONS },
      { name: 'summary', kind: 'longText', label: 'Toelichting', required: true, minLength: 3, maxLength: 4000 },
    ],
  },
  STOP_JOS: {
    process: P,
    name: 'STOP_JOS',
    update: 'stopJos',
    mutation: 'stopJos',
    label: 'JOS stoppen',
    title: 'JOS stoppen',
    description: 'De begeleiding door JOS wordt voortijdig beëindigd.',
    submitLabel: 'JOS stoppen',
    who: ['ZORGCOORDINATOR'],
    owner: 'de zorgcoördinator',
    audit: 'STOP_REQUESTED',
    anytime: true,
    fields: [{ name: 'reason', kind: 'longText', label: 'Reden', required: true, minLength: 3, maxLength: 1000 }],
  },
} as const satisfies Record<string, StepDefinition>;

/**
 * The start of P3 (`startJos`): the school support team decided to deploy JOS. The JOS worker defaults to the school's
 * (the api looks him up); `requestKey` is api-only.
 */
export const JOS_START = {
  process: P,
  name: 'START',
  update: 'josWorkflow',
  mutation: 'startJos',
  label: 'JOS starten',
  title: 'JOS starten',
  description: 'Het ondersteuningsteam heeft besloten JOS (Jeugd Ondersteuning op School) in te zetten. De mentor vult daarna het aanmeldformulier in.',
  submitLabel: 'JOS starten',
  who: ['ZORGCOORDINATOR'],
  owner: 'de zorgcoördinator',
  audit: 'CASE_STARTED',
  fields: [
    { name: 'pupilId', kind: 'pupil', label: 'Leerling', required: true },
    { name: 'decisionDate', kind: 'date', label: 'Datum besluit ondersteuningsteam', required: true, notFuture: true, initial: 'today' },
    { name: 'needs', kind: 'choices', label: 'Ondersteuningsbehoeften', required: true, min: 1, max: JOS_NEED_OPTIONS.length, options: JOS_NEED_OPTIONS, helper: 'JOS is er voor één schoolgebonden probleem.' },
    { name: 'decisionNotes', kind: 'longText', label: 'Notities van het ondersteuningsteam', maxLength: 2000 },
    { name: 'josWorkerId', kind: 'staff', label: 'JOS-medewerker', staffRoles: ['JOS_MEDEWERKER'], helper: 'Leeg: de JOS-medewerker van de school.' },
  ],
} as const satisfies StartDefinition;
