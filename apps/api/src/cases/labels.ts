import { allConsentTimeoutSteps, TLV_STEPS } from '@zorgroute/processes';

/** Dutch labels of statuses and steps for the user interface. */
const STATUS_LABELS: Record<string, string> = {
  AANGEMELD: 'Aangemeld',
  INTAKE: 'Intake',
  MATCHING: 'Coach kiezen',
  ACTIEF: 'Actief',
  EINDEVALUATIE: 'Eindevaluatie',
  AFGEROND: 'Afgerond',
  VERLENGD: 'Verlengd',
  DOORVERWEZEN: 'Doorverwezen',
  GESTOPT: 'Gestopt',
  // P4 aanmelding en zorgplicht
  ONTVANGEN: 'Aanmelding ontvangen',
  ONDERZOEK: 'Onderzoek',
  BESLUIT: 'Besluit genomen',
  TOEGELATEN: 'Toegelaten',
  PLEK_ELDERS: 'Plek op een andere school',
  TLV_AANGEVRAAGD: 'TLV aangevraagd',
  INGETROKKEN: 'Ingetrokken',
  // P3 JOS
  BESLOTEN: 'JOS besloten',
  AANMELDFORMULIER: 'Aanmeldformulier',
  STARTGESPREK: 'Startgesprek',
  HANDTEKENING_OUDERS: 'Handtekening ouders',
  DOELEN: 'Doelen opstellen',
  AFRONDING: 'Afronding',
  GEEN_TOESTEMMING: 'Geen toestemming',
  // P2 zorgroute (signal → IZO → ZAT)
  CONCEPT: 'Aanmelding in concept',
  INGEDIEND: 'Aanmelding ingediend',
  TRIAGE: 'Triage door zorgcoördinator',
  TERUG_NAAR_AANMELDER: 'Terug naar aanmelder',
  EERST_EERSTELIJNS_ACTIES: 'Eerst acties in de eerste lijn',
  BILATERAAL: 'Bilateraal overleg',
  GEACCEPTEERD: 'Geaccepteerd voor het IZO',
  VOORGESPREK: 'Voorgesprek ouders en leerling',
  GEPLAND_IZO: 'Gepland in het IZO',
  BESPROKEN_IZO: 'Besproken in het IZO',
  NAGESPREK: 'Nagesprek ouders en leerling',
  UITVOERING: 'Uitvoering afspraken',
  EVALUATIE: 'Evaluatie',
  TOESTEMMING_ZAT: 'Toestemming ouders voor het ZAT',
  INFORMATIE_VERZAMELEN: 'Informatie verzamelen voor het ZAT',
  GEPLAND_ZAT: 'Gepland in het ZAT',
  BESPROKEN_ZAT: 'Besproken in het ZAT',
  ZAT_OPVOLGING: 'Opvolging plan van aanpak',
  AFGESLOTEN: 'Afgesloten',
  GESLOTEN_DOOR_BEHEER: 'Gesloten door beheer',
  VOORLOPIG_AFGESLOTEN: 'Voorlopig afgesloten',
  EXTERN_VERWEZEN: 'Extern verwezen',
  SWV_VOORZIENING_AANGEVRAAGD: 'Voorziening SWV aangevraagd',
  LEERPLICHT: 'Leerplicht ingeschakeld',
  // P5 OOV arrangement
  VOORBEREIDING: 'Voorbereiding OOV',
  AANVRAAG_SWV: 'Aanvraag bij het SWV',
  BESLUIT_SWV: 'Wacht op besluit SWV',
  GEPLAATST: 'Geplaatst in de OOV',
  TERUGKEER: 'Terugkeer naar school',
  VERVOLG_VSO: 'Vervolg in het VSO (TLV-route)',
  AFGEWEZEN: 'Afgewezen door het SWV',
  // P6 PO→VO overdracht
  OKR_IN_VOORBEREIDING: 'Onderwijskundig rapport in voorbereiding',
  INZAGE_OUDERS: 'Ter inzage bij de ouders',
  VERZONDEN: 'OKR verzonden',
  ONTVANGEN_VO: 'OKR ontvangen (koude overdracht)',
  WARME_OVERDRACHT: 'Warme overdracht',
  PLAATSING: 'Plaatsing in de brugklas',
  INFORMATIE_GEDEELD: 'Informatie gedeeld met de mentor',
  DIRECTE_IZO_AANMELDING: 'Direct aangemeld bij het IZO',
  TERUGKOPPELING_PO: 'Terugkoppeling aan de basisschool',
  // P7 OPP (ontwikkelingsperspectiefplan); UITVOERING, EVALUATIE and GESTOPT as above
  OPSTELLEN: 'OPP opstellen',
  LEERLING_HOREN: 'Mening van de leerling vragen',
  INSTEMMING: 'Ter instemming bij de ouders',
  GEWEIGERD: 'Ouders stemmen niet in',
  BEEINDIGD: 'OPP beëindigd',
  INSTEMMING_GEWEIGERD: 'Afgesloten zonder instemming',
  // P8 TLV (INGEDIEND, BESLUIT, VERLENGD, AFGEWEZEN, AFGESLOTEN, INGETROKKEN and GEEN_TOESTEMMING are shared above)
  DOSSIER: 'TLV-dossier samenstellen',
  ADVIES: 'Advies van twee deskundigen',
  AFGEGEVEN: 'TLV afgegeven',
  AFLOPEND: 'TLV loopt af',
  VERLOPEN: 'TLV verlopen',
};

const STEP_LABELS: Record<string, string> = {
  RECORD_INTAKE: 'Intakegesprek en ontwikkeldoel',
  ASSIGN_COACH: 'Coach kiezen',
  RECORD_MID_EVALUATION: 'Tussenevaluatie',
  RECORD_OUTCOME: 'Eindevaluatie en uitkomst',
  LOG_SESSION: 'Sessie vastleggen',
  RECORD_DECISION: 'Besluit over de aanmelding',
  // P3 JOS
  SUBMIT_FORM: 'JOS-aanmeldformulier invullen',
  RECORD_STARTGESPREK: 'Startgesprek met ouders, mentor en leerling',
  CONSENT_JOS_BEGELEIDING: 'Handtekening ouders voor JOS',
  SET_GOALS: 'Doelen opstellen',
  LOG_CONTACT: 'Wekelijks contact vastleggen',
  RECORD_EVALUATION: 'Voortgangsevaluatie',
  // P2 zorgroute (RECORD_EVALUATION is shared with P3: "Voortgangsevaluatie")
  SUBMIT_REFERRAL: 'IZO-aanmeldformulier invullen en indienen',
  TRIAGE: 'Aanmelding beoordelen (triage)',
  RECORD_BILATERAL: 'Bilateraal overleg vastleggen',
  RECORD_VOORGESPREK: 'Voorgesprek met ouders en leerling',
  CONSENT_IZO_BESPREKING: 'Toestemming ouders voor bespreking in het IZO',
  RECORD_IZO: 'Bespreking in het IZO vastleggen',
  DISTRIBUTE_IZO_MINUTES: 'IZO-verslag versturen',
  RECORD_NAGESPREK: 'Nagesprek met ouders en leerling',
  CONSENT_ZAT_AANMELDING: 'Toestemming ouders voor het ZAT',
  SUBMIT_ZAT_REFERRAL: 'ZAT-aanmelding aanvullen',
  PLAN_ZAT: 'ZAT-bespreking plannen',
  SEND_ZAT_AGENDA: 'ZAT-agenda versturen',
  RECORD_ZAT: 'Bespreking in het ZAT vastleggen',
  RECORD_ZAT_FEEDBACK: 'Terugkoppeling ZAT aan ouders en leerling',
  RECORD_ZAT_EVALUATION: 'Evaluatie plan van aanpak (ZAT)',
  // P5 OOV arrangement
  OOV_RECORD_CONSULTATIONS: 'Overleg met ouders, SWV en Sociaal Team vastleggen',
  CONSENT_OOV_PLAATSING: 'Toestemming ouders voor de OOV-aanvraag',
  OOV_SUBMIT_REQUEST: 'OOV-aanvraag indienen bij het SWV',
  OOV_SWV_DECISION: 'Besluit van het SWV over de OOV-aanvraag',
  OOV_INTAKE: 'Intake bij de OOV',
  OOV_MID_EVALUATION: 'Evaluatie halverwege het OOV-arrangement',
  OOV_END_EVALUATION: 'Evaluatie voor het einde van het OOV-arrangement',
  OOV_RETURN_PLAN: 'Terugkeerplan en overdracht terug naar school',
  OOV_FOLLOW_UP: 'Evaluatie na de terugkeer',
  // P6 PO→VO overdracht
  OVERDRACHT_RECORD_OKR: 'Onderwijskundig rapport (OKR) vastleggen',
  CONSENT_OVERDRACHT_OKR: 'Toestemming ouders voor de overdracht',
  OVERDRACHT_SEND_OKR: 'OKR verzenden naar de VO-school',
  OVERDRACHT_CONFIRM_RECEIPT: 'Ontvangst van het OKR bevestigen',
  OVERDRACHT_WARM_HANDOVER: 'Warme overdracht met basisschool, ouders en leerling',
  OVERDRACHT_PLACEMENT: 'Leerling plaatsen in een brugklas',
  OVERDRACHT_MENTOR_READ: 'Overdrachtsinformatie gelezen (mentor)',
  OVERDRACHT_IZO_REFERRAL: 'Direct aanmelden bij het IZO (optioneel)',
  OVERDRACHT_FEEDBACK: 'Terugkoppeling aan de basisschool',
  // P7 OPP
  OPP_DRAW_UP: 'OPP opstellen',
  OPP_ADJUST: 'OPP bijstellen (nieuwe versie)',
  OPP_HEAR_PUPIL: 'Mening van de leerling vastleggen (hoorrecht)',
  CONSENT_OPP_HANDELINGSDEEL: 'Instemming ouders met het handelingsdeel',
  OPP_REFUSAL_FOLLOW_UP: 'Besluit na weigering door de ouders',
  OPP_EVALUATE: 'OPP evalueren met de ouders',
  OPP_REGISTER_BRON: 'OPP registreren in BRON',
  OPP_NEXT_EVALUATION: 'Volgende evaluatie van het OPP',
  STOP_OPP: 'OPP stoppen',
  // Other steps and dates a case shows (open steps and due dates)
  STOP_TRAJECTORY: 'Traject stoppen',
  END_DATE: 'Einddatum traject',
  CAP_WARNING: 'Waarschuwing: 4 weken voor de einddatum van JOS',
  CAP: 'Einddatum JOS (5 maanden)',
  RECORD_INVESTIGATION: 'Onderzoek vastleggen',
  EXTEND_TERM: 'Beslistermijn verlengen',
  FIRST_TERM: 'Beslistermijn (6 weken)',
  TEN_WEEK_MARK: '10 weken na ontvangst: melding aan het SWV',
  DOCUMENT_ZORGPLICHT_INFO_OUDERS: 'Document van de ouders: informatie voor de aanmelding',
  RECHECK: 'Opnieuw bekijken (triage)',
  IZO_INFO: 'Informatie naar de IZO-leden',
  EVALUATION_DATE: 'Evaluatie van de IZO-afspraken',
  ZAT_AGENDA: 'ZAT-agenda verstuurd',
  ZAT_EVALUATION_DATE: 'Evaluatie plan van aanpak (ZAT)',
  OOV_END_DATE: 'Einde van het OOV-arrangement',
  OOV_RETURN: 'Terug op school',
  SCHOOLADVIES: 'Definitief schooladvies',
  AANMELDWEEK: 'Einde van de aanmeldweek',
  OSO_DEADLINE: 'Overdrachtsdossier (OSO) klaar',
  START_SCHOOLJAAR: 'Start van het schooljaar',
  FEEDBACK_NA_EERSTE_RAPPORT: 'Terugkoppeling na het eerste rapport',
  FEEDBACK_EINDE_LEERJAAR_1: 'Terugkoppeling aan het einde van leerjaar 1',
  // P8 TLV: the steps' labels come from the step catalogue; the consent and the decision term
  ...Object.fromEntries(Object.values(TLV_STEPS).map((s) => [s.name, s.label])),
  CONSENT_TLV_AANVRAAG: 'Akkoord van de ouders met de TLV-aanvraag',
  TLV_DECISION_TERM: 'Beslistermijn van de commissie (TLV)',
  // The decisions after a consent request timed out (DECIDE_CONSENT_<kind>), from the step catalogue
  ...Object.fromEntries(allConsentTimeoutSteps().map((s) => [s.name, s.label])),
};

export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status;
}

export function stepLabel(step: string | null): string | null {
  return step ? (STEP_LABELS[step] ?? readable(step)) : null;
}

/** Whether the step or date has its own Dutch label (not the readable fallback). */
export function hasStepLabel(step: string): boolean {
  return step in STEP_LABELS;
}

/** A machine name without a label ("SOME_STEP") as words ("Some step"), so nothing shows up as code or blank. */
function readable(name: string): string {
  if (!/^[A-Z0-9_]+$/.test(name)) return name;
  const words = name.toLowerCase().replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
