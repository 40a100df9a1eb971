import { TemplateRenderer } from '../templates/template.renderer';
import { pdfPlainText } from './pdf-text';
import { renderLetterPdf } from './pdf-letter.renderer';
import type { TlvDecisionLetterData, TlvExtensionLetterData } from './letter.types';

const base = {
  swvName: 'Samenwerkingsverband VO Rijnstreek',
  schoolName: 'Daltoncollege De Linde',
  pupilName: 'Zoë van Leeuwen',
  pupilFirstName: 'Zoë',
  letterDate: '2027-03-01',
  signedByName: 'Esther van Dam',
  completeOn: '2027-01-18',
  reference: 'tlv-abc',
};

describe('TLV letters as PDF', () => {
  it('renders the decision with category, validity and how to object: bezwaar at the SWV, then the national committee', async () => {
    const data: TlvDecisionLetterData = { ...base, decision: 'TOEGEKEND', category: 'MIDDEN', startDate: '2027-04-01', endDate: '2028-07-31', motivation: 'Beide deskundigen adviseren het VSO.', bezwaarWeeks: 6, bezwaarUntil: '2027-04-12' };
    const letter = await renderLetterPdf({ kind: 'TLV_BESLUIT', data }, { compress: false });
    expect(letter.fileName).toBe('besluit-over-de-toelaatbaarheidsverklaring-2027-03-01.pdf');
    const text = pdfPlainText(letter.content);
    expect(text).toContain('Samenwerkingsverband VO Rijnstreek');
    expect(text).toContain('Wij geven een toelaatbaarheidsverklaring af voor Zoë, in de categorie midden');
    expect(text).toContain('De verklaring geldt van donderdag 1 april 2027 tot en met maandag 31 juli 2028');
    expect(text).toContain('uiterlijk op maandag 12 april 2027, schriftelijk bezwaar maken bij Samenwerkingsverband VO Rijnstreek');
    expect(text).toContain('Landelijke Bezwaaradviescommissie Toelaatbaarheidsverklaringen');
  });

  it('words a refusal and the extension notice with its reason', async () => {
    const refused = await renderLetterPdf({ kind: 'TLV_BESLUIT', data: { ...base, decision: 'AFGEWEZEN', motivation: 'Eerst een arrangement op school.', bezwaarWeeks: 6, bezwaarUntil: '2027-04-12' } }, { compress: false });
    expect(pdfPlainText(refused.content)).toContain('Wij geven geen toelaatbaarheidsverklaring af voor Zoë');
    const ext: TlvExtensionLetterData = { ...base, firstDueDate: '2027-03-01', extensionWeeks: 3, newDueDate: '2027-03-22', reason: 'Het tweede advies vraagt een extra observatie.' };
    const notice = pdfPlainText((await renderLetterPdf({ kind: 'TLV_VERLENGING', data: ext }, { compress: false })).content);
    expect(notice).toContain('verlengen wij de termijn eenmalig met 3 weken');
    expect(notice).toContain('Het tweede advies vraagt een extra observatie.');
    expect(notice).toContain('maandag 22 maart 2027');
  });

  it('tells the parents by e-mail that the SWV’s letter is ready, without its content', () => {
    const m = new TemplateRenderer().render('LETTER_AVAILABLE', {
      recipientName: 'Petra Veldkamp',
      schoolName: 'Daltoncollege De Linde',
      stepLabel: 'Besluit over de toelaatbaarheidsverklaring',
      dueDate: '2027-04-12',
      caseUrl: 'https://zorgroute.example/portaal',
      letter: 'TLV_BESLUIT',
      pupilFirstName: 'Zoë',
    });
    // The subject never names the kind of help (PROCESSES.md rule 8); the body, for the parents only, does.
    expect(m.subject).toBe('Brief van het samenwerkingsverband: Besluit over de begeleiding');
    expect(m.text).toContain('Er staat een brief over de aanvraag van een toelaatbaarheidsverklaring (TLV) voor Zoë voor u klaar');
    expect(m.text).toContain('Bezwaar mogelijk tot en met: maandag 12 april 2027');
    expect(m.text).not.toContain('categorie');
  });
});
