import { Body, Controller, Headers, HttpCode, Inject, Post, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import type { JsonPayloads } from '@zorgroute/temporal-codec';
import type { AuthUser } from '../auth/auth-user';
import { HttpUser } from '../auth/http-user.decorator';
import { HttpAppErrorFilter } from '../common/http-app-error.filter';
import { ConvertPayloadsUseCase } from './usecases/convert-payloads.usecase';

/**
 * Temporal's remote codec endpoint (the Temporal Web UI's "codec server", the CLI's `--codec-endpoint`):
 * `POST /codec/decode` and `POST /codec/encode` with `{ payloads: [{ metadata, data }] }` (proto JSON, base64). Bearer
 * token like every api route; platform administrators only; audited (ConvertPayloadsUseCase). CORS for the Temporal UI's
 * origin: CodecModule.
 */
@Controller('codec')
@UseFilters(HttpAppErrorFilter)
export class CodecController {
  constructor(@Inject(ConvertPayloadsUseCase) private readonly convert: ConvertPayloadsUseCase) {}

  @Post('decode')
  @HttpCode(200)
  decode(
    @HttpUser() user: AuthUser,
    @Body() body: unknown,
    @Headers('x-namespace') namespace: string | undefined,
    @Headers('x-workflow-id') workflowId: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<JsonPayloads> {
    // Decrypted pupil data: never cached by the browser or a proxy.
    res.setHeader('Cache-Control', 'no-store');
    return this.convert.execute(user, 'decode', body, { namespace, workflowId });
  }

  @Post('encode')
  @HttpCode(200)
  encode(
    @HttpUser() user: AuthUser,
    @Body() body: unknown,
    @Headers('x-namespace') namespace: string | undefined,
    @Headers('x-workflow-id') workflowId: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<JsonPayloads> {
    res.setHeader('Cache-Control', 'no-store');
    return this.convert.execute(user, 'encode', body, { namespace, workflowId });
  }
}
