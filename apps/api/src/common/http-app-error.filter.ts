import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { describeError } from '@zorgroute/domain';

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STEP_NOT_ALLOWED: 409,
  CASE_CLOSED: 409,
  UNAVAILABLE: 503,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
};
const logger = new Logger('REST');

/**
 * REST endpoints (exports, document downloads) answer AppErrors — also the AuthGuard's — with an
 * HTTP status and the same JSON as GraphQL errors: code, Dutch message, English message. Unexpected errors are logged
 * without data (describeError: name, redacted message, stack frames).
 */
@Catch()
export class HttpAppErrorFilter implements ExceptionFilter {
  catch(err: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (err instanceof GraphQLError) {
      const code = String(err.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
      res.status(STATUS[code] ?? 500).json({ code, message: err.message, messageEn: err.extensions?.messageEn ?? err.message });
      return;
    }
    if (err instanceof HttpException) {
      // E.g. a body that is not JSON: the parser's message may quote the body, so it is not echoed (nor logged).
      const status = err.getStatus();
      if (status === 404) res.status(404).json({ code: 'NOT_FOUND', message: 'Niet gevonden', messageEn: 'Not found' });
      else res.status(status).json({ code: 'BAD_REQUEST', message: 'Ongeldige aanvraag', messageEn: 'Malformed request' });
      return;
    }
    logger.error(describeError(err));
    res.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: 'Er ging iets mis aan onze kant; probeer het later opnieuw', messageEn: 'Something went wrong on our side; try again later' });
  }
}
