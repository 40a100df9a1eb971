import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditTrailRepository } from '@zorgroute/domain';
import { AesGcmPayloadCodec, convertJsonPayloads, KEY_ID_METADATA_KEY, PayloadDecryptionError, type JsonPayloads } from '@zorgroute/temporal-codec';
import { isPlatformAdmin } from '../../access/platform-admin';
import type { AuthUser } from '../../auth/auth-user';
import { AppError } from '../../common/app-error';
import { validateOrThrow } from '../../common/validate';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { PAYLOAD_CODEC } from '../../temporal/temporal.module';
import { CodecRequestDto } from '../dtos/codec-request.dto';

export type CodecDirection = 'encode' | 'decode';

export interface CodecRequestContext {
  /** `X-Namespace` (sent by the Temporal Web UI and the CLI). */
  namespace?: string;
  /** `X-Workflow-Id`, when the caller names the workflow (e.g. `temporal workflow show --codec-header X-Workflow-Id=…`). */
  workflowId?: string;
}

const WORKFLOW_ID = /^[A-Za-z0-9._:-]{1,255}$/;

/**
 * Temporal's remote codec protocol for the Temporal Web UI and the CLI (`POST /codec/decode`, `/codec/encode`): decrypts
 * (or encrypts) payloads with the api's payload codec, for platform administrators only. Order as everywhere: who
 * (UNAUTHENTICATED by the guard, FORBIDDEN for every other role) → input (BAD_USER_INPUT, nothing audited or returned) →
 * convert → audit → answer. The audit entry is written before the decrypted payloads leave the api (a failed audit write
 * fails the request): who (user id, role), when, the namespace, the workflow id when the caller gave one, how many
 * payloads and under which key ids — never payload content.
 */
@Injectable()
export class ConvertPayloadsUseCase {
  constructor(
    @Inject(PAYLOAD_CODEC) private readonly codec: AesGcmPayloadCodec | null,
    @Inject(AuditTrailRepository) private readonly audit: AuditTrailRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(user: AuthUser, direction: CodecDirection, raw: unknown, ctx: CodecRequestContext = {}): Promise<JsonPayloads> {
    if (!isPlatformAdmin(user)) throw AppError.forbidden();
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      throw new AppError('BAD_USER_INPUT', 'Ongeldige invoer: verwacht { payloads: [...] }', 'Invalid input: expected { payloads: [...] }');
    }
    const input = validateOrThrow(CodecRequestDto, raw);
    const namespace = ctx.namespace?.trim() || this.config.namespace;
    if (namespace !== this.config.namespace) {
      throw new AppError('BAD_USER_INPUT', `Onbekende Temporal-namespace "${namespace.slice(0, 100)}"`, `Unknown Temporal namespace "${namespace.slice(0, 100)}"`);
    }
    const workflowId = ctx.workflowId?.trim() || input.workflowId;
    if (workflowId !== undefined && !WORKFLOW_ID.test(workflowId)) {
      throw new AppError('BAD_USER_INPUT', 'Ongeldige invoer: X-Workflow-Id is geen geldige workflow-id', 'Invalid input: X-Workflow-Id is not a valid workflow id');
    }
    const body = { payloads: input.payloads.map((p) => ({ metadata: p.metadata, data: p.data })) };
    let out: JsonPayloads;
    try {
      out = await convertJsonPayloads(this.codec, direction, body);
    } catch (error) {
      if (error instanceof PayloadDecryptionError) {
        throw new AppError('BAD_USER_INPUT', `Kan de gegevens niet ontsleutelen: ${error.message}`, `Cannot decrypt the payloads: ${error.message}`);
      }
      throw new AppError('BAD_USER_INPUT', 'Ongeldige invoer: payloads zijn geen geldige Temporal-payloads (base64)', 'Invalid input: payloads are not valid Temporal payloads (base64)');
    }
    const keyIds = [
      ...new Set(
        (direction === 'decode' ? body.payloads : out.payloads)
          .map((p) => p.metadata?.[KEY_ID_METADATA_KEY])
          .filter((v): v is string => typeof v === 'string')
          .map((v) => Buffer.from(v, 'base64').toString('utf8')),
      ),
    ];
    await this.audit.append({
      eventKey: `temporal-codec:${randomUUID()}`,
      caseId: null,
      at: new Date().toISOString(),
      actorId: user.id,
      actorName: user.role,
      action: direction === 'decode' ? 'TEMPORAL_PAYLOADS_DECODED' : 'TEMPORAL_PAYLOADS_ENCODED',
      description:
        direction === 'decode'
          ? `Temporal-gegevens ontsleuteld voor de Temporal Web UI (${body.payloads.length} payload${body.payloads.length === 1 ? '' : 's'})`
          : `Temporal-gegevens versleuteld voor de Temporal Web UI (${body.payloads.length} payload${body.payloads.length === 1 ? '' : 's'})`,
      details: {
        operation: direction === 'decode' ? 'temporalCodecDecode' : 'temporalCodecEncode',
        namespace,
        workflowId: workflowId ?? null,
        payloads: body.payloads.length,
        keyIds,
      },
      reason: null,
    });
    return out;
  }
}
