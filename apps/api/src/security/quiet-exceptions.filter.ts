import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { HttpAppErrorFilter } from '../common/http-app-error.filter';

/**
 * Global filter. GraphQL: hands every error back to GraphQL unlogged — Nest's default
 * ExceptionsHandler would log each expected AppError (a client error, possibly naming a person);
 * formatGraphQLError logs the unexpected ones, without request variables. REST: answers like
 * HttpAppErrorFilter (status + code + Dutch and English message; unexpected errors logged bare).
 */
@Catch()
export class QuietExceptionsFilter implements ExceptionFilter {
  private readonly http = new HttpAppErrorFilter();

  catch(err: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return err;
    this.http.catch(err, host);
    return undefined;
  }
}
