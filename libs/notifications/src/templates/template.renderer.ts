import Handlebars from 'handlebars';
import { ProcessType } from '@zorgroute/domain';
import type { MessageDataByKind, RenderedMessage } from '../messages/message-data.types';
import { isMessageKind, LetterKind, type MessageKind, ReminderRung, StuckKind, TrajectMoment, TrajectOutcomeKind, ZorgplichtSignal } from '../messages/message-kind';
import { formatDutchLongDate, formatSchoolDays, parseIsoDate } from './dutch-date.util';
import { buildDigestItemsView, type DigestItemView } from './digest.view';
import { HTML_FACT, HTML_FACTS, HTML_LAYOUT, TEXT_LAYOUT } from './layout.templates';
import { MESSAGE_TEMPLATES } from './message.templates';
import { buildMeetingView, type MeetingView } from './meeting.view';
import { subjectLabel } from './subject-words';
import { InvalidMessageDataError } from './template.errors';

/** Longest subject we produce; matches notification_delivery.subject (varchar 300). */
export const MAX_SUBJECT_LENGTH = 300;
const MAX_NAME_LENGTH = 120;
const MAX_LABEL_LENGTH = 160;
const MAX_URL_LENGTH = 2000;

/**
 * The only values a template can see. Built field by field from the caller's data, so anything
 * else in that object (a reason, a diagnosis, notes) never reaches an e-mail.
 */
interface MessageView extends MeetingView {
  subject?: string;
  /** Parents are addressed with "u", staff with "je". */
  formal: boolean;
  recipientName: string;
  schoolName: string;
  stepLabel: string;
  dueDateLong: string;
  caseUrl: string;
  pupilFirstName?: string;
  ownerName?: string;
  schoolDaysText?: string;
  isBeforeDue?: boolean;
  isOnDue?: boolean;
  isOverdue?: boolean;
  stuckStepOverdue?: boolean;
  stuckAutomatedStepFailing?: boolean;
  stuckNoProgress?: boolean;
  stuckConsentTimeout?: boolean;
  isWeekLeft?: boolean;
  isOverdueSignal?: boolean;
  isTenWeeks?: boolean;
  receivedOnLong?: string;
  extended?: boolean;
  extendedText?: string;
  calendarDaysText?: string;
  isExtensionLetter?: boolean;
  isDecisionLetter?: boolean;
  /** A letter about a TLV request (P8), not about an aanmelding. */
  isTlvLetter?: boolean;
  /** CASE_CLOSED: the process, in Dutch words. */
  processText?: string;
  isMidway?: boolean;
  isEnded?: boolean;
  isAfgerond?: boolean;
  isVerlengd?: boolean;
  isDoorverwezen?: boolean;
  isGestopt?: boolean;
  outcomeText?: string;
  /** REFERRAL_RETURNED: the parts of the form still empty. */
  missingParts?: string[];
  /** SESSION_REMINDER: the session's time (HH:mm) and whether it is written for the pupil. */
  sessionTime?: string;
  isPupil?: boolean;
  /** CONSENT_REQUESTED to someone without a login: the link is an invitation, valid until this date. */
  invitationExpiresLong?: string;
  /** LOGIN_INVITATION: asked for again. */
  renewed?: boolean;
  /** LOGIN_CODE: the code (digits, grouped for reading) and how many minutes it is valid. */
  loginCode?: string;
  validMinutes?: number;
  /** DOCUMENT_REQUESTED: a reminder of the request. */
  reminder?: boolean;
  /** DAILY_DIGEST: the day's messages. */
  digestItems?: DigestItemView[];
  digestCountText?: string;
  /** MEETING_OVERVIEW_AGENDA: how many pupils are on the agenda, in words ("3 leerlingen"). */
  caseCountText?: string;
}

/** The Dutch name of each process (CASE_CLOSED), as parents know it. */
const CASE_PROCESS_TEXT: Record<ProcessType, string> = {
  ONDERSTEUNINGSTRAJECT: 'het ondersteuningstraject',
  ZORGROUTE: 'de zorgroute (IZO/ZAT)',
  JOS: 'het JOS-traject',
  ZORGPLICHT: 'de aanmelding (zorgplicht)',
  OOV: 'het arrangement Onderwijs op Vaart (OOV)',
  OVERDRACHT: 'de overdracht van de basisschool',
  OPP: 'het ontwikkelingsperspectiefplan (OPP)',
  TLV: 'de aanvraag van een toelaatbaarheidsverklaring (TLV)',
};

/** Dutch words for the P1 outcomes (TRAJECT_OUTCOME). */
const TRAJECT_OUTCOME_TEXT: Record<TrajectOutcomeKind, string> = {
  AFGEROND: 'afgerond',
  VERLENGD: 'verlengd',
  DOORVERWEZEN: 'doorverwezen',
  GESTOPT: 'gestopt',
};

type Template = Handlebars.TemplateDelegate<MessageView>;

interface CompiledTemplates {
  subject: Template;
  html: Template;
  text: Template;
}

/** Compile options: only the built-in helpers (if/else); no data-driven helper lookups. */
const COMPILE_OPTIONS = { knownHelpersOnly: true } as const;

/**
 * Renders a message kind with its data into a Dutch subject, HTML body and plain-text body.
 * Templates are compiled once per renderer; HTML output escapes every value.
 */
export class TemplateRenderer {
  private readonly templates: Record<MessageKind, CompiledTemplates>;

  constructor() {
    // Separate environments: the HTML one escapes, the text one (also used for subjects) does not.
    const html = Handlebars.create();
    html.registerPartial({ layout: HTML_LAYOUT, facts: HTML_FACTS, fact: HTML_FACT });
    const text = Handlebars.create();
    text.registerPartial({ layout: TEXT_LAYOUT });

    const compiled = {} as Record<MessageKind, CompiledTemplates>;
    for (const [kind, source] of Object.entries(MESSAGE_TEMPLATES) as [MessageKind, (typeof MESSAGE_TEMPLATES)[MessageKind]][]) {
      compiled[kind] = {
        subject: text.compile<MessageView>(source.subject, { ...COMPILE_OPTIONS, noEscape: true }),
        html: html.compile<MessageView>(source.html, COMPILE_OPTIONS),
        text: text.compile<MessageView>(source.text, { ...COMPILE_OPTIONS, noEscape: true }),
      };
    }
    this.templates = compiled;
  }

  render<K extends MessageKind>(kind: K, data: MessageDataByKind[K]): RenderedMessage {
    if (!isMessageKind(kind)) throw new InvalidMessageDataError(`Unknown message kind ${JSON.stringify(kind)}`);
    if (typeof data !== 'object' || data === null) throw new InvalidMessageDataError(`${kind}: data must be an object`);
    const view = buildView(kind, data as unknown as Record<string, unknown>);
    const templates = this.templates[kind];
    // The subject names the task, never the kind of help (subject-words.ts).
    const subject = truncate(singleLine(templates.subject({ ...view, stepLabel: subjectLabel(view.stepLabel) })), MAX_SUBJECT_LENGTH);
    const withSubject: MessageView = { ...view, subject };
    return {
      subject,
      html: templates.html(withSubject),
      text: tidyText(templates.text(withSubject)),
    };
  }
}

function buildView(kind: MessageKind, data: Record<string, unknown>): MessageView {
  const read = new FieldReader(kind, data);
  const view: MessageView = {
    formal:
      kind === 'CASE_STARTED' ||
      kind === 'CONSENT_REQUESTED' ||
      kind === 'DOCUMENT_REQUESTED' ||
      kind === 'LETTER_AVAILABLE' ||
      kind === 'TRAJECT_PARENT_UPDATE' ||
      kind === 'CASE_CLOSED' ||
      kind === 'LOGIN_INVITATION' ||
      kind === 'LOGIN_CODE',

    recipientName: read.text('recipientName', MAX_NAME_LENGTH),
    schoolName: read.text('schoolName', MAX_NAME_LENGTH),
    stepLabel: read.text('stepLabel', MAX_LABEL_LENGTH),
    dueDateLong: read.isoDate('dueDate'),
    caseUrl: read.url('caseUrl'),
  };
  switch (kind) {
    case 'STEP_ASSIGNED':
      view.pupilFirstName = read.optionalText('pupilFirstName', MAX_NAME_LENGTH);
      break;
    case 'STEP_REMINDER': {
      view.pupilFirstName = read.optionalText('pupilFirstName', MAX_NAME_LENGTH);
      const rung = read.oneOf('rung', Object.values(ReminderRung));
      view.isBeforeDue = rung === 'BEFORE_DUE';
      view.isOnDue = rung === 'ON_DUE';
      view.isOverdue = rung === 'OVERDUE';
      if (rung === 'BEFORE_DUE') view.schoolDaysText = formatSchoolDays(read.count('schoolDaysUntilDue'));
      if (rung === 'OVERDUE') view.schoolDaysText = formatSchoolDays(read.count('daysOverdue'));
      break;
    }
    case 'STEP_ESCALATION':
      view.schoolDaysText = formatSchoolDays(read.count('daysOverdue'));
      view.ownerName = read.text('ownerName', MAX_NAME_LENGTH);
      view.pupilFirstName = read.optionalText('pupilFirstName', MAX_NAME_LENGTH);
      break;
    case 'CASE_STUCK': {
      const stuck = read.optionalOneOf('stuckKind', Object.values(StuckKind));
      view.stuckStepOverdue = stuck === 'STEP_OVERDUE';
      view.stuckAutomatedStepFailing = stuck === 'AUTOMATED_STEP_FAILING';
      view.stuckNoProgress = stuck === 'NO_PROGRESS';
      view.stuckConsentTimeout = stuck === 'CONSENT_TIMEOUT';
      const days = read.optionalCount('daysOverdue');
      view.schoolDaysText = days === undefined ? undefined : formatSchoolDays(days);
      view.ownerName = read.optionalText('ownerName', MAX_NAME_LENGTH);
      view.pupilFirstName = read.optionalText('pupilFirstName', MAX_NAME_LENGTH);
      break;
    }
    case 'CASE_STARTED':
      view.pupilFirstName = read.text('pupilFirstName', MAX_NAME_LENGTH);
      view.ownerName = read.text('ownerName', MAX_NAME_LENGTH);
      break;
    case 'CONSENT_REQUESTED':
      view.pupilFirstName = read.text('pupilFirstName', MAX_NAME_LENGTH);
      view.ownerName = read.optionalText('ownerName', MAX_NAME_LENGTH);
      view.isPupil = read.optionalOneOf('audience', ['PARENT', 'PUPIL'] as const) === 'PUPIL';
      view.formal = !view.isPupil;
      view.invitationExpiresLong = read.optionalIsoDate('invitationExpiresOn');
      break;
    case 'LOGIN_INVITATION':
      view.isPupil = read.optionalOneOf('audience', ['PARENT', 'PUPIL'] as const) === 'PUPIL';
      view.formal = !view.isPupil;
      view.renewed = read.optionalBool('renewed') === true;
      break;
    case 'LOGIN_CODE': {
      const code = read.digits('code', 8);
      view.loginCode = `${code.slice(0, 4)} ${code.slice(4)}`;
      view.validMinutes = read.count('validMinutes');
      break;
    }
    case 'DOCUMENT_REQUESTED':
      view.pupilFirstName = read.text('pupilFirstName', MAX_NAME_LENGTH);
      view.ownerName = read.optionalText('ownerName', MAX_NAME_LENGTH);
      view.reminder = read.optionalBool('reminder') === true;
      break;
    case 'ZORGPLICHT_TERMIJN': {
      const signal = read.oneOf('signal', Object.values(ZorgplichtSignal));
      view.isWeekLeft = signal === 'WEEK_LEFT';
      view.isOverdueSignal = signal === 'OVERDUE';
      view.isTenWeeks = signal === 'TEN_WEEKS';
      view.receivedOnLong = read.isoDate('receivedOn');
      view.extended = read.bool('extended');
      view.extendedText = view.extended ? 'ja' : 'nee';
      const days = signal === 'TEN_WEEKS' ? undefined : read.optionalCount('calendarDays');
      view.calendarDaysText = days === undefined ? undefined : days === 1 ? '1 dag' : `${days} dagen`;
      view.pupilFirstName = read.optionalText('pupilFirstName', MAX_NAME_LENGTH);
      break;
    }
    case 'LETTER_AVAILABLE': {
      const letter = read.oneOf('letter', Object.values(LetterKind));
      view.isExtensionLetter = letter === 'ZORGPLICHT_VERLENGING' || letter === 'TLV_VERLENGING';
      view.isDecisionLetter = letter === 'ZORGPLICHT_BESLUIT' || letter === 'TLV_BESLUIT';
      view.isTlvLetter = letter === 'TLV_VERLENGING' || letter === 'TLV_BESLUIT';
      view.pupilFirstName = read.text('pupilFirstName', MAX_NAME_LENGTH);
      break;
    }
    case 'TRAJECT_PARENT_UPDATE': {
      const moment = read.oneOf('moment', Object.values(TrajectMoment));
      view.isMidway = moment === 'MIDWAY';
      view.isEnded = moment === 'ENDED';
      view.pupilFirstName = read.text('pupilFirstName', MAX_NAME_LENGTH);
      view.ownerName = read.optionalText('ownerName', MAX_NAME_LENGTH);
      break;
    }
    case 'CASE_CLOSED':
      view.processText = CASE_PROCESS_TEXT[read.oneOf('process', Object.values(ProcessType))];
      view.pupilFirstName = read.text('pupilFirstName', MAX_NAME_LENGTH);
      break;
    case 'TRAJECT_OUTCOME': {
      const outcome = read.oneOf('outcome', Object.values(TrajectOutcomeKind));
      view.isAfgerond = outcome === 'AFGEROND';
      view.isVerlengd = outcome === 'VERLENGD';
      view.isDoorverwezen = outcome === 'DOORVERWEZEN';
      view.isGestopt = outcome === 'GESTOPT';
      view.outcomeText = TRAJECT_OUTCOME_TEXT[outcome];
      view.pupilFirstName = read.optionalText('pupilFirstName', MAX_NAME_LENGTH);
      view.ownerName = read.optionalText('ownerName', MAX_NAME_LENGTH);
      break;
    }
    case 'MEETING_INVITATION':
    case 'MEETING_CANCELLED':
    case 'MEETING_AGENDA': {
      const meeting = buildMeetingView(kind, data, view.schoolName);
      Object.assign(view, meeting);
      view.formal = meeting.isParent === true;
      view.pupilFirstName = kind !== 'MEETING_AGENDA' ? read.text('pupilFirstName', MAX_NAME_LENGTH) : read.optionalText('pupilFirstName', MAX_NAME_LENGTH);
      break;
    }
    case 'MEETING_OVERVIEW_AGENDA': {
      Object.assign(view, buildMeetingView(kind, data, view.schoolName));
      view.formal = false;
      const count = data.caseCount === 0 ? 0 : read.count('caseCount');
      view.caseCountText = count === 0 ? 'nog geen leerlingen' : count === 1 ? '1 leerling' : `${count} leerlingen`;
      break;
    }
    case 'REFERRAL_RETURNED':
      view.pupilFirstName = read.optionalText('pupilFirstName', MAX_NAME_LENGTH);
      view.missingParts = read.optionalTextList('missingParts', 20, MAX_LABEL_LENGTH);
      break;
    case 'SESSION_REMINDER':
      view.sessionTime = read.time('sessionTime');
      view.isPupil = read.oneOf('audience', ['STAFF', 'PUPIL'] as const) === 'PUPIL';
      view.pupilFirstName = read.optionalText('pupilFirstName', MAX_NAME_LENGTH);
      break;
    case 'DAILY_DIGEST':
      Object.assign(view, buildDigestItemsView(data));
      break;
  }
  return view;
}

/** Reads and validates one field at a time; data usually arrives as JSON from a workflow. */
class FieldReader {
  constructor(
    private readonly kind: MessageKind,
    private readonly data: Record<string, unknown>,
  ) {}

  text(field: string, max: number): string {
    const value = this.optionalText(field, max);
    if (value === undefined) throw this.invalid(field, 'is required');
    return value;
  }

  optionalText(field: string, max: number): string | undefined {
    const raw = this.data[field];
    if (raw === undefined || raw === null) return undefined;
    if (typeof raw !== 'string') throw this.invalid(field, 'must be a string');
    const value = singleLine(raw);
    return value === '' ? undefined : truncate(value, max);
  }

  isoDate(field: string): string {
    const raw = this.data[field];
    if (typeof raw !== 'string' || parseIsoDate(raw) === null) throw this.invalid(field, 'must be a date YYYY-MM-DD');
    return formatDutchLongDate(raw);
  }

  optionalIsoDate(field: string): string | undefined {
    const raw = this.data[field];
    return raw === undefined || raw === null ? undefined : this.isoDate(field);
  }

  optionalBool(field: string): boolean | undefined {
    const raw = this.data[field];
    return raw === undefined || raw === null ? undefined : this.bool(field);
  }

  /** Exactly `length` digits (a login code). */
  digits(field: string, length: number): string {
    const raw = this.data[field];
    if (typeof raw !== 'string' || raw.length !== length || !/^\d+$/.test(raw)) throw this.invalid(field, `must be ${length} digits`);
    return raw;
  }

  url(field: string): string {
    const raw = this.data[field];
    if (typeof raw !== 'string' || raw.length > MAX_URL_LENGTH) throw this.invalid(field, 'must be an http(s) URL');
    let url: URL;
    try {
      url = new URL(raw.trim());
    } catch {
      throw this.invalid(field, 'must be an http(s) URL');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw this.invalid(field, 'must be an http(s) URL');
    if (url.username || url.password) throw this.invalid(field, 'must not contain credentials');
    return url.href;
  }

  count(field: string): number {
    const value = this.optionalCount(field);
    if (value === undefined) throw this.invalid(field, 'is required');
    return value;
  }

  optionalCount(field: string): number | undefined {
    const raw = this.data[field];
    if (raw === undefined || raw === null) return undefined;
    if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1) throw this.invalid(field, 'must be a whole number of at least 1');
    return raw;
  }

  /** A list of short texts (e.g. form labels); undefined when absent or empty. */
  optionalTextList(field: string, maxItems: number, maxLength: number): string[] | undefined {
    const raw = this.data[field];
    if (raw === undefined || raw === null) return undefined;
    if (!Array.isArray(raw) || raw.length > maxItems || raw.some((x) => typeof x !== 'string')) throw this.invalid(field, `must be a list of at most ${maxItems} texts`);
    const values = (raw as string[]).map((x) => truncate(singleLine(x), maxLength)).filter((x) => x !== '');
    return values.length ? values : undefined;
  }

  /** A time of day HH:mm (24 hours). */
  time(field: string): string {
    const raw = this.data[field];
    if (typeof raw !== 'string' || !/^([01]\d|2[0-3]):[0-5]\d$/.test(raw)) throw this.invalid(field, 'must be a time HH:mm');
    return raw;
  }

  bool(field: string): boolean {
    const raw = this.data[field];
    if (typeof raw !== 'boolean') throw this.invalid(field, 'must be true or false');
    return raw;
  }

  oneOf<T extends string>(field: string, allowed: readonly T[]): T {
    const value = this.optionalOneOf(field, allowed);
    if (value === undefined) throw this.invalid(field, `is required (one of ${allowed.join(', ')})`);
    return value;
  }

  optionalOneOf<T extends string>(field: string, allowed: readonly T[]): T | undefined {
    const raw = this.data[field];
    if (raw === undefined || raw === null) return undefined;
    if (typeof raw !== 'string' || !(allowed as readonly string[]).includes(raw)) {
      throw this.invalid(field, `must be one of ${allowed.join(', ')}`);
    }
    return raw as T;
  }

  private invalid(field: string, problem: string): InvalidMessageDataError {
    // Names the field, never its value: the value may be personal data.
    return new InvalidMessageDataError(`${this.kind}: ${field} ${problem}`);
  }
}

/** Collapses line breaks, control characters and runs of white space into single spaces. */
function singleLine(value: string): string {
  return value.replace(/[\s\p{Cc}\p{Cf}]+/gu, ' ').trim();
}

function truncate(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1).trimEnd()}…`;
}

/** Normalises the plain-text body: no trailing spaces, at most one empty line in a row. */
function tidyText(value: string): string {
  return `${value
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
