/**
 * P4 — Aanmelding and zorgplicht (PROCESSES.md P4): the school's steps while the decision term runs, stated once.
 *
 * Process rules that are not field checks stay in the workflow (zorgplicht-clock.ts): nothing after the decision, the
 * statutory term extended at most `maxExtensions` times and only up to the last day of the first term, the admitting
 * school another school than this one.
 */
import type { FieldOption, StartDefinition, StepDefinition } from '../step-definition';

const P = 'ZORGPLICHT' as const;

/** What the school did to investigate the support need (P4.1 ONDERZOEK). */
export const ZORGPLICHT_INVESTIGATION_OPTIONS = [
  { value: 'INFO_OUDERS_GEVRAAGD', label: 'Informatie opgevraagd bij de ouders' },
  { value: 'INFO_VORIGE_SCHOOL_GEVRAAGD', label: 'Informatie opgevraagd bij de vorige school' },
  { value: 'OSO_DOSSIER_ONTVANGEN', label: 'OSO-dossier ontvangen' },
  { value: 'INTAKE', label: 'Intakegesprek gehouden' },
  { value: 'OBSERVATIE', label: 'Observatie gedaan' },
] as const satisfies readonly FieldOption[];

/** Every step of the application is the zorgcoördinator's (the school of first preference holds the zorgplicht). */
const COORDINATOR = ['ZORGCOORDINATOR'] as const;

const plekElders = { field: 'outcome', equals: 'PLEK_ELDERS' } as const;

export const ZORGPLICHT_STEPS = {
  RECORD_INVESTIGATION: {
    process: P,
    name: 'RECORD_INVESTIGATION',
    update: 'recordZorgplichtInvestigation',
    mutation: 'recordZorgplichtInvestigation',
    label: 'Onderzoek vastleggen',
    title: 'Onderzoek vastleggen',
    description: 'Wat de school deed om de ondersteuningsbehoefte te onderzoeken: informatie opgevraagd, OSO-dossier, intake, observatie.',
    submitLabel: 'Opslaan',
    who: COORDINATOR,
    owner: 'de zorgcoördinator',
    audit: 'INVESTIGATION_RECORDED',
    fields: [
      { name: 'kind', kind: 'choice', label: 'Onderzoeksstap', required: true, options: ZORGPLICHT_INVESTIGATION_OPTIONS },
      { name: 'date', kind: 'date', label: 'Datum', required: true, notFuture: true, initial: 'today' },
      { name: 'summary', kind: 'longText', label: 'Interne notitie', maxLength: 2000, helper: 'Alleen voor de school; niet zichtbaar voor het SWV en niet in e-mails.' },
    ],
  },
  EXTEND_TERM: {
    process: P,
    name: 'EXTEND_TERM',
    update: 'extendZorgplichtTerm',
    mutation: 'extendZorgplichtTerm',
    label: 'Beslistermijn verlengen',
    title: 'Beslistermijn verlengen',
    description: 'De wettelijke beslistermijn kan één keer worden verlengd, uiterlijk op de laatste dag van de eerste termijn. De ouders krijgen een brief met de reden.',
    submitLabel: 'Termijn verlengen',
    who: COORDINATOR,
    owner: 'de zorgcoördinator',
    due: { explanation: 'uiterlijk op de laatste dag van de eerste termijn (N kalenderweken na ontvangst)', policy: ['zorgplicht.decisionWeeks', 'zorgplicht.maxExtensions'] },
    audit: 'TERM_EXTENDED',
    fields: [
      { name: 'weeks', kind: 'integer', label: 'Verlengen met (weken)', required: true, min: 1, max: { policy: 'zorgplicht.extensionMaxWeeks' } },
      { name: 'reason', kind: 'longText', label: 'Reden', required: true, minLength: 3, maxLength: 1000, helper: 'Staat in de brief aan de ouders.' },
    ],
  },
  RECORD_DECISION: {
    process: P,
    name: 'RECORD_DECISION',
    update: 'recordZorgplichtDecision',
    mutation: 'recordZorgplichtDecision',
    label: 'Besluit over de aanmelding',
    title: 'Besluit over de aanmelding',
    description: 'De ouders krijgen de besluitbrief met hoe zij bezwaar kunnen maken (niet bij intrekken).',
    submitLabel: 'Besluit vastleggen',
    who: COORDINATOR,
    owner: 'de zorgcoördinator',
    due: { explanation: 'binnen N kalenderweken na ontvangst van de schriftelijke aanmelding, of op de verlengde termijn', policy: ['zorgplicht.decisionWeeks', 'zorgplicht.extensionMaxWeeks'] },
    audit: 'DECISION_RECORDED',
    fields: [
      {
        name: 'outcome',
        kind: 'choice',
        label: 'Besluit',
        required: true,
        options: [
          { value: 'TOEGELATEN', label: 'Toegelaten' },
          { value: 'PLEK_ELDERS', label: 'Plek op een andere school' },
          { value: 'TLV_AANGEVRAAGD', label: 'TLV aangevraagd' },
          { value: 'INGETROKKEN', label: 'Ingetrokken door de ouders' },
        ],
      },
      {
        name: 'motivation',
        kind: 'longText',
        label: 'Motivering (in de besluitbrief)',
        required: true,
        showIf: { field: 'outcome', notIn: ['INGETROKKEN'] },
        minLength: 3,
        maxLength: 2000,
      },
      {
        name: 'arrangement',
        kind: 'longText',
        label: 'Arrangement (extra ondersteuning)',
        showIf: { field: 'outcome', equals: 'TOEGELATEN' },
        maxLength: 1000,
        helper: 'Leeg: toegelaten zonder extra ondersteuningsarrangement.',
      },
      { name: 'admittingSchoolName', kind: 'text', label: 'School die de leerling toelaat', required: true, showIf: plekElders, minLength: 2, maxLength: 200 },
      {
        name: 'admittingSchoolId',
        kind: 'text',
        label: 'School in Zorgroute (id)',
        showIf: plekElders,
        maxLength: 64,
        helper: 'Alleen als de school in Zorgroute staat; de naam komt dan uit Zorgroute.',
      },
      { name: 'agreementDate', kind: 'date', label: 'Datum akkoord andere school', required: true, showIf: plekElders, notFuture: true },
      { name: 'agreementNote', kind: 'longText', label: 'Hoe de andere school instemde', showIf: plekElders, maxLength: 1000, helper: 'Bijvoorbeeld per brief of e-mail.' },
      { name: 'tlvRequestedOn', kind: 'date', label: 'TLV aangevraagd op', required: true, showIf: { field: 'outcome', equals: 'TLV_AANGEVRAAGD' }, notFuture: true },
      { name: 'reason', kind: 'longText', label: 'Hoe en waarom trokken de ouders in?', required: true, showIf: { field: 'outcome', equals: 'INGETROKKEN' }, minLength: 3, maxLength: 1000 },
    ],
  },
  REQUEST_DOCUMENT: {
    process: P,
    name: 'REQUEST_DOCUMENT',
    update: 'requestZorgplichtDocument',
    mutation: 'requestZorgplichtDocument',
    label: 'Document opvragen bij de ouders',
    title: 'Document opvragen bij de ouders',
    description:
      'De ouders krijgen een e-mail met een link naar het ouderportaal en uploaden het document daar (een PDF of een foto), met herinneringen tot het er is. De beslistermijn loopt gewoon door; een verzoek dat bij het besluit nog openstaat, vervalt.',
    submitLabel: 'Document opvragen',
    who: COORDINATOR,
    owner: 'de zorgcoördinator',
    audit: 'DOCUMENT_REQUESTED',
    anytime: true,
    fields: [
      {
        name: 'description',
        kind: 'longText',
        label: 'Welk document',
        required: true,
        minLength: 3,
        maxLength: 300,
        helper: 'Bijvoorbeeld: het laatste onderzoeksverslag van de psycholoog. De ouders lezen dit in het ouderportaal, niet in de e-mail.',
      },
      { name: 'dueDate', kind: 'date', label: 'Uiterlijk aanleveren op', required: true, notPast: true, helper: 'Na vandaag en uiterlijk op de laatste dag van de beslistermijn.' },
    ],
  },
} as const satisfies Record<string, StepDefinition>;

/**
 * The start of P4: the written application (aanmelding) registered at the school of first preference
 * (`registerAanmelding`). An existing pupil, or a new one with the parents who receive the letters. An admin also names
 * the receiving school (`schoolId`, an api-only field); the rules on the order of preference and a clock already
 * running elsewhere stay in zorgplicht-clock.ts.
 */
export const ZORGPLICHT_START = {
  process: P,
  name: 'START',
  update: 'zorgplichtWorkflow',
  mutation: 'registerAanmelding',
  label: 'Aanmelding registreren',
  title: 'Aanmelding registreren',
  description: 'Registreer een schriftelijke aanmelding. Is deze school de eerste voorkeur van de ouders, dan start de zorgplichttermijn van 6 weken.',
  submitLabel: 'Aanmelding registreren',
  who: ['ZORGCOORDINATOR'],
  owner: 'de zorgcoördinator van de school van eerste voorkeur',
  audit: 'CASE_STARTED',
  fields: [
    { name: 'pupilId', kind: 'pupil', label: 'Leerling', helper: 'Een leerling die al bij de school staat; laat leeg voor een nieuwe leerling.' },
    {
      name: 'newPupil',
      kind: 'group',
      label: 'Nieuwe leerling',
      showIf: { field: 'pupilId', isBlank: true },
      required: { field: 'pupilId', isBlank: true },
      fields: [
        { name: 'firstName', kind: 'text', label: 'Voornaam', required: true, maxLength: 100 },
        { name: 'lastName', kind: 'text', label: 'Achternaam', required: true, maxLength: 100 },
        { name: 'dateOfBirth', kind: 'date', label: 'Geboortedatum', required: true, notFuture: true },
        {
          name: 'parents',
          kind: 'list',
          label: 'Ouder of verzorger',
          required: true,
          min: 1,
          max: 2,
          fields: [
            { name: 'name', kind: 'text', label: 'Naam', required: true, minLength: 2, maxLength: 200 },
            {
              name: 'email',
              kind: 'text',
              label: 'E-mailadres',
              required: true,
              maxLength: 320,
              pattern: { regex: '[^\\s@]+@[^\\s@]+\\.[^\\s@]+', nl: 'Vul een geldig e-mailadres in', en: 'Enter a valid e-mail address' },
              helper: 'De brieven over de aanmelding gaan hierheen.',
            },
          ],
        },
      ],
    },
    { name: 'receivedOn', kind: 'date', label: 'Aanmelding ontvangen op', required: true, notFuture: true, initial: 'today', helper: 'De dag dat de schriftelijke aanmelding binnenkwam; de termijn loopt vanaf dan.' },
    { name: 'preferenceSchoolIds', kind: 'schools', label: 'Voorkeursvolgorde van de ouders', required: true, min: 1, max: 10, helper: 'De eerste school heeft de zorgplicht.' },
    { name: 'extraSupportExpected', kind: 'boolean', label: 'De school verwacht dat de leerling extra ondersteuning nodig heeft', required: true, initial: false },
  ],
} as const satisfies StartDefinition;
