/**
 * P2 — Zorgroute: signal → IZO → ZAT, incl. Flex-ZAT (PROCESSES.md P2): its human steps, stated once.
 *
 * The fields are the shape the workflow's update receives (the aanmeldformulier under `form`, the triage's four
 * checks under `checks`, the IZO minutes and decisions, the ZAT plan's actions). Rules that depend on the case (a step
 * that is not open now, the parents' report unless the approved safety exception holds, the form complete when it is
 * submitted, a meeting on a school day, the Flex-ZAT term, a date strictly after today) stay in the workflow.
 */
import { JOS_NEED_OPTIONS } from '../jos/steps';
import type { FieldDefinition, FieldOption, StaffRole, StartDefinition, StepDefinition } from '../step-definition';

const P = 'ZORGROUTE' as const;

/** Triage, the IZO and the ZAT: the zorgcoördinator of the school. */
const COORDINATION = ['ZORGCOORDINATOR'] as const;
/** The aanmeldformulier: the zorgcoördinator, and the school's mentors, teamleiders and coaches (the referrers). */
const REFERRAL = ['ZORGCOORDINATOR', { schoolStaff: ['MENTOR', 'TEAMLEIDER', 'COACH'] }] as const;
/** Who refers a pupil to the IZO (starts the case): the zorgcoördinator, and the school's mentors and teamleiders. */
const REFERRERS = ['ZORGCOORDINATOR', { schoolStaff: ['MENTOR', 'TEAMLEIDER'] }] as const;
/** Conversations with parents and pupil: the zorgcoördinator, and the school's mentors, teamleiders, coaches, JOS workers. */
const CONVERSATION = ['ZORGCOORDINATOR', { schoolStaff: ['MENTOR', 'TEAMLEIDER', 'COACH', 'JOS_MEDEWERKER'] }] as const;

/** Staff of the school who may hold a role in the case (contact person, casusregisseur). */
const SCHOOL_STAFF: readonly StaffRole[] = ['ZORGCOORDINATOR', 'TEAMLEIDER', 'MENTOR', 'COACH', 'JOS_MEDEWERKER'];

/** Reasons for an IZO referral [001:3433-3443]. */
export const ZORGROUTE_REASON_OPTIONS = [
  { value: 'ONTWIKKELPERSPECTIEF_ONDUIDELIJK', label: 'Het ontwikkelingsperspectief of de onderwijsbehoeften zijn onduidelijk' },
  { value: 'ONVOLDOENDE_PROFIJT_GROEPSPLAN', label: 'Herhaaldelijk onvoldoende profijt van het groepsplan' },
  { value: 'ERNSTIGE_SIGNALEN_STOORNIS', label: 'Ernstige signalen van een stoornis' },
  { value: 'PROBLEMATISCH_FUNCTIONEREN_THUIS', label: 'Problematisch functioneren thuis' },
  { value: 'PROBLEMATISCHE_OPVOEDINGSSITUATIE', label: 'Problematische opvoedingssituatie' },
] as const satisfies readonly FieldOption[];

/** "Welke vorm van ondersteuning is nodig?" (F18). */
export const SUPPORT_NEED_OPTIONS = [
  { value: 'ONDERZOEK_ONDERWIJSBEHOEFTEN_OPP', label: 'Onderzoek naar de onderwijsbehoeften / OPP' },
  { value: 'BEGELEIDING_LEERLING', label: 'Begeleiding van de leerling' },
  { value: 'BEGELEIDING_MENTOR_DOCENTEN', label: 'Begeleiding van mentor en docenten' },
  { value: 'BEGELEIDING_OUDERS', label: 'Begeleiding van de ouders' },
  { value: 'ANDERS', label: 'Anders' },
] as const satisfies readonly FieldOption[];

/** IZO decisions [001:3567-3589, 001:6235-6243]. */
export const IZO_DECISION_KIND_OPTIONS = [
  { value: 'INTERNE_ONDERSTEUNING', label: 'Interne ondersteuning voor de leerling' },
  { value: 'COACHING_MENTOR_DOCENTEN', label: 'Coaching van mentor en docenten' },
  { value: 'OPVOEDINGSONDERSTEUNING', label: 'Opvoedingsondersteuning (schoolmaatschappelijk werk)' },
  { value: 'HANDELINGSPLAN', label: 'Handelingsplan' },
  { value: 'ONDERZOEK_OPP', label: 'Onderzoek / OPP' },
  { value: 'VERWIJZING_ZAT', label: 'Verwijzing naar het ZAT' },
] as const satisfies readonly FieldOption[];

/** Kinds of internal support [001:3714-3719]. */
export const INTERNAL_SUPPORT_TYPE_OPTIONS = [
  { value: 'REMEDIAL_TEACHING', label: 'Remedial teaching' },
  { value: 'DYSLEXIEBEGELEIDING', label: 'Dyslexiebegeleiding' },
  { value: 'SOVA_TRAINING', label: 'Sova-training' },
  { value: 'FAALANGSTREDUCTIE', label: 'Faalangstreductie' },
  { value: 'COUNSELLING', label: 'Counselling' },
  { value: 'HUISWERKBEGELEIDING', label: 'Huiswerkbegeleiding' },
  { value: 'ANDERS', label: 'Anders' },
] as const satisfies readonly FieldOption[];

/** External referral targets after the ZAT [001:3960-3965]. */
export const EXTERNAL_TARGET_OPTIONS = [
  { value: 'JEUGDZORG', label: 'Jeugdzorg' },
  { value: 'GGZ', label: 'GGZ' },
  { value: 'SOCIAAL_TEAM', label: 'Sociaal Team' },
  { value: 'JGZ', label: 'Jeugdgezondheidszorg (JGZ)' },
  { value: 'CJG', label: 'Centrum voor Jeugd en Gezin (CJG)' },
  { value: 'VERSLAVINGSZORG', label: 'Verslavingszorg' },
  { value: 'ANDERS', label: 'Anders' },
] as const satisfies readonly FieldOption[];

/** Provisions of the samenwerkingsverband [001:3986-4008]. */
export const SWV_PROVISION_OPTIONS = [
  { value: 'AMBULANTE_BEGELEIDING', label: 'Ambulante begeleiding' },
  { value: 'OOV', label: 'OOV-arrangement' },
  { value: 'VSO_TLV', label: 'Voortgezet speciaal onderwijs (TLV)' },
  { value: 'ANDERS', label: 'Anders' },
] as const satisfies readonly FieldOption[];

const TRIAGE_OUTCOME_OPTIONS = [
  { value: 'GEACCEPTEERD', label: 'Geaccepteerd voor het IZO' },
  { value: 'TERUG_NAAR_AANMELDER', label: 'Terug naar de aanmelder (onvolledig)' },
  { value: 'EERST_EERSTELIJNS_ACTIES', label: 'Eerst acties in de eerste lijn' },
  { value: 'BILATERAAL', label: 'Bilateraal overleg volstaat' },
] as const satisfies readonly FieldOption[];

const IZO_EVALUATION_OUTCOME_OPTIONS = [
  { value: 'DOEL_BEREIKT', label: 'Doel bereikt: afsluiten' },
  { value: 'VOORTZETTEN', label: 'Voortzetten met een nieuwe evaluatiedatum' },
  { value: 'VERWIJZING_ZAT', label: 'Onvoldoende voortgang: verwijzen naar het ZAT' },
] as const satisfies readonly FieldOption[];

const ZAT_EVALUATION_OUTCOME_OPTIONS = [
  { value: 'VOORTZETTEN', label: 'Voortzetten' },
  { value: 'VOORLOPIG_AFGESLOTEN', label: 'Voorlopig afsluiten' },
  { value: 'AFGESLOTEN', label: 'Afsluiten' },
  { value: 'EXTERN_VERWEZEN', label: 'Extern verwijzen' },
  { value: 'SWV_VOORZIENING_AANGEVRAAGD', label: 'Voorziening van het samenwerkingsverband aanvragen' },
  { value: 'LEERPLICHT', label: 'Leerplichtambtenaar inschakelen' },
] as const satisfies readonly FieldOption[];

const ZAT_MODE_OPTIONS = [
  { value: 'OP_SCHOOL', label: 'Op school' },
  { value: 'TELEFONISCH', label: 'Telefonisch (Flex-ZAT)' },
] as const satisfies readonly FieldOption[];

/** A text of the aanmeldformulier or the ZAT referral (several lines, at most 4000 characters). */
const formText = (name: string, label: string, helper?: string): FieldDefinition => ({ name, kind: 'longText', label, maxLength: 4000, ...(helper ? { helper } : {}) });

/**
 * The IZO aanmeldformulier (Bijlage 20, F18), saved and submitted in parts: a patch over the form the case holds.
 * Whether it is complete enough to submit is checked on the merged form (zorgroute-form.ts in the workflow).
 */
const AANMELDFORMULIER: FieldDefinition = {
  name: 'form',
  kind: 'group',
  label: 'Aanmeldformulier',
  required: true,
  partial: true,
  helper: 'Velden die u leeg laat, houden hun opgeslagen waarde. Verplicht bij indienen: reden, hulpvraag van de leerling, begeleidingsvraag en of de ouders op de hoogte zijn.',
  fields: [
    { name: 'reasons', kind: 'choices', label: 'Reden van aanmelding', options: ZORGROUTE_REASON_OPTIONS, max: 5 },
    { name: 'parentsInformed', kind: 'boolean', label: 'Ouders zijn op de hoogte van de aanmelding' },
    { ...formText('parentsNotInformedReason', 'Reden waarom de ouders niet op de hoogte zijn', 'Alleen als het informeren van de ouders de leerling in gevaar brengt.'), maxLength: 2000 },
    formText('problem', 'Wat is het probleem?'),
    formText('problemSince', 'Wanneer zijn de problemen begonnen? Mogelijke oorzaak?'),
    formText('hinderingFactors', 'Belemmerende factoren'),
    formText('functioningAtHome', 'Hoe functioneert de leerling thuis en in zijn leefomgeving?'),
    formText('strengths', 'Wat gaat goed? Talenten en positieve kwaliteiten'),
    formText('pupilHelpQuestion', 'Hulpvraag van de leerling aan het zorgteam', 'Verplicht bij indienen.'),
    formText('parentsHelpQuestion', 'Hulpvraag van de ouders'),
    formText('mentorSupportQuestion', 'Begeleidingsvraag van mentor en docenten aan het zorgteam', 'Verplicht bij indienen.'),
    { name: 'supportNeeded', kind: 'choices', label: 'Welke vorm van ondersteuning is nodig?', options: SUPPORT_NEED_OPTIONS, max: 5 },
    { ...formText('supportNeededOther', 'Andere ondersteuning', 'Verplicht als u "Anders" kiest.'), maxLength: 1000 },
    formText('firstLineActions', 'Wat heeft de aanmelder zelf al gedaan?', 'Zie de groepsplannen en handelingsplannen.'),
    formText('earlierCareContacts', 'Eerder contact met interne of externe hulpverlening'),
    formText('earlierDiscussed', 'Eerder besproken in het IZO of ZAT?'),
    formText('earlierAssessment', 'Eerder onderzoek en de uitkomsten'),
    formText('diagnosedDisorder', 'Gediagnosticeerde stoornis'),
    formText('schoolCareer', 'Schoolloopbaan (afstroom en doublures)'),
    formText('results', 'Leerresultaten'),
    formText('developmentPerspective', 'Ontwikkelingsperspectief en verwachte uitstroom'),
    formText('socialEmotional', 'Sociaal-emotionele ontwikkeling'),
    formText('workAttitude', 'Werkhouding, taakaanpak en motivatie'),
    formText('wellbeing', 'Welbevinden op school'),
    formText('attendance', 'Aanwezigheid en verzuim'),
    formText('otherRemarks', 'Overige opmerkingen'),
  ],
};

/** A conversation with parents and pupil (voorgesprek, nagesprek, ZAT feedback) or the bilateral talk. */
function conversationFields(parentsHelper: string): FieldDefinition[] {
  return [
    { name: 'date', kind: 'date', label: 'Datum gesprek', required: true, notFuture: true, initial: 'today' },
    { name: 'pupilReport', kind: 'longText', label: 'Verslag van het gesprek met de leerling', required: true, minLength: 3, maxLength: 4000 },
    { name: 'parentsReport', kind: 'longText', label: 'Verslag van het gesprek met de ouders', minLength: 3, maxLength: 4000, helper: parentsHelper },
    { name: 'agreements', kind: 'longText', label: 'Afspraken', maxLength: 4000 },
  ];
}
const PARENTS_REQUIRED = 'Verplicht, behalve als de zorgcoördinator heeft goedgekeurd dat de ouders niet worden geïnformeerd (veiligheid).';

/** One action of the plan van aanpak: who, what, goal, due [001:3925-3927]. */
const ZAT_ACTION_FIELDS: readonly FieldDefinition[] = [
  { name: 'who', kind: 'text', label: 'Wie', required: true, maxLength: 200 },
  { name: 'what', kind: 'longText', label: 'Wat', required: true, minLength: 3, maxLength: 1000 },
  { name: 'goal', kind: 'longText', label: 'Doel', required: true, minLength: 3, maxLength: 1000 },
  { name: 'due', kind: 'date', label: 'Uiterlijk klaar op', required: true },
];

const INTERNAL = { field: 'kind', equals: 'INTERNE_ONDERSTEUNING' } as const;
const JOS = { field: 'startProcess', equals: 'JOS' } as const;

/** One IZO decision; internal support carries goal, provider, start, frequency, duration, evaluation date. */
const IZO_DECISION_FIELDS: readonly FieldDefinition[] = [
  { name: 'kind', kind: 'choice', label: 'Besluit', required: true, options: IZO_DECISION_KIND_OPTIONS },
  { name: 'description', kind: 'longText', label: 'Omschrijving van het besluit', required: true, minLength: 3, maxLength: 2000 },
  { name: 'supportType', kind: 'choice', label: 'Soort ondersteuning', required: INTERNAL, showIf: INTERNAL, options: INTERNAL_SUPPORT_TYPE_OPTIONS },
  { name: 'goal', kind: 'longText', label: 'Doel', required: INTERNAL, showIf: INTERNAL, minLength: 3, maxLength: 1000 },
  { name: 'provider', kind: 'text', label: 'Wie geeft de ondersteuning', required: INTERNAL, showIf: INTERNAL, maxLength: 200 },
  { name: 'startDate', kind: 'date', label: 'Startdatum', required: INTERNAL, showIf: INTERNAL },
  { name: 'frequency', kind: 'text', label: 'Frequentie', required: INTERNAL, showIf: INTERNAL, maxLength: 200, helper: 'Bijvoorbeeld "wekelijks".' },
  { name: 'duration', kind: 'text', label: 'Duur', required: INTERNAL, showIf: INTERNAL, maxLength: 200, helper: 'Bijvoorbeeld "8 weken".' },
  { name: 'evaluationDate', kind: 'date', label: 'Evaluatiedatum van de ondersteuning', required: INTERNAL, showIf: INTERNAL },
  {
    name: 'startProcess',
    kind: 'choice',
    label: 'Traject starten voor de leerling',
    showIf: INTERNAL,
    helper: 'Start een gekoppelde casus voor dezelfde leerling.',
    options: [
      { value: 'ONDERSTEUNINGSTRAJECT', label: 'Ondersteuningstraject' },
      { value: 'JOS', label: 'JOS (Jeugd Ondersteuning op School)' },
    ],
  },
  {
    name: 'trajectWeeks',
    kind: 'integer',
    label: 'Duur van het ondersteuningstraject (weken)',
    showIf: { field: 'startProcess', equals: 'ONDERSTEUNINGSTRAJECT' },
    min: { policy: 'ondersteuningstraject.minWeeks' },
    max: { policy: 'ondersteuningstraject.maxWeeks' },
    helper: 'Leeg: de standaardduur van de school.',
  },
  { name: 'josNeeds', kind: 'choices', label: 'JOS-hulpvragen', required: JOS, showIf: JOS, options: JOS_NEED_OPTIONS, min: 1, max: 6 },
  { name: 'josWorkerId', kind: 'staff', label: 'JOS-medewerker', required: JOS, showIf: JOS, staffRoles: ['JOS_MEDEWERKER'] },
];

/** The IZO minutes (Bijlage 22, F20). */
const IZO_MINUTES_FIELDS: readonly FieldDefinition[] = [
  formText('analysis', 'Analyse'),
  formText('pupilHelpQuestion', 'Hulpvraag van de leerling'),
  formText('mentorSupportQuestion', 'Begeleidingsvraag van mentor en docenten'),
  formText('alreadyDone', 'Wat is al gedaan?'),
  formText('developmentPerspective', 'Ontwikkelingsperspectief'),
  formText('educationalNeeds', 'Onderwijsbehoeften'),
  formText('groupOffer', 'Aanbod in de groep'),
  formText('pupilSupport', 'Begeleiding van de leerling'),
  formText('mentorCoaching', 'Coaching van mentor en docenten'),
  formText('zatQuestion', 'Vraag aan het ZAT'),
  formText('parentAlignment', 'Afstemming met de ouders'),
  { name: 'summary', kind: 'longText', label: 'Samenvatting van afspraken, besluiten en vervolgstappen', required: true, minLength: 3, maxLength: 4000 },
];

const REASON: FieldDefinition = { name: 'reason', kind: 'longText', label: 'Reden', required: true, minLength: 3, maxLength: 1000 };
const NOTE: FieldDefinition = { name: 'note', kind: 'longText', label: 'Toelichting', maxLength: 1000 };

export const ZORGROUTE_STEPS = {
  SUBMIT_REFERRAL: {
    process: P,
    name: 'SUBMIT_REFERRAL',
    update: 'submitReferral',
    mutation: 'submitZorgrouteReferral',
    label: 'IZO-aanmeldformulier invullen en indienen',
    title: 'IZO-aanmelding indienen',
    description: 'Vul het aanmeldformulier aan en dien het in bij de zorgcoördinator. Na een terugverwijzing vult de aanmelder het aan, niet de zorgcoördinator.',
    submitLabel: 'Indienen',
    who: REFERRAL,
    owner: 'de aanmelder',
    due: { explanation: 'binnen N schooldagen na de start of de terugverwijzing', policy: ['zorgroute.referralCompleteWithinSchoolDays'] },
    audit: 'REFERRAL_SUBMITTED',
    fields: [AANMELDFORMULIER],
  },
  SAVE_REFERRAL: {
    process: P,
    name: 'SAVE_REFERRAL',
    update: 'saveReferral',
    mutation: 'saveZorgrouteReferral',
    label: 'IZO-aanmeldformulier opslaan',
    title: 'IZO-aanmelding opslaan',
    description: 'Sla het aanmeldformulier op zonder het in te dienen (zolang de aanmelding bij de aanmelder ligt).',
    submitLabel: 'Opslaan',
    who: REFERRAL,
    owner: 'de aanmelder',
    audit: 'REFERRAL_SAVED',
    fields: [AANMELDFORMULIER],
  },
  TRIAGE: {
    process: P,
    name: 'TRIAGE',
    update: 'triageReferral',
    mutation: 'triageZorgroute',
    label: 'Aanmelding beoordelen (triage)',
    title: 'Aanmelding beoordelen (triage)',
    description: 'Beantwoord de vier vragen en kies de uitkomst. Onvolledig? Stuur de aanmelding terug: de aanmelder vult haar aan.',
    submitLabel: 'Triage opslaan',
    who: COORDINATION,
    owner: 'de zorgcoördinator',
    due: { explanation: 'binnen N schooldagen na het indienen', policy: ['zorgroute.triageWithinSchoolDays'] },
    audit: 'TRIAGE_RECORDED',
    fields: [
      {
        name: 'checks',
        kind: 'group',
        label: 'De vier vragen van de triage',
        required: true,
        fields: [
          { name: 'secondLine', kind: 'boolean', label: '(a) Het probleem hoort in de tweede lijn', required: true, initial: true },
          { name: 'questionsClear', kind: 'boolean', label: '(b) Hulpvraag en begeleidingsvraag zijn helder', required: true, initial: true },
          { name: 'firstLineDone', kind: 'boolean', label: '(c) Alle mogelijke acties in de eerste lijn zijn ondernomen', required: true, initial: true },
          { name: 'parentsAndPupilKnow', kind: 'boolean', label: '(d) Ouders en leerling weten van de aanmelding', required: true, initial: true },
        ],
      },
      { name: 'outcome', kind: 'choice', label: 'Uitkomst', required: true, options: TRIAGE_OUTCOME_OPTIONS, helper: 'Accepteren kan alleen als het probleem in de tweede lijn hoort en de vragen helder zijn.' },
      {
        name: 'missingInformation',
        kind: 'longText',
        label: 'Wat ontbreekt er?',
        required: { field: 'outcome', equals: 'TERUG_NAAR_AANMELDER' },
        showIf: { field: 'outcome', equals: 'TERUG_NAAR_AANMELDER' },
        minLength: 3,
        maxLength: 2000,
      },
      {
        name: 'firstLineActions',
        kind: 'longText',
        label: 'Welke acties in de eerste lijn eerst?',
        required: { field: 'outcome', equals: 'EERST_EERSTELIJNS_ACTIES' },
        showIf: { field: 'outcome', equals: 'EERST_EERSTELIJNS_ACTIES' },
        minLength: 3,
        maxLength: 2000,
      },
      {
        name: 'recheckDate',
        kind: 'date',
        label: 'Opnieuw bekijken op',
        required: { field: 'outcome', equals: 'EERST_EERSTELIJNS_ACTIES' },
        showIf: { field: 'outcome', equals: 'EERST_EERSTELIJNS_ACTIES' },
        notPast: true,
        helper: 'Na vandaag; eerder als de aanmelder de aanmelding bijwerkt en opnieuw indient.',
      },
      { name: 'bilateralWith', kind: 'text', label: 'Bilateraal met', showIf: { field: 'outcome', equals: 'BILATERAAL' }, maxLength: 200, helper: 'Met welk lid van het zorgteam.' },
      {
        name: 'contactPersonId',
        kind: 'staff',
        label: 'Contactpersoon voor ouders en leerling',
        showIf: { field: 'outcome', equals: 'GEACCEPTEERD' },
        staffRoles: SCHOOL_STAFF,
        nameField: 'contactPersonName',
        helper: 'Voert het voorgesprek en het nagesprek. Leeg: de aanmelder.',
      },
      {
        name: 'approveParentsNotInformed',
        kind: 'boolean',
        label: 'Ik keur goed dat de ouders niet worden geïnformeerd (veiligheid van de leerling)',
        showIf: { field: 'outcome', equals: 'GEACCEPTEERD' },
        helper: 'Nodig als de ouders volgens de aanmelding niet op de hoogte zijn.',
      },
      { name: 'note', kind: 'longText', label: 'Toelichting', maxLength: 2000 },
    ],
  },
  RECORD_BILATERAL: {
    process: P,
    name: 'RECORD_BILATERAL',
    update: 'recordBilateral',
    mutation: 'recordZorgrouteBilateral',
    label: 'Bilateraal overleg vastleggen',
    title: 'Bilateraal overleg vastleggen',
    description: 'Na het bilaterale overleg wordt de casus afgesloten.',
    submitLabel: 'Overleg opslaan',
    who: COORDINATION,
    owner: 'de zorgcoördinator',
    due: { explanation: 'binnen N schooldagen na de triage', policy: ['zorgroute.bilateralWithinSchoolDays'] },
    audit: 'BILATERAL_RECORDED',
    fields: conversationFields('Als de ouders bij het overleg betrokken waren.'),
  },
  RECORD_VOORGESPREK: {
    process: P,
    name: 'RECORD_VOORGESPREK',
    update: 'recordVoorgesprek',
    mutation: 'recordVoorgesprek',
    label: 'Voorgesprek met ouders en leerling',
    title: 'Voorgesprek met ouders en leerling',
    description: 'Leg een kort verslag vast van de gesprekken met de ouders en met de leerling, voor de bespreking in het IZO.',
    submitLabel: 'Voorgesprek opslaan',
    who: CONVERSATION,
    owner: 'de contactpersoon (standaard de aanmelder)',
    due: { explanation: 'binnen N schooldagen na de acceptatie', policy: ['zorgroute.voorgesprekWithinSchoolDays'] },
    audit: 'VOORGESPREK_RECORDED',
    fields: conversationFields(PARENTS_REQUIRED),
  },
  RESCHEDULE_IZO: {
    process: P,
    name: 'RESCHEDULE_IZO',
    update: 'rescheduleIzo',
    mutation: 'rescheduleIzo',
    label: 'IZO-bespreking verplaatsen',
    title: 'IZO-bespreking verplaatsen',
    description: 'Verplaats de bespreking naar een andere IZO-datum (een schooldag); de deelnemers krijgen een nieuwe uitnodiging.',
    submitLabel: 'Verplaatsen',
    who: COORDINATION,
    owner: 'de zorgcoördinator',
    audit: 'IZO_RESCHEDULED',
    fields: [{ name: 'meetingDate', kind: 'date', label: 'Nieuwe datum IZO', required: true, notPast: true }, REASON],
  },
  RECORD_IZO: {
    process: P,
    name: 'RECORD_IZO',
    update: 'recordIzoDiscussion',
    mutation: 'recordIzoDiscussion',
    label: 'Bespreking in het IZO vastleggen',
    title: 'Bespreking in het IZO vastleggen',
    description: 'Het verslag, de besluiten en wanneer de afspraken worden geëvalueerd.',
    submitLabel: 'Bespreking opslaan',
    who: COORDINATION,
    owner: 'de zorgcoördinator',
    due: { explanation: 'op de eerstvolgende IZO-datum van de school', policy: ['zorgroute.izoWeekday', 'zorgroute.izoEveryWeeks', 'zorgroute.izoInfoBeforeSchoolDays'] },
    audit: 'IZO_DISCUSSED',
    fields: [
      { name: 'minutes', kind: 'group', label: 'Verslag van de bespreking', required: true, fields: IZO_MINUTES_FIELDS },
      { name: 'decisions', kind: 'list', label: 'Besluiten', required: true, min: 1, max: 20, fields: IZO_DECISION_FIELDS },
      { name: 'evaluationDate', kind: 'date', label: 'Evaluatie van de afspraken op', notPast: true, helper: 'Na vandaag. Leeg: het aantal weken na de bespreking dat het beleid van de school noemt.' },
    ],
  },
  DISTRIBUTE_IZO_MINUTES: {
    process: P,
    name: 'DISTRIBUTE_IZO_MINUTES',
    update: 'confirmIzoMinutesSent',
    mutation: 'confirmIzoMinutesSent',
    label: 'IZO-verslag versturen',
    title: 'IZO-verslag versturen',
    description: 'Bevestig dat het verslag naar het zorgteam, de teamleider en de mentor is gegaan.',
    submitLabel: 'Verstuurd',
    who: COORDINATION,
    owner: 'de zorgcoördinator',
    due: { explanation: 'binnen N schooldagen na de IZO-bespreking', policy: ['zorgroute.minutesWithinSchoolDays'] },
    audit: 'IZO_MINUTES_SENT',
    fields: [NOTE],
  },
  RECORD_NAGESPREK: {
    process: P,
    name: 'RECORD_NAGESPREK',
    update: 'recordNagesprek',
    mutation: 'recordNagesprek',
    label: 'Nagesprek met ouders en leerling',
    title: 'Nagesprek met ouders en leerling',
    description: 'Bespreek de afspraken uit het IZO met de ouders en de leerling.',
    submitLabel: 'Nagesprek opslaan',
    who: CONVERSATION,
    owner: 'de contactpersoon (standaard de aanmelder)',
    due: { explanation: 'binnen N schooldagen na de IZO-bespreking', policy: ['zorgroute.nagesprekWithinSchoolDays'] },
    audit: 'NAGESPREK_RECORDED',
    fields: conversationFields(PARENTS_REQUIRED),
  },
  RECORD_EVALUATION: {
    process: P,
    name: 'RECORD_EVALUATION',
    update: 'recordIzoEvaluation',
    mutation: 'recordIzoEvaluation',
    label: 'Evaluatie van de IZO-afspraken',
    title: 'Afspraken van het IZO evalueren',
    submitLabel: 'Evaluatie opslaan',
    who: COORDINATION,
    owner: 'de zorgcoördinator',
    due: { explanation: 'op de evaluatiedatum uit het IZO (standaard N weken na de bespreking)', policy: ['zorgroute.evaluationAfterWeeks'] },
    audit: 'IZO_EVALUATED',
    fields: [
      { name: 'outcome', kind: 'choice', label: 'Uitkomst', required: true, options: IZO_EVALUATION_OUTCOME_OPTIONS },
      { name: 'summary', kind: 'longText', label: 'Samenvatting', required: true, minLength: 3, maxLength: 4000 },
      {
        name: 'nextEvaluationDate',
        kind: 'date',
        label: 'Volgende evaluatie op',
        showIf: { field: 'outcome', equals: 'VOORTZETTEN' },
        notPast: true,
        helper: 'Na vandaag. Leeg: het aantal weken dat het beleid van de school noemt.',
      },
      { name: 'nazorg', kind: 'longText', label: 'Afgesproken nazorg', showIf: { field: 'outcome', equals: 'DOEL_BEREIKT' }, maxLength: 2000 },
      { name: 'zatQuestion', kind: 'longText', label: 'Vraag aan het ZAT', showIf: { field: 'outcome', equals: 'VERWIJZING_ZAT' }, maxLength: 2000 },
    ],
  },
  SUBMIT_ZAT_REFERRAL: {
    process: P,
    name: 'SUBMIT_ZAT_REFERRAL',
    update: 'submitZatReferral',
    mutation: 'submitZatReferral',
    label: 'ZAT-aanmelding aanvullen',
    title: 'ZAT-aanmelding aanvullen',
    description: 'De aanmelding is vooraf ingevuld vanuit het IZO; velden die u leeg laat, houden hun waarde.',
    submitLabel: 'Aanmelding indienen',
    who: COORDINATION,
    owner: 'de zorgcoördinator',
    due: { explanation: 'binnen N schooldagen na de toestemming van de ouders', policy: ['zorgroute.zatInfoWithinSchoolDays'] },
    audit: 'ZAT_REFERRAL_SUBMITTED',
    fields: [
      {
        name: 'form',
        kind: 'group',
        label: 'ZAT-aanmelding',
        required: true,
        partial: true,
        helper: 'Verplicht: de hulpvraag van leerling, ouders en school en de vraag aan het ZAT (vooraf ingevuld).',
        fields: [
          formText('problem', 'Probleem'),
          formText('factors', 'Belemmerende factoren en functioneren thuis'),
          formText('needs', 'Onderwijsbehoeften'),
          formText('schoolCareer', 'Schoolloopbaan'),
          formText('functioning', 'Functioneren op school'),
          formText('internalSupportDone', 'Interne ondersteuning tot nu toe'),
          formText('homeSituation', 'Thuissituatie'),
          formText('earlierCareContacts', 'Eerdere hulpverlening'),
          formText('helpQuestion', 'Hulpvraag van leerling, ouders en school'),
          formText('strengths', 'Sterke kanten'),
          formText('questionToZat', 'Vraag aan het ZAT'),
        ],
      },
    ],
  },
  PLAN_ZAT: {
    process: P,
    name: 'PLAN_ZAT',
    update: 'planZat',
    mutation: 'planZat',
    label: 'ZAT-bespreking plannen',
    title: 'ZAT-bespreking plannen',
    description: 'Een ZAT: de agenda gaat minstens N schooldagen vooraf uit. Een Flex-ZAT: binnen N schooldagen, ouders en leerling zijn altijd uitgenodigd.',
    submitLabel: 'Plannen',
    who: COORDINATION,
    owner: 'de zorgcoördinator',
    due: { explanation: 'binnen N schooldagen (Flex-ZAT: binnen N schooldagen na de aanvraag)', policy: ['zorgroute.zatPlanWithinSchoolDays', 'zorgroute.flexZatWithinSchoolDays'] },
    audit: 'ZAT_PLANNED',
    fields: [
      { name: 'meetingDate', kind: 'date', label: 'Datum bespreking', required: true, notPast: true, helper: 'Een schooldag.' },
      { name: 'mode', kind: 'choice', label: 'Vorm', options: ZAT_MODE_OPTIONS, initial: 'OP_SCHOOL' },
      { name: 'invitees', kind: 'textList', label: 'Extra genodigden', max: 20, maxLength: 200, helper: 'Eén per regel, bijvoorbeeld "Jeugdarts".' },
      { name: 'meetingTime', kind: 'time', label: 'Tijd', helper: 'Bijvoorbeeld 14:30; staat in de uitnodiging.' },
      { name: 'location', kind: 'text', label: 'Plaats', maxLength: 120, helper: 'Bijvoorbeeld "kamer zorgcoördinator"; staat in de uitnodiging (zonder details van de casus).' },
    ],
  },
  SEND_ZAT_AGENDA: {
    process: P,
    name: 'SEND_ZAT_AGENDA',
    update: 'confirmZatAgendaSent',
    mutation: 'confirmZatAgendaSent',
    label: 'ZAT-agenda versturen',
    title: 'ZAT-agenda versturen',
    description: 'Bevestig dat de agenda en de informatie naar de deelnemers zijn gestuurd.',
    submitLabel: 'Verstuurd',
    who: COORDINATION,
    owner: 'de zorgcoördinator',
    due: { explanation: 'N schooldagen voor de ZAT-bespreking', policy: ['zorgroute.zatAgendaBeforeSchoolDays'] },
    audit: 'ZAT_AGENDA_SENT',
    fields: [NOTE],
  },
  RECORD_ZAT: {
    process: P,
    name: 'RECORD_ZAT',
    update: 'recordZatDiscussion',
    mutation: 'recordZatDiscussion',
    label: 'Bespreking in het ZAT vastleggen',
    title: 'Bespreking in het ZAT vastleggen',
    description: 'Het plan van aanpak: acties (wie, wat, doel, wanneer), de casusregisseur, wie terugkoppelt en de evaluatiedatum.',
    submitLabel: 'Plan van aanpak opslaan',
    who: COORDINATION,
    owner: 'de zorgcoördinator',
    due: { explanation: 'op de datum van de ZAT-bespreking' },
    audit: 'ZAT_DISCUSSED',
    fields: [
      formText('analysis', 'Analyse'),
      formText('needs', 'Behoeften'),
      formText('solutionsPupil', 'Oplossingen voor de leerling'),
      formText('solutionsFamily', 'Oplossingen voor het gezin'),
      formText('solutionsSchool', 'Oplossingen voor de school'),
      { name: 'actions', kind: 'list', label: 'Acties van het plan van aanpak', required: true, min: 1, max: 30, fields: ZAT_ACTION_FIELDS },
      { name: 'casusregisseur', kind: 'text', label: 'Casusregisseur', required: true, minLength: 2, maxLength: 200, helper: 'Naam en organisatie.' },
      { name: 'casusregisseurUserId', kind: 'staff', label: 'Casusregisseur (medewerker van de school)', staffRoles: SCHOOL_STAFF, helper: 'Alleen als de casusregisseur op school werkt: hij neemt dan deel aan de casus.' },
      { name: 'feedbackToFamilyBy', kind: 'text', label: 'Terugkoppeling aan ouders en leerling door', maxLength: 200 },
      { name: 'feedbackToSchoolBy', kind: 'text', label: 'Terugkoppeling aan school door', maxLength: 200 },
      { name: 'evaluationDate', kind: 'date', label: 'Evaluatie van het plan van aanpak op', required: true, notPast: true, helper: 'Na vandaag.' },
      { name: 'summary', kind: 'longText', label: 'Samenvatting', required: true, minLength: 3, maxLength: 4000 },
    ],
  },
  RECORD_ZAT_FEEDBACK: {
    process: P,
    name: 'RECORD_ZAT_FEEDBACK',
    update: 'recordZatFeedback',
    mutation: 'recordZatFeedback',
    label: 'Terugkoppeling ZAT aan ouders en leerling',
    title: 'Terugkoppeling ZAT aan ouders en leerling',
    description: 'Bespreek de conclusies en afspraken van het ZAT met de ouders en de leerling.',
    submitLabel: 'Terugkoppeling opslaan',
    who: CONVERSATION,
    owner: 'de casusregisseur (of de zorgcoördinator)',
    due: { explanation: 'binnen N schooldagen na de ZAT-bespreking', policy: ['zorgroute.nagesprekWithinSchoolDays'] },
    audit: 'ZAT_FEEDBACK_RECORDED',
    fields: conversationFields(PARENTS_REQUIRED),
  },
  RECORD_ZAT_EVALUATION: {
    process: P,
    name: 'RECORD_ZAT_EVALUATION',
    update: 'recordZatEvaluation',
    mutation: 'recordZatEvaluation',
    label: 'Evaluatie van het plan van aanpak (ZAT)',
    title: 'Plan van aanpak evalueren',
    submitLabel: 'Evaluatie opslaan',
    who: COORDINATION,
    owner: 'de zorgcoördinator',
    due: { explanation: 'op de evaluatiedatum uit het ZAT' },
    audit: 'ZAT_EVALUATED',
    fields: [
      { name: 'outcome', kind: 'choice', label: 'Uitkomst', required: true, options: ZAT_EVALUATION_OUTCOME_OPTIONS },
      { name: 'summary', kind: 'longText', label: 'Samenvatting', required: true, minLength: 3, maxLength: 4000 },
      {
        name: 'nextEvaluationDate',
        kind: 'date',
        label: 'Volgende evaluatie op',
        required: { field: 'outcome', equals: 'VOORTZETTEN' },
        showIf: { field: 'outcome', equals: 'VOORTZETTEN' },
        notPast: true,
        helper: 'Na vandaag.',
      },
      {
        name: 'actions',
        kind: 'list',
        label: 'Bijgestelde acties',
        showIf: { field: 'outcome', equals: 'VOORTZETTEN' },
        max: 30,
        fields: ZAT_ACTION_FIELDS,
        helper: 'Vervangen de acties van het plan van aanpak. Leeg: de acties blijven staan.',
      },
      {
        name: 'externalTarget',
        kind: 'choice',
        label: 'Verwezen naar',
        required: { field: 'outcome', equals: 'EXTERN_VERWEZEN' },
        showIf: { field: 'outcome', equals: 'EXTERN_VERWEZEN' },
        options: EXTERNAL_TARGET_OPTIONS,
      },
      {
        name: 'swvProvision',
        kind: 'choice',
        label: 'Voorziening',
        required: { field: 'outcome', equals: 'SWV_VOORZIENING_AANGEVRAAGD' },
        showIf: { field: 'outcome', equals: 'SWV_VOORZIENING_AANGEVRAAGD' },
        options: SWV_PROVISION_OPTIONS,
        helper: 'Een OOV-arrangement opent de voorbereiding van het OOV.',
      },
    ],
  },
  CLOSE_ZORGROUTE: {
    process: P,
    name: 'CLOSE_ZORGROUTE',
    update: 'closeZorgroute',
    mutation: 'closeZorgroute',
    label: 'Zorgroute stoppen',
    title: 'Zorgroute stoppen',
    description: 'De zorgroute wordt beëindigd, met een reden.',
    submitLabel: 'Zorgroute stoppen',
    who: COORDINATION,
    owner: 'de zorgcoördinator',
    audit: 'CLOSE_REQUESTED',
    anytime: true,
    fields: [REASON],
  },
  LIFT_PARENTS_EXCEPTION: {
    process: P,
    name: 'LIFT_PARENTS_EXCEPTION',
    update: 'liftParentsException',
    mutation: 'liftParentsException',
    label: 'Uitzondering opheffen: ouders informeren',
    title: 'Uitzondering opheffen',
    description:
      'De ouders zijn niet geïnformeerd omdat dat de leerling in gevaar zou brengen. Hef de uitzondering alleen op als de ouders nu veilig kunnen worden geïnformeerd: vanaf dat moment zien zij deze casus en krijgen zij berichten.',
    submitLabel: 'Uitzondering opheffen',
    who: COORDINATION,
    owner: 'de zorgcoördinator',
    audit: 'PARENTS_EXCEPTION_LIFTED',
    fields: [{ ...REASON, helper: 'Waarom de ouders nu wel worden geïnformeerd; komt in het auditlog, niet bij de ouders.' }],
  },
} as const satisfies Record<string, StepDefinition>;

/** Where an IZO referral comes from (the workflow's REFERRAL_SOURCES). */
export const ZORGROUTE_SOURCE_OPTIONS = [
  { value: 'DIRECT', label: 'Rechtstreeks' },
  { value: 'GROEPSBESPREKING', label: 'Groepsbespreking' },
  { value: 'ONDERSTEUNINGSTRAJECT', label: 'Na een ondersteuningstraject' },
  { value: 'PO_VO_INSTROOM', label: 'Instroom vanuit het PO' },
] as const satisfies readonly FieldOption[];

/**
 * The start of P2 (`startZorgroute`): a referral to the IZO, saved as a concept with as much of the aanmeldformulier
 * as the referrer already knows (the same form, and the same checks, as SAVE_REFERRAL and SUBMIT_REFERRAL). Api-only
 * fields: `submit` (submit right away; the form must then be complete, zorgroute-form.ts) and `requestKey`.
 */
export const ZORGROUTE_START = {
  process: P,
  name: 'START',
  update: 'zorgrouteWorkflow',
  mutation: 'startZorgroute',
  label: 'IZO-aanmelding starten',
  title: 'IZO-aanmelding starten',
  description:
    'Meld een leerling aan voor het intern zorgoverleg (IZO). De aanmelding wordt als concept opgeslagen; de aanmelder vult het formulier aan en dient het in.',
  submitLabel: 'Aanmelding starten',
  who: REFERRERS,
  owner: 'de aanmelder',
  audit: 'CASE_STARTED',
  fields: [
    { name: 'pupilId', kind: 'pupil', label: 'Leerling', required: true },
    { name: 'source', kind: 'choice', label: 'Aanleiding', required: true, initial: 'DIRECT', options: ZORGROUTE_SOURCE_OPTIONS },
    { ...AANMELDFORMULIER, required: false, helper: 'Vul in wat u al weet; de rest kan later. Verplicht bij indienen: reden, hulpvraag van de leerling, begeleidingsvraag en of de ouders op de hoogte zijn.' },
  ],
} as const satisfies StartDefinition;
