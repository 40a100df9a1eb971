/**
 * P7 — OPP, the ontwikkelingsperspectiefplan (PROCESSES.md "Beyond the seeds' six processes"; issue 16): its human
 * steps, stated once.
 *
 * Drawn up by the mentor, the leerlingbegeleider (a coach of the school) and the zorgcoördinator (with the ambulant
 * begeleider, named among the authors) [003:479-483], "in overleg met de leerling en de ouders" [003:781-783]; the
 * pupil's view is recorded for every version and evaluation (hoorrecht); the parents agree to the handelingsdeel
 * (a consent request, not a step here: `giveConsent`); registered in BRON by the administration on the
 * zorgcoördinator's instruction [003:1592-1598]; evaluated with the parents at least yearly.
 */
import type { FieldDefinition, FieldOption, StartDefinition, StepDefinition } from '../step-definition';

const P = 'OPP' as const;

/** The authors of the plan: the zorgcoördinator, or the mentor or leerlingbegeleider (coach) taking part in the case. */
const AUTHORS = ['ZORGCOORDINATOR', { participant: ['MENTOR', 'COACH'] }] as const;

const TEXT = 4000;

/** Where the pupil is expected to go after school (the SWV's OPP format). */
export const OPP_UITSTROOM_OPTIONS: readonly FieldOption[] = [
  { value: 'DAGBESTEDING', label: 'Dagbesteding' },
  { value: 'ARBEID', label: 'Arbeid' },
  { value: 'MBO_ENTREE', label: 'Mbo entreeopleiding (niveau 1)' },
  { value: 'MBO_2', label: 'Mbo niveau 2' },
  { value: 'MBO_3_4', label: 'Mbo niveau 3 of 4' },
  { value: 'HBO', label: 'Hbo' },
  { value: 'WO', label: 'Wo' },
];

export const OPP_EVALUATION_OUTCOME_OPTIONS: readonly FieldOption[] = [
  { value: 'CONTINUE', label: 'Het plan loopt ongewijzigd door' },
  { value: 'ADJUST', label: 'Het plan wordt bijgesteld (nieuwe versie, opnieuw instemming van de ouders)' },
  { value: 'END', label: 'Extra ondersteuning is niet meer nodig: het OPP stopt' },
];

/** The content of a version: the same fields for the first version and every adjustment. */
const CONTENT: readonly FieldDefinition[] = [
  { name: 'onderwijsbehoeften', kind: 'longText', label: 'Onderwijsbehoeften', required: true, minLength: 3, maxLength: TEXT, helper: 'Wat heeft de leerling nodig om te leren?' },
  { name: 'belemmerendeFactoren', kind: 'longText', label: 'Belemmerende factoren', required: true, minLength: 3, maxLength: TEXT },
  { name: 'bevorderendeFactoren', kind: 'longText', label: 'Bevorderende factoren', required: true, minLength: 3, maxLength: TEXT },
  { name: 'uitstroomperspectief', kind: 'choice', label: 'Uitstroomperspectief', required: true, options: OPP_UITSTROOM_OPTIONS },
  { name: 'uitstroomOnderbouwing', kind: 'longText', label: 'Onderbouwing van het uitstroomperspectief', required: true, minLength: 10, maxLength: TEXT },
  {
    name: 'handelingsdeel',
    kind: 'list',
    label: 'Handelingsdeel: de ondersteuning',
    helper: 'Per onderdeel: welke ondersteuning, wie die geeft en hoe lang. De ouders stemmen met dit deel in.',
    required: true,
    min: 1,
    max: 12,
    fields: [
      { name: 'support', kind: 'longText', label: 'Ondersteuning', required: true, minLength: 3, maxLength: 1000 },
      { name: 'providedBy', kind: 'text', label: 'Gegeven door', required: true, minLength: 2, maxLength: 200, helper: 'Bijvoorbeeld "mentor" of "ambulant begeleider (BPO)".' },
      { name: 'duration', kind: 'text', label: 'Hoe lang', required: true, minLength: 2, maxLength: 200, helper: 'Bijvoorbeeld "tot de zomervakantie".' },
      { name: 'frequency', kind: 'text', label: 'Hoe vaak', maxLength: 200, helper: 'Bijvoorbeeld "wekelijks een uur".' },
    ],
  },
  { name: 'programmeDeviations', kind: 'longText', label: 'Afwijkingen van het onderwijsprogramma', maxLength: TEXT, helper: 'Bijvoorbeeld vrijstellingen of een aangepast rooster. Leeg als er geen zijn.' },
  { name: 'authors', kind: 'textList', label: 'Opgesteld door', required: true, min: 1, max: 8, maxLength: 200, helper: 'Naam en functie, één per regel (mentor, leerlingbegeleider, zorgcoördinator, ambulant begeleider).' },
  {
    name: 'parentsConsultedOn',
    kind: 'date',
    label: 'Datum op overeenstemming gericht overleg met de ouders',
    required: true,
    notFuture: true,
    initial: 'today',
    helper: 'Het overleg met de ouders over dit plan, vóór hun instemming.',
  },
];

export const OPP_STEPS = {
  OPP_DRAW_UP: {
    process: P,
    name: 'OPP_DRAW_UP',
    update: 'drawUpOpp',
    mutation: 'drawUpOpp',
    label: 'OPP opstellen',
    title: 'Ontwikkelingsperspectiefplan opstellen',
    description: 'Stel het OPP op in overleg met de leerling en de ouders. Daarna wordt de mening van de leerling vastgelegd en stemmen de ouders in met het handelingsdeel.',
    submitLabel: 'OPP opslaan',
    who: AUTHORS,
    owner: 'de zorgcoördinator',
    due: { explanation: 'binnen N kalenderweken na de start van de extra ondersteuning; een bijstelling na een evaluatie binnen N schooldagen', policy: ['opp.drawUpWithinWeeks', 'opp.adjustWithinSchoolDays'] },
    audit: 'OPP_VERSION_DRAWN_UP',
    fields: [...CONTENT, { name: 'changeReason', kind: 'longText', label: 'Wat is er veranderd en waarom', minLength: 3, maxLength: 2000, helper: 'Alleen bij een nieuwe versie.' }],
  },
  OPP_ADJUST: {
    process: P,
    name: 'OPP_ADJUST',
    update: 'adjustOpp',
    mutation: 'adjustOpp',
    label: 'OPP bijstellen',
    title: 'OPP bijstellen (nieuwe versie)',
    description: 'Een bijstelling is een nieuwe versie: de leerling wordt gehoord en de ouders stemmen opnieuw in. Tot dan blijft de huidige versie gelden.',
    submitLabel: 'Nieuwe versie opslaan',
    who: AUTHORS,
    owner: 'de zorgcoördinator',
    audit: 'OPP_ADJUSTED',
    anytime: true,
    fields: [...CONTENT, { name: 'changeReason', kind: 'longText', label: 'Wat is er veranderd en waarom', required: true, minLength: 3, maxLength: 2000 }],
  },
  OPP_HEAR_PUPIL: {
    process: P,
    name: 'OPP_HEAR_PUPIL',
    update: 'recordOppPupilView',
    mutation: 'recordOppPupilView',
    label: 'Mening van de leerling vastleggen',
    title: 'Hoorrecht: mening van de leerling',
    description:
      'Leg vast wat de leerling van het plan (of de evaluatie) vindt, hoe zijn mening is meegewogen en dat dit aan hem is teruggekoppeld. Zonder dit wordt niets definitief; afzien kan alleen met een reden.',
    submitLabel: 'Opslaan',
    who: AUTHORS,
    owner: 'de zorgcoördinator',
    due: { explanation: 'binnen N schooldagen nadat de versie is opgesteld of de evaluatie is gehouden', policy: ['opp.hearPupilWithinSchoolDays'] },
    audit: 'OPP_PUPIL_HEARD',
    fields: [
      {
        name: 'mode',
        kind: 'choice',
        label: 'De leerling',
        required: true,
        options: [
          { value: 'HEARD', label: 'is gehoord' },
          { value: 'WAIVED', label: 'is niet gehoord (met reden)' },
        ],
      },
      { name: 'heardOn', kind: 'date', label: 'Datum gesprek met de leerling', required: true, showIf: { field: 'mode', equals: 'HEARD' }, notFuture: true, initial: 'today' },
      { name: 'pupilView', kind: 'longText', label: 'Mening van de leerling', required: true, showIf: { field: 'mode', equals: 'HEARD' }, minLength: 3, maxLength: TEXT, helper: 'Zo veel mogelijk in de woorden van de leerling.' },
      { name: 'weighing', kind: 'longText', label: 'Hoe de mening is meegewogen', required: true, showIf: { field: 'mode', equals: 'HEARD' }, minLength: 3, maxLength: TEXT },
      {
        name: 'explainedBack',
        kind: 'boolean',
        label: 'Aan de leerling teruggekoppeld hoe zijn mening is meegewogen',
        required: true,
        showIf: { field: 'mode', equals: 'HEARD' },
        initial: false,
      },
      {
        name: 'waiverReason',
        kind: 'longText',
        label: 'Reden om de leerling niet te horen',
        required: true,
        showIf: { field: 'mode', equals: 'WAIVED' },
        minLength: 10,
        maxLength: 2000,
        helper: 'Bijvoorbeeld: de leerling kan zijn mening (nog) niet vormen of uiten.',
      },
    ],
  },
  OPP_REFUSAL_FOLLOW_UP: {
    process: P,
    name: 'OPP_REFUSAL_FOLLOW_UP',
    update: 'decideOppAfterRefusal',
    mutation: 'decideOppAfterRefusal',
    label: 'Besluit na weigering van de ouders',
    title: 'Ouders stemmen niet in: hoe verder?',
    description:
      'De ouders stemmen niet in met het handelingsdeel. De school kan een nieuwe versie opstellen na nieuw overleg, of het OPP afsluiten: dan krijgt de leerling alleen basisondersteuning. De ouders kunnen naar de geschillencommissie passend onderwijs.',
    submitLabel: 'Besluit opslaan',
    who: ['ZORGCOORDINATOR'],
    owner: 'de zorgcoördinator',
    due: { explanation: 'binnen N schooldagen na de weigering', policy: ['opp.refusalFollowUpWithinSchoolDays'] },
    audit: 'OPP_REFUSAL_FOLLOWED_UP',
    fields: [
      {
        name: 'decision',
        kind: 'choice',
        label: 'Besluit',
        required: true,
        options: [
          { value: 'NEW_VERSION', label: 'Nieuwe versie opstellen na nieuw overleg' },
          { value: 'CLOSE', label: 'OPP afsluiten: alleen basisondersteuning' },
        ],
      },
      { name: 'reason', kind: 'longText', label: 'Toelichting', required: true, minLength: 3, maxLength: 2000 },
    ],
  },
  OPP_EVALUATE: {
    process: P,
    name: 'OPP_EVALUATE',
    update: 'recordOppEvaluation',
    mutation: 'recordOppEvaluation',
    label: 'OPP evalueren met de ouders',
    title: 'Evaluatie van het OPP',
    description: 'Evalueer het plan met de ouders (minstens jaarlijks). De evaluatie is afgerond zodra ook de mening van de leerling is vastgelegd; de volgende evaluatie telt vanaf die datum.',
    submitLabel: 'Evaluatie opslaan',
    who: AUTHORS,
    owner: 'de zorgcoördinator',
    due: { explanation: 'N maanden na de afronding van de vorige evaluatie (de eerste: na de instemming van de ouders)', policy: ['opp.evaluateEveryMonths', 'opp.evaluationOpensWeeksBefore'] },
    audit: 'OPP_EVALUATED',
    anytime: true,
    fields: [
      { name: 'heldOn', kind: 'date', label: 'Datum evaluatiegesprek', required: true, notFuture: true, initial: 'today' },
      { name: 'parentsPresent', kind: 'boolean', label: 'De ouders waren bij de evaluatie', required: true, initial: true },
      { name: 'summary', kind: 'longText', label: 'Verslag van de evaluatie', required: true, minLength: 3, maxLength: TEXT },
      { name: 'outcome', kind: 'choice', label: 'Uitkomst', required: true, options: OPP_EVALUATION_OUTCOME_OPTIONS },
    ],
  },
  OPP_REGISTER_BRON: {
    process: P,
    name: 'OPP_REGISTER_BRON',
    update: 'registerOppInBron',
    mutation: 'registerOppInBron',
    label: 'OPP registreren in BRON',
    title: 'Registratie in BRON',
    description: 'De administratie registreert het OPP in BRON, op aangeven van de zorgcoördinator.',
    submitLabel: 'Registratie vastleggen',
    who: ['ZORGCOORDINATOR', { schoolStaff: ['TEAMLEIDER'] }],
    owner: 'de administratie (op aangeven van de zorgcoördinator)',
    due: { explanation: 'binnen N schooldagen na de instemming van de ouders', policy: ['opp.bronWithinSchoolDays'] },
    audit: 'OPP_BRON_REGISTERED',
    fields: [
      { name: 'registeredOn', kind: 'date', label: 'Geregistreerd op', required: true, notFuture: true, initial: 'today' },
      { name: 'reference', kind: 'text', label: 'Kenmerk', maxLength: 100, helper: 'Het kenmerk uit de administratie, als dat er is.' },
    ],
  },
  STOP_OPP: {
    process: P,
    name: 'STOP_OPP',
    update: 'stopOpp',
    mutation: 'stopOpp',
    label: 'OPP stoppen',
    title: 'OPP stoppen',
    description: 'Bijvoorbeeld omdat de leerling de school verlaat. De ouders worden geïnformeerd.',
    submitLabel: 'OPP stoppen',
    who: ['ZORGCOORDINATOR'],
    owner: 'de zorgcoördinator',
    audit: 'STOP_REQUESTED',
    anytime: true,
    fields: [{ name: 'reason', kind: 'longText', label: 'Reden', required: true, minLength: 3, maxLength: 1000 }],
  },
} as const satisfies Record<string, StepDefinition>;

/** Where an OPP comes from: started directly, or a case of the same pupil of one of these processes. */
export const OPP_SOURCE_OPTIONS = [
  { value: 'DIRECT', label: 'Zelf gestart door de zorgcoördinator' },
  { value: 'ZORGROUTE', label: 'Besluit van het IZO/ZAT' },
  { value: 'ZORGPLICHT', label: 'Toelating met een arrangement (zorgplicht)' },
  { value: 'OOV', label: 'Plaatsing in de OOV' },
] as const satisfies readonly FieldOption[];

/**
 * The start of P7 (`startOpp`). The support start date defaults to today; that it lies at most a year back and that
 * the source case is a case of the same pupil of that process are the api's checks (start-opp.usecase.ts).
 * `requestKey` is api-only.
 */
export const OPP_START = {
  process: P,
  name: 'START',
  update: 'oppWorkflow',
  mutation: 'startOpp',
  label: 'OPP starten',
  title: 'OPP starten',
  description:
    'Start een ontwikkelingsperspectiefplan (OPP) voor een leerling die extra ondersteuning krijgt. Het OPP wordt binnen de termijn van het beleid opgesteld; de mentor van de leerling werkt mee. De stappen (opstellen, mening van de leerling, instemming van de ouders, evaluatie) staan daarna op de casuspagina.',
  submitLabel: 'OPP starten',
  who: ['ZORGCOORDINATOR'],
  owner: 'de zorgcoördinator',
  audit: 'CASE_STARTED',
  fields: [
    { name: 'pupilId', kind: 'pupil', label: 'Leerling', required: true },
    { name: 'reason', kind: 'longText', label: 'Waarom krijgt de leerling extra ondersteuning?', required: true, minLength: 10, maxLength: 2000, helper: 'Het arrangement, bijvoorbeeld het besluit van het ZAT.' },
    { name: 'source', kind: 'choice', label: 'Herkomst', required: true, initial: 'DIRECT', options: OPP_SOURCE_OPTIONS },
    {
      name: 'sourceCaseId',
      kind: 'text',
      label: 'Casusnummer van de herkomst',
      showIf: { field: 'source', notIn: ['DIRECT'] },
      required: { field: 'source', notIn: ['DIRECT'] },
      maxLength: 200,
      helper: 'Staat op de casuspagina van de aanmelding, het ZAT of de OOV.',
    },
    { name: 'supportStartedOn', kind: 'date', label: 'Start van de extra ondersteuning', notFuture: true, initial: 'today', helper: 'Het OPP moet binnen de termijn na deze datum opgesteld zijn.' },
  ],
} as const satisfies StartDefinition;
