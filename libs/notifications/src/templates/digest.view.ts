import { formatDutchLongDate, parseIsoDate } from './dutch-date.util';
import { InvalidMessageDataError } from './template.errors';

/** One item of a digest as its template sees it. */
export interface DigestItemView {
  title: string;
  stepLabel: string;
  dueDateLong: string;
  caseUrl: string;
  pupilFirstName?: string;
}

/** Most items one digest lists; a school day never comes near it, a larger number is a bug upstream. */
export const MAX_DIGEST_ITEMS = 500;
const MAX_TITLE_LENGTH = 300;
const MAX_LABEL_LENGTH = 160;
const MAX_NAME_LENGTH = 120;
const MAX_URL_LENGTH = 2000;

/**
 * Validates `items` of DAILY_DIGEST data field by field (like the renderer does for every other kind) and builds the
 * view: only the declared fields reach the e-mail. Errors name the field, never its value.
 */
export function buildDigestItemsView(data: Record<string, unknown>): { digestItems: DigestItemView[]; digestCountText: string } {
  const raw = data.items;
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_DIGEST_ITEMS) {
    throw invalid('items', `must be a list of 1 to ${MAX_DIGEST_ITEMS} items`);
  }
  const digestItems = raw.map((item: unknown, i): DigestItemView => {
    if (typeof item !== 'object' || item === null) throw invalid(`items.${i}`, 'must be an object');
    const it = item as Record<string, unknown>;
    const view: DigestItemView = {
      title: text(it.title, `items.${i}.title`, MAX_TITLE_LENGTH),
      stepLabel: text(it.stepLabel, `items.${i}.stepLabel`, MAX_LABEL_LENGTH),
      dueDateLong: isoDate(it.dueDate, `items.${i}.dueDate`),
      caseUrl: url(it.caseUrl, `items.${i}.caseUrl`),
    };
    const pupil = optionalText(it.pupilFirstName, `items.${i}.pupilFirstName`, MAX_NAME_LENGTH);
    if (pupil) view.pupilFirstName = pupil;
    return view;
  });
  return { digestItems, digestCountText: digestItems.length === 1 ? '1 bericht' : `${digestItems.length} berichten` };
}

function invalid(field: string, problem: string): InvalidMessageDataError {
  return new InvalidMessageDataError(`DAILY_DIGEST: ${field} ${problem}`);
}

function singleLine(value: string): string {
  return value.replace(/[\s\p{Cc}\p{Cf}]+/gu, ' ').trim();
}

function optionalText(raw: unknown, field: string, max: number): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'string') throw invalid(field, 'must be a string');
  const value = singleLine(raw);
  if (value === '') return undefined;
  return value.length <= max ? value : `${value.slice(0, max - 1).trimEnd()}…`;
}

function text(raw: unknown, field: string, max: number): string {
  const value = optionalText(raw, field, max);
  if (value === undefined) throw invalid(field, 'is required');
  return value;
}

function isoDate(raw: unknown, field: string): string {
  if (typeof raw !== 'string' || parseIsoDate(raw) === null) throw invalid(field, 'must be a date YYYY-MM-DD');
  return formatDutchLongDate(raw);
}

function url(raw: unknown, field: string): string {
  if (typeof raw !== 'string' || raw.length > MAX_URL_LENGTH) throw invalid(field, 'must be an http(s) URL');
  let parsed: URL;
  try {
    parsed = new URL(raw.trim());
  } catch {
    throw invalid(field, 'must be an http(s) URL');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw invalid(field, 'must be an http(s) URL');
  if (parsed.username || parsed.password) throw invalid(field, 'must not contain credentials');
  return parsed.href;
}
