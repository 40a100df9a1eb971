import type { MessageTemplateSource } from './message.templates';

/**
 * The staff's daily digest (issue 5): one e-mail per school day with every message that would otherwise have been
 * sent on its own. Each item keeps the subject it would have had, its step, due date and deep link — never more.
 * The layout's button links to the app; `stepLabel` is the title ("Dagoverzicht") and `dueDateLong` the digest's date.
 */
const DIGEST_FOOTER = `Je ontvangt dit bericht omdat je bij {{schoolName}} hebt gekozen voor één dagoverzicht per schooldag in plaats van losse e-mails; deze e-mail is automatisch verstuurd.`;

const P = '<p style="margin:0 0 16px 0;">';

export const DAILY_DIGEST_TEMPLATE: MessageTemplateSource = {
  subject: `Zorgroute: {{stepLabel}} van {{dueDateLong}} ({{digestCountText}})`,
  html: `{{#> layout}}
{{#*inline "content"}}
${P}<strong>{{stepLabel}}</strong> van {{dueDateLong}}: {{digestCountText}} uit Zorgroute in één e-mail.</p>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin:0 0 16px 0;font-size:15px;border-collapse:collapse;">
{{#each digestItems}}
<tr><td style="padding:10px 0;border-top:1px solid #e4e7eb;">
<strong>{{title}}</strong><br>
<span style="color:#52606d;">Taak:</span> {{stepLabel}}{{#if pupilFirstName}} <span style="color:#52606d;">· Leerling:</span> {{pupilFirstName}}{{/if}}<br>
<span style="color:#52606d;">Uiterlijk af:</span> {{dueDateLong}}<br>
<a href="{{caseUrl}}" style="color:#1d4e89;">Openen</a>
</td></tr>
{{/each}}
</table>
${P}Wil je liever elk bericht direct los ontvangen? Dat stel je in bij je meldingsvoorkeuren in Zorgroute.</p>
{{/inline}}
{{#*inline "button"}}Naar Zorgroute{{/inline}}
{{#*inline "footer"}}${DIGEST_FOOTER}{{/inline}}
{{/layout}}`,
  text: `{{#> layout}}
{{#*inline "content"}}
{{stepLabel}} van {{dueDateLong}}: {{digestCountText}} uit Zorgroute in één e-mail.
{{#each digestItems}}

- {{title}}
  Taak: {{stepLabel}}{{#if pupilFirstName}} (leerling: {{pupilFirstName}}){{/if}}
  Uiterlijk af: {{dueDateLong}}
  Openen: {{caseUrl}}
{{/each}}

Wil je liever elk bericht direct los ontvangen? Dat stel je in bij je meldingsvoorkeuren in Zorgroute.
{{/inline}}
{{#*inline "button"}}Naar Zorgroute{{/inline}}
{{#*inline "footer"}}${DIGEST_FOOTER}{{/inline}}
{{/layout}}`,
};
