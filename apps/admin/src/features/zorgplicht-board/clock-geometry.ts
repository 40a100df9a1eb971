import { daysBetween } from '../../shared/dates';
import { type ZorgplichtClock } from './zorgplicht.graphql';

// Geometry of the zorgplicht timeline: every clock is a bar on one shared date axis, from the
// date of receipt to the end of the first term, with the extension as a second segment up to the
// due date in force; today and the 10-week mark are vertical markers. Positions are percentages.

export interface TimelineAxis {
  /** First date on the axis (YYYY-MM-DD). */
  start: string;
  /** Last date on the axis. */
  end: string;
}

export type ClockTone = 'overdue' | 'tenWeeks' | 'lastWeek' | 'ok';

export interface ClockGeometry {
  /** Bar from receipt to the first due date. */
  term: { left: number; width: number };
  /** The extension segment (first due date → due date in force), when the term was extended. */
  extension: { left: number; width: number } | null;
  /** The overdue segment (due date → today), when the term has passed. */
  overdue: { left: number; width: number } | null;
  today: number;
  tenWeeks: number;
  /** Calendar days from today to the due date in force; negative when overdue. */
  daysRemaining: number;
  tone: ClockTone;
  /** Dutch, e.g. "nog 12 dagen", "vandaag", "3 dagen te laat". */
  daysLabel: string;
}

type ClockDates = Pick<ZorgplichtClock, 'receivedOn' | 'firstDueDate' | 'dueDate' | 'tenWeekDate' | 'extensionUsed'>;

/** An axis that holds every clock, today and the 10-week marks, with a few days of margin. */
export function timelineAxis(clocks: readonly ClockDates[], today: string): TimelineAxis {
  const dates = [today, ...clocks.flatMap((c) => [c.receivedOn, c.dueDate, c.tenWeekDate])].sort();
  return { start: dates[0], end: dates[dates.length - 1] };
}

const clamp = (n: number) => Math.min(100, Math.max(0, n));

export function positionOf(date: string, axis: TimelineAxis): number {
  const span = Math.max(1, daysBetween(axis.start, axis.end));
  return clamp((daysBetween(axis.start, date) / span) * 100);
}

function segment(from: string, to: string, axis: TimelineAxis) {
  const left = positionOf(from, axis);
  return { left, width: Math.max(0, positionOf(to, axis) - left) };
}

export function daysLabel(daysRemaining: number): string {
  if (daysRemaining === 0) return 'vandaag';
  if (daysRemaining < 0) return `${-daysRemaining} ${daysRemaining === -1 ? 'dag' : 'dagen'} te laat`;
  return `nog ${daysRemaining} ${daysRemaining === 1 ? 'dag' : 'dagen'}`;
}

/** Days of the warning period before the due date ("laatste week"). */
export const LAST_WEEK_DAYS = 7;

export function clockGeometry(clock: ClockDates, today: string, axis: TimelineAxis): ClockGeometry {
  const daysRemaining = daysBetween(today, clock.dueDate);
  const overdue = daysRemaining < 0;
  const tenWeeksReached = today >= clock.tenWeekDate;
  const tone: ClockTone = overdue ? 'overdue' : tenWeeksReached ? 'tenWeeks' : daysRemaining <= LAST_WEEK_DAYS ? 'lastWeek' : 'ok';
  const extended = clock.extensionUsed && clock.dueDate > clock.firstDueDate;
  return {
    term: segment(clock.receivedOn, extended ? clock.firstDueDate : clock.dueDate, axis),
    extension: extended ? segment(clock.firstDueDate, clock.dueDate, axis) : null,
    overdue: overdue ? segment(clock.dueDate, today, axis) : null,
    today: positionOf(today, axis),
    tenWeeks: positionOf(clock.tenWeekDate, axis),
    daysRemaining,
    tone,
    daysLabel: daysLabel(daysRemaining),
  };
}
