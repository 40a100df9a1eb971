/**
 * Dutch letters of P8 (TLV, toelaatbaarheidsverklaring): the samenwerkingsverband writes to the parents when it
 * extends its decision term and when its commissie (CTA) decides. The decision letter states the category, the start
 * and end date and how to object: bezwaar at the SWV, then the national committee. Parents are addressed with "u".
 */
import { formatDutchLongDate } from '../templates/dutch-date.util';
import type { LetterContent, TlvCategory, TlvDecisionLetterData, TlvExtensionLetterData, TlvLetterBase } from './letter.types';

export const TLV_LETTER_TITLES = {
  TLV_VERLENGING: 'Verlenging van de beslistermijn TLV',
  TLV_BESLUIT: 'Besluit over de toelaatbaarheidsverklaring',
} as const;

export const TLV_CATEGORY_LABELS: Record<TlvCategory, string> = { LAAG: 'laag', MIDDEN: 'midden', HOOG: 'hoog' };

const d = formatDutchLongDate;
const weeks = (n: number) => (n === 1 ? '1 week' : `${n} weken`);

function common(data: TlvLetterBase, title: string): Pick<LetterContent, 'title' | 'senderLines' | 'addresseeLines' | 'dateLine' | 'referenceLine' | 'salutation' | 'closing' | 'signatureLines'> {
  return {
    title,
    senderLines: [data.swvName],
    addresseeLines: [`Aan de ouder(s)/verzorger(s) van ${data.pupilName}`, `p/a ${data.schoolName}`],
    dateLine: `Datum: ${d(data.letterDate)}`,
    referenceLine: `Kenmerk: ${data.reference}`,
    salutation: 'Geachte ouder(s)/verzorger(s),',
    closing: 'Met vriendelijke groet,',
    signatureLines: [data.signedByName, `Namens de commissie toelaatbaarheid, ${data.swvName}`],
  };
}

/** The notice that the decision term is extended once, with its reason, before it ends. */
export function tlvExtensionLetter(data: TlvExtensionLetterData): LetterContent {
  return {
    ...common(data, TLV_LETTER_TITLES.TLV_VERLENGING),
    subject: `Betreft: verlenging van de termijn voor het besluit over de TLV-aanvraag voor ${data.pupilName}`,
    paragraphs: [
      `${data.schoolName} heeft samen met u een toelaatbaarheidsverklaring (TLV) aangevraagd voor ${data.pupilFirstName}. Het dossier was op ${d(data.completeOn)} compleet. Onze commissie zou uiterlijk op ${d(data.firstDueDate)} beslissen.`,
      `Wij hebben meer tijd nodig om zorgvuldig te beslissen. Daarom verlengen wij de termijn eenmalig met ${weeks(data.extensionWeeks)}.`,
      `De reden van de verlenging: ${data.reason}`,
      `U ontvangt ons besluit uiterlijk op ${d(data.newDueDate)}. Een verdere verlenging is niet mogelijk.`,
      'Heeft u vragen over deze brief? Neem dan contact op met het samenwerkingsverband of met de school.',
    ],
    facts: [
      ['Dossier compleet', d(data.completeOn)],
      ['Oorspronkelijke termijn', d(data.firstDueDate)],
      ['Verlenging', weeks(data.extensionWeeks)],
      ['Besluit uiterlijk', d(data.newDueDate)],
    ],
  };
}

/** The decision letter: the TLV with category and validity, or the refusal; bezwaar, then the national committee. */
export function tlvDecisionLetter(data: TlvDecisionLetterData): LetterContent {
  const granted = data.decision === 'TOEGEKEND';
  const category = data.category ? TLV_CATEGORY_LABELS[data.category] : '';
  return {
    ...common(data, TLV_LETTER_TITLES.TLV_BESLUIT),
    subject: `Betreft: besluit over de aanvraag van een toelaatbaarheidsverklaring voor ${data.pupilName}`,
    paragraphs: [
      `${data.schoolName} heeft samen met u een toelaatbaarheidsverklaring (TLV) voor het voortgezet speciaal onderwijs aangevraagd voor ${data.pupilFirstName}. Twee deskundigen hebben ons geadviseerd. Met deze brief laten wij u het besluit van onze commissie weten.`,
      granted
        ? `Wij geven een toelaatbaarheidsverklaring af voor ${data.pupilFirstName}, in de categorie ${category}. De verklaring geldt van ${d(data.startDate as string)} tot en met ${d(data.endDate as string)}. Met deze verklaring kan ${data.pupilFirstName} worden toegelaten tot een school voor voortgezet speciaal onderwijs; de school en het samenwerkingsverband helpen u bij het zoeken naar een passende VSO-school.`
        : `Wij geven geen toelaatbaarheidsverklaring af voor ${data.pupilFirstName}. ${data.schoolName} blijft verantwoordelijk voor passend onderwijs voor ${data.pupilFirstName} en bespreekt met u hoe de ondersteuning verder gaat.`,
      `Toelichting: ${data.motivation}`,
      'Heeft u vragen over deze brief? Neem dan contact op met het samenwerkingsverband of met de school.',
    ],
    facts: [
      ['Besluit', granted ? 'toelaatbaarheidsverklaring afgegeven' : 'aanvraag afgewezen'],
      ...(granted
        ? ([
            ['Categorie', category],
            ['Geldig vanaf', d(data.startDate as string)],
            ['Geldig tot en met', d(data.endDate as string)],
          ] as [string, string][])
        : []),
      ['Datum besluit', d(data.letterDate)],
      ['Bezwaar mogelijk tot en met', d(data.bezwaarUntil)],
    ],
    notice: {
      heading: 'Bent u het niet eens met dit besluit?',
      paragraphs: [
        `Dan kunt u binnen ${weeks(data.bezwaarWeeks)} na de datum van deze brief, dus uiterlijk op ${d(data.bezwaarUntil)}, schriftelijk bezwaar maken bij ${data.swvName}. Vermeld in uw bezwaarschrift uw naam en adres, de datum, het kenmerk van deze brief, tegen welk besluit u bezwaar maakt en waarom, en onderteken het.`,
        'Het samenwerkingsverband vraagt over uw bezwaar advies aan de Landelijke Bezwaaradviescommissie Toelaatbaarheidsverklaringen voordat het op uw bezwaar beslist. Bent u het daarna nog niet eens met het besluit, dan kunt u in beroep gaan bij de rechter.',
      ],
    },
  };
}
