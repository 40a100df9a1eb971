/**
 * P8 — TLV, toelaatbaarheidsverklaring (issue 16; seed 003 "Fase 4 Aanvraag TLV" [003:1602-1678]): its human steps,
 * stated once.
 *
 * The school (the zorgcoördinator) compiles the dossier with the parents and submits the request after a Flex-ZAT; the
 * samenwerkingsverband checks the dossier against its checklist, two experts advise, the commissie (CTA) decides
 * within the SWV's term (extendable once, with notice) and writes the letter; the school notes the TLV in its school
 * system and has it registered in BRON; a bezwaar is recorded; before the end date the school decides on a
 * herindicatie, which runs the same route.
 */
import type { FieldDefinition, FieldOption, StartDefinition, StepDefinition } from '../step-definition';

const P = 'TLV' as const;

const TEXT = 4000;

/** The documents of a TLV dossier [003:1646-1661]; the SWV's policy (`tlv.requiredDossierItems`) says which it requires. */
export const TLV_DOSSIER_ITEM_OPTIONS = [
  { value: 'OPP', label: 'Ontwikkelingsperspectiefplan (OPP)' },
  { value: 'VPI', label: 'VPI' },
  { value: 'ONDERBOUWING', label: 'Onderbouwing van de aanvraag' },
  { value: 'OBSERVATIEVERSLAG', label: 'Observatieverslag' },
  { value: 'GESPREKSVERSLAG', label: 'Gespreksverslag' },
  { value: 'ONDERZOEKSVERSLAG', label: 'Onderzoeksverslag' },
  { value: 'DESKUNDIGHEIDSVERKLARING_VSO', label: 'Deskundigheidsverklaring van het VSO' },
  { value: 'ZIENSWIJZE_OUDERS', label: 'Zienswijze van de ouders' },
  { value: 'HANDTEKENING_OUDERS', label: 'Handtekening van de ouders' },
  { value: 'HANDTEKENING_LEERLING', label: 'Handtekening van de leerling' },
] as const satisfies readonly FieldOption[];

/** The TLV's category (the support level of the VSO school, which decides its funding). */
export const TLV_CATEGORY_OPTIONS = [
  { value: 'LAAG', label: 'Categorie laag' },
  { value: 'MIDDEN', label: 'Categorie midden' },
  { value: 'HOOG', label: 'Categorie hoog' },
] as const satisfies readonly FieldOption[];

/** The first expert is an orthopedagoog or a psycholoog; the second depends on the pupil (Wet passend onderwijs). */
export const TLV_FIRST_EXPERT_OPTIONS = [
  { value: 'ORTHOPEDAGOOG', label: 'Orthopedagoog' },
  { value: 'PSYCHOLOOG', label: 'Psycholoog' },
] as const satisfies readonly FieldOption[];

export const TLV_SECOND_EXPERT_OPTIONS = [
  { value: 'ORTHOPEDAGOOG', label: 'Orthopedagoog' },
  { value: 'PSYCHOLOOG', label: 'Psycholoog' },
  { value: 'KINDER_JEUGDPSYCHIATER', label: 'Kinder- en jeugdpsychiater' },
  { value: 'ARTS', label: 'Arts' },
  { value: 'MAATSCHAPPELIJK_WERKER', label: 'Maatschappelijk werker' },
  { value: 'ANDERS', label: 'Andere deskundige' },
] as const satisfies readonly FieldOption[];

export const TLV_BEZWAAR_STAGE_OPTIONS = [
  { value: 'INGEDIEND', label: 'Bezwaar ingediend bij het SWV' },
  { value: 'GEGROND', label: 'Bezwaar gegrond verklaard' },
  { value: 'ONGEGROND', label: 'Bezwaar ongegrond verklaard' },
  { value: 'INGETROKKEN', label: 'Bezwaar ingetrokken' },
  { value: 'LANDELIJKE_COMMISSIE', label: 'Voorgelegd aan de landelijke bezwaaradviescommissie' },
] as const satisfies readonly FieldOption[];

const SWV_ONLY = 'Alleen voor het samenwerkingsverband en de school.';

const expertAdvice = (slot: 1 | 2): FieldDefinition[] => [
  { name: 'date', kind: 'date', label: 'Datum van het advies', required: true, notFuture: true, initial: 'today' },
  {
    name: 'advice',
    kind: 'choice',
    label: 'Advies',
    required: true,
    options: [
      { value: 'TOEKENNEN', label: 'TLV toekennen' },
      { value: 'AFWIJZEN', label: 'TLV afwijzen' },
    ],
  },
  { name: 'category', kind: 'choice', label: 'Geadviseerde categorie', required: true, showIf: { field: 'advice', equals: 'TOEKENNEN' }, options: TLV_CATEGORY_OPTIONS },
  { name: 'summary', kind: 'longText', label: slot === 1 ? 'Advies van de orthopedagoog of psycholoog' : 'Advies van de tweede deskundige', required: true, minLength: 10, maxLength: TEXT, helper: SWV_ONLY },
];

export const TLV_STEPS = {
  TLV_RECORD_DOSSIER_ITEM: {
    process: P,
    name: 'TLV_RECORD_DOSSIER_ITEM',
    update: 'recordTlvDossierItem',
    mutation: 'recordTlvDossierItem',
    label: 'Stuk aan het TLV-dossier toevoegen',
    title: 'Dossierstuk vastleggen',
    description: 'Leg vast dat een stuk in het dossier zit, met het kenmerk of de vindplaats van het document. De aanvraag is pas compleet als de checklist van het samenwerkingsverband is afgevinkt.',
    submitLabel: 'Stuk vastleggen',
    who: ['ZORGCOORDINATOR'],
    owner: 'de zorgcoördinator',
    audit: 'TLV_DOSSIER_ITEM_RECORDED',
    anytime: true,
    fields: [
      { name: 'item', kind: 'choice', label: 'Stuk', required: true, options: TLV_DOSSIER_ITEM_OPTIONS },
      { name: 'reference', kind: 'text', label: 'Kenmerk of vindplaats', required: true, minLength: 2, maxLength: 200, helper: 'Bijvoorbeeld de naam van het document in het dossier.' },
      { name: 'date', kind: 'date', label: 'Datum van het stuk', required: true, notFuture: true, initial: 'today' },
      { name: 'note', kind: 'text', label: 'Toelichting', maxLength: 500, helper: 'Alleen voor de school en het samenwerkingsverband, tenzij u hieronder aangeeft dat ouders en leerling haar mogen lezen.' },
      { name: 'noteForFamily', kind: 'boolean', label: 'Ouders en leerling mogen de toelichting lezen', initial: false },
    ],
  },
  TLV_SUBMIT_REQUEST: {
    process: P,
    name: 'TLV_SUBMIT_REQUEST',
    update: 'submitTlvRequest',
    mutation: 'submitTlvRequest',
    label: 'TLV-aanvraag indienen bij het SWV',
    title: 'TLV-aanvraag indienen',
    description: 'De aanvraag gaat met het dossier naar het samenwerkingsverband. Dat kan pas als de checklist van het samenwerkingsverband compleet is.',
    submitLabel: 'Aanvraag indienen',
    who: ['ZORGCOORDINATOR'],
    owner: 'de zorgcoördinator',
    due: { explanation: 'binnen N schooldagen na de start', policy: ['tlv.dossierWithinSchoolDays'] },
    audit: 'TLV_REQUEST_SUBMITTED',
    fields: [
      { name: 'requestedCategory', kind: 'choice', label: 'Gevraagde categorie', required: true, options: TLV_CATEGORY_OPTIONS },
      { name: 'vsoSchool', kind: 'text', label: 'Beoogde VSO-school', maxLength: 200 },
      { name: 'motivation', kind: 'longText', label: 'Waarom een TLV', required: true, minLength: 10, maxLength: TEXT, helper: 'Kort; de onderbouwing zelf zit in het dossier.' },
    ],
  },
  TLV_CHECK_DOSSIER: {
    process: P,
    name: 'TLV_CHECK_DOSSIER',
    update: 'checkTlvDossier',
    mutation: 'checkTlvDossier',
    label: 'TLV-dossier controleren',
    title: 'Dossier controleren',
    description: 'Het samenwerkingsverband controleert het dossier. Is het compleet, wijs dan de twee deskundigen aan die adviseren; anders gaat de aanvraag terug naar de school met wat ontbreekt.',
    submitLabel: 'Controle vastleggen',
    who: ['SWV'],
    owner: 'het loket van het samenwerkingsverband',
    due: { explanation: 'binnen N schooldagen na de indiening', policy: ['tlv.checkWithinSchoolDays'] },
    audit: 'TLV_DOSSIER_CHECKED',
    fields: [
      {
        name: 'outcome',
        kind: 'choice',
        label: 'Uitkomst',
        required: true,
        options: [
          { value: 'COMPLEET', label: 'Dossier compleet' },
          { value: 'ONVOLLEDIG', label: 'Dossier onvolledig: terug naar de school' },
        ],
      },
      { name: 'missingItems', kind: 'choices', label: 'Wat ontbreekt', required: true, min: 1, max: 10, showIf: { field: 'outcome', equals: 'ONVOLLEDIG' }, options: TLV_DOSSIER_ITEM_OPTIONS },
      { name: 'firstExpertName', kind: 'text', label: 'Eerste deskundige', required: true, showIf: { field: 'outcome', equals: 'COMPLEET' }, minLength: 2, maxLength: 200 },
      { name: 'firstExpertDiscipline', kind: 'choice', label: 'Deskundigheid eerste deskundige', required: true, showIf: { field: 'outcome', equals: 'COMPLEET' }, options: TLV_FIRST_EXPERT_OPTIONS },
      { name: 'secondExpertName', kind: 'text', label: 'Tweede deskundige', required: true, showIf: { field: 'outcome', equals: 'COMPLEET' }, minLength: 2, maxLength: 200 },
      {
        name: 'secondExpertDiscipline',
        kind: 'choice',
        label: 'Deskundigheid tweede deskundige',
        required: true,
        showIf: { field: 'outcome', equals: 'COMPLEET' },
        options: TLV_SECOND_EXPERT_OPTIONS,
        helper: 'Afhankelijk van de leerling, bijvoorbeeld een kinder- en jeugdpsychiater.',
      },
      { name: 'note', kind: 'longText', label: 'Toelichting', maxLength: TEXT, required: { field: 'outcome', equals: 'ONVOLLEDIG' } },
    ],
  },
  TLV_EXPERT_ADVICE_1: {
    process: P,
    name: 'TLV_EXPERT_ADVICE_1',
    update: 'recordTlvFirstExpertAdvice',
    mutation: 'recordTlvFirstExpertAdvice',
    label: 'Advies van de orthopedagoog of psycholoog',
    title: 'Advies eerste deskundige',
    submitLabel: 'Advies vastleggen',
    who: ['SWV'],
    owner: 'de eerste deskundige (via het loket van het samenwerkingsverband)',
    due: { explanation: 'binnen N schooldagen na het complete dossier', policy: ['tlv.adviceWithinSchoolDays'] },
    audit: 'TLV_EXPERT_ADVICE_RECORDED',
    fields: expertAdvice(1),
  },
  TLV_EXPERT_ADVICE_2: {
    process: P,
    name: 'TLV_EXPERT_ADVICE_2',
    update: 'recordTlvSecondExpertAdvice',
    mutation: 'recordTlvSecondExpertAdvice',
    label: 'Advies van de tweede deskundige',
    title: 'Advies tweede deskundige',
    submitLabel: 'Advies vastleggen',
    who: ['SWV'],
    owner: 'de tweede deskundige (via het loket van het samenwerkingsverband)',
    due: { explanation: 'binnen N schooldagen na het complete dossier', policy: ['tlv.adviceWithinSchoolDays'] },
    audit: 'TLV_EXPERT_ADVICE_RECORDED',
    fields: expertAdvice(2),
  },
  TLV_EXTEND_TERM: {
    process: P,
    name: 'TLV_EXTEND_TERM',
    update: 'extendTlvTerm',
    mutation: 'extendTlvTerm',
    label: 'Beslistermijn TLV verlengen',
    title: 'Beslistermijn verlengen',
    description: 'De termijn kan één keer worden verlengd, vóór hij afloopt. De ouders krijgen een brief met de reden.',
    submitLabel: 'Termijn verlengen',
    who: ['SWV'],
    owner: 'de commissie van het samenwerkingsverband',
    audit: 'TLV_TERM_EXTENDED',
    fields: [
      { name: 'weeks', kind: 'integer', label: 'Aantal weken', required: true, min: 1, max: { policy: 'tlv.extensionMaxWeeks' } },
      { name: 'reason', kind: 'longText', label: 'Reden (staat in de brief aan de ouders)', required: true, minLength: 10, maxLength: 1000 },
    ],
  },
  TLV_DECISION: {
    process: P,
    name: 'TLV_DECISION',
    update: 'recordTlvDecision',
    mutation: 'recordTlvDecision',
    label: 'Besluit van de commissie over de TLV',
    title: 'Besluit over de TLV',
    description: 'De commissie toelaatbaarheid (CTA) geeft de TLV af, met categorie, begin- en einddatum, of wijst de aanvraag af. De ouders krijgen de besluitbrief met hoe zij bezwaar kunnen maken.',
    submitLabel: 'Besluit vastleggen',
    who: ['SWV'],
    owner: 'de commissie van het samenwerkingsverband',
    due: { explanation: 'binnen N weken na het complete dossier, eenmaal te verlengen', policy: ['tlv.decisionWeeks', 'tlv.extensionMaxWeeks'] },
    audit: 'TLV_DECIDED',
    fields: [
      {
        name: 'decision',
        kind: 'choice',
        label: 'Besluit',
        required: true,
        options: [
          { value: 'TOEGEKEND', label: 'TLV afgegeven' },
          { value: 'AFGEWEZEN', label: 'Aanvraag afgewezen' },
        ],
      },
      { name: 'category', kind: 'choice', label: 'Categorie', required: true, showIf: { field: 'decision', equals: 'TOEGEKEND' }, options: TLV_CATEGORY_OPTIONS },
      { name: 'startDate', kind: 'date', label: 'Ingangsdatum', required: true, showIf: { field: 'decision', equals: 'TOEGEKEND' } },
      { name: 'endDate', kind: 'date', label: 'Einddatum', required: true, showIf: { field: 'decision', equals: 'TOEGEKEND' }, helper: 'Minstens de minimale geldigheid van het beleid na de ingangsdatum.' },
      { name: 'motivation', kind: 'longText', label: 'Motivering (staat in de brief)', required: true, minLength: 10, maxLength: TEXT },
    ],
  },
  TLV_RECORD_SCHOOL_SYSTEM: {
    process: P,
    name: 'TLV_RECORD_SCHOOL_SYSTEM',
    update: 'recordTlvSchoolSystem',
    mutation: 'recordTlvSchoolSystem',
    label: 'TLV genoteerd in het schoolsysteem',
    title: 'Genoteerd in het schoolsysteem',
    description: 'De administratie noteert de TLV in het leerlingvolgsysteem (SOM) [003:1676-1678].',
    submitLabel: 'Vastleggen',
    who: ['ZORGCOORDINATOR'],
    owner: 'de zorgcoördinator (de administratie voert uit)',
    due: { explanation: 'binnen N schooldagen na het besluit', policy: ['tlv.registrationWithinSchoolDays'] },
    audit: 'TLV_NOTED_SCHOOL_SYSTEM',
    fields: [
      { name: 'date', kind: 'date', label: 'Datum', required: true, notFuture: true, initial: 'today' },
      { name: 'note', kind: 'text', label: 'Toelichting', maxLength: 500 },
    ],
  },
  TLV_RECORD_BRON: {
    process: P,
    name: 'TLV_RECORD_BRON',
    update: 'recordTlvBron',
    mutation: 'recordTlvBron',
    label: 'TLV geregistreerd in BRON',
    title: 'Geregistreerd in BRON',
    description: 'Daarna registreert de administratie de TLV in BRON [003:1676-1678].',
    submitLabel: 'Vastleggen',
    who: ['ZORGCOORDINATOR'],
    owner: 'de zorgcoördinator (de administratie voert uit)',
    due: { explanation: 'binnen N schooldagen na de notitie in het schoolsysteem', policy: ['tlv.registrationWithinSchoolDays'] },
    audit: 'TLV_REGISTERED_BRON',
    fields: [
      { name: 'date', kind: 'date', label: 'Datum', required: true, notFuture: true, initial: 'today' },
      { name: 'note', kind: 'text', label: 'Toelichting', maxLength: 500 },
    ],
  },
  TLV_RECORD_BEZWAAR: {
    process: P,
    name: 'TLV_RECORD_BEZWAAR',
    update: 'recordTlvBezwaar',
    mutation: 'recordTlvBezwaar',
    label: 'Bezwaar tegen het TLV-besluit vastleggen',
    title: 'Bezwaar vastleggen',
    description: 'Bezwaar maken de ouders bij het samenwerkingsverband; daarna kan het naar de landelijke bezwaaradviescommissie.',
    submitLabel: 'Bezwaar vastleggen',
    who: ['SWV', 'ZORGCOORDINATOR'],
    owner: 'het samenwerkingsverband',
    audit: 'TLV_BEZWAAR_RECORDED',
    anytime: true,
    fields: [
      { name: 'stage', kind: 'choice', label: 'Stand van het bezwaar', required: true, options: TLV_BEZWAAR_STAGE_OPTIONS },
      { name: 'date', kind: 'date', label: 'Datum', required: true, notFuture: true, initial: 'today' },
      { name: 'note', kind: 'longText', label: 'Toelichting', maxLength: TEXT },
    ],
  },
  TLV_DECIDE_HERINDICATIE: {
    process: P,
    name: 'TLV_DECIDE_HERINDICATIE',
    update: 'decideTlvHerindicatie',
    mutation: 'decideTlvHerindicatie',
    label: 'Herindicatie van de TLV',
    title: 'Herindicatie',
    description: 'De TLV loopt af. Vraag een herindicatie aan (die loopt dezelfde route: dossier, advies, besluit) of leg vast dat die niet nodig is.',
    submitLabel: 'Vastleggen',
    who: ['ZORGCOORDINATOR'],
    owner: 'de zorgcoördinator',
    due: { explanation: 'binnen N schooldagen na de herinnering, N maanden vóór de einddatum', policy: ['tlv.expiryReminderMonths', 'tlv.herindicatieDecisionWithinSchoolDays'] },
    audit: 'TLV_HERINDICATIE_DECIDED',
    fields: [
      {
        name: 'herindicatie',
        kind: 'choice',
        label: 'Herindicatie',
        required: true,
        options: [
          { value: 'AANVRAGEN', label: 'Herindicatie aanvragen' },
          { value: 'NIET_NODIG', label: 'Niet nodig' },
        ],
      },
      { name: 'reason', kind: 'longText', label: 'Toelichting', required: true, minLength: 3, maxLength: 1000 },
    ],
  },
  TLV_WITHDRAW: {
    process: P,
    name: 'TLV_WITHDRAW',
    update: 'withdrawTlvRequest',
    mutation: 'withdrawTlvRequest',
    label: 'TLV-aanvraag intrekken',
    title: 'Aanvraag intrekken',
    description: 'De aanvraag wordt ingetrokken (door de school of de ouders), zolang er nog geen besluit is.',
    submitLabel: 'Aanvraag intrekken',
    who: ['ZORGCOORDINATOR'],
    owner: 'de zorgcoördinator',
    audit: 'STOP_REQUESTED',
    anytime: true,
    fields: [{ name: 'reason', kind: 'longText', label: 'Reden', required: true, minLength: 3, maxLength: 1000 }],
  },
} as const satisfies Record<string, StepDefinition>;

export type TlvStepName = keyof typeof TLV_STEPS;

/**
 * The start of P8 (`startTlv`), after a Flex-ZAT. Api-only fields: `originCaseId` (the case the request comes from,
 * of the same pupil) and `requestKey`.
 */
export const TLV_START = {
  process: P,
  name: 'START',
  update: 'tlvWorkflow',
  mutation: 'startTlv',
  label: 'TLV-aanvraag starten',
  title: 'TLV-aanvraag starten',
  description:
    'Na de Flex-ZAT vraagt de school met de ouders een toelaatbaarheidsverklaring (TLV) aan bij het samenwerkingsverband. De ouders worden om akkoord gevraagd; daarna vult u het dossier aan tot de checklist van het samenwerkingsverband compleet is.',
  submitLabel: 'Aanvraag starten',
  who: ['ZORGCOORDINATOR'],
  owner: 'de zorgcoördinator',
  audit: 'CASE_STARTED',
  fields: [
    { name: 'pupilId', kind: 'pupil', label: 'Leerling', required: true },
    { name: 'flexZatDate', kind: 'date', label: 'Datum van de Flex-ZAT', notFuture: true, initial: 'today' },
    { name: 'reason', kind: 'longText', label: 'Waarom een TLV?', required: true, minLength: 3, maxLength: 2000, helper: 'Intern, voor de school en het samenwerkingsverband.' },
    { name: 'deskundigheidsverklaringVso', kind: 'boolean', label: 'Er is een VSO-school betrokken (de deskundigheidsverklaring van het VSO hoort bij het dossier)', initial: false },
  ],
} as const satisfies StartDefinition;
