/**
 * Roles and process types as const objects with union types: plain strings that Temporal workflow
 * code can use (`import type`) without pulling this library into the workflow bundle.
 */

/** Roles a person can have in Zorgroute. Scoping rules per role live in the api's access module. */
export const Role = {
  ZORGCOORDINATOR: 'ZORGCOORDINATOR',
  TEAMLEIDER: 'TEAMLEIDER',
  MENTOR: 'MENTOR',
  COACH: 'COACH',
  JOS_MEDEWERKER: 'JOS_MEDEWERKER',
  PARENT: 'PARENT',
  PUPIL: 'PUPIL',
  SWV_MEDEWERKER: 'SWV_MEDEWERKER',
  /** Everything (the demo's and support's all-seeing administrator). */
  ADMIN: 'ADMIN',
  /** Runs the platform: SWVs, schools, every account, the holiday data, the Temporal view; no case data. */
  PLATFORM_ADMIN: 'PLATFORM_ADMIN',
  /** Administers one SWV: its schools, their school admins and staff, the SWV's own accounts; no case data. */
  SWV_ADMIN: 'SWV_ADMIN',
  /** The school's applicatiebeheerder: its staff accounts and the import of its administration data; no case data. */
  SCHOOL_ADMIN: 'SCHOOL_ADMIN',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

/** The processes of PROCESSES.md (P1–P6) and those beyond the seeds' six (issue 16: P7 OPP, P8 TLV). */

export const ProcessType = {
  ONDERSTEUNINGSTRAJECT: 'ONDERSTEUNINGSTRAJECT',
  ZORGROUTE: 'ZORGROUTE',
  JOS: 'JOS',
  ZORGPLICHT: 'ZORGPLICHT',
  OOV: 'OOV',
  OVERDRACHT: 'OVERDRACHT',
  OPP: 'OPP',
  TLV: 'TLV',
} as const;
export type ProcessType = (typeof ProcessType)[keyof typeof ProcessType];
