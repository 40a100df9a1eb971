import { Inject, Injectable } from '@nestjs/common';
import { AuditTrailRepository, Role, type AuditBreakReason, type ChainVerification } from '@zorgroute/domain';
import type { AuthUser } from '../../auth/auth-user';
import { AppError } from '../../common/app-error';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { AuditChainBreakReason, type AuditChainVerificationModel } from '../security.models';

/** The Dutch explanation of a failed verification, for the admin (where it broke and why). */
export function auditBreakMessage(v: Pick<ChainVerification, 'reason' | 'brokenAt' | 'checkpointId' | 'sealedUpTo' | 'checked'>): string | null {
  const entry = `registratie ${v.brokenAt ?? '?'}`;
  const since = v.sealedUpTo ? ` (tot en met registratie ${v.sealedUpTo} is alles nog ongewijzigd)` : '';
  const messages: Record<AuditBreakReason, string> = {
    PREV_HASH_MISMATCH: `De keten is onderbroken bij ${entry}: een registratie ervoor is verwijderd, ingevoegd of verplaatst.`,
    CONTENT_MISMATCH: `De inhoud van ${entry} klopt niet met de hash: de registratie is gewijzigd.`,
    PURGE_NOT_RECORDED: `${entry} is leeggemaakt buiten de bewaartermijnverwerking om (geen verwijderregistratie vermeldt haar).`,
    CHECKPOINT_SIGNATURE_INVALID: `Controlepunt ${v.checkpointId ?? '?'} heeft geen geldige handtekening: het is vervalst of gewijzigd.`,
    CHECKPOINT_KEY_UNKNOWN: `Controlepunt ${v.checkpointId ?? '?'} is ondertekend met een onbekende sleutel (stel AUDIT_CHECKPOINT_PUBLIC_KEYS in).`,
    CHECKPOINT_TRUNCATED: `Er zijn registraties verwijderd: controlepunt ${v.checkpointId ?? '?'} telde meer registraties dan de ${v.checked} die er nu zijn (laatste getekende: ${entry})${since}.`,
    CHECKPOINT_HEAD_MISSING: `De getekende laatste registratie van controlepunt ${v.checkpointId ?? '?'} (${entry}) ontbreekt${since}.`,
    CHECKPOINT_MISMATCH: `De keten is herberekend na een wijziging: ${entry} heeft niet meer de hash die controlepunt ${v.checkpointId ?? '?'} ondertekende${since}.`,
  };
  return v.reason ? messages[v.reason] : null;
}

/** `verifyAuditChain` (admin): the hash chain and every signed checkpoint, verified with the configured public keys. */
@Injectable()
export class VerifyAuditChainUseCase {
  constructor(
    @Inject(AuditTrailRepository) private readonly audit: AuditTrailRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(user: AuthUser): Promise<AuditChainVerificationModel> {
    if (user.role !== Role.ADMIN) throw AppError.forbidden();
    const v = await this.audit.verifyChain({ keys: this.config.auditCheckpointKeys });
    return {
      ok: v.ok,
      checked: v.checked,
      brokenAt: v.brokenAt,
      reason: v.reason ? AuditChainBreakReason[v.reason] : null,
      message: auditBreakMessage(v),
      checkpoints: v.checkpoints,
      checkpointId: v.checkpointId,
      sealedUpTo: v.sealedUpTo,
      lastCheckpointAt: v.lastCheckpointAt,
    };
  }
}
