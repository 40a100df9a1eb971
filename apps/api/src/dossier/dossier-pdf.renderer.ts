import PDFDocument from 'pdfkit';
import type { DossierCase, DossierExport } from './dossier.types';

/** The layout of the Zorgroute letters (libs/notifications letters): A4, 64 pt margins, Helvetica 10.5 pt. */
const MARGIN = 64;
const BODY_SIZE = 10.5;
const SMALL_SIZE = 9;

export interface DossierPdfOptions {
  /** Compress the page streams (default true; tests switch it off to read the text back). */
  compress?: boolean;
}

const CONSENT_STATUS: Record<string, string> = {
  PENDING: 'gevraagd', GIVEN: 'gegeven', REFUSED: 'geweigerd', WITHDRAWN: 'ingetrokken', TIMED_OUT: 'verlopen', CANCELLED: 'vervallen',
};
const METHOD: Record<string, string> = { DIGITAL: 'digitaal in het portaal', PAPER: 'op papier (scan)' };
const ROLE: Record<string, string> = {
  PARENT: 'ouder/verzorger', PUPIL: 'leerling', ZORGCOORDINATOR: 'zorgcoördinator', TEAMLEIDER: 'teamleider', MENTOR: 'mentor', COACH: 'coach',
  JOS_MEDEWERKER: 'JOS-medewerker', SWV_MEDEWERKER: 'medewerker samenwerkingsverband', ADMIN: 'beheerder',
};
const DELIVERY: Record<string, string> = { SENT: 'verzonden', PENDING: 'in de wachtrij', SENDING: 'wordt verzonden', FAILED: 'mislukt', IN_DIGEST: 'in dagoverzicht' };

/** Characters the standard fonts (WinAnsiEncoding) cannot show are replaced by a readable equivalent. */
function safe(text: string): string {
  return text.replace(/→/g, '->').replace(/←/g, '<-').replace(/[^\s\u0020-\u00ff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/g, '?');
}

const DATE_TIME = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const DATE = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: '2-digit', month: '2-digit', year: 'numeric' });

function dateTime(iso: string | null): string {
  return iso ? DATE_TIME.format(new Date(iso)) : '—';
}
function date(iso: string | null): string {
  if (!iso) return '—';
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.split('-').reverse().join('-') : DATE.format(new Date(iso));
}

/** A value of the case data as one readable line (nested values compact). */
function valueText(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? 'ja' : 'nee';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.length ? v.map((x) => (typeof x === 'object' && x !== null ? objectText(x as Record<string, unknown>) : valueText(x))).join('; ') : '—';
  return objectText(v as Record<string, unknown>);
}
function objectText(o: Record<string, unknown>): string {
  return Object.entries(o).filter(([, v]) => v !== null && v !== undefined && v !== '').map(([k, v]) => `${k}: ${valueText(v)}`).join(', ');
}

/** The readable dossier (Dutch) for an access request: the same content as the JSON export. */
export function renderDossierPdf(dossier: DossierExport, opts: DossierPdfOptions = {}): Promise<Buffer> {
  const pupilName = `${dossier.pupil.firstName} ${dossier.pupil.lastName}`;
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    compress: opts.compress ?? true,
    lang: 'nl-NL',
    bufferPages: true,
    info: { Title: safe(`Inzage dossier ${pupilName}`), Author: 'Zorgroute', Creator: 'Zorgroute', Producer: 'Zorgroute', CreationDate: new Date(dossier.generatedAt) },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const heading = (text: string, size = 12.5) => {
    if (doc.y > doc.page.height - MARGIN - 80) doc.addPage();
    doc.moveDown(0.6);
    doc.font('Helvetica-Bold').fontSize(size).text(safe(text), MARGIN, doc.y, { width });
    doc.moveDown(0.3);
  };
  const para = (text: string, size = BODY_SIZE) => {
    doc.font('Helvetica').fontSize(size).text(safe(text), MARGIN, doc.y, { width, lineGap: 1.5 });
  };
  const facts = (rows: [string, string][]) => {
    for (const [label, value] of rows) {
      if (doc.y > doc.page.height - MARGIN - 30) doc.addPage();
      const y = doc.y;
      doc.font('Helvetica').fontSize(BODY_SIZE).text(safe(`${label}:`), MARGIN, y, { width: 150 });
      const afterLabel = doc.y;
      doc.font('Helvetica-Bold').text(safe(value), MARGIN + 160, y, { width: width - 160 });
      doc.y = Math.max(doc.y, afterLabel);
      doc.x = MARGIN;
      doc.moveDown(0.15);
    }
  };
  const list = (items: string[], empty: string) => {
    if (!items.length) return para(empty, SMALL_SIZE);
    for (const item of items) {
      doc.font('Helvetica').fontSize(SMALL_SIZE).text(safe(`• ${item}`), MARGIN + 8, doc.y, { width: width - 8, lineGap: 1 });
      doc.moveDown(0.1);
    }
    doc.x = MARGIN;
  };

  doc.font('Helvetica-Bold').fontSize(16).text(safe(`Inzage in het dossier van ${pupilName}`), { width });
  doc.moveDown(0.4);
  para(`Overzicht van alle gegevens die Zorgroute over deze leerling bewaart (AVG artikel 15, recht op inzage). Gemaakt op ${dateTime(dossier.generatedAt)}.`);

  heading('Leerling');
  facts([
    ['Naam', pupilName],
    ['Geboortedatum', date(dossier.pupil.dateOfBirth)],
    ['School', dossier.pupil.school.name],
    ['Klas', dossier.pupil.className ?? '—'],
    ['Mentor', dossier.pupil.mentorName ?? '—'],
  ]);

  heading('Ouders/verzorgers');
  list(dossier.parents.map((p) => `${p.name} (${p.relation}), ${p.email}`), 'Geen ouders/verzorgers vastgelegd.');

  heading(`Casussen (${dossier.cases.length})`);
  if (!dossier.cases.length) para('Er zijn geen casussen.');
  for (const c of dossier.cases) renderCase(c);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(8).text(safe(`Inzage dossier ${pupilName} — pagina ${i + 1} van ${range.count}`), MARGIN, doc.page.height - 40, { width, align: 'center' });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;

  function renderCase(c: DossierCase): void {
    heading(`${c.processLabel} — ${c.statusLabel}`, 11.5);
    facts([
      ['Casus', c.id],
      ['Gestart', dateTime(c.startedAt)],
      ['Afgesloten', c.closedAt ? dateTime(c.closedAt) : 'loopt nog'],
      ['Uitkomst', c.outcome ?? '—'],
      ...(c.waitingForLabel ? ([['Wacht op', c.waitingForLabel]] as [string, string][]) : []),
      ...(c.nextDueDate ? ([['Volgende termijn', date(c.nextDueDate)]] as [string, string][]) : []),
      ['Beleidsversie', c.policyVersion ?? '—'],
    ]);
    const dueDates = c.dueDates.map((d) => {
      const o = d as { label?: string; date?: string; explanation?: string };
      return `${o.label ?? 'Termijn'}: ${date(o.date ?? null)}${o.explanation ? ` — ${o.explanation}` : ''}`;
    });
    doc.font('Helvetica-Bold').fontSize(BODY_SIZE).text('Termijnen', MARGIN, doc.y + 4);
    list(dueDates, 'Geen termijnen.');
    const data = Object.entries(c.data).filter(([k]) => k !== 'dueDates' && k !== 'openSteps');
    doc.font('Helvetica-Bold').fontSize(BODY_SIZE).text('Gegevens', MARGIN, doc.y + 4);
    list(data.map(([k, v]) => `${k}: ${valueText(v)}`), 'Geen gegevens.');
    doc.font('Helvetica-Bold').fontSize(BODY_SIZE).text('Tijdlijn', MARGIN, doc.y + 4);
    list(c.timeline.map((t) => `${dateTime(t.at)} — ${t.description}${t.actorName ? ` (${t.actorName})` : ''}${t.reason ? ` — reden: ${t.reason}` : ''}`), 'Geen gebeurtenissen.');
    doc.font('Helvetica-Bold').fontSize(BODY_SIZE).text('Toestemmingen', MARGIN, doc.y + 4);
    list(c.consents.map((k) => [
      `${k.label}: ${CONSENT_STATUS[k.status] ?? k.status}`,
      `gevraagd ${dateTime(k.requestedAt)}, reageren vóór ${date(k.respondBy)}`,
      k.giverName ? `door ${k.giverName} (${ROLE[k.giverRole ?? ''] ?? (k.giverRole ?? '').toLowerCase()})` : null,
      k.method ? METHOD[k.method] ?? k.method : null,
      k.decidedAt ? `op ${dateTime(k.decidedAt)}` : null,
      `reikwijdte: ${k.scope}`,
      k.withdrawnAt ? `ingetrokken op ${dateTime(k.withdrawnAt)}${k.withdrawnByName ? ` door ${k.withdrawnByName}` : ''}${k.withdrawalReason ? ` (${k.withdrawalReason})` : ''}` : null,
    ].filter(Boolean).join('; ')), 'Geen toestemmingen gevraagd.');
    doc.font('Helvetica-Bold').fontSize(BODY_SIZE).text('Documenten', MARGIN, doc.y + 4);
    list(c.documents.map((d) => `${d.fileName} (${dateTime(d.createdAt)}, ${Math.max(1, Math.round(d.sizeBytes / 1024))} kB)`), 'Geen documenten.');
    doc.font('Helvetica-Bold').fontSize(BODY_SIZE).text('Berichten', MARGIN, doc.y + 4);
    list(c.notifications.map((n) => `${dateTime(n.createdAt)} — ${n.kind} aan ${ROLE[n.recipientRole ?? ''] ?? 'onbekend'} — ${DELIVERY[n.status] ?? n.status}${n.sentAt ? ` ${dateTime(n.sentAt)}` : ''}`), 'Geen berichten.');
  }
}
