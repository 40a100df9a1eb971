/**
 * The common layout of every e-mail, as Handlebars sources compiled once by TemplateRenderer.
 * Each message template is a partial block `{{#> layout}}` that defines three inline partials:
 * `content` (the body), `button` (the label of the deep link) and `footer` (why the recipient
 * gets this message). HTML templates are compiled with escaping on; nothing is triple-stashed.
 */

export const HTML_LAYOUT = `<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{subject}}</title>
</head>
<body style="margin:0;padding:0;background-color:#f3f4f6;font-family:Arial,Helvetica,sans-serif;color:#1f2933;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background-color:#f3f4f6;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background-color:#ffffff;">
<tr><td style="background-color:#1d4e89;color:#ffffff;padding:16px 24px;font-size:20px;font-weight:bold;">Zorgroute</td></tr>
<tr><td style="padding:24px;font-size:15px;line-height:1.5;">
<p style="margin:0 0 16px 0;">Beste {{recipientName}},</p>
{{> content}}
<table role="presentation" cellpadding="0" cellspacing="0" style="margin:8px 0 16px 0;"><tr>
<td style="background-color:#1d4e89;border-radius:4px;"><a href="{{caseUrl}}" style="display:inline-block;padding:10px 18px;color:#ffffff;text-decoration:none;font-weight:bold;">{{> button}}</a></td>
</tr></table>
<p style="margin:0;font-size:13px;color:#52606d;">Werkt de knop niet? Kopieer dan deze link in {{#if formal}}uw{{else}}je{{/if}} browser:<br><a href="{{caseUrl}}" style="color:#1d4e89;word-break:break-all;">{{caseUrl}}</a></p>
</td></tr>
<tr><td style="padding:16px 24px;border-top:1px solid #e4e7eb;font-size:12px;line-height:1.4;color:#7b8794;">{{> footer}}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;

/** A table of facts (label: value) in the HTML body; rows are `{{> fact label="…" value=…}}` inside `{{#> facts}}`. */
export const HTML_FACT = `<tr><td style="padding:4px 16px 4px 0;color:#52606d;vertical-align:top;">{{label}}</td><td style="padding:4px 0;font-weight:bold;">{{value}}</td></tr>`;

/** Wraps fact rows: `{{#> facts}}…{{/facts}}`. */
export const HTML_FACTS = `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:0 0 16px 0;font-size:15px;">
{{> @partial-block}}
</table>`;

export const TEXT_LAYOUT = `Zorgroute
=========

Beste {{recipientName}},

{{> content}}

{{> button}}:
{{caseUrl}}

--
{{> footer}}
`;
