/**
 * The zorgcoördinator's decision after a consent request of the parents timed out (PROCESSES.md rule 2): ask again,
 * or go on without consent. One step per kind of consent request, `DECIDE_CONSENT_<kind>`, taken by the shared consent
 * update `decideConsentTimeout` of the case's ConsentDesk. The caller sends the decision and a reason; the api adds the
 * timed-out request it is about (never the caller).
 */
import type { ProcessKey, StepDefinition } from '../step-definition';

/** Step names of the decision after a timeout start with this, followed by the consent request's kind. */
export const CONSENT_TIMEOUT_STEP_PREFIX = 'DECIDE_CONSENT_';

interface ConsentKind {
  process: ProcessKey;
  /** Dutch name of the open step. */
  label: string;
  /** Dutch label of the choice not to ask again: what the process does then. */
  abandon: string;
}

/** The consent requests that wait for a decision when they time out, per kind. */
export const CONSENT_TIMEOUT_KINDS: Readonly<Record<string, ConsentKind>> = {
  JOS_BEGELEIDING: { process: 'JOS', label: 'Geen handtekening: opnieuw vragen of afsluiten', abandon: 'Afsluiten: geen toestemming' },
  IZO_BESPREKING: { process: 'ZORGROUTE', label: 'Geen toestemming IZO: opnieuw vragen of stoppen', abandon: 'Stoppen: geen toestemming' },
  ZAT_AANMELDING: { process: 'ZORGROUTE', label: 'Geen toestemming ZAT: opnieuw vragen of terug naar het IZO', abandon: 'Terug naar het IZO: geen toestemming' },
  OOV_PLAATSING: { process: 'OOV', label: 'Geen toestemming OOV: opnieuw vragen of afsluiten', abandon: 'Afsluiten: geen toestemming' },
  OVERDRACHT_OKR: { process: 'OVERDRACHT', label: 'Geen toestemming voor de overdracht: opnieuw vragen of afsluiten', abandon: 'Afsluiten: geen toestemming' },
  OPP_HANDELINGSDEEL: { process: 'OPP', label: 'Geen antwoord van de ouders op het OPP: opnieuw vragen of stoppen', abandon: 'Stoppen: geen instemming' },
  TLV_AANVRAAG: { process: 'TLV', label: 'Geen akkoord TLV: opnieuw vragen of afsluiten', abandon: 'Afsluiten: geen akkoord' },
};

/** The kind of consent request a `DECIDE_CONSENT_<kind>` step is about, or null for any other step. */
export function consentTimeoutKind(step: string): string | null {
  return step.startsWith(CONSENT_TIMEOUT_STEP_PREFIX) ? step.slice(CONSENT_TIMEOUT_STEP_PREFIX.length) : null;
}

/** The decision after a timed-out consent request of this kind in this process, or null when the process asks none. */
export function consentTimeoutStepDefinition(process: string, kind: string): StepDefinition | null {
  const k = Object.prototype.hasOwnProperty.call(CONSENT_TIMEOUT_KINDS, kind) ? CONSENT_TIMEOUT_KINDS[kind] : undefined;
  if (!k || k.process !== process) return null;
  return {
    process: k.process,
    name: `${CONSENT_TIMEOUT_STEP_PREFIX}${kind}`,
    update: 'decideConsentTimeout',
    mutation: 'decideConsentTimeout',
    label: k.label,
    title: 'Besluit na verlopen toestemmingsverzoek',
    description: 'De ouders hebben niet op tijd gereageerd op het verzoek om toestemming. Vraag opnieuw om toestemming, of ga verder zonder.',
    submitLabel: 'Besluit vastleggen',
    who: ['ZORGCOORDINATOR'],
    owner: 'de zorgcoördinator',
    audit: 'CONSENT_TIMEOUT_DECIDED',
    fields: [
      {
        name: 'decision',
        kind: 'choice',
        label: 'Besluit',
        required: true,
        options: [
          { value: 'RETRY', label: 'Opnieuw om toestemming vragen' },
          { value: 'ABANDON', label: k.abandon },
        ],
      },
      { name: 'reason', kind: 'longText', label: 'Reden', required: true, minLength: 3, maxLength: 1000, helper: 'Bijvoorbeeld wat u met de ouders hebt besproken; komt in het logboek.' },
    ],
  };
}

/** Every decision after a timeout, of every process (for tests and docs). */
export function allConsentTimeoutSteps(): StepDefinition[] {
  return Object.entries(CONSENT_TIMEOUT_KINDS).map(([kind, k]) => consentTimeoutStepDefinition(k.process, kind) as StepDefinition);
}
