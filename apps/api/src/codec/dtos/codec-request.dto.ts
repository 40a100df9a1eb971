import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';

/** One payload in proto3 JSON: metadata values and data are base64 (checked when the payload is parsed). */
export class JsonPayloadDto {
  @IsOptional()
  @IsObject({ message: 'metadata moet een object zijn' })
  metadata?: Record<string, string>;

  @IsOptional()
  @IsString({ message: 'data moet base64-tekst zijn' })
  data?: string;
}

/**
 * The body of Temporal's remote codec protocol (`temporal.api.common.v1.Payloads` as JSON). `workflowId` is our own,
 * optional addition: a caller that knows which workflow the payloads belong to (a script, the CLI with
 * `--codec-header`) may name it for the audit trail; the Temporal Web UI does not send it.
 */
export class CodecRequestDto {
  @IsArray({ message: 'payloads moet een lijst zijn' })
  @ArrayMaxSize(1000, { message: 'payloads mag hoogstens 1000 elementen bevatten' })
  @ValidateNested({ each: true })
  @Type(() => JsonPayloadDto)
  payloads!: JsonPayloadDto[];

  @IsOptional()
  @Matches(/^[A-Za-z0-9._:-]{1,255}$/, { message: 'workflowId is geen geldige workflow-id' })
  workflowId?: string;
}
