/**
 * The preview of an import and what applying it writes, computed from the file's records and the school's current
 * data (pure: the repository loads the state and writes the plan). Matching is by the source's ids: a pupil by his
 * leerlingnummer / sourcedId, a staff member by his sourcedId (else his e-mail address at this school), a guardian by
 * his e-mail address (accounts are unique by e-mail). Only what came from an import can leave: pupils and staff
 * without a source id (made in Zorgroute) are never leavers.
 */
import type { ImportedGuardian, ImportedPupil, ImportRecords, RejectedRow } from './import-records';

export interface CurrentPupil {
  id: string;
  sourceId: string | null;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  className: string | null;
  mentorId: string | null;
  left: boolean;
}

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
  role: string;
  schoolId: string | null;
  sourceId: string | null;
  active: boolean;
}

export interface CurrentLink {
  pupilId: string;
  userId: string;
  relation: string;
  hasParentalAuthority: boolean;
}

export interface SchoolState {
  schoolId: string;
  pupils: CurrentPupil[];
  /** Every account of the school (staff, parents, pupils) plus every account whose e-mail the file names. */
  users: CurrentUser[];
  /** Guardian links of the school's pupils. */
  links: CurrentLink[];
}

export interface FieldChange {
  field: 'naam' | 'geboortedatum' | 'klas' | 'mentor' | 'ouders' | 'gezag' | 'terug' | 'e-mail';
  from: string | null;
  to: string | null;
}

export interface PreviewPupil {
  sourceId: string;
  name: string;
  className: string | null;
  mentorName: string | null;
  changes: FieldChange[];
}

export interface PreviewStaff {
  sourceId: string;
  name: string;
  email: string;
  changes: FieldChange[];
}

export interface ImportPreview {
  pupils: { added: PreviewPupil[]; changed: PreviewPupil[]; leavers: PreviewPupil[]; unchanged: number };
  staff: { added: PreviewStaff[]; changed: PreviewStaff[]; leavers: PreviewStaff[]; unchanged: number };
  guardians: { added: number; changed: number; linksAdded: number; linksRemoved: number };
  rejected: RejectedRow[];
}

/** A staff account to create or update; `key` is how pupils refer to it before it has an id. */
export interface StaffWrite {
  key: string;
  id: string | null;
  sourceId: string;
  name: string;
  email: string;
  reactivate: boolean;
}

export interface PupilWrite {
  id: string | null;
  sourceId: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  className: string | null;
  /** A user id, or `staff:<key>` of a staff account created by this import. */
  mentor: string | null;
  returning: boolean;
}

export interface GuardianWrite {
  id: string | null;
  email: string;
  name: string;
  sourceId: string | null;
}

export interface ImportPlan {
  staffInserts: StaffWrite[];
  staffUpdates: StaffWrite[];
  staffDeactivations: string[];
  pupilInserts: PupilWrite[];
  pupilUpdates: PupilWrite[];
  pupilLeavers: string[];
  guardianInserts: GuardianWrite[];
  guardianUpdates: GuardianWrite[];
  /** Links by pupil (id, or `pupil:<sourceId>` for a new one) and guardian e-mail. */
  links: { pupil: string; email: string; relation: string; hasParentalAuthority: boolean }[];
  linkDeletes: { pupilId: string; userId: string }[];
}

export const STAFF_ROLE_NAMES = ['ZORGCOORDINATOR', 'TEAMLEIDER', 'MENTOR', 'COACH', 'JOS_MEDEWERKER', 'SCHOOL_ADMIN'];

function fullName(p: { firstName: string; lastName: string }): string {
  return `${p.firstName} ${p.lastName}`.trim();
}

export function planImport(records: ImportRecords, state: SchoolState): { plan: ImportPlan; preview: ImportPreview } {
  const rejected: RejectedRow[] = [...records.rejected];
  const byEmail = new Map(state.users.map((u) => [u.email.toLowerCase(), u]));
  const byId = new Map(state.users.map((u) => [u.id, u]));
  const schoolStaff = state.users.filter((u) => u.schoolId === state.schoolId && STAFF_ROLE_NAMES.includes(u.role));
  const staffBySource = new Map(schoolStaff.filter((u) => u.sourceId).map((u) => [u.sourceId as string, u]));

  // --- staff ---
  const plan: ImportPlan = { staffInserts: [], staffUpdates: [], staffDeactivations: [], pupilInserts: [], pupilUpdates: [], pupilLeavers: [], guardianInserts: [], guardianUpdates: [], links: [], linkDeletes: [] };
  const preview: ImportPreview = {
    pupils: { added: [], changed: [], leavers: [], unchanged: 0 },
    staff: { added: [], changed: [], leavers: [], unchanged: 0 },
    guardians: { added: 0, changed: 0, linksAdded: 0, linksRemoved: 0 },
    rejected,
  };
  /** Staff of the file by source id: the mentor key pupils refer to, and the name to show. */
  const staffKey = new Map<string, { key: string; name: string }>();
  const seenStaffEmails = new Set<string>();
  const keptStaff = new Set<string>();
  for (const s of records.staff) {
    const existing = staffBySource.get(s.sourceId) ?? (byEmail.get(s.email)?.schoolId === state.schoolId && STAFF_ROLE_NAMES.includes(byEmail.get(s.email)?.role ?? '') ? byEmail.get(s.email) : undefined);
    const owner = byEmail.get(s.email);
    if (seenStaffEmails.has(s.email)) {
      rejected.push({ file: s.file, line: s.line, reason: `e-mailadres ${s.email} staat al bij een andere docent in het bestand` });
      continue;
    }
    if (owner && owner.id !== existing?.id) {
      rejected.push({ file: s.file, line: s.line, reason: `e-mailadres ${s.email} is al in gebruik door een ander account (${owner.role === 'PARENT' ? 'een ouder' : 'een andere school of rol'})` });
      continue;
    }
    seenStaffEmails.add(s.email);
    if (!existing) {
      const w: StaffWrite = { key: `staff:${s.sourceId}`, id: null, sourceId: s.sourceId, name: s.name, email: s.email, reactivate: false };
      plan.staffInserts.push(w);
      staffKey.set(s.sourceId, { key: w.key, name: s.name });
      preview.staff.added.push({ sourceId: s.sourceId, name: s.name, email: s.email, changes: [] });
      continue;
    }
    keptStaff.add(existing.id);
    staffKey.set(s.sourceId, { key: existing.id, name: s.name });
    const changes: FieldChange[] = [];
    if (existing.name !== s.name) changes.push({ field: 'naam', from: existing.name, to: s.name });
    if (existing.email !== s.email) changes.push({ field: 'e-mail', from: existing.email, to: s.email });
    if (!existing.active) changes.push({ field: 'terug', from: 'gedeactiveerd', to: 'actief' });
    if (changes.length || existing.sourceId !== s.sourceId) {
      plan.staffUpdates.push({ key: existing.id, id: existing.id, sourceId: s.sourceId, name: s.name, email: s.email, reactivate: !existing.active });
    }
    if (changes.length) preview.staff.changed.push({ sourceId: s.sourceId, name: s.name, email: s.email, changes });
    else preview.staff.unchanged++;
  }
  if (records.format === 'ONEROSTER') {
    // A complete staff export: imported staff it no longer lists leave (deactivated, never deleted).
    for (const u of schoolStaff) {
      if (u.sourceId && u.active && !keptStaff.has(u.id) && !records.staff.some((s) => s.sourceId === u.sourceId)) {
        plan.staffDeactivations.push(u.id);
        preview.staff.leavers.push({ sourceId: u.sourceId, name: u.name, email: u.email, changes: [] });
      }
    }
  }

  // --- pupils ---
  const pupilBySource = new Map(state.pupils.filter((p) => p.sourceId).map((p) => [p.sourceId as string, p]));
  const linksOf = new Map<string, CurrentLink[]>();
  for (const l of state.links) linksOf.set(l.pupilId, [...(linksOf.get(l.pupilId) ?? []), l]);
  const guardianSeen = new Map<string, GuardianWrite>();
  const seenPupils = new Set<string>();

  const resolveMentor = (p: ImportedPupil): { ref: string | null; name: string | null } | { reason: string } => {
    if (!p.mentor) return { ref: null, name: null };
    if ('sourceId' in p.mentor) {
      const k = staffKey.get(p.mentor.sourceId);
      return k ? { ref: k.key, name: k.name } : { reason: `mentor ${p.mentor.sourceId} is niet ingelezen` };
    }
    const u = byEmail.get(p.mentor.email);
    if (!u || u.schoolId !== state.schoolId || !STAFF_ROLE_NAMES.includes(u.role) || !u.active) {
      return { reason: `mentor ${p.mentor.email} bestaat niet als medewerker van deze school; maak het account eerst aan of lees de OneRoster-bundel in` };
    }
    return { ref: u.id, name: u.name };
  };

  const checkGuardian = (g: ImportedGuardian): string | null => {
    const u = byEmail.get(g.email);
    if (u && u.role !== 'PARENT') return `e-mailadres ${g.email} van ouder/verzorger ${g.name} hoort bij een account dat geen ouder is`;
    return null;
  };

  for (const p of records.pupils) {
    const mentor = resolveMentor(p);
    const guardianProblems = p.guardians.map(checkGuardian).filter((x): x is string => !!x);
    if ('reason' in mentor || guardianProblems.length) {
      rejected.push({ file: p.file, line: p.line, reason: ['reason' in mentor ? mentor.reason : null, ...guardianProblems].filter(Boolean).join('; ') });
      continue;
    }
    seenPupils.add(p.sourceId);
    const existing = pupilBySource.get(p.sourceId);
    const pupilKey = existing ? existing.id : `pupil:${p.sourceId}`;
    // Guardians: accounts and links.
    const wantLinks = new Map<string, ImportedGuardian>();
    for (const g of p.guardians) {
      wantLinks.set(g.email, g);
      const u = byEmail.get(g.email);
      if (!guardianSeen.has(g.email)) {
        const w: GuardianWrite = { id: u?.id ?? null, email: g.email, name: g.name, sourceId: g.sourceId };
        guardianSeen.set(g.email, w);
        if (!u) {
          plan.guardianInserts.push(w);
          preview.guardians.added++;
        } else if (u.name !== g.name || (g.sourceId && u.sourceId !== g.sourceId) || !u.active) {
          plan.guardianUpdates.push(w);
          preview.guardians.changed++;
        }
      }
    }
    const current = existing ? (linksOf.get(existing.id) ?? []) : [];
    const currentByEmail = new Map(current.map((l) => [byId.get(l.userId)?.email ?? '', l]));
    const changes: FieldChange[] = [];
    const guardianNames = (emails: string[]) => emails.map((e) => byEmail.get(e)?.name ?? wantLinks.get(e)?.name ?? e).sort().join(', ') || null;
    let linksChanged = false;
    let gezagChanged = false;
    for (const [email, g] of wantLinks) {
      const l = currentByEmail.get(email);
      if (!l) {
        linksChanged = true;
        preview.guardians.linksAdded++;
      } else if (l.hasParentalAuthority !== g.hasParentalAuthority || l.relation !== g.relation) gezagChanged = gezagChanged || l.hasParentalAuthority !== g.hasParentalAuthority;
      plan.links.push({ pupil: pupilKey, email, relation: g.relation, hasParentalAuthority: g.hasParentalAuthority });
    }
    // The administration is leading: a guardian it no longer names for this pupil loses the link (not the account).
    for (const l of current) {
      const u = byId.get(l.userId);
      if (u && !wantLinks.has(u.email)) {
        plan.linkDeletes.push({ pupilId: l.pupilId, userId: l.userId });
        preview.guardians.linksRemoved++;
        linksChanged = true;
      }
    }
    const mentorName = mentor.name;
    const view: PreviewPupil = { sourceId: p.sourceId, name: fullName(p), className: p.className, mentorName, changes };
    const write: PupilWrite = { id: existing?.id ?? null, sourceId: p.sourceId, firstName: p.firstName, lastName: p.lastName, dateOfBirth: p.dateOfBirth, className: p.className, mentor: mentor.ref, returning: !!existing?.left };
    if (!existing) {
      plan.pupilInserts.push(write);
      preview.pupils.added.push(view);
      continue;
    }
    if (fullName(existing) !== fullName(p)) changes.push({ field: 'naam', from: fullName(existing), to: fullName(p) });
    if (existing.dateOfBirth !== p.dateOfBirth) changes.push({ field: 'geboortedatum', from: existing.dateOfBirth, to: p.dateOfBirth });
    if ((existing.className ?? null) !== p.className) changes.push({ field: 'klas', from: existing.className, to: p.className });
    if ((existing.mentorId ?? null) !== mentor.ref) changes.push({ field: 'mentor', from: existing.mentorId ? (byId.get(existing.mentorId)?.name ?? null) : null, to: mentorName });
    if (linksChanged) changes.push({ field: 'ouders', from: guardianNames(current.map((l) => byId.get(l.userId)?.email ?? '')), to: guardianNames([...wantLinks.keys()]) });
    if (gezagChanged) changes.push({ field: 'gezag', from: null, to: p.guardians.map((g) => `${g.name}: ${g.hasParentalAuthority ? 'ja' : 'nee'}`).join(', ') });
    if (existing.left) changes.push({ field: 'terug', from: 'vertrokken', to: 'ingeschreven' });
    const rowChanged = changes.some((c) => c.field !== 'ouders' && c.field !== 'gezag') || existing.sourceId !== p.sourceId;
    if (rowChanged) plan.pupilUpdates.push(write);
    if (changes.length) preview.pupils.changed.push(view);
    else preview.pupils.unchanged++;
  }
  // Leavers: imported pupils the file no longer lists (a rejected row is not a leaver: apply is refused anyway).
  for (const p of state.pupils) {
    if (p.sourceId && !p.left && !seenPupils.has(p.sourceId)) {
      plan.pupilLeavers.push(p.id);
      preview.pupils.leavers.push({ sourceId: p.sourceId, name: fullName(p), className: p.className, mentorName: p.mentorId ? (byId.get(p.mentorId)?.name ?? null) : null, changes: [] });
    }
  }
  rejected.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { plan, preview };
}

/** The preview's counts, stored with the import and written to the audit trail. */
export function previewCounts(p: ImportPreview): Record<string, number> {
  return {
    pupilsAdded: p.pupils.added.length,
    pupilsChanged: p.pupils.changed.length,
    pupilsLeaving: p.pupils.leavers.length,
    pupilsUnchanged: p.pupils.unchanged,
    staffAdded: p.staff.added.length,
    staffChanged: p.staff.changed.length,
    staffLeaving: p.staff.leavers.length,
    staffUnchanged: p.staff.unchanged,
    guardiansAdded: p.guardians.added,
    guardiansChanged: p.guardians.changed,
    guardianLinksAdded: p.guardians.linksAdded,
    guardianLinksRemoved: p.guardians.linksRemoved,
    rejected: p.rejected.length,
  };
}
