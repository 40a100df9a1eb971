import { dateInWords, dateTimeInWords } from '@zorgroute/dates';
import { openPdfDocument, PDF_BODY_SIZE as BODY_SIZE, PDF_MARGIN as MARGIN, PDF_SMALL_SIZE as SMALL_SIZE, safePdfText as safe } from '@zorgroute/notifications';
import { OPP_UITSTROOM_OPTIONS } from '@zorgroute/processes';

/**
 * One version of an OPP (P7) as the people it is about read it: headings, Dutch labels, dates in words, no internal
 * codes (no ids, no enum names, no digests). Its content is the caller's share of the OPP (the case-data audience
 * rules): fields the caller may not see are absent from the data and so from the document.
 *
 * Layout: the Zorgroute PDF frame (`openPdfDocument`).
 */

/** The version as the audience filter left it: every content field may be absent. */
export interface OppPdfVersion {
  version: number;
  status?: string;
  drawnUpOn?: string;
  agreedOn?: string | null;
  changeReason?: string | null;
  onderwijsbehoeften?: string;
  belemmerendeFactoren?: string;
  bevorderendeFactoren?: string;
  uitstroomperspectief?: string;
  uitstroomOnderbouwing?: string;
  handelingsdeel?: { support: string; providedBy: string; duration: string; frequency?: string | null }[];
  programmeDeviations?: string | null;
  authors?: string[];
  parentsConsultedOn?: string;
}

export interface OppPdfInput {
  pupilName: string;
  schoolName: string;
  version: OppPdfVersion;
  /** The pupil's view on this version (hoorrecht), where the caller may see it. */
  hearing?: { mode?: string; heardOn?: string | null; pupilView?: string | null; weighing?: string | null; waiverReason?: string | null } | null;
  nextEvaluation?: { date: string } | null;
  generatedAt: string;
}

export interface OppPdfOptions {
  /** Compress the page streams (default true; tests switch it off to read the text back). */
  compress?: boolean;
}

const VERSION_STATUS: Record<string, string> = {
  CONCEPT: 'concept: de ouders hebben nog niet ingestemd met het handelingsdeel',
  VASTGESTELD: 'vastgesteld: de ouders hebben ingestemd met het handelingsdeel',
  VERVANGEN: 'vervangen door een latere versie',
  NIET_INGESTEMD: 'de ouders hebben niet ingestemd met het handelingsdeel',
};

const uitstroomLabel = (value: string) => OPP_UITSTROOM_OPTIONS.find((o) => o.value === value)?.label ?? value;

/** The OPP version as a PDF (Dutch), for the parents, the pupil, the school and — where shared — the SWV. */
export function renderOppPdf(input: OppPdfInput, opts: OppPdfOptions = {}): Promise<Buffer> {
  const v = input.version;
  const title = `Ontwikkelingsperspectiefplan van ${input.pupilName}`;
  const { doc, width, room, finish } = openPdfDocument({ title, creationDate: new Date(input.generatedAt), compress: opts.compress });
  const heading = (text: string) => {
    room(80);
    doc.moveDown(0.8);
    doc.font('Helvetica-Bold').fontSize(13).fillColor('#1f3a5f').text(safe(text), MARGIN, doc.y, { width });
    doc.fillColor('black');
    doc.moveDown(0.3);
  };
  const para = (text: string, size = BODY_SIZE) => {
    room(30);
    doc.font('Helvetica').fontSize(size).text(safe(text), MARGIN, doc.y, { width, lineGap: 1.5 });
  };
  const section = (label: string, text: string | null | undefined) => {
    if (!text) return;
    heading(label);
    para(text);
  };

  doc.font('Helvetica-Bold').fontSize(18).text(safe(title), { width });
  doc.moveDown(0.3);
  para(
    [
      `${input.schoolName}. Versie ${v.version}${v.drawnUpOn ? `, opgesteld op ${dateInWords(v.drawnUpOn)}` : ''}.`,
      v.status && VERSION_STATUS[v.status] ? `Stand: ${VERSION_STATUS[v.status]}${v.agreedOn ? ` (op ${dateInWords(v.agreedOn)})` : ''}.` : null,
      v.parentsConsultedOn ? `Besproken met de ouders op ${dateInWords(v.parentsConsultedOn)}.` : null,
      v.authors?.length ? `Opgesteld door: ${v.authors.join(', ')}.` : null,
    ]
      .filter(Boolean)
      .join(' '),
  );

  section('Wat is er veranderd', v.changeReason);
  section('Onderwijsbehoeften', v.onderwijsbehoeften);
  section('Belemmerende factoren', v.belemmerendeFactoren);
  section('Bevorderende factoren', v.bevorderendeFactoren);
  section('Uitstroomperspectief', v.uitstroomperspectief ? uitstroomLabel(v.uitstroomperspectief) : null);
  section('Onderbouwing van het uitstroomperspectief', v.uitstroomOnderbouwing);

  if (v.handelingsdeel) {
    heading('Handelingsdeel: de ondersteuning');
    para('Met dit deel van het plan stemmen de ouders in (en de leerling vanaf 16 jaar).', SMALL_SIZE);
    doc.moveDown(0.3);
    if (!v.handelingsdeel.length) para('Er is geen ondersteuning beschreven.');
    for (const l of v.handelingsdeel) {
      room(40);
      doc.font('Helvetica-Bold').fontSize(BODY_SIZE).text(safe(`•  ${l.support}`), MARGIN + 8, doc.y, { width: width - 8 });
      doc.font('Helvetica').fontSize(SMALL_SIZE).text(safe(`Door: ${l.providedBy}. Hoe lang: ${l.duration}.${l.frequency ? ` Hoe vaak: ${l.frequency}.` : ''}`), MARGIN + 20, doc.y, { width: width - 20, lineGap: 1 });
      doc.moveDown(0.3);
    }
    doc.x = MARGIN;
  }
  section('Afwijkingen van het onderwijsprogramma', v.programmeDeviations);

  const h = input.hearing;
  if (h && (h.pupilView || h.waiverReason)) {
    heading('De mening van de leerling');
    if (h.mode === 'HEARD') {
      para(`${h.heardOn ? `Gevraagd op ${dateInWords(h.heardOn)}. ` : ''}${h.pupilView ?? ''}`);
      if (h.weighing) para(`Wat de school ermee doet: ${h.weighing}`);
    } else if (h.waiverReason) {
      para(`De leerling is niet gevraagd: ${h.waiverReason}`);
    }
  }

  if (input.nextEvaluation) {
    heading('Evaluatie');
    para(`Het plan wordt ten minste eens per jaar met de ouders geëvalueerd; de volgende evaluatie is uiterlijk ${dateInWords(input.nextEvaluation.date)}.`);
  }

  doc.moveDown(1);
  para(`Gemaakt op ${dateTimeInWords(input.generatedAt)}. Hebt u vragen over dit plan? Neem dan contact op met de zorgcoördinator van de school.`, SMALL_SIZE);

  return finish((page, pages) => `${title} · versie ${v.version} · pagina ${page} van ${pages}`);
}
