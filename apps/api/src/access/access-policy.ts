import { Injectable } from '@nestjs/common';
import type { SelectQueryBuilder } from 'typeorm';
import { ProcessType, Role, type CaseSummaryEntity, type PupilEntity } from '@zorgroute/domain';
import type { AuthUser } from '../auth/auth-user';

/** Processes whose cases a school submits to the SWV (the SWV never sees the schools' internal IZO notes). */
const SWV_PROCESSES: ProcessType[] = [ProcessType.ZORGPLICHT, ProcessType.OOV, ProcessType.OVERDRACHT, ProcessType.TLV];

/**
 * Row-level access rules by role (PROCESSES.md rule 8), applied inside every list query, not only in the
 * UI. `c` is the case_summary alias, `p` the pupil alias. Case queries do not call `scopeCasesByRole` themselves:
 * they go through AudiencePolicy.scopeCases, which adds the case-level audience (the safety exception).
 */
@Injectable()
export class AccessPolicy {
  scopeCasesByRole(qb: SelectQueryBuilder<CaseSummaryEntity>, user: Pick<AuthUser, 'id' | 'role' | 'schoolId' | 'swvId' | 'pupilId'>, c = 'c', p = 'p'): SelectQueryBuilder<CaseSummaryEntity> {
    switch (user.role) {
      case Role.ADMIN:
        return qb;
      case Role.ZORGCOORDINATOR:
      case Role.TEAMLEIDER:
        return qb.andWhere(`${c}.school_id = :scopeSchool`, { scopeSchool: user.schoolId });
      case Role.MENTOR:
        // The pupil's current mentor (a re-import that gives the pupil another mentor takes the case away at once, even
        // where the old mentor took part in it), or a participant of a case of a pupil without a mentor (a P6 placement's
        // mentor). Never a pupil who left.
        return qb.andWhere(`${p}.left_at IS NULL AND (${p}.mentor_id = :scopeUser OR (${p}.mentor_id IS NULL AND :scopeUser = ANY(${c}.participant_ids)))`, { scopeUser: user.id });
      case Role.COACH:
      case Role.JOS_MEDEWERKER:
        return qb.andWhere(`:scopeUser = ANY(${c}.participant_ids)`, { scopeUser: user.id });
      case Role.PARENT:
        return qb.andWhere(`${c}.pupil_id IN (SELECT g.pupil_id FROM pupil_guardian g WHERE g.user_id = :scopeUser)`, { scopeUser: user.id });
      case Role.PUPIL:
        return qb.andWhere(`${c}.pupil_id = :scopePupil`, { scopePupil: user.pupilId });
      case Role.SWV_MEDEWERKER:
        // P7: an OPP only where the SWV's policy asks for it, once a version was shared (the workflow sets the flag).
        return qb
          .andWhere(`(${c}.process IN (:...swvProcesses) OR (${c}.process = :oppProcess AND (${c}.data ->> 'sharedWithSwv') = 'true'))`, { swvProcesses: SWV_PROCESSES, oppProcess: ProcessType.OPP })
          .andWhere(`${c}.school_id IN (SELECT s.id FROM school s WHERE s.swv_id = :scopeSwv)`, { scopeSwv: user.swvId });
      default:
        return qb.andWhere('1 = 0');
    }
  }

  scopePupils(qb: SelectQueryBuilder<PupilEntity>, user: AuthUser, p = 'p'): SelectQueryBuilder<PupilEntity> {
    switch (user.role) {
      case Role.ADMIN:
        return qb;
      case Role.ZORGCOORDINATOR:
      case Role.TEAMLEIDER:
        return qb.andWhere(`${p}.school_id = :scopeSchool`, { scopeSchool: user.schoolId });
      case Role.MENTOR:
        return qb.andWhere(`${p}.mentor_id = :scopeUser AND ${p}.left_at IS NULL`, { scopeUser: user.id });
      case Role.COACH:
      case Role.JOS_MEDEWERKER:
        return qb.andWhere(`${p}.id IN (SELECT cs.pupil_id FROM case_summary cs WHERE :scopeUser = ANY(cs.participant_ids))`, { scopeUser: user.id });
      case Role.PARENT:
        return qb.andWhere(`${p}.id IN (SELECT g.pupil_id FROM pupil_guardian g WHERE g.user_id = :scopeUser)`, { scopeUser: user.id });
      // PLATFORM_ADMIN, SWV_ADMIN and SCHOOL_ADMIN run organisations and accounts: no pupils, no cases (default).
      case Role.PUPIL:
        return qb.andWhere(`${p}.id = :scopePupil`, { scopePupil: user.pupilId });
      default:
        return qb.andWhere('1 = 0');
    }
  }

  /** May this user start a school support process for a pupil of this school? */
  canStartSchoolCase(user: AuthUser, schoolId: string): boolean {
    return user.role === Role.ADMIN || (user.role === Role.ZORGCOORDINATOR && user.schoolId === schoolId);
  }

  /** May this user act on a step of this case? Coordination steps need the zorgcoördinator. */
  canActOnCase(user: AuthUser, c: Pick<CaseSummaryEntity, 'schoolId' | 'participantIds'>, coordinationOnly: boolean): boolean {
    if (user.role === Role.ADMIN) return true;
    if (user.role === Role.ZORGCOORDINATOR) return user.schoolId === c.schoolId;
    if (coordinationOnly) return false;
    return (user.role === Role.COACH || user.role === Role.MENTOR || user.role === Role.JOS_MEDEWERKER) && c.participantIds.includes(user.id);
  }
}
