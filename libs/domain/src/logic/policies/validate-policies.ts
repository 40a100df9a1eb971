/**
 * Bounds checks for resolved policies. Each message names the setting's path, says what is wrong in Dutch and in
 * English, and shows the value: `jos.maxMonths: moet een positief geheel getal zijn (must be a positive integer);
 * waarde/value: 0`.
 */
import { isIsoDate } from '../calendar';
import { TLV_DOSSIER_ITEMS, type ProcessPolicies, type TerugkoppelingMoment } from './process-policies';

const TERUGKOPPELING_MOMENTS: readonly TerugkoppelingMoment[] = ['NA_EERSTE_RAPPORT', 'EINDE_LEERJAAR_1'];

/** Shortest calendar month in days: a cap of n months lasts at least n × 28 days. */
const MIN_DAYS_PER_MONTH = 28;

function valueText(value: unknown): string {
  if (typeof value === 'number' || value === undefined) return String(value);
  return JSON.stringify(value) ?? String(value);
}

class Checker {
  readonly errors: string[] = [];

  constructor(private readonly root: unknown) {}

  get(path: string): unknown {
    let node: unknown = this.root;
    for (const part of path.split('.')) {
      if (node === null || typeof node !== 'object') return undefined;
      node = (node as Record<string, unknown>)[part];
    }
    return node;
  }

  fail(path: string, nl: string, en: string, value: unknown = this.get(path)): void {
    this.errors.push(`${path}: ${nl} (${en}); waarde/value: ${valueText(value)}`);
  }

  /** Returns the value when it is a positive integer, else records an error and returns undefined. */
  positiveInt(path: string): number | undefined {
    const v = this.get(path);
    if (typeof v === 'number' && Number.isInteger(v) && v > 0) return v;
    this.fail(path, 'moet een positief geheel getal zijn', 'must be a positive integer');
    return undefined;
  }

  nonNegativeInt(path: string): number | undefined {
    const v = this.get(path);
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
    this.fail(path, 'moet een geheel getal van 0 of meer zijn', 'must be an integer of 0 or more');
    return undefined;
  }

  intBetween(path: string, min: number, max: number): number | undefined {
    const v = this.get(path);
    if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v;
    this.fail(path, `moet een geheel getal van ${min} tot en met ${max} zijn`, `must be an integer from ${min} to ${max}`);
    return undefined;
  }

  /** A fraction strictly between 0 and 1. */
  fraction(path: string): number | undefined {
    const v = this.get(path);
    if (typeof v === 'number' && Number.isFinite(v) && v > 0 && v < 1) return v;
    this.fail(path, 'moet een getal groter dan 0 en kleiner dan 1 zijn', 'must be a number greater than 0 and less than 1');
    return undefined;
  }

  boolean(path: string): void {
    if (typeof this.get(path) !== 'boolean') this.fail(path, 'moet waar of onwaar zijn', 'must be true or false');
  }

  /** Records an error when both values are known and `ok` is false. */
  relation(ok: boolean | undefined, path: string, nl: string, en: string): void {
    if (ok === false) this.fail(path, nl, en);
  }
}

const both = (a: number | undefined, b: number | undefined, test: (a: number, b: number) => boolean) =>
  a === undefined || b === undefined ? undefined : test(a, b);

function checkLadder(c: Checker): void {
  const before = c.get('ladder.remindBeforeSchoolDays');
  if (!Array.isArray(before)) {
    c.fail('ladder.remindBeforeSchoolDays', 'moet een lijst van positieve gehele getallen zijn', 'must be a list of positive integers');
  } else {
    before.forEach((_, i) => c.positiveInt(`ladder.remindBeforeSchoolDays.${i}`));
    if (new Set(before).size !== before.length) {
      c.fail('ladder.remindBeforeSchoolDays', 'bevat dubbele waarden', 'contains duplicates');
    }
  }
  c.boolean('ladder.remindOnDueDate');
  c.positiveInt('ladder.repeatEverySchoolDays');
  const escalate = c.positiveInt('ladder.escalateAfterSchoolDays');
  const stuck = c.positiveInt('ladder.stuckAfterSchoolDays');
  c.relation(
    both(escalate, stuck, (e, s) => e < s),
    'ladder.stuckAfterSchoolDays',
    'moet groter zijn dan escalateAfterSchoolDays (eerst escaleren, dan vastgelopen)',
    'must be greater than escalateAfterSchoolDays (escalate before the case is stuck)',
  );
  c.intBetween('ladder.sendAtHour', 0, 23);
  c.intBetween('ladder.sendAtMinute', 0, 59);
}

function checkOndersteuningstraject(c: Checker): void {
  const p = 'ondersteuningstraject';
  c.boolean(`${p}.informParents`);
  c.boolean(`${p}.registrationConsentRequired`);
  c.boolean(`${p}.sessionReminders`);
  c.positiveInt(`${p}.intakeWithinSchoolDays`);
  c.positiveInt(`${p}.matchingWithinSchoolDays`);
  const min = c.positiveInt(`${p}.minWeeks`);
  const def = c.positiveInt(`${p}.defaultWeeks`);
  const max = c.positiveInt(`${p}.maxWeeks`);
  c.relation(
    both(min, def, (a, b) => a <= b),
    `${p}.defaultWeeks`,
    'moet minstens minWeeks zijn',
    'must be at least minWeeks',
  );
  c.relation(both(def, max, (a, b) => a <= b), `${p}.defaultWeeks`, 'mag niet groter zijn dan maxWeeks', 'must not exceed maxWeeks');
  c.relation(both(min, max, (a, b) => a <= b), `${p}.maxWeeks`, 'moet minstens minWeeks zijn', 'must be at least minWeeks');
  c.positiveInt(`${p}.sessionEveryWeeks`);
  c.intBetween(`${p}.sessionMinutes`, 1, 24 * 60);
  c.intBetween(`${p}.sessionReminderHoursBefore`, 1, 72);
  c.positiveInt(`${p}.sessionLogWithinSchoolDays`);
  c.fraction(`${p}.midEvaluationAtFraction`);
  c.positiveInt(`${p}.outcomeWithinSchoolDays`);
  c.nonNegativeInt(`${p}.maxExtensions`);
  const extMin = c.positiveInt(`${p}.extensionMinWeeks`);
  const extMax = c.positiveInt(`${p}.extensionMaxWeeks`);
  c.relation(
    both(extMin, extMax, (a, b) => a <= b),
    `${p}.extensionMaxWeeks`,
    'moet minstens extensionMinWeeks zijn',
    'must be at least extensionMinWeeks',
  );
}

function checkZorgroute(c: Checker): void {
  const p = 'zorgroute';
  for (const key of [
    'triageWithinSchoolDays',
    'izoEveryWeeks',
    'minutesWithinSchoolDays',
    'nagesprekWithinSchoolDays',
    'evaluationAfterWeeks',
    'zatMinMeetingsPerSchoolYear',
    'zatAgendaBeforeSchoolDays',
    'flexZatWithinSchoolDays',
    'referralCompleteWithinSchoolDays',
    'bilateralWithinSchoolDays',
    'voorgesprekWithinSchoolDays',
    'izoInfoBeforeSchoolDays',
    'zatInfoWithinSchoolDays',
    'zatPlanWithinSchoolDays',
  ]) {
    c.positiveInt(`${p}.${key}`);
  }
  c.boolean(`${p}.flexZat`);
  c.boolean(`${p}.izoConsentRequired`);
  c.intBetween(`${p}.izoWeekday`, 1, 5);
  const dates = c.get(`${p}.zatMeetingDates`);
  if (!Array.isArray(dates)) {
    c.fail(`${p}.zatMeetingDates`, 'moet een lijst van datums zijn', 'must be a list of dates');
  } else {
    dates.forEach((d, i) => {
      if (!isIsoDate(d)) c.fail(`${p}.zatMeetingDates.${i}`, 'moet een datum JJJJ-MM-DD zijn', 'must be a date YYYY-MM-DD');
    });
  }
}

function checkJos(c: Checker): void {
  const p = 'jos';
  c.positiveInt(`${p}.formWithinSchoolDays`);
  c.positiveInt(`${p}.startgesprekWithinSchoolDays`);
  c.positiveInt(`${p}.goalsWithinSchoolDays`);
  c.positiveInt(`${p}.signatureTimeoutSchoolDays`);
  const maxMonths = c.positiveInt(`${p}.maxMonths`);
  const every = c.positiveInt(`${p}.evaluationEveryWeeks`);
  const warn = c.positiveInt(`${p}.capWarningWeeksBefore`);
  c.positiveInt(`${p}.outcomeWithinSchoolDays`);
  c.relation(
    both(warn, maxMonths, (w, m) => w * 7 < m * MIN_DAYS_PER_MONTH),
    `${p}.capWarningWeeksBefore`,
    'moet korter zijn dan maxMonths (anders valt de waarschuwing vóór de start)',
    'must be shorter than maxMonths (else the warning falls before the start)',
  );
  c.relation(
    both(every, maxMonths, (e, m) => e * 7 < m * MIN_DAYS_PER_MONTH),
    `${p}.evaluationEveryWeeks`,
    'moet korter zijn dan maxMonths (anders is er geen enkele evaluatie)',
    'must be shorter than maxMonths (else no evaluation ever happens)',
  );
}

function checkZorgplicht(c: Checker): void {
  const p = 'zorgplicht';
  const decision = c.positiveInt(`${p}.decisionWeeks`);
  c.relation(
    decision === undefined ? undefined : decision <= 6,
    `${p}.decisionWeeks`,
    'mag niet langer zijn dan de wettelijke 6 weken',
    'must not exceed the statutory 6 weeks',
  );
  const maxExt = c.nonNegativeInt(`${p}.maxExtensions`);
  c.relation(
    maxExt === undefined ? undefined : maxExt <= 1,
    `${p}.maxExtensions`,
    'de wet staat één verlenging toe',
    'the law allows one extension',
  );
  const extWeeks = c.nonNegativeInt(`${p}.extensionMaxWeeks`);
  c.relation(
    extWeeks === undefined ? undefined : extWeeks <= 4,
    `${p}.extensionMaxWeeks`,
    'mag niet langer zijn dan de wettelijke 4 weken',
    'must not exceed the statutory 4 weeks',
  );
  c.boolean(`${p}.suspendSummerHoliday`);
  const warnDays = c.positiveInt(`${p}.swvWarnDaysBefore`);
  c.relation(
    both(warnDays, decision, (w, d) => w < d * 7),
    `${p}.swvWarnDaysBefore`,
    'moet korter zijn dan de beslistermijn',
    'must be shorter than the decision term',
  );
  const alert = c.positiveInt(`${p}.swvAlertAfterWeeks`);
  c.relation(
    both(alert, decision, (a, d) => a > d),
    `${p}.swvAlertAfterWeeks`,
    'moet langer zijn dan decisionWeeks',
    'must be longer than decisionWeeks',
  );
  c.positiveInt(`${p}.bezwaarWeeks`);
}

function checkOov(c: Checker): void {
  const p = 'oov';
  const observatie = c.positiveInt(`${p}.observatietrajectWeeks`);
  const kort = c.positiveInt(`${p}.behandeltrajectKortMonths`);
  const lang = c.positiveInt(`${p}.behandeltrajectLangMonths`);
  c.relation(
    both(kort, lang, (k, l) => k <= l),
    `${p}.behandeltrajectLangMonths`,
    'moet minstens behandeltrajectKortMonths zijn',
    'must be at least behandeltrajectKortMonths',
  );
  c.fraction(`${p}.midEvaluationAtFraction`);
  const beforeEnd = c.positiveInt(`${p}.evaluationBeforeEndWeeks`);
  c.relation(
    both(beforeEnd, observatie, (b, o) => b < o),
    `${p}.evaluationBeforeEndWeeks`,
    'moet korter zijn dan het kortste arrangement (observatietrajectWeeks)',
    'must be shorter than the shortest arrangement (observatietrajectWeeks)',
  );
  c.positiveInt(`${p}.followUpAfterReturnWeeks`);
  c.positiveInt(`${p}.preparationWithinSchoolDays`);
  c.positiveInt(`${p}.requestWithinSchoolDays`);
  c.positiveInt(`${p}.swvDecisionWithinSchoolDays`);
  c.positiveInt(`${p}.intakeWithinSchoolDays`);
  c.nonNegativeInt(`${p}.maxExtensions`);
}

function checkOverdracht(c: Checker): void {
  const p = 'overdracht';
  for (const key of ['okrWithinSchoolDays', 'sendWithinSchoolDays', 'receiptWithinSchoolDays', 'mentorReadWithinSchoolDays', 'feedbackWithinSchoolDays']) {
    c.positiveInt(`${p}.${key}`);
  }
  const moments = c.get(`${p}.terugkoppelingMoments`);
  if (!Array.isArray(moments)) {
    c.fail(`${p}.terugkoppelingMoments`, 'moet een lijst zijn', 'must be a list');
  } else {
    moments.forEach((m, i) => {
      if (!TERUGKOPPELING_MOMENTS.includes(m as TerugkoppelingMoment)) {
        c.fail(
          `${p}.terugkoppelingMoments.${i}`,
          `moet een van ${TERUGKOPPELING_MOMENTS.join(', ')} zijn`,
          `must be one of ${TERUGKOPPELING_MOMENTS.join(', ')}`,
        );
      }
    });
    if (new Set(moments).size !== moments.length) c.fail(`${p}.terugkoppelingMoments`, 'bevat dubbele waarden', 'contains duplicates');
  }

  const calendars = c.get(`${p}.regionalCalendars`);
  if (!Array.isArray(calendars)) {
    c.fail(`${p}.regionalCalendars`, 'moet een lijst zijn', 'must be a list');
    return;
  }
  const seen = new Set<unknown>();
  calendars.forEach((_, i) => {
    const at = `${p}.regionalCalendars.${i}`;
    const schoolYear = c.get(`${at}.schoolYear`);
    const match = typeof schoolYear === 'string' ? /^(\d{4})-(\d{4})$/.exec(schoolYear) : null;
    if (!match || Number(match[2]) !== Number(match[1]) + 1) {
      c.fail(`${at}.schoolYear`, 'moet een schooljaar als "2027-2028" zijn', 'must be a school year such as "2027-2028"');
    } else if (seen.has(schoolYear)) {
      c.fail(`${at}.schoolYear`, 'komt meer dan eens voor', 'occurs more than once');
    }
    seen.add(schoolYear);

    const date = (field: string): string | undefined => {
      const v = c.get(`${at}.${field}`);
      if (isIsoDate(v)) return v;
      c.fail(`${at}.${field}`, 'moet een datum JJJJ-MM-DD zijn', 'must be a date YYYY-MM-DD');
      return undefined;
    };
    const advies = date('schooladviesBy');
    const aanmeldFrom = date('aanmeldweek.from');
    const aanmeldTo = date('aanmeldweek.to');
    const oso = date('osoDeadline');
    const warmFrom = date('warmeOverdracht.from');
    const warmTo = date('warmeOverdracht.to');
    const start = date('startSchoolYear');
    const order = (a: string | undefined, b: string | undefined, path: string, nl: string, en: string) =>
      c.relation(a === undefined || b === undefined ? undefined : a <= b, `${at}.${path}`, nl, en);
    order(aanmeldFrom, aanmeldTo, 'aanmeldweek.to', 'mag niet vóór aanmeldweek.from liggen', 'must not be before aanmeldweek.from');
    order(warmFrom, warmTo, 'warmeOverdracht.to', 'mag niet vóór warmeOverdracht.from liggen', 'must not be before warmeOverdracht.from');
    order(advies, aanmeldFrom, 'schooladviesBy', 'moet vóór de aanmeldweek liggen', 'must be before the aanmeldweek');
    order(aanmeldTo, oso, 'osoDeadline', 'mag niet vóór het einde van de aanmeldweek liggen', 'must not be before the end of the aanmeldweek');
    order(oso, start, 'osoDeadline', 'moet vóór de start van het schooljaar liggen', 'must be before the start of the school year');
    if (match && start !== undefined) {
      const inYear = start >= `${match[1]}-08-01` && start <= `${match[2]}-07-31`;
      if (!inYear) c.fail(`${at}.startSchoolYear`, 'moet in het schooljaar liggen', 'must fall in the school year');
    }
    // Optional feedback moments: in the school year, after its start, the end of year 1 not before the first report.
    const feedback = c.get(`${at}.terugkoppeling`);
    if (feedback !== undefined) {
      if (feedback === null || typeof feedback !== 'object' || Array.isArray(feedback)) {
        c.fail(`${at}.terugkoppeling`, 'moet een object zijn', 'must be an object');
      } else {
        const moment = (field: string): string | undefined => {
          const v = c.get(`${at}.terugkoppeling.${field}`);
          if (v === undefined) return undefined;
          if (!isIsoDate(v)) {
            c.fail(`${at}.terugkoppeling.${field}`, 'moet een datum JJJJ-MM-DD zijn', 'must be a date YYYY-MM-DD');
            return undefined;
          }
          if (start !== undefined && v < start) c.fail(`${at}.terugkoppeling.${field}`, 'mag niet vóór de start van het schooljaar liggen', 'must not be before the start of the school year');
          else if (match && v > `${match[2]}-07-31`) c.fail(`${at}.terugkoppeling.${field}`, 'moet in het schooljaar liggen', 'must fall in the school year');
          return v;
        };
        const first = moment('naEersteRapport');
        const end = moment('eindeLeerjaar1');
        order(first, end, 'terugkoppeling.eindeLeerjaar1', 'mag niet vóór terugkoppeling.naEersteRapport liggen', 'must not be before terugkoppeling.naEersteRapport');
        for (const key of Object.keys(feedback)) {
          if (key !== 'naEersteRapport' && key !== 'eindeLeerjaar1') c.fail(`${at}.terugkoppeling.${key}`, 'onbekende beleidsinstelling', 'unknown policy setting');
        }
      }
    }
  });
}

function checkOpp(c: Checker): void {
  const p = 'opp';
  for (const key of ['drawUpWithinWeeks', 'adjustWithinSchoolDays', 'hearPupilWithinSchoolDays', 'refusalFollowUpWithinSchoolDays', 'bronWithinSchoolDays', 'geschillencommissieWeeks']) {
    c.positiveInt(`${p}.${key}`);
  }
  // "At least yearly": an SWV or school may evaluate more often, never less.
  const every = c.intBetween(`${p}.evaluateEveryMonths`, 1, 12);
  const opens = c.positiveInt(`${p}.evaluationOpensWeeksBefore`);
  c.relation(
    both(opens, every, (o, e) => o * 7 < e * MIN_DAYS_PER_MONTH),
    `${p}.evaluationOpensWeeksBefore`,
    'moet korter zijn dan evaluateEveryMonths (anders opent de evaluatie vóór de vorige is afgerond)',
    'must be shorter than evaluateEveryMonths (else the evaluation opens before the previous one concluded)',
  );
  c.boolean(`${p}.shareWithSwv`);
}

function checkNotifications(c: Checker): void {
  const p = 'notifications';
  c.positiveInt(`${p}.mailStuckAfterSeconds`);
  const initial = c.positiveInt(`${p}.mailRetryInitialSeconds`);
  const max = c.positiveInt(`${p}.mailRetryMaxSeconds`);
  c.relation(both(initial, max, (i, m) => i <= m), `${p}.mailRetryMaxSeconds`, 'moet minstens mailRetryInitialSeconds zijn', 'must be at least mailRetryInitialSeconds');
  c.positiveInt(`${p}.mailHeartbeatSeconds`);
  c.intBetween(`${p}.digestHour`, 0, 23);
  c.intBetween(`${p}.digestMinute`, 0, 59);
  c.boolean(`${p}.digestSchoolDaysOnly`);
}

function checkTlv(c: Checker): void {
  const p = 'tlv';
  for (const key of ['dossierWithinSchoolDays', 'checkWithinSchoolDays', 'adviceWithinSchoolDays', 'registrationWithinSchoolDays', 'herindicatieDecisionWithinSchoolDays', 'bezwaarWeeks', 'minValidityMonths']) {
    c.positiveInt(`${p}.${key}`);
  }
  const items = c.get(`${p}.requiredDossierItems`);
  if (!Array.isArray(items) || items.some((i) => !(TLV_DOSSIER_ITEMS as readonly unknown[]).includes(i))) {
    c.fail(`${p}.requiredDossierItems`, `moet een lijst zijn uit ${TLV_DOSSIER_ITEMS.join(', ')}`, `must be a list of ${TLV_DOSSIER_ITEMS.join(', ')}`);
  } else if (new Set(items).size !== items.length) {
    c.fail(`${p}.requiredDossierItems`, 'bevat dubbele waarden', 'contains duplicates');
  }
  const decision = c.positiveInt(`${p}.decisionWeeks`);
  c.intBetween(`${p}.maxExtensions`, 0, 1);
  const ext = c.positiveInt(`${p}.extensionMaxWeeks`);
  c.relation(both(ext, decision, (e, d) => e <= d), `${p}.extensionMaxWeeks`, 'mag niet langer zijn dan de beslistermijn zelf', 'must not exceed the decision term itself');
  const reminder = c.positiveInt(`${p}.expiryReminderMonths`);
  const validity = c.get(`${p}.minValidityMonths`) as number | undefined;
  c.relation(
    both(reminder, typeof validity === 'number' ? validity : undefined, (r, v) => r < v),
    `${p}.expiryReminderMonths`,
    'moet korter zijn dan minValidityMonths (anders komt de herinnering vóór de start)',
    'must be shorter than minValidityMonths (else the reminder comes before the start)',
  );
}

function checkRetention(c: Checker): void {
  c.intBetween('retention.closeAfterInactiveMonths', 0, 120);
  c.intBetween('retention.purgeAfterClosedYears', 1, 30);
}

/**
 * Checks every policy value against its bounds: positive integers where a count is meant, `minWeeks ≤ defaultWeeks ≤
 * maxWeeks`, escalation before stuck, statutory maxima of the zorgplicht, send time 00:00-23:59, well-formed regional
 * PO→VO calendars, and so on. Returns one message per problem (empty when valid). Never throws, also not on a
 * malformed object.
 */
export function validatePolicies(p: ProcessPolicies): string[] {
  const c = new Checker(p);
  checkLadder(c);
  checkOndersteuningstraject(c);
  checkZorgroute(c);
  checkJos(c);
  checkZorgplicht(c);
  checkOov(c);
  checkOverdracht(c);
  checkOpp(c);
  checkTlv(c);
  checkNotifications(c);
  checkRetention(c);
  const timeout = c.positiveInt('consent.timeoutSchoolDays');
  const respond = c.positiveInt('consent.respondWithinSchoolDays');
  c.relation(
    both(respond, timeout, (r, t) => r <= t),
    'consent.respondWithinSchoolDays',
    'mag niet groter zijn dan timeoutSchoolDays',
    'must not exceed timeoutSchoolDays',
  );
  return c.errors;
}
