/**
 * An e-mail subject is what everyone sees first: in an inbox list, on a lock screen, in a shared family mailbox. So
 * it never names the kind of help a pupil gets (PROCESSES.md rule 8: "e-mails carry no diagnosis or case details,
 * only what is needed and a link") — no "OOV", "JOS", "ondersteuningstraject", "TLV" or "OPP". The body may name it
 * for the one recipient who opens it; the subject names the task or the letter only.
 */
const KINDS_OF_HELP: [RegExp, string][] = [
  // "… van JOS", "… in de OOV", "… voor het OPP": the phrase goes with its preposition.
  [/\b(?:JOS|OOV|TLV|OPP)-/gi, ''],
  [/\s+(?:van|voor|in|naar|over|bij|met)\s+(?:de\s+|het\s+)?(?:JOS|OOV|TLV|OPP)\b/gi, ''],
  [/\s*\b(?:JOS|OOV|TLV|OPP)\b/gi, ''],
  [/\s+(?:van|voor|in)\s+(?:het\s+|een\s+)?ondersteuningstraject\b/gi, ''],
  [/\bondersteuningstraject\b/gi, 'begeleiding'],
  [/\b(?:onderwijs-op-maat-voorziening|onderwijs op maat|jongerenondersteuning op school|jeugd ondersteuning op school|toelaatbaarheidsverklaring|ontwikkelingsperspectief(?:plan)?)\b/gi, 'begeleiding'],
];

/** Words that must never stand in a subject (checked by the tests of every template). */
export const KIND_OF_HELP_IN_SUBJECT = /\b(?:JOS|OOV|TLV|OPP|ondersteuningstraject|onderwijs-op-maat|jongerenondersteuning|jeugd ondersteuning|toelaatbaarheidsverklaring|ontwikkelingsperspectief)/i;

/** A step's label as a subject may carry it: "Startgesprek JOS" → "Startgesprek", "Besluit over de OOV-aanvraag" → "Besluit over de aanvraag". */
export function subjectLabel(label: string): string {
  let out = label;
  for (const [pattern, replacement] of KINDS_OF_HELP) out = out.replace(pattern, replacement);
  out = out.replace(/\s{2,}/g, ' ').replace(/\(\s*\)/g, '').trim();
  return out ? out.charAt(0).toUpperCase() + out.slice(1) : 'Taak';
}
