import { addDays, format, getISODay, parseISO } from 'date-fns';
import { Role, type ProcessType } from '@zorgroute/domain';
import { SCHOOL_ACCOUNT_ROLES } from '../organisations/organisation.access';

/**
 * A work list's filter over the open steps (the step a case waits for, its owner and due date) of the cases the
 * caller may see (issue 17). Machine values only; the caller's scope is applied on every read, never stored.
 */
export interface WorkListFilter {
  /** Open steps the caller owns. */
  mine?: boolean | null;
  /** Open steps of this owner (e.g. a mentor who left). */
  ownerId?: string | null;
  /** Open steps whose owner can no longer take them (deactivated, another school, another role, no longer the mentor). */
  ownerUnavailable?: boolean | null;
  /** Open steps whose due date has passed. */
  overdue?: boolean | null;
  /** Open steps that are late by the end of this week (due before Sunday; already late ones included). */
  lateThisWeek?: boolean | null;
  process?: ProcessType | null;
  /** Cases of a pupil who is no longer enrolled (left, by the school data import). */
  pupilLeft?: boolean | null;
  stuck?: boolean | null;
}

export interface BuiltInWorkList {
  id: string;
  name: string;
  description: string;
  filter: WorkListFilter;
}

/** The lists every user has (not stored; their ids are not uuids, so they never clash with a saved list). */
export const BUILT_IN_WORK_LISTS: readonly BuiltInWorkList[] = [
  { id: 'mijn-open-stappen', name: 'Mijn open stappen', description: 'Stappen waarvan u de eigenaar bent', filter: { mine: true } },
  { id: 'deze-week-te-laat', name: 'Deze week te laat', description: 'Stappen die te laat zijn of deze week nog te laat raken', filter: { lateThisWeek: true } },
  {
    id: 'eigenaar-vertrokken',
    name: 'Eigenaar vertrokken',
    description: 'Stappen van iemand die vertrokken is, een andere rol heeft of niet meer de mentor is',
    filter: { ownerUnavailable: true },
  },
];

/** Roles that use work lists: the staff who see cases. Parents, pupils and the organisation admins do not. */
export const WORK_LIST_ROLES: readonly Role[] = [Role.ZORGCOORDINATOR, Role.TEAMLEIDER, Role.MENTOR, Role.COACH, Role.JOS_MEDEWERKER, Role.SWV_MEDEWERKER, Role.ADMIN];

/** The Sunday that ends the ISO week of `today` (YYYY-MM-DD in, YYYY-MM-DD out). */
export function endOfWeek(today: string): string {
  const day = parseISO(today);
  return format(addDays(day, 7 - getISODay(day)), 'yyyy-MM-dd');
}

/** Why the owner of an open step can no longer take it (the reassign screen shows a Dutch label per reason). */
export type OwnerUnavailableReason = 'DEACTIVATED' | 'OTHER_SCHOOL' | 'ROLE_CHANGED' | 'NOT_MENTOR_ANY_MORE';

/**
 * SQL, the one definition of "the owner can no longer take the step": the reason why the owner `u` of the open step of
 * case `c` (pupil `p`) can no longer take it, or NULL when he still can (also NULL without an owner). Used by the work
 * lists' filter and flag and by the school admin's list of open steps to reassign. Roles come from the `Role` enum, so
 * inlining them is safe.
 */
export function ownerUnavailableReasonSql(c = 'c', p = 'p', u = 'u'): string {
  return `(CASE WHEN ${u}.id IS NULL THEN NULL
    WHEN NOT ${u}.active THEN 'DEACTIVATED'
    WHEN ${u}.role IN ('${SCHOOL_ACCOUNT_ROLES.join("','")}') AND ${u}.school_id IS DISTINCT FROM ${c}.school_id THEN 'OTHER_SCHOOL'
    WHEN ${u}.role_changed_at IS NOT NULL AND ${u}.role_changed_at > ${c}.updated_at THEN 'ROLE_CHANGED'
    WHEN ${u}.role = '${Role.MENTOR}' AND ${p}.mentor_id IS NOT NULL AND ${p}.mentor_id <> ${u}.id THEN 'NOT_MENTOR_ANY_MORE'
    ELSE NULL END)`;
}

/** SQL: the owner `u` of the open step of case `c` (pupil `p`) can no longer take it (see `ownerUnavailableReasonSql`). */
export function ownerUnavailableSql(c = 'c', p = 'p', u = 'u'): string {
  return `(${ownerUnavailableReasonSql(c, p, u)} IS NOT NULL)`;
}

/**
 * SQL, the same rule as a filter (`ownerUnavailableReasonSql(c, p, u) IS NOT NULL`), written for counting many rows:
 * a disjunction of the reasons in which the pupil is read — one key lookup — only for a step whose owner is a mentor,
 * so a count over every open step needs no join with every pupil (issue 18.4).
 */
export function ownerUnavailableFilterSql(c = 'c', u = 'u'): string {
  return `(${u}.id IS NOT NULL AND (NOT ${u}.active
    OR (${u}.role IN ('${SCHOOL_ACCOUNT_ROLES.join("','")}') AND ${u}.school_id IS DISTINCT FROM ${c}.school_id)
    OR ${u}.role_changed_at > ${c}.updated_at
    OR (${u}.role = '${Role.MENTOR}' AND EXISTS (SELECT 1 FROM pupil wl_p WHERE wl_p.id = ${c}.pupil_id AND wl_p.mentor_id <> ${u}.id))))`;
}

/** A WHERE clause and its parameters for a filter (aliases: `c` case_summary, `p` pupil, `u` the step's owner). */
export function filterConditions(filter: WorkListFilter, ctx: { userId: string; today: string }): { sql: string[]; params: Record<string, unknown> } {
  const sql = ['c.closed_at IS NULL', 'c.waiting_for IS NOT NULL'];
  const params: Record<string, unknown> = {};
  if (filter.mine) {
    sql.push('c.owner_user_id = :wlMe');
    params.wlMe = ctx.userId;
  }
  if (filter.ownerId) {
    sql.push('c.owner_user_id = :wlOwner');
    params.wlOwner = filter.ownerId;
  }
  if (filter.ownerUnavailable) sql.push(ownerUnavailableFilterSql());
  if (filter.overdue) {
    sql.push('c.next_due_date < :wlToday');
    params.wlToday = ctx.today;
  }
  if (filter.lateThisWeek) {
    // A step is late the day after its due date: late by Sunday means due before Sunday (already late ones included).
    sql.push('c.next_due_date < :wlWeekEnd');
    params.wlWeekEnd = endOfWeek(ctx.today);
  }
  if (filter.process) {
    sql.push('c.process = :wlProcess');
    params.wlProcess = filter.process;
  }
  if (filter.pupilLeft) sql.push('p.left_at IS NOT NULL');
  if (filter.stuck) sql.push('c.stuck = true');
  return { sql, params };
}
