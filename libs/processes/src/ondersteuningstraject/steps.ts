/**
 * P1 — Ondersteuningstraject (PROCESSES.md P1): its human steps, stated once.
 */
import type { FieldDefinition, StartDefinition, StepDefinition } from '../step-definition';

const P = 'ONDERSTEUNINGSTRAJECT' as const;

/** The coach of the trajectory or the zorgcoördinator (the coach's steps during ACTIEF and EINDEVALUATIE). */
const COACH_OR_COORDINATOR = ['ZORGCOORDINATOR', { participant: ['COACH', 'MENTOR'] }] as const;

const THERMOMETER: FieldDefinition = {
  name: 'thermometer',
  kind: 'integer',
  label: 'Thermometer (1–10)',
  helper: 'Hoe dicht de leerling bij zijn doel is, volgens de leerling zelf.',
  min: 1,
  max: 10,
  showIf: { field: 'attended', equals: true },
};

export const ONDERSTEUNINGSTRAJECT_STEPS = {
  RECORD_INTAKE: {
    process: P,
    name: 'RECORD_INTAKE',
    update: 'recordIntake',
    mutation: 'recordIntake',
    label: 'Intakegesprek en ontwikkeldoel vastleggen',
    title: 'Intakegesprek vastleggen',
    description: 'Leg het ontwikkeldoel vast dat de leerling in het intakegesprek zelf heeft geformuleerd.',
    submitLabel: 'Intake opslaan',
    who: ['ZORGCOORDINATOR'],
    owner: 'de zorgcoördinator',
    due: { explanation: 'binnen N schooldagen na de aanmelding', policy: ['ondersteuningstraject.intakeWithinSchoolDays'] },
    audit: 'INTAKE_RECORDED',
    fields: [
      { name: 'intakeDate', kind: 'date', label: 'Datum intakegesprek', required: true, notFuture: true, initial: 'today' },
      { name: 'goal', kind: 'longText', label: 'Ontwikkeldoel van de leerling', required: true, minLength: 3, maxLength: 500, helper: 'In de woorden van de leerling.' },
      { name: 'subGoals', kind: 'textList', label: 'Subdoelen', helper: 'Eén per regel.', max: 10, maxLength: 300 },
    ],
  },
  ASSIGN_COACH: {
    process: P,
    name: 'ASSIGN_COACH',
    update: 'assignCoach',
    mutation: 'assignCoach',
    label: 'Coach kiezen',
    title: 'Coach kiezen',
    description: 'Kies de coach op het doel van de leerling en het vaste moment van de wekelijkse sessie. Ook later wisselen kan, met een reden.',
    submitLabel: 'Coach toewijzen',
    who: ['ZORGCOORDINATOR'],
    owner: 'de zorgcoördinator',
    due: { explanation: 'binnen N schooldagen na de intake', policy: ['ondersteuningstraject.matchingWithinSchoolDays'] },
    audit: 'COACH_ASSIGNED',
    fields: [
      { name: 'coachId', kind: 'staff', label: 'Coach', required: true, staffRoles: ['COACH', 'MENTOR', 'ZORGCOORDINATOR'], nameField: 'coachName' },
      {
        name: 'sessionWeekday',
        kind: 'integer',
        label: 'Dag van de sessie',
        required: { field: 'sessionSlot', isBlank: true },
        options: [
          { value: '1', label: 'maandag' },
          { value: '2', label: 'dinsdag' },
          { value: '3', label: 'woensdag' },
          { value: '4', label: 'donderdag' },
          { value: '5', label: 'vrijdag' },
        ],
      },
      {
        name: 'sessionTime',
        kind: 'time',
        label: 'Tijdstip van de sessie',
        required: { field: 'sessionSlot', isBlank: true },
        helper: 'Bijvoorbeeld 10:15. Herinneringen aan coach en leerling volgen dit moment (als de school ze aanzet).',
      },
      { name: 'sessionSlot', kind: 'text', label: 'Vast moment (vrije tekst)', maxLength: 100, helper: 'Alleen als dag en tijdstip niet passen, bijvoorbeeld "dinsdag 3e uur".' },
      { name: 'reason', kind: 'longText', label: 'Reden van de wissel', minLength: 3, maxLength: 500, helper: 'Alleen nodig bij het wisselen van coach.' },
    ],
  },
  LOG_SESSION: {
    process: P,
    name: 'LOG_SESSION',
    update: 'logSession',
    mutation: 'logSession',
    label: 'Sessie vastleggen',
    title: 'Sessie vastleggen',
    submitLabel: 'Sessie opslaan',
    who: COACH_OR_COORDINATOR,
    owner: 'de coach',
    due: { explanation: 'binnen N schooldagen na de laatste schooldag van de sessieweek', policy: ['ondersteuningstraject.sessionLogWithinSchoolDays'] },
    audit: 'SESSION_LOGGED',
    anytime: true,
    fields: [
      { name: 'date', kind: 'date', label: 'Datum sessie', required: true, notFuture: true, initial: 'today' },
      { name: 'attended', kind: 'boolean', label: 'De leerling was aanwezig', required: true, initial: true },
      THERMOMETER,
    ],
  },
  RECORD_MID_EVALUATION: {
    process: P,
    name: 'RECORD_MID_EVALUATION',
    update: 'recordMidEvaluation',
    mutation: 'recordMidEvaluation',
    label: 'Tussenevaluatie',
    title: 'Tussenevaluatie vastleggen',
    submitLabel: 'Tussenevaluatie opslaan',
    who: COACH_OR_COORDINATOR,
    owner: 'de coach',
    due: { explanation: 'halverwege het traject', policy: ['ondersteuningstraject.midEvaluationAtFraction'] },
    audit: 'MID_EVALUATION_RECORDED',
    fields: [{ name: 'summary', kind: 'longText', label: 'Samenvatting tussenevaluatie', required: true, minLength: 3, maxLength: 2000 }],
  },
  RECORD_OUTCOME: {
    process: P,
    name: 'RECORD_OUTCOME',
    update: 'recordOutcome',
    mutation: 'recordOutcome',
    label: 'Eindevaluatie en uitkomst',
    title: 'Eindevaluatie en uitkomst',
    submitLabel: 'Uitkomst opslaan',
    who: COACH_OR_COORDINATOR,
    owner: 'de coach',
    due: { explanation: 'binnen N schooldagen na de einddatum', policy: ['ondersteuningstraject.outcomeWithinSchoolDays'] },
    audit: 'OUTCOME_RECORDED',
    fields: [
      {
        name: 'outcome',
        kind: 'choice',
        label: 'Uitkomst',
        required: true,
        options: [
          { value: 'AFGEROND', label: 'Afgerond: doel bereikt' },
          { value: 'VERLENGD', label: 'Verlengen' },
          { value: 'DOORVERWEZEN', label: 'Doorverwijzen naar het IZO' },
          { value: 'GESTOPT', label: 'Gestopt' },
        ],
      },
      {
        name: 'extensionWeeks',
        kind: 'integer',
        label: 'Verlengen met (weken)',
        required: true,
        showIf: { field: 'outcome', equals: 'VERLENGD' },
        min: { policy: 'ondersteuningstraject.extensionMinWeeks' },
        max: { policy: 'ondersteuningstraject.extensionMaxWeeks' },
      },
      { name: 'reason', kind: 'longText', label: 'Reden', required: { field: 'outcome', in: ['DOORVERWEZEN', 'GESTOPT'] }, minLength: 3, maxLength: 1000, helper: 'Verplicht bij doorverwijzen of stoppen.' },
    ],
  },
  STOP_TRAJECTORY: {
    process: P,
    name: 'STOP_TRAJECTORY',
    update: 'stopTrajectory',
    mutation: 'stopTrajectory',
    label: 'Traject stoppen',
    title: 'Traject stoppen',
    description: 'Het traject wordt beëindigd. Ouders en zorgcoördinator worden geïnformeerd.',
    submitLabel: 'Traject stoppen',
    who: ['ZORGCOORDINATOR'],
    owner: 'de zorgcoördinator',
    audit: 'STOP_REQUESTED',
    anytime: true,
    fields: [{ name: 'reason', kind: 'longText', label: 'Reden', required: true, minLength: 3, maxLength: 1000 }],
  },
} as const satisfies Record<string, StepDefinition>;

/**
 * The start of P1 (`startTrajectory`, the signal form): the zorgcoördinator starts a short trajectory for a pupil. The
 * length is bounded by the school's policy (default 6–9 weeks, 8 when left empty); `requestKey` (idempotency) is an
 * api-only field, checked by the api.
 */
export const ONDERSTEUNINGSTRAJECT_START = {
  process: P,
  name: 'START',
  update: 'ondersteuningstrajectWorkflow',
  mutation: 'startTrajectory',
  label: 'Ondersteuningstraject starten',
  title: 'Traject starten',
  description: 'Start een kort ondersteuningstraject. De leerling, ouders en het zorgteam worden volgens het beleid van de school geïnformeerd.',
  submitLabel: 'Traject starten',
  who: ['ZORGCOORDINATOR'],
  owner: 'de zorgcoördinator',
  audit: 'CASE_STARTED',
  fields: [
    { name: 'pupilId', kind: 'pupil', label: 'Leerling', required: true },
    { name: 'reason', kind: 'longText', label: 'Reden van aanmelding', required: true, minLength: 3, maxLength: 2000, helper: 'Waarom heeft deze leerling nu extra ondersteuning nodig?' },
    { name: 'observations', kind: 'longText', label: 'Observaties', maxLength: 4000, helper: 'Wat zien mentor en docenten in de les en daarbuiten?' },
    { name: 'triedActions', kind: 'longText', label: 'Wat heeft de mentor al geprobeerd?', maxLength: 4000 },
    {
      name: 'weeks',
      kind: 'integer',
      label: 'Duur in weken',
      min: { policy: 'ondersteuningstraject.minWeeks' },
      max: { policy: 'ondersteuningstraject.maxWeeks' },
      initial: { policy: 'ondersteuningstraject.defaultWeeks' },
      helper: 'Binnen de grenzen van het beleid van de school. Leeg: de standaardduur.',
    },
  ],
} as const satisfies StartDefinition;
