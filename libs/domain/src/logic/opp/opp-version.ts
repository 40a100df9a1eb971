/**
 * P7 OPP: the content of one version of an ontwikkelingsperspectiefplan, its SHA-256 digest, and when the next
 * evaluation is due. Pure and deterministic (safe in the workflow sandbox): the workflow computes the digest when a
 * version is drawn up and stores it with the parents' instemming (the consent record); the api recomputes it from the
 * read model to regenerate the very same document (the PDF shows it), so what the parents agreed to can be proven.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { stableStringify } from '../../audit/stable-stringify';
import { addCalendarMonths, addCalendarWeeks, type IsoDate } from '../calendar';
import type { DueDate } from '../due-dates';

/** One line of the handelingsdeel: the support, who gives it, for how long (and how often). */
export interface OppSupportLine {
  support: string;
  providedBy: string;
  duration: string;
  frequency: string | null;
}

/** What the school writes in a version of the OPP (the SWV's format: issue 16, P7). */
export interface OppContent {
  onderwijsbehoeften: string;
  belemmerendeFactoren: string;
  bevorderendeFactoren: string;
  uitstroomperspectief: string;
  uitstroomOnderbouwing: string;
  /** The handelingsdeel: the parents' instemming is asked for this part. */
  handelingsdeel: OppSupportLine[];
  /** Deviations from the regular programme (part of the handelingsdeel), if any. */
  programmeDeviations: string | null;
  /** Who drew it up (mentor, leerlingbegeleider, zorgcoördinator, ambulant begeleider) [003:479-483]. */
  authors: string[];
  /** The date of the "op overeenstemming gericht overleg" with the parents about this version. */
  parentsConsultedOn: IsoDate;
}

/** Who, what and when of a version, besides its content. */
export interface OppVersionHeader {
  pupilId: string;
  version: number;
  drawnUpOn: IsoDate;
  /** Why the plan was adjusted (versions after the first). */
  changeReason: string | null;
}

/** The exact text a version's digest is taken over: a fixed shape, keys sorted (extra fields never count). */
export function oppVersionCanonical(header: OppVersionHeader, content: OppContent): string {
  return stableStringify({
    format: 'zorgroute-opp-1',
    pupilId: header.pupilId,
    version: header.version,
    drawnUpOn: header.drawnUpOn,
    changeReason: header.changeReason ?? null,
    onderwijsbehoeften: content.onderwijsbehoeften,
    belemmerendeFactoren: content.belemmerendeFactoren,
    bevorderendeFactoren: content.bevorderendeFactoren,
    uitstroomperspectief: content.uitstroomperspectief,
    uitstroomOnderbouwing: content.uitstroomOnderbouwing,
    handelingsdeel: content.handelingsdeel.map((l) => ({ support: l.support, providedBy: l.providedBy, duration: l.duration, frequency: l.frequency ?? null })),
    programmeDeviations: content.programmeDeviations ?? null,
    authors: [...content.authors],
    parentsConsultedOn: content.parentsConsultedOn,
  });
}

/** The SHA-256 digest (hex) of a version: what the parents' instemming is recorded on. */
export function oppVersionDigest(header: OppVersionHeader, content: OppContent): string {
  return bytesToHex(sha256(utf8ToBytes(oppVersionCanonical(header, content))));
}

/** The OPP is drawn up within `weeks` calendar weeks after the extra support started. */
export function oppDrawUpDue(supportStartedOn: IsoDate, weeks: number): DueDate {
  const date = addCalendarWeeks(supportStartedOn, weeks);
  return {
    date,
    rule: 'P7.drawUpWithinWeeks',
    inputs: { supportStartedOn, weeks },
    explanation: `Uiterlijk ${date}: ${weeks} kalenderweken na de start van de extra ondersteuning op ${supportStartedOn}.`,
  };
}

/**
 * The next evaluation with the parents: `months` calendar months after the date the previous evaluation concluded (or,
 * for the first one, after the parents agreed to the first version) — never from the date it was planned or held.
 */
export function oppEvaluationDue(from: IsoDate, months: number, basis: 'AGREED' | 'CONCLUDED'): DueDate {
  const date = addCalendarMonths(from, months);
  const what = basis === 'AGREED' ? 'de instemming van de ouders met het OPP' : 'de afronding van de vorige evaluatie';
  return {
    date,
    rule: 'P7.evaluateEveryMonths',
    inputs: { from, months, basis },
    explanation: `Uiterlijk ${date}: ${months} maanden na ${what} op ${from}.`,
  };
}
