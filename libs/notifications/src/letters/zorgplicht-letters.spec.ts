import { extractPdfText, pdfPlainText } from './pdf-text';
import { letterFileName, renderLetterPdf } from './pdf-letter.renderer';
import type { ZorgplichtDecisionLetterData, ZorgplichtExtensionLetterData } from './letter.types';

const base = {
  schoolName: 'Daltoncollege De Linde',
  pupilName: 'Zoë van Leeuwen',
  pupilFirstName: 'Zoë',
  letterDate: '2026-11-23',
  signedByName: 'Marieke Verhoef',
  signedByRole: 'Zorgcoördinator',
  receivedOn: '2026-10-12',
  reference: 'zorgplicht-abc-2026-10-12',
};

const extension: ZorgplichtExtensionLetterData = {
  ...base,
  firstDueDate: '2026-11-23',
  extensionWeeks: 4,
  newDueDate: '2026-12-21',
  reason: 'Het dossier van de vorige school is nog niet compleet.',
};

const decision: ZorgplichtDecisionLetterData = {
  ...base,
  outcome: 'TOEGELATEN',
  motivation: 'Uit de intake en de observatie blijkt dat wij de benodigde begeleiding kunnen bieden.',
  arrangement: 'twee uur per week begeleiding door een ambulant begeleider.',
  bezwaarWeeks: 6,
  bezwaarUntil: '2027-01-04',
};

describe('zorgplicht letters as PDF', () => {
  it('renders the extension notice with the reason and the new decision date', async () => {
    const letter = await renderLetterPdf({ kind: 'ZORGPLICHT_VERLENGING', data: extension }, { compress: false });
    expect(letter.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(letter.fileName).toBe('verlenging-van-de-beslistermijn-2026-11-23.pdf');
    const text = pdfPlainText(letter.content);
    expect(text).toContain('Daltoncollege De Linde');
    expect(text).toContain('Aan de ouder(s)/verzorger(s) van Zoë van Leeuwen');
    expect(text).toContain('verlengen wij de termijn eenmalig met 4 weken');
    expect(text).toContain('Het dossier van de vorige school is nog niet compleet.');
    expect(text).toContain('maandag 21 december 2026');
    expect(text).toContain('Zorgcoördinator, Daltoncollege De Linde');
  });

  it('renders the decision letter with the outcome and how to object within the bezwaar term', async () => {
    const letter = await renderLetterPdf({ kind: 'ZORGPLICHT_BESLUIT', data: decision }, { compress: false });
    const text = pdfPlainText(letter.content);
    expect(text).toContain('Betreft: besluit over de aanmelding van Zoë van Leeuwen');
    expect(text).toContain('Wij hebben besloten Zoë toe te laten tot onze school, met extra ondersteuning');
    expect(text).toContain('Bent u het niet eens met dit besluit?');
    expect(text).toContain('binnen 6 weken na de datum van deze brief, dus uiterlijk op maandag 4 januari 2027');
  });

  it('words every outcome, and reads compressed PDFs back too', async () => {
    const elsewhere = await renderLetterPdf({ kind: 'ZORGPLICHT_BESLUIT', data: { ...decision, outcome: 'PLEK_ELDERS', arrangement: null, admittingSchoolName: 'Stedelijk Lyceum Het Baken', agreementDate: '2026-11-20' } });
    expect(elsewhere.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPlainText(elsewhere.content)).toContain('Stedelijk Lyceum Het Baken heeft op vrijdag 20 november 2026 laten weten Zoë toe te laten');
    const tlv = await renderLetterPdf({ kind: 'ZORGPLICHT_BESLUIT', data: { ...decision, outcome: 'TLV_AANGEVRAAGD', tlvRequestedOn: '2026-11-19' } });
    expect(pdfPlainText(tlv.content)).toContain('toelaatbaarheidsverklaring (TLV) aangevraagd');
    const without = await renderLetterPdf({ kind: 'ZORGPLICHT_BESLUIT', data: { ...decision, arrangement: null } }, { compress: false });
    expect(pdfPlainText(without.content)).toContain('een extra ondersteuningsarrangement is niet nodig');
    expect(extractPdfText(without.content).split('\n').length).toBeGreaterThan(10);
  });

  it('makes safe file names', () => {
    expect(letterFileName('Besluit over de aanmelding', '2026-11-23')).toBe('besluit-over-de-aanmelding-2026-11-23.pdf');
    expect(letterFileName('Één/twee', '2026-01-02')).toBe('een-twee-2026-01-02.pdf');
  });
});
