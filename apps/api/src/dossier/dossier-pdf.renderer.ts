import { dateInWords, dateTimeInWords } from '@zorgroute/dates';
import { documentLabel } from '@zorgroute/domain';
import { openPdfDocument, PDF_BODY_SIZE as BODY_SIZE, PDF_MARGIN as MARGIN, PDF_SMALL_SIZE as SMALL_SIZE, safePdfText as safe } from '@zorgroute/notifications';
import { mailKindLabel } from '@zorgroute/workflows';
import { stepLabel } from '../cases/labels';
import { dataInWords, outcomeLabel, valueLabel } from '../cases/value-words';
import { textForPeople } from '../common/text-for-people';
import type { DossierCase, DossierExport } from './dossier.types';

/**
 * The dossier as a document for the people it is about (AVG art. 15, right of access): headings, Dutch labels, dates
 * in words, and no internal codes — no ids, no enum names, no message kinds, no policy versions (issue 17.4). Its
 * content is the caller's share of the dossier, like the JSON export the school keeps for itself.
 *
 * Layout: the Zorgroute PDF frame (`openPdfDocument`).
 */
const LABEL_WIDTH = 150;

export interface DossierPdfOptions {
  /** Compress the page streams (default true; tests switch it off to read the text back). */
  compress?: boolean;
}

const CONSENT_STATUS: Record<string, string> = {
  PENDING: 'nog niet beantwoord', GIVEN: 'gegeven', REFUSED: 'niet gegeven', WITHDRAWN: 'ingetrokken', TIMED_OUT: 'niet op tijd beantwoord', CANCELLED: 'vervallen',
};
const METHOD: Record<string, string> = { DIGITAL: 'digitaal, in Zorgroute', PAPER: 'op papier', PAPER_SCAN: 'op papier' };
const ROLE: Record<string, string> = {
  PARENT: 'ouder of verzorger', PUPIL: 'de leerling', ZORGCOORDINATOR: 'de zorgcoördinator', TEAMLEIDER: 'de teamleider', MENTOR: 'de mentor', COACH: 'de coach',
  JOS_MEDEWERKER: 'de JOS-medewerker', SWV_MEDEWERKER: 'het samenwerkingsverband', ADMIN: 'de beheerder',
};
const DELIVERY: Record<string, string> = { SENT: 'verstuurd', PENDING: 'nog niet verstuurd', SENDING: 'wordt verstuurd', FAILED: 'niet aangekomen', DIGEST: 'in het dagoverzicht', DIGESTED: 'in het dagoverzicht verstuurd' };

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The readable dossier (Dutch) for an access request. */
export function renderDossierPdf(dossier: DossierExport, opts: DossierPdfOptions = {}): Promise<Buffer> {
  const pupilName = `${dossier.pupil.firstName} ${dossier.pupil.lastName}`;
  const { doc, width, room, finish } = openPdfDocument({ title: `Dossier van ${pupilName}`, creationDate: new Date(dossier.generatedAt), compress: opts.compress });
  const heading1 = (text: string) => {
    room(90);
    doc.moveDown(0.8);
    doc.font('Helvetica-Bold').fontSize(14).fillColor('#1f3a5f').text(safe(text), MARGIN, doc.y, { width });
    doc.fillColor('black');
    doc.moveDown(0.3);
  };
  const heading2 = (text: string) => {
    room(60);
    doc.moveDown(0.5);
    doc.font('Helvetica-Bold').fontSize(11).text(safe(text), MARGIN, doc.y, { width });
    doc.moveDown(0.2);
  };
  const para = (text: string, size = BODY_SIZE) => {
    doc.font('Helvetica').fontSize(size).text(safe(text), MARGIN, doc.y, { width, lineGap: 1.5 });
  };
  const facts = (rows: [string, string][]) => {
    for (const [label, value] of rows) {
      room(30);
      const y = doc.y;
      doc.font('Helvetica').fontSize(BODY_SIZE).fillColor('#444444').text(safe(label), MARGIN, y, { width: LABEL_WIDTH });
      const afterLabel = doc.y;
      doc.font('Helvetica').fillColor('black').text(safe(value), MARGIN + LABEL_WIDTH + 10, y, { width: width - LABEL_WIDTH - 10 });
      doc.y = Math.max(doc.y, afterLabel);
      doc.x = MARGIN;
      doc.moveDown(0.2);
    }
  };
  const list = (items: string[], empty: string) => {
    if (!items.length) return para(empty, SMALL_SIZE);
    for (const item of items) {
      room(24);
      doc.font('Helvetica').fontSize(SMALL_SIZE).text(safe(`•  ${item}`), MARGIN + 8, doc.y, { width: width - 8, lineGap: 1 });
      doc.moveDown(0.15);
    }
    doc.x = MARGIN;
  };

  doc.font('Helvetica-Bold').fontSize(18).text(safe(`Dossier van ${pupilName}`), { width });
  doc.moveDown(0.3);
  para(
    `Dit overzicht bevat wat in Zorgroute over ${dossier.pupil.firstName} is vastgelegd over de begeleiding op school, zoals u dat mag inzien (recht op inzage, AVG artikel 15). ` +
      `Gemaakt op ${dateTimeInWords(dossier.generatedAt)}. Hebt u vragen over dit overzicht, of klopt er iets niet? Neem dan contact op met de zorgcoördinator van de school.`,
  );

  heading1('De leerling');
  facts([
    ['Naam', pupilName],
    ['Geboortedatum', dateInWords(dossier.pupil.dateOfBirth)],
    ['School', dossier.pupil.school.name],
    ['Klas', dossier.pupil.className ?? 'niet bekend'],
    ['Mentor', dossier.pupil.mentorName ?? 'niet bekend'],
  ]);

  heading1('Ouders en verzorgers');
  list(dossier.parents.map((p) => `${p.name} (${p.relation.toLowerCase()}), ${p.email}`), 'Er zijn geen ouders of verzorgers vastgelegd.');

  heading1('Begeleiding in het kort');
  list(
    dossier.cases.map((c) => `${c.processLabel}: gestart op ${dateInWords(c.startedAt)}, ${c.closedAt ? `afgesloten op ${dateInWords(c.closedAt)}` : `loopt nog (${c.statusLabel.toLowerCase()})`}`),
    'Er is geen begeleiding vastgelegd.',
  );
  dossier.cases.forEach((c, i) => renderCase(c, i + 1));

  return finish((page, pages) => `Dossier van ${pupilName} · pagina ${page} van ${pages}`);

  function renderCase(c: DossierCase, n: number): void {
    heading1(`${n}. ${c.processLabel}`);
    const outcome = outcomeLabel(c.outcome);
    facts([
      ['Stand van zaken', c.statusLabel],
      ['Gestart op', dateInWords(c.startedAt)],
      ['Afgesloten op', c.closedAt ? dateInWords(c.closedAt) : 'loopt nog'],
      ...(outcome ? ([['Uitkomst', outcome]] as [string, string][]) : []),
      ...(c.waitingForLabel ? ([['Volgende stap', c.waitingForLabel]] as [string, string][]) : []),
      ...(c.nextDueDate ? ([['Uiterlijk', dateInWords(c.nextDueDate)]] as [string, string][]) : []),
    ]);

    const data = dataInWords(c.data);
    if (data.length) {
      heading2('Wat is vastgelegd');
      facts(data);
    }

    const dueDates = c.dueDates
      .map((d) => d as { step?: string; date?: string; explanation?: string })
      .filter((d) => typeof d.date === 'string')
      .map((d) => `${stepLabel(d.step ?? null) ?? 'Termijn'}: ${dateInWords(d.date as string)}${d.explanation ? `. ${textForPeople(d.explanation)}` : ''}`);
    if (dueDates.length) {
      heading2('Termijnen');
      list(dueDates, '');
    }

    heading2('Wat er is gebeurd');
    list(
      c.timeline.map((t) => `${capitalise(dateTimeInWords(t.at))}: ${textForPeople(t.description)}${t.actorName && !/^[A-Z_]+$/.test(t.actorName) ? ` (${t.actorName})` : ''}${t.reason ? `. Reden: ${t.reason}` : ''}`),
      'Er is nog niets gebeurd.',
    );

    heading2('Toestemming');
    list(
      c.consents.map((k) =>
        [
          `${k.label}: ${CONSENT_STATUS[k.status] ?? valueLabel(k.status).toLowerCase()}`,
          `gevraagd op ${dateInWords(k.requestedAt)}, antwoord gevraagd uiterlijk ${dateInWords(k.respondBy)}`,
          k.giverName ? `door ${k.giverName}${k.giverRole && ROLE[k.giverRole] ? ` (${ROLE[k.giverRole]})` : ''}` : null,
          k.method ? (METHOD[k.method] ?? null) : null,
          k.decidedAt ? `op ${dateInWords(k.decidedAt)}` : null,
          k.withdrawnAt ? `ingetrokken op ${dateInWords(k.withdrawnAt)}${k.withdrawnByName ? ` door ${k.withdrawnByName}` : ''}${k.withdrawalReason ? ` (${k.withdrawalReason})` : ''}` : null,
        ]
          .filter(Boolean)
          .join('; '),
      ),
      'Er is geen toestemming gevraagd.',
    );

    heading2('Brieven en documenten');
    list(c.documents.map((d) => `${documentLabel(d.kind)}, van ${dateInWords(d.createdAt)}`), 'Er zijn geen brieven of documenten.');

    heading2('Berichten');
    list(
      c.notifications.map((m) => `${capitalise(mailKindLabel(m.kind))} aan ${ROLE[m.recipientRole ?? ''] ?? 'een betrokkene'}, ${DELIVERY[m.status] ?? 'verstuurd'} op ${dateInWords(m.sentAt ?? m.createdAt)}`),
      'Er zijn geen berichten verstuurd.',
    );
  }
}
