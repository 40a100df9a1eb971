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
  VOORLOPIG_AFGESLOTEN: 'Voorlopig afgesloten',
  EXTERN_VERWEZEN: 'Extern verwezen',
  SWV_VOORZIENING_AANGEVRAAGD: 'Voorziening SWV aangevraagd',
  LEERPLICHT: 'Leerplicht ingeschakeld',
};

const STEP_LABELS: Record<string, string> = {
  RECORD_INTAKE: 'Intakegesprek en ontwikkeldoel',
  ASSIGN_COACH: 'Coach kiezen',
  RECORD_MID_EVALUATION: 'Tussenevaluatie',
  RECORD_OUTCOME: 'Eindevaluatie en uitkomst',
  RECORD_DECISION: 'Besluit over de aanmelding',
  // P3 JOS
  SUBMIT_FORM: 'JOS-aanmeldformulier invullen',
  RECORD_STARTGESPREK: 'Startgesprek met ouders, mentor en leerling',
  CONSENT_JOS_BEGELEIDING: 'Handtekening ouders voor JOS',
  DECIDE_CONSENT_JOS_BEGELEIDING: 'Geen handtekening: opnieuw vragen of afsluiten',
  SET_GOALS: 'Doelen opstellen',
  LOG_CONTACT: 'Wekelijks contact vastleggen',
  RECORD_EVALUATION: 'Voortgangsevaluatie',
  // P2 zorgroute (RECORD_EVALUATION is shared with P3: "Voortgangsevaluatie")
  SUBMIT_REFERRAL: 'IZO-aanmeldformulier invullen en indienen',
  TRIAGE: 'Aanmelding beoordelen (triage)',
  RECORD_BILATERAL: 'Bilateraal overleg vastleggen',
  RECORD_VOORGESPREK: 'Voorgesprek met ouders en leerling',
  CONSENT_IZO_BESPREKING: 'Toestemming ouders voor bespreking in het IZO',
  DECIDE_CONSENT_IZO_BESPREKING: 'Geen toestemming IZO: opnieuw vragen of stoppen',
  RECORD_IZO: 'Bespreking in het IZO vastleggen',
  DISTRIBUTE_IZO_MINUTES: 'IZO-verslag versturen',
  RECORD_NAGESPREK: 'Nagesprek met ouders en leerling',
  CONSENT_ZAT_AANMELDING: 'Toestemming ouders voor het ZAT',
  DECIDE_CONSENT_ZAT_AANMELDING: 'Geen toestemming ZAT: opnieuw vragen of terug naar het IZO',
  SUBMIT_ZAT_REFERRAL: 'ZAT-aanmelding aanvullen',
  PLAN_ZAT: 'ZAT-bespreking plannen',
  SEND_ZAT_AGENDA: 'ZAT-agenda versturen',
  RECORD_ZAT: 'Bespreking in het ZAT vastleggen',
  RECORD_ZAT_FEEDBACK: 'Terugkoppeling ZAT aan ouders en leerling',
  RECORD_ZAT_EVALUATION: 'Evaluatie plan van aanpak (ZAT)',
};

export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status;
}

export function stepLabel(step: string | null): string | null {
  return step ? (STEP_LABELS[step] ?? step) : null;
}
