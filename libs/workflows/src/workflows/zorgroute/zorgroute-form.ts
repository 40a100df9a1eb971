/**
 * P2 Zorgroute — when the IZO aanmeldformulier is complete enough to submit. Pure functions, shared by the workflow
 * (submitReferral's validator, a start with `submit`) and the api (startZorgroute refuses an incomplete form before
 * it starts anything, with the same words).
 */
import type { AanmeldFormulier } from './zorgroute.types';

/** Trimmed text, or null when there is none. */
export function cleanReferralText(value: string | null | undefined): string | null {
  const v = typeof value === 'string' ? value.trim() : '';
  return v ? v : null;
}

/** What is still missing before the form can be submitted (Dutch, for the referrer). Empty when complete. */
export function missingReferralFields(form: AanmeldFormulier): string[] {
  const missing: string[] = [];
  if (!form.reasons?.length) missing.push('reden van aanmelding');
  if (!cleanReferralText(form.pupilHelpQuestion) || (form.pupilHelpQuestion ?? '').trim().length < 3) missing.push('hulpvraag van de leerling');
  if (!cleanReferralText(form.mentorSupportQuestion) || (form.mentorSupportQuestion ?? '').trim().length < 3) missing.push('begeleidingsvraag van mentor/docenten');
  if (form.parentsInformed == null) missing.push('of de ouders op de hoogte zijn');
  if (form.parentsInformed === false && (cleanReferralText(form.parentsNotInformedReason) ?? '').length < 3) missing.push('reden waarom de ouders niet op de hoogte zijn');
  if (form.supportNeeded?.includes('ANDERS') && !cleanReferralText(form.supportNeededOther)) missing.push('welke andere ondersteuning nodig is');
  return missing;
}

/** `patch` over `base`: fields left out keep their value, text is trimmed (empty text becomes null). */
export function mergeReferralForm(base: AanmeldFormulier, patch: AanmeldFormulier): AanmeldFormulier {
  const out: AanmeldFormulier = { ...base };
  for (const [k, v] of Object.entries(patch) as [keyof AanmeldFormulier, unknown][]) {
    if (v === undefined) continue;
    (out as Record<string, unknown>)[k] = typeof v === 'string' ? cleanReferralText(v) : v;
  }
  return out;
}

/** The refusal of an incomplete form (Dutch and English), or null when nothing is missing. */
export function incompleteReferralMessage(form: AanmeldFormulier): { nl: string; en: string } | null {
  const missing = missingReferralFields(form);
  if (!missing.length) return null;
  return { nl: `Het aanmeldformulier is niet compleet: ${missing.join(', ')}`, en: `The referral form is incomplete: ${missing.join(', ')}` };
}
