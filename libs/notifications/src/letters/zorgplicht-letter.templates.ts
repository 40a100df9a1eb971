/**
 * Dutch letters of P4 (aanmelding and zorgplicht) as typed templates: each takes the letter's data
 * and returns its blocks; the PDF renderer lays them out. Parents are addressed with "u".
 */
import { formatDutchLongDate } from '../templates/dutch-date.util';
import type { LetterKind } from '../messages/message-kind';
import type { LetterContent, LetterPayload, ZorgplichtDecisionLetterData, ZorgplichtExtensionLetterData } from './letter.types';
import { TLV_LETTER_TITLES, tlvDecisionLetter, tlvExtensionLetter } from './tlv-letter.templates';

/** Titles of the letters (also the e-mail's "letter" label and the stored file's name stem). */
export const LETTER_TITLES: Record<LetterKind, string> = {
  ZORGPLICHT_VERLENGING: 'Verlenging van de beslistermijn',
  ZORGPLICHT_BESLUIT: 'Besluit over de aanmelding',
  ...TLV_LETTER_TITLES,
};

const d = formatDutchLongDate;
const weeks = (n: number) => (n === 1 ? '1 week' : `${n} weken`);

function common(data: ZorgplichtExtensionLetterData | ZorgplichtDecisionLetterData, title: string): Pick<LetterContent, 'title' | 'senderLines' | 'addresseeLines' | 'dateLine' | 'referenceLine' | 'salutation' | 'closing' | 'signatureLines'> {
  return {
    title,
    senderLines: [data.schoolName],
    addresseeLines: [`Aan de ouder(s)/verzorger(s) van ${data.pupilName}`],
    dateLine: `Datum: ${d(data.letterDate)}`,
    referenceLine: `Kenmerk: ${data.reference}`,
    salutation: 'Geachte ouder(s)/verzorger(s),',
    closing: 'Met vriendelijke groet,',
    signatureLines: [data.signedByName, `${data.signedByRole}, ${data.schoolName}`],
  };
}

/** The written notice of the extension, with its reason, sent before the first term ends. */
export function zorgplichtExtensionLetter(data: ZorgplichtExtensionLetterData): LetterContent {
  return {
    ...common(data, LETTER_TITLES.ZORGPLICHT_VERLENGING),
    subject: `Betreft: verlenging van de termijn voor het besluit over de aanmelding van ${data.pupilName}`,
    paragraphs: [
      `Op ${d(data.receivedOn)} hebben wij uw schriftelijke aanmelding van ${data.pupilFirstName} ontvangen. Wij onderzoeken welke ondersteuning ${data.pupilFirstName} nodig heeft en of wij die kunnen bieden. Wij moeten binnen zes weken na de ontvangst van de aanmelding beslissen; die termijn loopt tot en met ${d(data.firstDueDate)}.`,
      `Wij hebben meer tijd nodig om zorgvuldig te beslissen. Daarom verlengen wij de termijn eenmalig met ${weeks(data.extensionWeeks)}.`,
      `De reden van de verlenging: ${data.reason}`,
      `U ontvangt ons besluit uiterlijk op ${d(data.newDueDate)}. Een verdere verlenging is wettelijk niet mogelijk. Tijdens het onderzoek blijft onze school verantwoordelijk voor het vinden van een passende onderwijsplek voor ${data.pupilFirstName} (zorgplicht).`,
      'Heeft u vragen over deze brief? Neem dan contact op met de ondergetekende.',
    ],
    facts: [
      ['Aanmelding ontvangen', d(data.receivedOn)],
      ['Oorspronkelijke termijn', d(data.firstDueDate)],
      ['Verlenging', weeks(data.extensionWeeks)],
      ['Besluit uiterlijk', d(data.newDueDate)],
    ],
  };
}

function outcomeParagraphs(data: ZorgplichtDecisionLetterData): string[] {
  switch (data.outcome) {
    case 'TOEGELATEN':
      return [
        data.arrangement
          ? `Wij hebben besloten ${data.pupilFirstName} toe te laten tot onze school, met extra ondersteuning: ${data.arrangement}`
          : `Wij hebben besloten ${data.pupilFirstName} toe te laten tot onze school. ${data.pupilFirstName} krijgt de basisondersteuning van onze school; een extra ondersteuningsarrangement is niet nodig.`,
      ];
    case 'PLEK_ELDERS':
      return [
        `Wij kunnen ${data.pupilFirstName} niet de ondersteuning bieden die nodig is. Daarom hebben wij gezocht naar een andere school die dat wel kan.`,
        `${data.admittingSchoolName ?? 'Een andere school'} heeft ${data.agreementDate ? `op ${d(data.agreementDate)} ` : ''}laten weten ${data.pupilFirstName} toe te laten. Daarmee hebben wij een passende onderwijsplek geboden. U kunt ${data.pupilFirstName} daar inschrijven.`,
      ];
    case 'TLV_AANGEVRAAGD':
      return [
        `Wij kunnen ${data.pupilFirstName} niet de ondersteuning bieden die nodig is, en wij zijn van oordeel dat het voortgezet speciaal onderwijs voor ${data.pupilFirstName} het best passend is.`,
        `Wij hebben ${data.tlvRequestedOn ? `op ${d(data.tlvRequestedOn)} ` : ''}bij het samenwerkingsverband een toelaatbaarheidsverklaring (TLV) aangevraagd. Het samenwerkingsverband beslist over die aanvraag en laat u dat weten. Tot er een passende plek is, blijven wij verantwoordelijk (zorgplicht).`,
      ];
  }
}

/** The decision letter, with how to object (bezwaar within the policy's term). */
export function zorgplichtDecisionLetter(data: ZorgplichtDecisionLetterData): LetterContent {
  return {
    ...common(data, LETTER_TITLES.ZORGPLICHT_BESLUIT),
    subject: `Betreft: besluit over de aanmelding van ${data.pupilName}`,
    paragraphs: [
      `Op ${d(data.receivedOn)} hebben wij uw schriftelijke aanmelding van ${data.pupilFirstName} ontvangen. Met deze brief laten wij u ons besluit weten.`,
      ...outcomeParagraphs(data),
      `Toelichting: ${data.motivation}`,
      'Heeft u vragen over deze brief? Neem dan contact op met de ondergetekende.',
    ],
    facts: [
      ['Aanmelding ontvangen', d(data.receivedOn)],
      ['Datum besluit', d(data.letterDate)],
      ['Bezwaar mogelijk tot en met', d(data.bezwaarUntil)],
    ],
    notice: {
      heading: 'Bent u het niet eens met dit besluit?',
      paragraphs: [
        `Dan kunt u binnen ${weeks(data.bezwaarWeeks)} na de datum van deze brief, dus uiterlijk op ${d(data.bezwaarUntil)}, schriftelijk bezwaar maken bij het bevoegd gezag van ${data.schoolName}. Vermeld in uw bezwaarschrift uw naam en adres, de datum, het kenmerk van deze brief, tegen welk besluit u bezwaar maakt en waarom, en onderteken het.`,
        'Wij nodigen u uit voor een gesprek over uw bezwaar voordat er op wordt beslist. U kunt een geschil over toelating ook voorleggen aan de landelijke geschillencommissie passend onderwijs.',
      ],
    },
  };
}

/** The content of any letter kind. */
export function letterContent(payload: LetterPayload): LetterContent {
  switch (payload.kind) {
    case 'ZORGPLICHT_VERLENGING':
      return zorgplichtExtensionLetter(payload.data);
    case 'ZORGPLICHT_BESLUIT':
      return zorgplichtDecisionLetter(payload.data);
    case 'TLV_VERLENGING':
      return tlvExtensionLetter(payload.data);
    case 'TLV_BESLUIT':
      return tlvDecisionLetter(payload.data);
  }
}
