import type { LetterContent, LetterPayload } from './letter.types';
import { letterContent } from './zorgplicht-letter.templates';
import { openPdfDocument, PDF_BODY_SIZE as BODY_SIZE, PDF_MARGIN as MARGIN } from './pdf-document';

export interface PdfRenderOptions {
  /** Compress the page streams (default true; tests switch it off to read the text back). */
  compress?: boolean;
  /** The PDF's creation date (metadata); default now. */
  creationDate?: Date;
}

export interface RenderedLetter {
  title: string;
  /** A safe file name, e.g. `besluit-over-de-aanmelding-2026-11-23.pdf`. */
  fileName: string;
  contentType: 'application/pdf';
  content: Buffer;
}

/** Lays out a letter on A4 with the standard Helvetica fonts (no font files needed). */
export function renderLetterContentPdf(content: LetterContent, opts: PdfRenderOptions = {}): Promise<Buffer> {
  const { doc, width, finish } = openPdfDocument({
    title: content.title,
    author: content.senderLines[0] ?? 'Zorgroute',
    creationDate: opts.creationDate ?? new Date(),
    compress: opts.compress,
  });
  const para = (text: string, gap = 0.6) => {
    doc.font('Helvetica').fontSize(BODY_SIZE).text(text, { width, align: 'left', lineGap: 2 });
    doc.moveDown(gap);
  };

  doc.font('Helvetica-Bold').fontSize(14).text(content.senderLines.join('\n'), { width });
  doc.moveDown(1.5);
  doc.font('Helvetica').fontSize(BODY_SIZE).text(content.addresseeLines.join('\n'), { width });
  doc.moveDown(1.2);
  doc.text(content.dateLine, { width });
  doc.text(content.referenceLine, { width });
  doc.moveDown(1.2);
  doc.font('Helvetica-Bold').fontSize(BODY_SIZE).text(content.subject, { width });
  doc.moveDown(1);
  para(content.salutation);
  for (const p of content.paragraphs) para(p);

  if (content.facts.length) {
    doc.moveDown(0.2);
    for (const [label, value] of content.facts) {
      const y = doc.y;
      doc.font('Helvetica').fontSize(BODY_SIZE).text(`${label}:`, MARGIN, y, { width: 180 });
      doc.font('Helvetica-Bold').text(value, MARGIN + 190, y, { width: width - 190 });
      doc.x = MARGIN;
      doc.moveDown(0.2);
    }
    doc.moveDown(0.8);
  }

  if (content.notice) {
    doc.font('Helvetica-Bold').fontSize(BODY_SIZE).text(content.notice.heading, MARGIN, doc.y, { width });
    doc.moveDown(0.3);
    for (const p of content.notice.paragraphs) para(p);
  }

  doc.moveDown(0.6);
  para(content.closing, 2);
  doc.font('Helvetica').fontSize(BODY_SIZE).text(content.signatureLines.join('\n'), { width });
  return finish();
}

/** "Besluit over de aanmelding" + 2026-11-23 → "besluit-over-de-aanmelding-2026-11-23.pdf". */
export function letterFileName(title: string, date: string): string {
  const stem = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${stem}-${date}.pdf`;
}

/** Renders a letter kind with its data into a PDF. */
export async function renderLetterPdf(payload: LetterPayload, opts: PdfRenderOptions = {}): Promise<RenderedLetter> {
  const content = letterContent(payload);
  return {
    title: content.title,
    fileName: letterFileName(content.title, payload.data.letterDate),
    contentType: 'application/pdf',
    content: await renderLetterContentPdf(content, opts),
  };
}
