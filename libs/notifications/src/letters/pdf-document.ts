import PDFDocument from 'pdfkit';

/**
 * The page setup every Zorgroute PDF shares (letters, the readable dossier, the OPP): A4, 64 pt margins, the standard
 * Helvetica fonts (no font files needed), Dutch document language, and the buffer that collects the output. The
 * renderers own their content; this is the one place for the frame around it.
 */
export const PDF_MARGIN = 64;
export const PDF_BODY_SIZE = 10.5;
export const PDF_SMALL_SIZE = 9.5;

export interface PdfDocumentOptions {
  title: string;
  /** Metadata author; default Zorgroute. */
  author?: string;
  creationDate: Date;
  /** Compress the page streams (default true; tests switch it off to read the text back). */
  compress?: boolean;
}

export interface PdfDocumentFrame {
  doc: PDFKit.PDFDocument;
  /** The width of the text column between the margins. */
  width: number;
  /** Starts a new page when fewer than `points` remain above the bottom margin. */
  room(points: number): void;
  /** Writes `footer(page, pages)` centred at the bottom of every page (when given), ends the document and resolves to its bytes. */
  finish(footer?: (page: number, pages: number) => string): Promise<Buffer>;
}

/** Characters the standard fonts (WinAnsiEncoding) cannot show are replaced by a readable equivalent. */
export function safePdfText(text: string): string {
  return text.replace(/→/g, '->').replace(/←/g, '<-').replace(/[^\s\u0020-\u00ff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/g, '?');
}

/** Opens an A4 document in the Zorgroute layout. */
export function openPdfDocument(opts: PdfDocumentOptions): PdfDocumentFrame {
  const doc = new PDFDocument({
    size: 'A4',
    margin: PDF_MARGIN,
    compress: opts.compress ?? true,
    lang: 'nl-NL',
    bufferPages: true,
    info: { Title: safePdfText(opts.title), Author: opts.author ?? 'Zorgroute', Creator: 'Zorgroute', Producer: 'Zorgroute', CreationDate: opts.creationDate },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * PDF_MARGIN;
  return {
    doc,
    width,
    room(points) {
      if (doc.y > doc.page.height - PDF_MARGIN - points) doc.addPage();
    },
    finish(footer) {
      if (footer) {
        const range = doc.bufferedPageRange();
        for (let i = range.start; i < range.start + range.count; i++) {
          doc.switchToPage(i);
          const bottom = doc.page.margins.bottom;
          doc.page.margins.bottom = 0;
          doc.font('Helvetica').fontSize(8).fillColor('#444444').text(safePdfText(footer(i + 1, range.count)), PDF_MARGIN, doc.page.height - 40, { width, align: 'center' });
          doc.fillColor('black');
          doc.page.margins.bottom = bottom;
        }
      }
      doc.end();
      return done;
    },
  };
}
