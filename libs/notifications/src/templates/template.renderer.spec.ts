import type { MessageDataByKind } from '../messages/message-data.types';
import { MESSAGE_KINDS, type MessageKind } from '../messages/message-kind';
import { formatDutchLongDate } from './dutch-date.util';
import { InvalidMessageDataError } from './template.errors';
import { MAX_SUBJECT_LENGTH, TemplateRenderer } from './template.renderer';

const CASE_URL = 'https://zorgroute.test/dossiers/c-123/taken/t-7';
const base = {
  recipientName: 'Jan de Vries',
  schoolName: 'Het Stedelijk Lyceum',
  stepLabel: 'Intakegesprek',
  dueDate: '2026-11-23',
  caseUrl: CASE_URL,
};

/** Valid data for every kind, with the optional fields filled in. */
const SAMPLES: { [K in MessageKind]: MessageDataByKind[K] } = {
  STEP_ASSIGNED: { ...base, pupilFirstName: 'Sanne' },
  STEP_REMINDER: { ...base, pupilFirstName: 'Sanne', rung: 'BEFORE_DUE', schoolDaysUntilDue: 2 },
  STEP_ESCALATION: { ...base, daysOverdue: 3, ownerName: 'Piet Bakker', pupilFirstName: 'Sanne' },
  CASE_STUCK: { ...base, stuckKind: 'STEP_OVERDUE', daysOverdue: 10, ownerName: 'Piet Bakker', pupilFirstName: 'Sanne' },
  CASE_STARTED: { ...base, pupilFirstName: 'Sanne', ownerName: 'Piet Bakker' },
  CONSENT_REQUESTED: { ...base, pupilFirstName: 'Sanne', ownerName: 'Piet Bakker' },
  DOCUMENT_REQUESTED: { ...base, pupilFirstName: 'Sanne', ownerName: 'Piet Bakker' },
  ZORGPLICHT_TERMIJN: { ...base, pupilFirstName: 'Sanne', signal: 'WEEK_LEFT', receivedOn: '2026-10-12', extended: false, calendarDays: 7 },
  LETTER_AVAILABLE: { ...base, pupilFirstName: 'Sanne', letter: 'ZORGPLICHT_BESLUIT' },
  TRAJECT_PARENT_UPDATE: { ...base, pupilFirstName: 'Sanne', moment: 'MIDWAY', ownerName: 'Piet Bakker' },
  TRAJECT_OUTCOME: { ...base, pupilFirstName: 'Sanne', outcome: 'VERLENGD', ownerName: 'Piet Bakker' },
  CASE_CLOSED: { ...base, pupilFirstName: 'Sanne', process: 'JOS' },
  MEETING_INVITATION: { ...base, meeting: 'IZO', audience: 'STAFF', pupilFirstName: 'Sanne', meetingTime: '14:30', mode: 'OP_SCHOOL', location: 'lokaal 1.12' },
  MEETING_CANCELLED: { ...base, meeting: 'JOS_STARTGESPREK', audience: 'PARENT', pupilFirstName: 'Sanne', meetingTime: '10:00', mode: 'OP_SCHOOL', calendarId: 'c-123:meeting:JOS_STARTGESPREK' },
  MEETING_AGENDA: { ...base, meeting: 'ZAT', pupilFirstName: 'Sanne', meetingTime: '09:00', mode: 'OP_SCHOOL' },
  MEETING_OVERVIEW_AGENDA: { ...base, meeting: 'IZO', caseCount: 3, meetingTime: '14:30', location: 'kamer 12' },
  REFERRAL_RETURNED: { ...base, pupilFirstName: 'Sanne', missingParts: ['hulpvraag van de leerling'] },
  SESSION_REMINDER: { ...base, sessionTime: '10:15', audience: 'STAFF', pupilFirstName: 'Sanne' },
  LOGIN_INVITATION: { ...base, audience: 'PARENT', renewed: true },
  LOGIN_CODE: { ...base, code: '12345678', validMinutes: 10 },
  DAILY_DIGEST: { ...base, items: [{ title: 'Herinnering: Intakegesprek', stepLabel: 'Intakegesprek', dueDate: '2026-11-23', caseUrl: CASE_URL, pupilFirstName: 'Sanne' }] },
};

const LONG_DATE = 'maandag 23 november 2026';
const renderer = new TemplateRenderer();

function render<K extends MessageKind>(kind: K, data: MessageDataByKind[K]) {
  return renderer.render(kind, data);
}

/** Undoes Handlebars' HTML escaping, to compare attribute values. */
function unescapeHtml(html: string): string {
  return html
    .replace(/&#x3D;/g, '=')
    .replace(/&#x27;/g, "'")
    .replace(/&#x60;/g, '`')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe('formatDutchLongDate', () => {
  it('renders a Dutch long date with weekday', () => {
    expect(formatDutchLongDate('2026-11-23')).toBe(LONG_DATE);
    expect(formatDutchLongDate('2027-01-01')).toBe('vrijdag 1 januari 2027');
  });

  it('rejects dates that are not calendar dates', () => {
    expect(() => formatDutchLongDate('2026-02-30')).toThrow(RangeError);
    expect(() => formatDutchLongDate('23-11-2026')).toThrow(RangeError);
  });
});

describe('TemplateRenderer', () => {
  describe.each(MESSAGE_KINDS)('%s', (kind) => {
    const message = renderer.render(kind, SAMPLES[kind]);

    it('renders a subject, an HTML body and a plain-text body', () => {
      expect(message.subject.length).toBeGreaterThan(10);
      expect(message.subject).not.toMatch(/[\r\n]/);
      expect(message.html).toMatch(/^<!DOCTYPE html>/);
      expect(message.html).toContain('<html lang="nl">');
      expect(message.text).not.toMatch(/<[a-z]/i);
    });

    it('names the step, the Dutch long due date and the deep link in both bodies', () => {
      for (const body of [message.html, message.text]) {
        expect(body).toContain('Intakegesprek');
        expect(body).toContain(LONG_DATE);
        expect(body).toContain(CASE_URL);
      }
      expect(message.html).toContain(`href="${CASE_URL}"`);
    });

    it('uses the common Dutch layout: header, greeting and footer', () => {
      for (const body of [message.html, message.text]) {
        expect(body).toContain('Zorgroute');
        expect(body).toContain('Beste Jan de Vries,');
        expect(body).toMatch(/(Je|U) ontvangt dit bericht omdat/);
        expect(body).toContain('deze e-mail is automatisch verstuurd');
        expect(body).toContain('Het Stedelijk Lyceum');
      }
    });

    it('never contains fields outside the message data (privacy)', () => {
      const leaky = {
        ...SAMPLES[kind],
        reason: 'Vermoeden van ADHD',
        diagnosis: 'Dyslexie-diagnose',
        notes: 'Thuissituatie problematisch',
        pupilLastName: 'Jansen',
      } as unknown as MessageDataByKind[typeof kind];
      const leaked = renderer.render(kind, leaky);
      for (const part of [leaked.subject, leaked.html, leaked.text]) {
        expect(part).not.toMatch(/ADHD|Dyslexie|Thuissituatie|Jansen/);
      }
      expect(leaked).toEqual(message);
    });

    it('keeps the pupil out of the subject, which is stored', () => {
      expect(message.subject).not.toContain('Sanne');
    });

    it('escapes HTML in every name', () => {
      const hostile = {
        ...SAMPLES[kind],
        recipientName: '<script>alert("x")</script> & Co',
        schoolName: 'School <img src=x onerror=alert(1)>',
        stepLabel: 'Stap <b>vet</b>',
        pupilFirstName: 'Sanne <i>',
        ownerName: 'Piet "&" Bakker',
      } as MessageDataByKind[typeof kind];
      const escaped = renderer.render(kind, hostile);
      expect(escaped.html).not.toContain('<script>');
      expect(escaped.html).not.toContain('<img');
      expect(escaped.html).not.toContain('<b>vet');
      expect(escaped.html).not.toContain('<i>');
      expect(escaped.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
      expect(escaped.html).toContain('Stap &lt;b&gt;vet&lt;/b&gt;');
      // The plain-text body shows the characters as they are.
      expect(escaped.text).toContain('Beste <script>alert("x")</script> & Co,');
      expect(escaped.text).not.toContain('&amp;');
    });
  });

  it('STEP_ASSIGNED announces a new task', () => {
    const m = render('STEP_ASSIGNED', SAMPLES.STEP_ASSIGNED);
    expect(m.subject).toBe(`Nieuwe taak: Intakegesprek (uiterlijk ${LONG_DATE})`);
    expect(m.text).toContain('Er staat een nieuwe taak voor je klaar in Zorgroute voor de begeleiding van Sanne.');
    expect(m.text).toContain('Taak openen:\nhttps://zorgroute.test/dossiers/c-123/taken/t-7');
  });

  it('STEP_ASSIGNED leaves the pupil out when no first name is given', () => {
    const { pupilFirstName: _omit, ...data } = SAMPLES.STEP_ASSIGNED;
    const m = render('STEP_ASSIGNED', data);
    expect(m.text).toContain('Er staat een nieuwe taak voor je klaar in Zorgroute.');
    expect(m.text).not.toContain('Leerling:');
  });

  it('STEP_REMINDER words each rung of the ladder with school days', () => {
    const before = render('STEP_REMINDER', { ...base, rung: 'BEFORE_DUE', schoolDaysUntilDue: 2 });
    expect(before.subject).toBe(`Herinnering: Intakegesprek (uiterlijk ${LONG_DATE})`);
    expect(before.text).toContain('moet over 2 schooldagen af zijn, uiterlijk op maandag 23 november 2026');

    const onDue = render('STEP_REMINDER', { ...base, rung: 'ON_DUE' });
    expect(onDue.subject).toBe(`Vandaag uiterlijk: Intakegesprek (${LONG_DATE})`);
    expect(onDue.text).toContain('moet vandaag af zijn (maandag 23 november 2026)');

    const overdue = render('STEP_REMINDER', { ...base, rung: 'OVERDUE', daysOverdue: 1 });
    expect(overdue.subject).toBe('Termijn verstreken: Intakegesprek (1 schooldag te laat)');
    expect(overdue.text).toContain('is nu 1 schooldag over de termijn');
    expect(overdue.html).toContain('Over de termijn');

    const overdue4 = render('STEP_REMINDER', { ...base, rung: 'OVERDUE', daysOverdue: 4 });
    expect(overdue4.subject).toContain('4 schooldagen te laat');
  });

  it('STEP_ESCALATION tells the coordinator how late the step is and who owns it', () => {
    const m = render('STEP_ESCALATION', SAMPLES.STEP_ESCALATION);
    expect(m.subject).toBe('Escalatie: Intakegesprek is 3 schooldagen over de termijn');
    expect(m.text).toContain('Eigenaar: Piet Bakker');
    expect(m.text).toContain('Je ontvangt dit bericht omdat je zorgcoördinator bent bij Het Stedelijk Lyceum');
  });

  it('CASE_STUCK explains the kind of stuck case in fixed words', () => {
    const m = render('CASE_STUCK', { ...base, stuckKind: 'AUTOMATED_STEP_FAILING' });
    expect(m.subject).toBe(`Dossier loopt vast: Intakegesprek (uiterlijk ${LONG_DATE})`);
    expect(m.text).toContain('Een automatische stap');
    expect(m.text).not.toContain('Over de termijn');
    expect(render('CASE_STUCK', { ...base, stuckKind: 'CONSENT_TIMEOUT' }).text).toContain('toestemming is verstreken');
  });

  it('CASE_STARTED addresses the parent formally and names the contact', () => {
    const m = render('CASE_STARTED', SAMPLES.CASE_STARTED);
    expect(m.subject).toBe('Er is een traject gestart op Het Stedelijk Lyceum');
    expect(m.text).toContain('een traject gestart om Sanne extra te ondersteunen. Uw contactpersoon is Piet Bakker.');
    expect(m.text).toContain('U ontvangt dit bericht omdat u bij Het Stedelijk Lyceum geregistreerd staat als ouder of verzorger van Sanne');
    expect(m.html).toContain('in uw browser');
  });

  it('DOCUMENT_REQUESTED asks the parents to upload a document in the portal, a reminder says so', () => {
    const m = render('DOCUMENT_REQUESTED', { ...base, stepLabel: 'Informatie voor de aanmelding', pupilFirstName: 'Sanne' });
    expect(m.subject).toBe(`Document gevraagd: Informatie voor de aanmelding (uiterlijk ${LONG_DATE})`);
    expect(m.text).toContain('vragen wij u een document aan te leveren: "Informatie voor de aanmelding"');
    expect(m.text).toContain('uploaden in het ouderportaal');
    expect(m.text).not.toContain('Heeft u vragen');
    const reminder = render('DOCUMENT_REQUESTED', { ...base, stepLabel: 'Informatie voor de aanmelding', pupilFirstName: 'Sanne', reminder: true });
    expect(reminder.subject).toBe(`Herinnering: document gevraagd: Informatie voor de aanmelding (uiterlijk ${LONG_DATE})`);
    expect(reminder.text).toContain('Wij herinneren u aan ons verzoek');
  });

  it('CONSENT_REQUESTED asks to give or refuse consent in the portal', () => {
    const m = render('CONSENT_REQUESTED', SAMPLES.CONSENT_REQUESTED);
    expect(m.subject).toBe(`Uw toestemming gevraagd: Intakegesprek (uiterlijk ${LONG_DATE})`);
    expect(m.text).toContain('in het ouderportaal aangeven of u toestemming geeft of weigert');
    expect(m.text).toContain('Toestemming geven of weigeren:\n' + CASE_URL);
  });

  it('keeps subjects on one line and within the stored length', () => {
    const m = render('STEP_ASSIGNED', { ...base, stepLabel: 'Stap\r\nBcc: attacker@example.com' });
    expect(m.subject).toBe(`Nieuwe taak: Stap Bcc: attacker@example.com (uiterlijk ${LONG_DATE})`);
    const long = render('STEP_ASSIGNED', { ...base, stepLabel: 'x'.repeat(1000) });
    expect(long.subject.length).toBeLessThanOrEqual(MAX_SUBJECT_LENGTH);
  });

  it('rejects invalid data with a non-retryable error that does not echo values', () => {
    const bad: [MessageKind, unknown, RegExp][] = [
      ['STEP_ASSIGNED', { ...base, dueDate: '2026-02-30' }, /dueDate must be a date YYYY-MM-DD/],
      ['STEP_ASSIGNED', { ...base, dueDate: undefined }, /dueDate/],
      ['STEP_ASSIGNED', { ...base, caseUrl: 'javascript:alert(1)' }, /caseUrl must be an http\(s\) URL/],
      ['STEP_ASSIGNED', { ...base, caseUrl: 'https://user:geheim@zorgroute.test/' }, /caseUrl must not contain credentials/],
      ['STEP_ASSIGNED', { ...base, recipientName: '   ' }, /recipientName is required/],
      ['STEP_REMINDER', { ...base }, /rung is required/],
      ['STEP_REMINDER', { ...base, rung: 'OVERDUE' }, /daysOverdue is required/],
      ['STEP_REMINDER', { ...base, rung: 'BEFORE_DUE', schoolDaysUntilDue: 0 }, /schoolDaysUntilDue must be a whole number/],
      ['STEP_ESCALATION', { ...base, daysOverdue: 3 }, /ownerName is required/],
      ['CASE_STUCK', { ...base, stuckKind: 'DIAGNOSE' }, /stuckKind must be one of/],
      ['CASE_STARTED', { ...base, ownerName: 'Piet' }, /pupilFirstName is required/],
      ['CONSENT_REQUESTED', { ...base }, /pupilFirstName is required/],
      ['NOT_A_KIND' as MessageKind, { ...base }, /Unknown message kind/],
    ];
    for (const [kind, data, problem] of bad) {
      const attempt = () => renderer.render(kind, data as MessageDataByKind[MessageKind]);
      expect(attempt).toThrow(InvalidMessageDataError);
      expect(attempt).toThrow(problem);
    }
    expect(() => render('STEP_ASSIGNED', { ...base, caseUrl: 'https://user:geheim@zorgroute.test/' })).not.toThrow(/geheim/);
  });

  it('escapes the deep link inside the href attribute', () => {
    const url = 'https://zorgroute.test/dossiers/c-1?tab=taken&x="><script>';
    const m = render('STEP_ASSIGNED', { ...base, caseUrl: url });
    expect(m.html).not.toContain('"><script>');
    const hrefs = [...m.html.matchAll(/href="([^"]*)"/g)].map((match) => unescapeHtml(match[1]));
    expect(hrefs).toEqual([new URL(url).href, new URL(url).href]);
  });
});
