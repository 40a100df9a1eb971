import type { MessageKind } from '../messages/message-kind';
import { DAILY_DIGEST_TEMPLATE } from './digest.templates';
import { MEETING_AGENDA_TEMPLATE, MEETING_CANCELLED_TEMPLATE, MEETING_INVITATION_TEMPLATE, MEETING_OVERVIEW_AGENDA_TEMPLATE } from './meeting.templates';

/**
 * Dutch subject, HTML and plain-text templates per message kind (Handlebars sources, compiled once).
 * They see only the view built by TemplateRenderer (never the caller's data object), so a field
 * that is not part of the view cannot end up in an e-mail. Staff are addressed with "je", parents
 * with "u".
 */
export interface MessageTemplateSource {
  subject: string;
  html: string;
  text: string;
}

const STAFF_TASK_FOOTER = `Je ontvangt dit bericht omdat je bij {{schoolName}} eigenaar bent van deze taak in Zorgroute; deze e-mail is automatisch verstuurd.`;
const COORDINATOR_FOOTER = `Je ontvangt dit bericht omdat je zorgcoördinator bent bij {{schoolName}}; deze e-mail is automatisch verstuurd.`;
const COORDINATOR_ADMIN_FOOTER = `Je ontvangt dit bericht omdat je zorgcoördinator of beheerder bent bij {{schoolName}}; deze e-mail is automatisch verstuurd.`;
const PARENT_FOOTER = `U ontvangt dit bericht omdat u bij {{schoolName}} geregistreerd staat als ouder of verzorger van {{pupilFirstName}}; deze e-mail is automatisch verstuurd.`;

const PUPIL_FOOTER = `Je ontvangt dit bericht omdat je leerling bent van {{schoolName}} en 16 jaar of ouder; deze e-mail is automatisch verstuurd.`;

const PARENT_CONTACT = `Heeft u vragen? Neem dan contact op met {{#if ownerName}}{{ownerName}}, de coach van {{pupilFirstName}}{{else}}de school{{/if}}.`;

/** The link and footer of a message to parents. */
const PARENT_BUTTON_AND_FOOTER = `{{#*inline "button"}}Bekijken in het ouderportaal{{/inline}}
{{#*inline "footer"}}${PARENT_FOOTER}{{/inline}}`;

const SWV_FOOTER = `Je ontvangt dit bericht omdat je werkt bij het loket van het samenwerkingsverband waarvan {{schoolName}} lid is; deze e-mail is automatisch verstuurd.`;

const P = '<p style="margin:0 0 16px 0;">';

const LOGIN_FOOTER = `{{#if isPupil}}Je ontvangt dit bericht omdat je leerling bent van {{schoolName}}{{else}}U ontvangt dit bericht omdat u bij {{schoolName}} geregistreerd staat als ouder of verzorger{{/if}}; deze e-mail is automatisch verstuurd.`;

export const MESSAGE_TEMPLATES: Record<MessageKind, MessageTemplateSource> = {
  STEP_ASSIGNED: {
    subject: `Nieuwe taak: {{stepLabel}} (uiterlijk {{dueDateLong}})`,
    html: `{{#> layout}}
{{#*inline "content"}}
${P}Er staat een nieuwe taak voor je klaar in Zorgroute{{#if pupilFirstName}} voor de begeleiding van {{pupilFirstName}}{{/if}}.</p>
{{#> facts}}
{{> fact label="Taak" value=stepLabel}}
{{> fact label="Uiterlijk af" value=dueDateLong}}
{{#if pupilFirstName}}{{> fact label="Leerling" value=pupilFirstName}}{{/if}}
{{/facts}}
${P}Open de taak via de knop hieronder; daar zie je wat er van je gevraagd wordt.</p>
{{/inline}}
{{#*inline "button"}}Taak openen{{/inline}}
{{#*inline "footer"}}${STAFF_TASK_FOOTER}{{/inline}}
{{/layout}}`,
    text: `{{#> layout}}
{{#*inline "content"}}
Er staat een nieuwe taak voor je klaar in Zorgroute{{#if pupilFirstName}} voor de begeleiding van {{pupilFirstName}}{{/if}}.

Taak: {{stepLabel}}
Uiterlijk af: {{dueDateLong}}
{{#if pupilFirstName}}
Leerling: {{pupilFirstName}}
{{/if}}

Open de taak via de link hieronder; daar zie je wat er van je gevraagd wordt.
{{/inline}}
{{#*inline "button"}}Taak openen{{/inline}}
{{#*inline "footer"}}${STAFF_TASK_FOOTER}{{/inline}}
{{/layout}}`,
  },

  STEP_REMINDER: {
    subject:
      `{{#if isBeforeDue}}Herinnering: {{stepLabel}} (uiterlijk {{dueDateLong}}){{/if}}` +
      `{{#if isOnDue}}Vandaag uiterlijk: {{stepLabel}} ({{dueDateLong}}){{/if}}` +
      `{{#if isOverdue}}Termijn verstreken: {{stepLabel}} ({{schoolDaysText}} te laat){{/if}}`,
    html: `{{#> layout}}
{{#*inline "content"}}
{{#if isBeforeDue}}
${P}Een herinnering: de taak <strong>{{stepLabel}}</strong>{{#if pupilFirstName}} voor {{pupilFirstName}}{{/if}} moet over {{schoolDaysText}} af zijn, uiterlijk op {{dueDateLong}}.</p>
{{/if}}
{{#if isOnDue}}
${P}De taak <strong>{{stepLabel}}</strong>{{#if pupilFirstName}} voor {{pupilFirstName}}{{/if}} moet vandaag af zijn ({{dueDateLong}}).</p>
{{/if}}
{{#if isOverdue}}
${P}De taak <strong>{{stepLabel}}</strong>{{#if pupilFirstName}} voor {{pupilFirstName}}{{/if}} had uiterlijk op {{dueDateLong}} af moeten zijn en is nu {{schoolDaysText}} over de termijn.</p>
{{/if}}
{{#> facts}}
{{> fact label="Taak" value=stepLabel}}
{{> fact label="Uiterlijk af" value=dueDateLong}}
{{#if isOverdue}}{{> fact label="Over de termijn" value=schoolDaysText}}{{/if}}
{{/facts}}
{{#if isOverdue}}
${P}Lukt het niet om de taak af te ronden? Neem dan contact op met de zorgcoördinator.</p>
{{/if}}
{{/inline}}
{{#*inline "button"}}Taak openen{{/inline}}
{{#*inline "footer"}}${STAFF_TASK_FOOTER}{{/inline}}
{{/layout}}`,
    text: `{{#> layout}}
{{#*inline "content"}}
{{#if isBeforeDue}}
Een herinnering: de taak "{{stepLabel}}"{{#if pupilFirstName}} voor {{pupilFirstName}}{{/if}} moet over {{schoolDaysText}} af zijn, uiterlijk op {{dueDateLong}}.
{{/if}}
{{#if isOnDue}}
De taak "{{stepLabel}}"{{#if pupilFirstName}} voor {{pupilFirstName}}{{/if}} moet vandaag af zijn ({{dueDateLong}}).
{{/if}}
{{#if isOverdue}}
De taak "{{stepLabel}}"{{#if pupilFirstName}} voor {{pupilFirstName}}{{/if}} had uiterlijk op {{dueDateLong}} af moeten zijn en is nu {{schoolDaysText}} over de termijn.
{{/if}}

Taak: {{stepLabel}}
Uiterlijk af: {{dueDateLong}}
{{#if isOverdue}}
Over de termijn: {{schoolDaysText}}

Lukt het niet om de taak af te ronden? Neem dan contact op met de zorgcoördinator.
{{/if}}
{{/inline}}
{{#*inline "button"}}Taak openen{{/inline}}
{{#*inline "footer"}}${STAFF_TASK_FOOTER}{{/inline}}
{{/layout}}`,
  },

  STEP_ESCALATION: {
    subject: `Escalatie: {{stepLabel}} is {{schoolDaysText}} over de termijn`,
    html: `{{#> layout}}
{{#*inline "content"}}
${P}De stap <strong>{{stepLabel}}</strong> in een dossier{{#if pupilFirstName}} van {{pupilFirstName}}{{/if}} is {{schoolDaysText}} over de termijn. De stap had uiterlijk op {{dueDateLong}} af moeten zijn.</p>
{{#> facts}}
{{> fact label="Stap" value=stepLabel}}
{{> fact label="Uiterlijk af" value=dueDateLong}}
{{> fact label="Over de termijn" value=schoolDaysText}}
{{> fact label="Eigenaar" value=ownerName}}
{{#if pupilFirstName}}{{> fact label="Leerling" value=pupilFirstName}}{{/if}}
{{/facts}}
${P}Je kunt contact opnemen met {{ownerName}}, de taak aan iemand anders toewijzen of de termijn met een reden verlengen.</p>
{{/inline}}
{{#*inline "button"}}Dossier openen{{/inline}}
{{#*inline "footer"}}${COORDINATOR_FOOTER}{{/inline}}
{{/layout}}`,
    text: `{{#> layout}}
{{#*inline "content"}}
De stap "{{stepLabel}}" in een dossier{{#if pupilFirstName}} van {{pupilFirstName}}{{/if}} is {{schoolDaysText}} over de termijn. De stap had uiterlijk op {{dueDateLong}} af moeten zijn.

Stap: {{stepLabel}}
Uiterlijk af: {{dueDateLong}}
Over de termijn: {{schoolDaysText}}
Eigenaar: {{ownerName}}
{{#if pupilFirstName}}
Leerling: {{pupilFirstName}}
{{/if}}

Je kunt contact opnemen met {{ownerName}}, de taak aan iemand anders toewijzen of de termijn met een reden verlengen.
{{/inline}}
{{#*inline "button"}}Dossier openen{{/inline}}
{{#*inline "footer"}}${COORDINATOR_FOOTER}{{/inline}}
{{/layout}}`,
  },

  CASE_STUCK: {
    subject: `Dossier loopt vast: {{stepLabel}} (uiterlijk {{dueDateLong}})`,
    html: `{{#> layout}}
{{#*inline "content"}}
${P}Een dossier{{#if pupilFirstName}} van {{pupilFirstName}}{{/if}} komt niet verder bij de stap <strong>{{stepLabel}}</strong>.{{#if stuckStepOverdue}} De stap is over de escalatiegrens heen en nog niet afgerond.{{/if}}{{#if stuckAutomatedStepFailing}} Een automatische stap (zoals het versturen van een e-mail of het opslaan van gegevens) mislukt al langere tijd.{{/if}}{{#if stuckNoProgress}} Het proces kan technisch niet verder.{{/if}}{{#if stuckConsentTimeout}} De termijn voor het geven van toestemming is verstreken.{{/if}}</p>
{{#> facts}}
{{> fact label="Stap" value=stepLabel}}
{{> fact label="Uiterlijk af" value=dueDateLong}}
{{#if schoolDaysText}}{{> fact label="Over de termijn" value=schoolDaysText}}{{/if}}
{{#if ownerName}}{{> fact label="Eigenaar" value=ownerName}}{{/if}}
{{#if pupilFirstName}}{{> fact label="Leerling" value=pupilFirstName}}{{/if}}
{{/facts}}
${P}Bekijk het dossier en kies wat er moet gebeuren: opnieuw versturen, opnieuw toewijzen, de termijn met een reden verlengen, een besluit vastleggen namens een ander of het dossier sluiten.</p>
{{/inline}}
{{#*inline "button"}}Dossier openen{{/inline}}
{{#*inline "footer"}}${COORDINATOR_ADMIN_FOOTER}{{/inline}}
{{/layout}}`,
    text: `{{#> layout}}
{{#*inline "content"}}
Een dossier{{#if pupilFirstName}} van {{pupilFirstName}}{{/if}} komt niet verder bij de stap "{{stepLabel}}".{{#if stuckStepOverdue}} De stap is over de escalatiegrens heen en nog niet afgerond.{{/if}}{{#if stuckAutomatedStepFailing}} Een automatische stap (zoals het versturen van een e-mail of het opslaan van gegevens) mislukt al langere tijd.{{/if}}{{#if stuckNoProgress}} Het proces kan technisch niet verder.{{/if}}{{#if stuckConsentTimeout}} De termijn voor het geven van toestemming is verstreken.{{/if}}

Stap: {{stepLabel}}
Uiterlijk af: {{dueDateLong}}
{{#if schoolDaysText}}
Over de termijn: {{schoolDaysText}}
{{/if}}
{{#if ownerName}}
Eigenaar: {{ownerName}}
{{/if}}
{{#if pupilFirstName}}
Leerling: {{pupilFirstName}}
{{/if}}

Bekijk het dossier en kies wat er moet gebeuren: opnieuw versturen, opnieuw toewijzen, de termijn met een reden verlengen, een besluit vastleggen namens een ander of het dossier sluiten.
{{/inline}}
{{#*inline "button"}}Dossier openen{{/inline}}
{{#*inline "footer"}}${COORDINATOR_ADMIN_FOOTER}{{/inline}}
{{/layout}}`,
  },

  CASE_STARTED: {
    subject: `Er is een traject gestart op {{schoolName}}`,
    html: `{{#> layout}}
{{#*inline "content"}}
${P}Op {{schoolName}} is een traject gestart om {{pupilFirstName}} extra te ondersteunen. Uw contactpersoon is {{ownerName}}.</p>
{{#> facts}}
{{> fact label="Leerling" value=pupilFirstName}}
{{> fact label="Contactpersoon" value=ownerName}}
{{> fact label="Eerste stap" value=stepLabel}}
{{> fact label="Gepland uiterlijk" value=dueDateLong}}
{{/facts}}
${P}In het ouderportaal ziet u wat er is afgesproken en wat de volgende stap is. Heeft u vragen? Neem dan contact op met {{ownerName}}.</p>
{{/inline}}
${PARENT_BUTTON_AND_FOOTER}
{{/layout}}`,
    text: `{{#> layout}}
{{#*inline "content"}}
Op {{schoolName}} is een traject gestart om {{pupilFirstName}} extra te ondersteunen. Uw contactpersoon is {{ownerName}}.

Leerling: {{pupilFirstName}}
Contactpersoon: {{ownerName}}
Eerste stap: {{stepLabel}}
Gepland uiterlijk: {{dueDateLong}}

In het ouderportaal ziet u wat er is afgesproken en wat de volgende stap is. Heeft u vragen? Neem dan contact op met {{ownerName}}.
{{/inline}}
${PARENT_BUTTON_AND_FOOTER}
{{/layout}}`,
  },

  CONSENT_REQUESTED: {
    subject: `{{#if isPupil}}Je toestemming gevraagd{{else}}Uw toestemming gevraagd{{/if}}: {{stepLabel}} (uiterlijk {{dueDateLong}})`,
    html: `{{#> layout}}
{{#*inline "content"}}
{{#if isPupil}}${P}Voor je begeleiding op {{schoolName}} vragen wij je toestemming voor de volgende stap: <strong>{{stepLabel}}</strong>. Omdat je 16 bent of ouder, beslis je hier zelf over.</p>
${P}Wil je uiterlijk op {{dueDateLong}} in Zorgroute aangeven of je toestemming geeft of weigert? Beide keuzes zijn mogelijk; je keuze wordt vastgelegd.</p>
{{else}}${P}Voor de begeleiding van {{pupilFirstName}} op {{schoolName}} vragen wij uw toestemming voor de volgende stap: <strong>{{stepLabel}}</strong>.</p>
${P}Wilt u uiterlijk op {{dueDateLong}} in het ouderportaal aangeven of u toestemming geeft of weigert? Beide keuzes zijn mogelijk; uw keuze wordt vastgelegd.</p>
{{/if}}
{{#> facts}}
{{#unless isPupil}}{{> fact label="Leerling" value=pupilFirstName}}{{/unless}}
{{> fact label="Stap" value=stepLabel}}
{{> fact label="Reageren uiterlijk" value=dueDateLong}}
{{/facts}}
{{#if invitationExpiresLong}}
${P}{{#if isPupil}}Je hebt nog geen inlog voor Zorgroute. Met de knop hieronder maak je er een aan (met een passkey of een code per e-mail) en kom je daarna bij dit verzoek. De link werkt één keer, tot en met {{invitationExpiresLong}}.{{else}}U heeft nog geen inlog voor Zorgroute. Met de knop hieronder maakt u er een aan (met een passkey of een code per e-mail) en komt u daarna bij dit verzoek. De link werkt één keer, tot en met {{invitationExpiresLong}}.{{/if}}</p>
{{/if}}
{{#if ownerName}}
${P}{{#if isPupil}}Heb je vragen? Neem dan contact op met {{ownerName}}.{{else}}Heeft u vragen? Neem dan contact op met {{ownerName}}.{{/if}}</p>
{{/if}}
{{/inline}}
{{#*inline "button"}}{{#if invitationExpiresLong}}Inlog aanmaken en antwoorden{{else}}Toestemming geven of weigeren{{/if}}{{/inline}}
{{#*inline "footer"}}{{#if isPupil}}${PUPIL_FOOTER}{{else}}${PARENT_FOOTER}{{/if}}{{/inline}}
{{/layout}}`,
    text: `{{#> layout}}
{{#*inline "content"}}
{{#if isPupil}}
Voor je begeleiding op {{schoolName}} vragen wij je toestemming voor de volgende stap: "{{stepLabel}}". Omdat je 16 bent of ouder, beslis je hier zelf over.

Wil je uiterlijk op {{dueDateLong}} in Zorgroute aangeven of je toestemming geeft of weigert? Beide keuzes zijn mogelijk; je keuze wordt vastgelegd.
{{else}}
Voor de begeleiding van {{pupilFirstName}} op {{schoolName}} vragen wij uw toestemming voor de volgende stap: "{{stepLabel}}".

Wilt u uiterlijk op {{dueDateLong}} in het ouderportaal aangeven of u toestemming geeft of weigert? Beide keuzes zijn mogelijk; uw keuze wordt vastgelegd.
{{/if}}

{{#unless isPupil}}
Leerling: {{pupilFirstName}}
{{/unless}}
Stap: {{stepLabel}}
Reageren uiterlijk: {{dueDateLong}}
{{#if invitationExpiresLong}}

{{#if isPupil}}Je hebt nog geen inlog voor Zorgroute. Met de link hieronder maak je er een aan (met een passkey of een code per e-mail) en kom je daarna bij dit verzoek. De link werkt één keer, tot en met {{invitationExpiresLong}}.{{else}}U heeft nog geen inlog voor Zorgroute. Met de link hieronder maakt u er een aan (met een passkey of een code per e-mail) en komt u daarna bij dit verzoek. De link werkt één keer, tot en met {{invitationExpiresLong}}.{{/if}}
{{/if}}
{{#if ownerName}}

{{#if isPupil}}Heb je vragen? Neem dan contact op met {{ownerName}}.{{else}}Heeft u vragen? Neem dan contact op met {{ownerName}}.{{/if}}
{{/if}}
{{/inline}}
{{#*inline "button"}}{{#if invitationExpiresLong}}Inlog aanmaken en antwoorden{{else}}Toestemming geven of weigeren{{/if}}{{/inline}}
{{#*inline "footer"}}{{#if isPupil}}${PUPIL_FOOTER}{{else}}${PARENT_FOOTER}{{/if}}{{/inline}}
{{/layout}}`,
  },
  DOCUMENT_REQUESTED: {
    subject: `{{#if reminder}}Herinnering: document gevraagd{{else}}Document gevraagd{{/if}}: {{stepLabel}} (uiterlijk {{dueDateLong}})`,
    html: `{{#> layout}}
{{#*inline "content"}}
${P}{{#if reminder}}Wij herinneren u aan ons verzoek: voor{{else}}Voor{{/if}} de begeleiding van {{pupilFirstName}} op {{schoolName}} vragen wij u een document aan te leveren: <strong>{{stepLabel}}</strong>.</p>
${P}Wilt u het uiterlijk op {{dueDateLong}} uploaden in het ouderportaal (een PDF of een foto)? Stuur het niet als bijlage per e-mail.</p>
{{#> facts}}
{{> fact label="Leerling" value=pupilFirstName}}
{{> fact label="Gevraagd" value=stepLabel}}
{{> fact label="Uiterlijk" value=dueDateLong}}
{{/facts}}
{{#if ownerName}}
${P}Heeft u vragen? Neem dan contact op met {{ownerName}}.</p>
{{/if}}
{{/inline}}
{{#*inline "button"}}Document uploaden{{/inline}}
{{#*inline "footer"}}${PARENT_FOOTER}{{/inline}}
{{/layout}}`,
    text: `{{#> layout}}
{{#*inline "content"}}
{{#if reminder}}Wij herinneren u aan ons verzoek: voor{{else}}Voor{{/if}} de begeleiding van {{pupilFirstName}} op {{schoolName}} vragen wij u een document aan te leveren: "{{stepLabel}}".

Wilt u het uiterlijk op {{dueDateLong}} uploaden in het ouderportaal (een PDF of een foto)? Stuur het niet als bijlage per e-mail.

Leerling: {{pupilFirstName}}
Gevraagd: {{stepLabel}}
Uiterlijk: {{dueDateLong}}
{{#if ownerName}}

Heeft u vragen? Neem dan contact op met {{ownerName}}.
{{/if}}
{{/inline}}
{{#*inline "button"}}Document uploaden{{/inline}}
{{#*inline "footer"}}${PARENT_FOOTER}{{/inline}}
{{/layout}}`,
  },
  ZORGPLICHT_TERMIJN: {
    subject:
      `{{#if isWeekLeft}}Zorgplicht: besluit over een aanmelding uiterlijk {{dueDateLong}} ({{schoolName}}){{/if}}` +
      `{{#if isOverdueSignal}}Zorgplicht: beslistermijn verstreken ({{schoolName}}){{/if}}` +
      `{{#if isTenWeeks}}Zorgplicht: 10 weken na aanmelding nog geen besluit ({{schoolName}}){{/if}}`,
    html: `{{#> layout}}
{{#*inline "content"}}
{{#if isWeekLeft}}
${P}Bij {{schoolName}} loopt de zorgplichttermijn voor een aangemelde leerling{{#if pupilFirstName}} ({{pupilFirstName}}){{/if}} {{#if calendarDaysText}}over {{calendarDaysText}}{{else}}vandaag{{/if}} af. Er is nog geen besluit over de aanmelding{{#unless extended}} en de termijn is niet verlengd{{/unless}}.</p>
{{/if}}
{{#if isOverdueSignal}}
${P}Bij {{schoolName}} is de zorgplichttermijn voor een aangemelde leerling{{#if pupilFirstName}} ({{pupilFirstName}}){{/if}} verstreken: het besluit had uiterlijk op {{dueDateLong}} genomen moeten worden{{#if calendarDaysText}} en is nu {{calendarDaysText}} te laat{{/if}}.</p>
{{/if}}
{{#if isTenWeeks}}
${P}Bij {{schoolName}} is 10 weken na de ontvangst van de aanmelding van een leerling{{#if pupilFirstName}} ({{pupilFirstName}}){{/if}} nog geen besluit genomen. De leerling loopt het risico thuis te komen zitten.</p>
{{/if}}
{{#> facts}}
{{> fact label="Stap" value=stepLabel}}
{{> fact label="Aanmelding ontvangen" value=receivedOnLong}}
{{> fact label="Besluit uiterlijk" value=dueDateLong}}
{{> fact label="Termijn verlengd" value=extendedText}}
{{/facts}}
${P}Bekijk de termijn in het zorgplichtoverzicht en neem zo nodig contact op met de school.</p>
{{/inline}}
{{#*inline "button"}}Zorgplichttermijn bekijken{{/inline}}
{{#*inline "footer"}}${SWV_FOOTER}{{/inline}}
{{/layout}}`,
    text: `{{#> layout}}
{{#*inline "content"}}
{{#if isWeekLeft}}
Bij {{schoolName}} loopt de zorgplichttermijn voor een aangemelde leerling{{#if pupilFirstName}} ({{pupilFirstName}}){{/if}} {{#if calendarDaysText}}over {{calendarDaysText}}{{else}}vandaag{{/if}} af. Er is nog geen besluit over de aanmelding{{#unless extended}} en de termijn is niet verlengd{{/unless}}.
{{/if}}
{{#if isOverdueSignal}}
Bij {{schoolName}} is de zorgplichttermijn voor een aangemelde leerling{{#if pupilFirstName}} ({{pupilFirstName}}){{/if}} verstreken: het besluit had uiterlijk op {{dueDateLong}} genomen moeten worden{{#if calendarDaysText}} en is nu {{calendarDaysText}} te laat{{/if}}.
{{/if}}
{{#if isTenWeeks}}
Bij {{schoolName}} is 10 weken na de ontvangst van de aanmelding van een leerling{{#if pupilFirstName}} ({{pupilFirstName}}){{/if}} nog geen besluit genomen. De leerling loopt het risico thuis te komen zitten.
{{/if}}

Stap: {{stepLabel}}
Aanmelding ontvangen: {{receivedOnLong}}
Besluit uiterlijk: {{dueDateLong}}
Termijn verlengd: {{extendedText}}

Bekijk de termijn in het zorgplichtoverzicht en neem zo nodig contact op met de school.
{{/inline}}
{{#*inline "button"}}Zorgplichttermijn bekijken{{/inline}}
{{#*inline "footer"}}${SWV_FOOTER}{{/inline}}
{{/layout}}`,
  },

  LETTER_AVAILABLE: {
    subject: `{{#if isTlvLetter}}Brief van het samenwerkingsverband{{else}}Brief van {{schoolName}}{{/if}}: {{stepLabel}}`,
    html: `{{#> layout}}
{{#*inline "content"}}
${P}Er staat een brief {{#if isTlvLetter}}over de aanvraag van een toelaatbaarheidsverklaring (TLV) voor {{pupilFirstName}}{{else}}van {{schoolName}} voor u klaar over de aanmelding van {{pupilFirstName}}{{/if}}{{#if isTlvLetter}} voor u klaar{{/if}}: <strong>{{stepLabel}}</strong>.</p>
{{#> facts}}
{{> fact label="Brief" value=stepLabel}}
{{#if isExtensionLetter}}{{> fact label="Besluit uiterlijk" value=dueDateLong}}{{/if}}
{{#if isDecisionLetter}}{{> fact label="Bezwaar mogelijk tot en met" value=dueDateLong}}{{/if}}
{{/facts}}
${P}U leest en downloadt de brief in het ouderportaal via de knop hieronder. Heeft u vragen? Neem dan contact op met de school.</p>
{{/inline}}
{{#*inline "button"}}Brief openen{{/inline}}
{{#*inline "footer"}}${PARENT_FOOTER}{{/inline}}
{{/layout}}`,
    text: `{{#> layout}}
{{#*inline "content"}}
Er staat een brief {{#if isTlvLetter}}over de aanvraag van een toelaatbaarheidsverklaring (TLV) voor {{pupilFirstName}}{{else}}van {{schoolName}} voor u klaar over de aanmelding van {{pupilFirstName}}{{/if}}{{#if isTlvLetter}} voor u klaar{{/if}}: "{{stepLabel}}".

Brief: {{stepLabel}}
{{#if isExtensionLetter}}
Besluit uiterlijk: {{dueDateLong}}
{{/if}}
{{#if isDecisionLetter}}
Bezwaar mogelijk tot en met: {{dueDateLong}}
{{/if}}

U leest en downloadt de brief in het ouderportaal via de link hieronder. Heeft u vragen? Neem dan contact op met de school.
{{/inline}}
{{#*inline "button"}}Brief openen{{/inline}}
{{#*inline "footer"}}${PARENT_FOOTER}{{/inline}}
{{/layout}}`,
  },
  TRAJECT_PARENT_UPDATE: {
    subject:
      `{{#if isMidway}}Begeleiding halverwege ({{schoolName}}){{/if}}` +
      `{{#if isEnded}}Begeleiding afgesloten ({{schoolName}}){{/if}}`,
    html: `{{#> layout}}
{{#*inline "content"}}
{{#if isMidway}}
${P}Het ondersteuningstraject van {{pupilFirstName}} op {{schoolName}} is halverwege: de tussenevaluatie heeft plaatsgevonden.</p>
{{/if}}
{{#if isEnded}}
${P}Het ondersteuningstraject van {{pupilFirstName}} op {{schoolName}} is afgesloten.</p>
{{/if}}
{{#> facts}}
{{> fact label="Leerling" value=pupilFirstName}}
{{> fact label="Moment" value=stepLabel}}
{{#if ownerName}}{{> fact label="Coach" value=ownerName}}{{/if}}
{{#if isMidway}}{{> fact label="Gepland einde" value=dueDateLong}}{{/if}}
{{#if isEnded}}{{> fact label="Afgesloten op" value=dueDateLong}}{{/if}}
{{/facts}}
{{#if isMidway}}
${P}In het ouderportaal ziet u hoe het gaat en wat er is afgesproken.</p>
{{/if}}
{{#if isEnded}}
${P}In het ouderportaal leest u hoe het traject is afgesloten en wat er verder gebeurt.</p>
{{/if}}
${P}${PARENT_CONTACT}</p>
{{/inline}}
${PARENT_BUTTON_AND_FOOTER}
{{/layout}}`,
    text: `{{#> layout}}
{{#*inline "content"}}
{{#if isMidway}}
Het ondersteuningstraject van {{pupilFirstName}} op {{schoolName}} is halverwege: de tussenevaluatie heeft plaatsgevonden.
{{/if}}
{{#if isEnded}}
Het ondersteuningstraject van {{pupilFirstName}} op {{schoolName}} is afgesloten.
{{/if}}

Leerling: {{pupilFirstName}}
Moment: {{stepLabel}}
{{#if ownerName}}
Coach: {{ownerName}}
{{/if}}
{{#if isMidway}}
Gepland einde: {{dueDateLong}}

In het ouderportaal ziet u hoe het gaat en wat er is afgesproken.
{{/if}}
{{#if isEnded}}
Afgesloten op: {{dueDateLong}}

In het ouderportaal leest u hoe het traject is afgesloten en wat er verder gebeurt.
{{/if}}

${PARENT_CONTACT}
{{/inline}}
${PARENT_BUTTON_AND_FOOTER}
{{/layout}}`,
  },

  CASE_CLOSED: {
    subject: `Afgesloten door de school ({{schoolName}})`,
    html: `{{#> layout}}
{{#*inline "content"}}
${P}{{schoolName}} heeft {{processText}} van {{pupilFirstName}} afgesloten. Er volgen in Zorgroute geen stappen, herinneringen of verzoeken meer voor deze zaak.</p>
{{#> facts}}
{{> fact label="Leerling" value=pupilFirstName}}
{{> fact label="Laatste stap" value=stepLabel}}
{{> fact label="Afgesloten op" value=dueDateLong}}
{{/facts}}
${P}In het ouderportaal blijft het dossier voor u leesbaar. Wilt u weten waarom dit is afgesloten of wat er nu gebeurt? Neem dan contact op met de zorgcoördinator van {{schoolName}}.</p>
{{/inline}}
${PARENT_BUTTON_AND_FOOTER}
{{/layout}}`,
    text: `{{#> layout}}
{{#*inline "content"}}
{{schoolName}} heeft {{processText}} van {{pupilFirstName}} afgesloten. Er volgen in Zorgroute geen stappen, herinneringen of verzoeken meer voor deze zaak.

Leerling: {{pupilFirstName}}
Laatste stap: {{stepLabel}}
Afgesloten op: {{dueDateLong}}

In het ouderportaal blijft het dossier voor u leesbaar. Wilt u weten waarom dit is afgesloten of wat er nu gebeurt? Neem dan contact op met de zorgcoördinator van {{schoolName}}.
{{/inline}}
${PARENT_BUTTON_AND_FOOTER}
{{/layout}}`,
  },

  TRAJECT_OUTCOME: {
    subject: `Uitkomst van de begeleiding vastgelegd ({{schoolName}})`,
    html: `{{#> layout}}
{{#*inline "content"}}
${P}De uitkomst van het ondersteuningstraject{{#if pupilFirstName}} van {{pupilFirstName}}{{/if}} is vastgelegd: <strong>{{outcomeText}}</strong>.{{#if isVerlengd}} Het traject loopt door tot {{dueDateLong}}.{{/if}}{{#if isDoorverwezen}} Er is een aanmelding voor het IZO gestart.{{/if}}</p>
{{#> facts}}
{{> fact label="Stap" value=stepLabel}}
{{> fact label="Uitkomst" value=outcomeText}}
{{#if isVerlengd}}{{> fact label="Nieuwe einddatum" value=dueDateLong}}{{else}}{{> fact label="Einddatum traject" value=dueDateLong}}{{/if}}
{{#if ownerName}}{{> fact label="Coach" value=ownerName}}{{/if}}
{{#if pupilFirstName}}{{> fact label="Leerling" value=pupilFirstName}}{{/if}}
{{/facts}}
${P}De toelichting en de verdere afspraken staan in het dossier.</p>
{{/inline}}
{{#*inline "button"}}Dossier openen{{/inline}}
{{#*inline "footer"}}${COORDINATOR_FOOTER}{{/inline}}
{{/layout}}`,
    text: `{{#> layout}}
{{#*inline "content"}}
De uitkomst van het ondersteuningstraject{{#if pupilFirstName}} van {{pupilFirstName}}{{/if}} is vastgelegd: {{outcomeText}}.{{#if isVerlengd}} Het traject loopt door tot {{dueDateLong}}.{{/if}}{{#if isDoorverwezen}} Er is een aanmelding voor het IZO gestart.{{/if}}

Stap: {{stepLabel}}
Uitkomst: {{outcomeText}}
{{#if isVerlengd}}
Nieuwe einddatum: {{dueDateLong}}
{{else}}
Einddatum traject: {{dueDateLong}}
{{/if}}
{{#if ownerName}}
Coach: {{ownerName}}
{{/if}}
{{#if pupilFirstName}}
Leerling: {{pupilFirstName}}
{{/if}}

De toelichting en de verdere afspraken staan in het dossier.
{{/inline}}
{{#*inline "button"}}Dossier openen{{/inline}}
{{#*inline "footer"}}${COORDINATOR_FOOTER}{{/inline}}
{{/layout}}`,
  },
  REFERRAL_RETURNED: {
    subject: `Aanmelding teruggestuurd: vul de IZO-aanmelding aan (uiterlijk {{dueDateLong}})`,
    html: `{{#> layout}}
{{#*inline "content"}}
${P}De zorgcoördinator heeft de IZO-aanmelding{{#if pupilFirstName}} voor {{pupilFirstName}}{{/if}} teruggestuurd: er ontbreekt nog informatie. Vul de aanmelding aan en dien haar opnieuw in.</p>
{{#> facts}}
{{> fact label="Taak" value=stepLabel}}
{{> fact label="Uiterlijk af" value=dueDateLong}}
{{#if pupilFirstName}}{{> fact label="Leerling" value=pupilFirstName}}{{/if}}
{{/facts}}
{{#if missingParts}}${P}Nog niet ingevuld:</p>
<ul style="margin:0 0 16px 0;padding-left:20px;">{{#each missingParts}}<li>{{this}}</li>{{/each}}</ul>{{/if}}
${P}Wat de zorgcoördinator nog nodig heeft, lees je bij de aanmelding in Zorgroute.</p>
{{/inline}}
{{#*inline "button"}}Aanmelding aanvullen{{/inline}}
{{#*inline "footer"}}${STAFF_TASK_FOOTER}{{/inline}}
{{/layout}}`,
    text: `{{#> layout}}
{{#*inline "content"}}
De zorgcoördinator heeft de IZO-aanmelding{{#if pupilFirstName}} voor {{pupilFirstName}}{{/if}} teruggestuurd: er ontbreekt nog informatie. Vul de aanmelding aan en dien haar opnieuw in.

Taak: {{stepLabel}}
Uiterlijk af: {{dueDateLong}}
{{#if pupilFirstName}}
Leerling: {{pupilFirstName}}
{{/if}}
{{#if missingParts}}

Nog niet ingevuld:
{{#each missingParts}}
- {{this}}
{{/each}}
{{/if}}

Wat de zorgcoördinator nog nodig heeft, lees je bij de aanmelding in Zorgroute.
{{/inline}}
{{#*inline "button"}}Aanmelding aanvullen{{/inline}}
{{#*inline "footer"}}${STAFF_TASK_FOOTER}{{/inline}}
{{/layout}}`,
  },
  SESSION_REMINDER: {
    subject: `Herinnering: {{#if isPupil}}je sessie{{else}}sessie{{/if}} op {{dueDateLong}} om {{sessionTime}}`,
    html: `{{#> layout}}
{{#*inline "content"}}
{{#if isPupil}}${P}Even een herinnering: je hebt een sessie met je coach op <strong>{{dueDateLong}} om {{sessionTime}}</strong>.</p>
{{else}}${P}Even een herinnering: je hebt een sessie{{#if pupilFirstName}} met {{pupilFirstName}}{{/if}} op <strong>{{dueDateLong}} om {{sessionTime}}</strong>.</p>
{{/if}}
{{#> facts}}
{{> fact label="Wat" value=stepLabel}}
{{> fact label="Datum" value=dueDateLong}}
{{> fact label="Tijd" value=sessionTime}}
{{/facts}}
{{#if isPupil}}${P}Kun je niet? Laat het je coach dan zo snel mogelijk weten.</p>{{else}}${P}Leg de sessie na afloop vast in Zorgroute.</p>{{/if}}
{{/inline}}
{{#*inline "button"}}{{#if isPupil}}Mijn doel bekijken{{else}}Traject openen{{/if}}{{/inline}}
{{#*inline "footer"}}{{#if isPupil}}Je ontvangt dit bericht omdat je bij {{schoolName}} een ondersteuningstraject volgt; deze e-mail is automatisch verstuurd.{{else}}${STAFF_TASK_FOOTER}{{/if}}{{/inline}}
{{/layout}}`,
    text: `{{#> layout}}
{{#*inline "content"}}
{{#if isPupil}}
Even een herinnering: je hebt een sessie met je coach op {{dueDateLong}} om {{sessionTime}}.
{{else}}
Even een herinnering: je hebt een sessie{{#if pupilFirstName}} met {{pupilFirstName}}{{/if}} op {{dueDateLong}} om {{sessionTime}}.
{{/if}}

Wat: {{stepLabel}}
Datum: {{dueDateLong}}
Tijd: {{sessionTime}}

{{#if isPupil}}
Kun je niet? Laat het je coach dan zo snel mogelijk weten.
{{else}}
Leg de sessie na afloop vast in Zorgroute.
{{/if}}
{{/inline}}
{{#*inline "button"}}{{#if isPupil}}Mijn doel bekijken{{else}}Traject openen{{/if}}{{/inline}}
{{#*inline "footer"}}{{#if isPupil}}Je ontvangt dit bericht omdat je bij {{schoolName}} een ondersteuningstraject volgt; deze e-mail is automatisch verstuurd.{{else}}${STAFF_TASK_FOOTER}{{/if}}{{/inline}}
{{/layout}}`,
  },
  MEETING_INVITATION: MEETING_INVITATION_TEMPLATE,
  MEETING_CANCELLED: MEETING_CANCELLED_TEMPLATE,
  MEETING_AGENDA: MEETING_AGENDA_TEMPLATE,
  MEETING_OVERVIEW_AGENDA: MEETING_OVERVIEW_AGENDA_TEMPLATE,
  DAILY_DIGEST: DAILY_DIGEST_TEMPLATE,

  LOGIN_INVITATION: {
    subject: `{{#if isPupil}}Je uitnodiging{{else}}Uw uitnodiging{{/if}} voor Zorgroute van {{schoolName}}`,
    html: `{{#> layout}}
{{#*inline "content"}}
{{#if isPupil}}${P}{{schoolName}} nodigt je uit om in te loggen bij Zorgroute, waar je de begeleiding op school volgt en op verzoeken antwoordt.{{#if renewed}} Dit is de nieuwe uitnodiging waar je om vroeg.{{/if}}</p>
${P}Met de knop hieronder maak je je inlog: een passkey (met je telefoon of computer, zonder wachtwoord) of een code die we je per e-mail sturen.</p>
{{else}}${P}{{schoolName}} nodigt u uit om in te loggen bij Zorgroute, het ouderportaal waarin u de begeleiding van uw kind volgt en op verzoeken van de school antwoordt.{{#if renewed}} Dit is de nieuwe uitnodiging waar u om vroeg.{{/if}}</p>
${P}Met de knop hieronder maakt u uw inlog: een passkey (met uw telefoon of computer, zonder wachtwoord) of een code die wij u per e-mail sturen.</p>
{{/if}}
{{#> facts}}
{{> fact label="Wat" value=stepLabel}}
{{> fact label="Link geldig tot en met" value=dueDateLong}}
{{/facts}}
${P}{{#if isPupil}}De link werkt één keer. Is hij verlopen of al gebruikt, dan kun je op de pagina een nieuwe aanvragen.{{else}}De link werkt één keer. Is hij verlopen of al gebruikt, dan kunt u op de pagina een nieuwe aanvragen.{{/if}}</p>
{{/inline}}
{{#*inline "button"}}Inlog aanmaken{{/inline}}
{{#*inline "footer"}}${LOGIN_FOOTER}{{/inline}}
{{/layout}}`,
    text: `{{#> layout}}
{{#*inline "content"}}
{{#if isPupil}}
{{schoolName}} nodigt je uit om in te loggen bij Zorgroute, waar je de begeleiding op school volgt en op verzoeken antwoordt.{{#if renewed}} Dit is de nieuwe uitnodiging waar je om vroeg.{{/if}}

Met de link hieronder maak je je inlog: een passkey (met je telefoon of computer, zonder wachtwoord) of een code die we je per e-mail sturen.
{{else}}
{{schoolName}} nodigt u uit om in te loggen bij Zorgroute, het ouderportaal waarin u de begeleiding van uw kind volgt en op verzoeken van de school antwoordt.{{#if renewed}} Dit is de nieuwe uitnodiging waar u om vroeg.{{/if}}

Met de link hieronder maakt u uw inlog: een passkey (met uw telefoon of computer, zonder wachtwoord) of een code die wij u per e-mail sturen.
{{/if}}

Wat: {{stepLabel}}
Link geldig tot en met: {{dueDateLong}}

{{#if isPupil}}De link werkt één keer. Is hij verlopen of al gebruikt, dan kun je op de pagina een nieuwe aanvragen.{{else}}De link werkt één keer. Is hij verlopen of al gebruikt, dan kunt u op de pagina een nieuwe aanvragen.{{/if}}
{{/inline}}
{{#*inline "button"}}Inlog aanmaken{{/inline}}
{{#*inline "footer"}}${LOGIN_FOOTER}{{/inline}}
{{/layout}}`,
  },

  LOGIN_CODE: {
    subject: `Uw inlogcode voor Zorgroute`,
    html: `{{#> layout}}
{{#*inline "content"}}
${P}U vroeg om een code om in te loggen bij Zorgroute ({{stepLabel}}, {{dueDateLong}}). Uw code is:</p>
<p style="margin:0 0 16px 0;font-size:28px;font-weight:bold;letter-spacing:4px;">{{loginCode}}</p>
${P}De code is {{validMinutes}} minuten geldig en werkt één keer. Vul hem in op de inlogpagina. Vroeg u niet om deze code? Dan kunt u deze e-mail negeren; zonder de code kan niemand inloggen.</p>
{{/inline}}
{{#*inline "button"}}Naar de inlogpagina{{/inline}}
{{#*inline "footer"}}${LOGIN_FOOTER}{{/inline}}
{{/layout}}`,
    text: `{{#> layout}}
{{#*inline "content"}}
U vroeg om een code om in te loggen bij Zorgroute ({{stepLabel}}, {{dueDateLong}}). Uw code is:

    {{loginCode}}

De code is {{validMinutes}} minuten geldig en werkt één keer. Vul hem in op de inlogpagina. Vroeg u niet om deze code? Dan kunt u deze e-mail negeren; zonder de code kan niemand inloggen.
{{/inline}}
{{#*inline "button"}}Naar de inlogpagina{{/inline}}
{{#*inline "footer"}}${LOGIN_FOOTER}{{/inline}}
{{/layout}}`,
  },
};
