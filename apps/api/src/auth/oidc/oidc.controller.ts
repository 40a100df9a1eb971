import { Controller, Get, Inject, Logger, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { Public } from '../public.decorator';
import { bindingCookie, randomToken, readCookie } from './oidc-crypto';
import { OidcLoginError } from './oidc-errors';
import { OidcLoginService } from './oidc-login.service';

/** Name of the httpOnly cookie that binds a pending login to the browser that started it. */
export const BINDING_COOKIE = 'zr_oidc_binding';
/** `/`: the cookie must reach the callback (/auth/oidc/callback) and the login page's exchange (/graphql). */
const COOKIE_PATH = '/';

/**
 * `GET /auth/oidc/login` sends the browser to the provider; `GET /auth/oidc/callback` finishes the
 * login and sends the browser to the admin app with `#code=<one-time code>` (a fragment never
 * reaches a server or a Referer header; no token travels in a URL) or `#error=<code>`. The login page
 * exchanges the code with the mutation `completeOidcLogin`, which needs this browser's binding cookie.
 */
@Public()
@Controller('auth/oidc')
export class OidcController {
  private readonly logger = new Logger('OidcLogin');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(OidcLoginService) private readonly login: OidcLoginService,
  ) {}

  @Get('login')
  async start(@Req() req: Request, @Res() res: Response): Promise<void> {
    noStore(res);
    const existing = readCookie(req.headers.cookie, BINDING_COOKIE);
    // One binding value per browser: several tabs may log in at the same time.
    const binding = existing && /^[A-Za-z0-9_-]{43}$/.test(existing) ? existing : randomToken(32);
    try {
      const url = await this.login.start(binding, req.ip);
      res.setHeader('Set-Cookie', this.cookie(binding, this.config.oidc?.loginTtlSeconds ?? 600));
      res.redirect(302, url);
    } catch (err) {
      this.fail(res, err);
    }
  }

  @Get('callback')
  async callback(
    @Req() req: Request,
    @Res() res: Response,
    @Query('state') state: unknown,
    @Query('code') code: unknown,
    @Query('error') error: unknown,
    @Query('iss') iss: unknown,
  ): Promise<void> {
    noStore(res);
    const binding = readCookie(req.headers.cookie, BINDING_COOKIE);
    try {
      const handoff = await this.login.finish({ state: str(state), code: str(code), error: str(error), iss: str(iss) }, binding, req.ip);
      // The binding cookie stays until the login page has exchanged the code (completeOidcLogin clears it).
      res.redirect(302, `${this.target()}#code=${encodeURIComponent(handoff.code)}`);
    } catch (err) {
      res.setHeader('Set-Cookie', this.cookie('', 0));
      this.fail(res, err);
    }
  }

  private fail(res: Response, err: unknown): void {
    const code = err instanceof OidcLoginError ? err.code : 'OIDC_PROVIDER_ERROR';
    this.logger.warn(`OpenID Connect login refused: ${err instanceof Error ? err.message : String(err)}`);
    res.redirect(302, `${this.target()}#error=${code}`);
  }

  private target(): string {
    return this.config.oidc?.postLoginRedirectUrl ?? `${this.config.appUrl.replace(/\/$/, '')}/login`;
  }

  private cookie(value: string, maxAgeSeconds: number): string {
    return bindingCookieFor(this.config, value, maxAgeSeconds);
  }
}

/** The Set-Cookie value of the browser-binding cookie (an empty value with Max-Age 0 removes it). */
export function bindingCookieFor(config: AppConfig, value: string, maxAgeSeconds: number): string {
  const secure = (config.oidc?.redirectUrl ?? '').startsWith('https:');
  return bindingCookie(BINDING_COOKIE, value, { path: COOKIE_PATH, maxAgeSeconds, secure });
}

function noStore(res: Response): void {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Referrer-Policy', 'no-referrer');
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
