import { datesInWords } from '@zorgroute/dates';

/**
 * The rules behind a due date, in Dutch: what a screen says instead of the machine name (`P4.decisionWeeks`) the
 * workflows record with each due date.
 */
const RULE_WORDS: Record<string, string> = {
  'P4.decisionWeeks': 'de wettelijke beslistermijn',
  'P4.extensionMaxWeeks': 'de eenmalige verlenging van de beslistermijn',
  'P4.swvAlertAfterWeeks': 'de melding aan het samenwerkingsverband na 10 weken zonder besluit',
};

/**
 * A Dutch sentence that a workflow recorded for people (a due date's explanation, a timeline line, a stuck reason) as
 * the screens, documents and exports show it: every ISO date in words ("vrijdag 11 december 2026") and no rule names
 * ("(regel P4.decisionWeeks)" becomes "(de wettelijke beslistermijn)", an unknown rule is left out).
 */
export function textForPeople(text: string): string;
export function textForPeople(text: string | null): string | null;
export function textForPeople(text: string | null): string | null {
  if (text === null) return null;
  const withoutRules = text.replace(/\s*\(regel ([A-Za-z0-9_.]+)\)/g, (_match, rule: string) => (RULE_WORDS[rule] ? ` (${RULE_WORDS[rule]})` : ''));
  return datesInWords(withoutRules);
}
