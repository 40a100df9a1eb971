import type { MessageTemplateSource } from './message.templates';

/**
 * Dutch templates of the meeting messages (MEETING_INVITATION, MEETING_AGENDA). They see only the view built by
 * TemplateRenderer: the meeting (its label from the workflow, e.g. "IZO-bespreking"), date, time, place, a fixed "what to bring" text per meeting and audience, the
 * pupil's first name and the link; never the reason for the meeting. Parents are addressed with "u", staff and
 * pupils with "je".
 */

const P = '<p style="margin:0 0 16px 0;">';

const INVITATION_FOOTER =
  `{{#if isParent}}U ontvangt dit bericht omdat u bij {{schoolName}} geregistreerd staat als ouder of verzorger van {{pupilFirstName}}; deze e-mail is automatisch verstuurd.{{/if}}` +
  `{{#if isPupil}}Je ontvangt dit bericht omdat je leerling bent van {{schoolName}}; deze e-mail is automatisch verstuurd.{{/if}}` +
  `{{#if isStaff}}Je ontvangt dit bericht omdat je bij {{schoolName}} deelnemer bent aan dit overleg; deze e-mail is automatisch verstuurd.{{/if}}`;

/** The meeting's facts, the same in every message about it. */
const MEETING_FACTS_HTML = `{{#> facts}}
{{> fact label="Overleg" value=stepLabel}}
{{> fact label="Datum" value=dueDateLong}}
{{#if meetingTime}}{{> fact label="Tijd" value=meetingTime}}{{/if}}
{{> fact label="Waar" value=placeText}}
{{/facts}}`;

const MEETING_FACTS_TEXT = `Overleg: {{stepLabel}}
Datum: {{dueDateLong}}
{{#if meetingTime}}
Tijd: {{meetingTime}}
{{/if}}
Waar: {{placeText}}`;

/** The link and footer of a message to one participant (parent, pupil or staff). */
const PARTICIPANT_BUTTON_AND_FOOTER = `{{#*inline "button"}}{{#if isStaff}}Dossier openen{{else}}Bekijken in het portaal{{/if}}{{/inline}}
{{#*inline "footer"}}${INVITATION_FOOTER}{{/inline}}`;

const AGENDA_FOOTER = `Je ontvangt dit bericht omdat je bij {{schoolName}} deelnemer bent aan dit overleg; deze e-mail is automatisch verstuurd.`;

export const MEETING_INVITATION_TEMPLATE: MessageTemplateSource = {
  subject: `Uitnodiging: {{stepLabel}} op {{dueDateLong}}{{#if meetingTime}} om {{meetingTime}}{{/if}}`,
  html: `{{#> layout}}
{{#*inline "content"}}
{{#if isParent}}${P}Wij nodigen u uit voor {{meetingPhrase}} over {{pupilFirstName}} op {{schoolName}}.</p>{{/if}}
{{#if isPupil}}${P}We nodigen je uit voor {{meetingPhrase}} op {{schoolName}}.</p>{{/if}}
{{#if isStaff}}${P}Je bent uitgenodigd voor {{meetingPhrase}} over {{pupilFirstName}}.</p>{{/if}}
${MEETING_FACTS_HTML}
${P}{{bringText}}</p>
{{#if isParent}}${P}Kunt u niet op deze datum? Neem dan zo snel mogelijk contact op met de school.</p>{{/if}}
{{#if isPupil}}${P}Kun je niet? Zeg het dan zo snel mogelijk tegen je mentor.</p>{{/if}}
{{/inline}}
${PARTICIPANT_BUTTON_AND_FOOTER}
{{/layout}}`,
  text: `{{#> layout}}
{{#*inline "content"}}
{{#if isParent}}
Wij nodigen u uit voor {{meetingPhrase}} over {{pupilFirstName}} op {{schoolName}}.
{{/if}}
{{#if isPupil}}
We nodigen je uit voor {{meetingPhrase}} op {{schoolName}}.
{{/if}}
{{#if isStaff}}
Je bent uitgenodigd voor {{meetingPhrase}} over {{pupilFirstName}}.
{{/if}}

${MEETING_FACTS_TEXT}

{{bringText}}
{{#if isParent}}

Kunt u niet op deze datum? Neem dan zo snel mogelijk contact op met de school.
{{/if}}
{{#if isPupil}}

Kun je niet? Zeg het dan zo snel mogelijk tegen je mentor.
{{/if}}
{{/inline}}
${PARTICIPANT_BUTTON_AND_FOOTER}
{{/layout}}`,
};

/** The planned meeting will not take place (its case was closed); the calendar entry is cancelled with it. */
export const MEETING_CANCELLED_TEMPLATE: MessageTemplateSource = {
  subject: `Gaat niet door: {{stepLabel}} op {{dueDateLong}}{{#if meetingTime}} om {{meetingTime}}{{/if}}`,
  html: `{{#> layout}}
{{#*inline "content"}}
{{#if isParent}}${P}Helaas gaat {{meetingPhrase}} over {{pupilFirstName}} op {{schoolName}}, waarvoor u was uitgenodigd, niet door.</p>{{/if}}
{{#if isPupil}}${P}Helaas gaat {{meetingPhrase}} op {{schoolName}}, waarvoor je was uitgenodigd, niet door.</p>{{/if}}
{{#if isStaff}}${P}Helaas gaat {{meetingPhrase}} over {{pupilFirstName}}, waarvoor je was uitgenodigd, niet door.</p>{{/if}}
${MEETING_FACTS_HTML}
${P}{{#if isParent}}Had u de uitnodiging in uw agenda gezet? Dan verdwijnt de afspraak daar ook.{{else}}Had je de uitnodiging in je agenda gezet? Dan verdwijnt de afspraak daar ook.{{/if}}</p>
{{#if isParent}}${P}Heeft u vragen? Neem dan contact op met de school.</p>{{/if}}
{{#if isPupil}}${P}Vragen? Stel ze aan je mentor.</p>{{/if}}
{{/inline}}
${PARTICIPANT_BUTTON_AND_FOOTER}
{{/layout}}`,
  text: `{{#> layout}}
{{#*inline "content"}}
{{#if isParent}}
Helaas gaat {{meetingPhrase}} over {{pupilFirstName}} op {{schoolName}}, waarvoor u was uitgenodigd, niet door.
{{/if}}
{{#if isPupil}}
Helaas gaat {{meetingPhrase}} op {{schoolName}}, waarvoor je was uitgenodigd, niet door.
{{/if}}
{{#if isStaff}}
Helaas gaat {{meetingPhrase}} over {{pupilFirstName}}, waarvoor je was uitgenodigd, niet door.
{{/if}}

${MEETING_FACTS_TEXT}

{{#if isParent}}Had u de uitnodiging in uw agenda gezet? Dan verdwijnt de afspraak daar ook.{{else}}Had je de uitnodiging in je agenda gezet? Dan verdwijnt de afspraak daar ook.{{/if}}
{{#if isParent}}

Heeft u vragen? Neem dan contact op met de school.
{{/if}}
{{#if isPupil}}

Vragen? Stel ze aan je mentor.
{{/if}}
{{/inline}}
${PARTICIPANT_BUTTON_AND_FOOTER}
{{/layout}}`,
};

/**
 * The agenda of one meeting with all its cases (issue 17.8): date in words, time, place and the number of pupils; the
 * names are on the meeting page (staff only), never in the e-mail.
 */
export const MEETING_OVERVIEW_AGENDA_TEMPLATE: MessageTemplateSource = {
  subject: `Agenda {{stepLabel}} van {{dueDateLong}}{{#if meetingTime}} om {{meetingTime}}{{/if}}`,
  html: `{{#> layout}}
{{#*inline "content"}}
${P}De agenda van {{meetingPhrase}} van {{dueDateLong}} staat klaar in Zorgroute: {{caseCountText}} op de agenda.</p>
${MEETING_FACTS_HTML}
${P}Wie er besproken worden en de informatie per leerling zie je op de pagina van het overleg. {{bringText}}</p>
{{/inline}}
{{#*inline "button"}}Overleg openen{{/inline}}
{{#*inline "footer"}}${AGENDA_FOOTER}{{/inline}}
{{/layout}}`,
  text: `{{#> layout}}
{{#*inline "content"}}
De agenda van {{meetingPhrase}} van {{dueDateLong}} staat klaar in Zorgroute: {{caseCountText}} op de agenda.

${MEETING_FACTS_TEXT}

Wie er besproken worden en de informatie per leerling zie je op de pagina van het overleg. {{bringText}}
{{/inline}}
{{#*inline "button"}}Overleg openen{{/inline}}
{{#*inline "footer"}}${AGENDA_FOOTER}{{/inline}}
{{/layout}}`,
};

export const MEETING_AGENDA_TEMPLATE: MessageTemplateSource = {
  subject: `Agenda {{stepLabel}} van {{dueDateLong}}{{#if meetingTime}} om {{meetingTime}}{{/if}}`,
  html: `{{#> layout}}
{{#*inline "content"}}
${P}De agenda en de informatie voor {{meetingPhrase}} van {{dueDateLong}}{{#if pupilFirstName}} (bespreking van {{pupilFirstName}}){{/if}} staan voor je klaar in Zorgroute. Lees ze vóór het overleg.</p>
${MEETING_FACTS_HTML}
${P}{{bringText}}</p>
{{/inline}}
{{#*inline "button"}}Agenda en informatie openen{{/inline}}
{{#*inline "footer"}}${AGENDA_FOOTER}{{/inline}}
{{/layout}}`,
  text: `{{#> layout}}
{{#*inline "content"}}
De agenda en de informatie voor {{meetingPhrase}} van {{dueDateLong}}{{#if pupilFirstName}} (bespreking van {{pupilFirstName}}){{/if}} staan voor je klaar in Zorgroute. Lees ze vóór het overleg.

${MEETING_FACTS_TEXT}

{{bringText}}
{{/inline}}
{{#*inline "button"}}Agenda en informatie openen{{/inline}}
{{#*inline "footer"}}${AGENDA_FOOTER}{{/inline}}
{{/layout}}`,
};
