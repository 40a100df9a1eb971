import { Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error';

export interface RateLimit {
  /** Attempts allowed per window. */
  max: number;
  windowMs: number;
}

/**
 * Fixed-window rate limiting for logins (devLogin and the OpenID Connect callback), per IP address
 * and per e-mail address, in memory (one api process; behind several replicas put it in front, at
 * the proxy). LOGIN_RATE_LIMIT_PER_IP / LOGIN_RATE_LIMIT_PER_EMAIL per LOGIN_RATE_LIMIT_WINDOW_SECONDS.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly hits = new Map<string, { count: number; resetAt: number }>();
  private readonly perIp: RateLimit;
  private readonly perEmail: RateLimit;

  /** The clock (tests replace it). */
  now: () => number = Date.now;

  constructor(env: NodeJS.ProcessEnv = process.env) {
    const windowMs = Number(env.LOGIN_RATE_LIMIT_WINDOW_SECONDS ?? 60) * 1000;
    this.perIp = { max: Number(env.LOGIN_RATE_LIMIT_PER_IP ?? 30), windowMs };
    this.perEmail = { max: Number(env.LOGIN_RATE_LIMIT_PER_EMAIL ?? 10), windowMs };
  }

  /** Counts one attempt; throws RATE_LIMITED when the IP or the e-mail address is over its limit. */
  hit(ip: string | undefined, email: string | undefined): void {
    const overIp = ip ? this.count(`ip:${ip}`, this.perIp) : false;
    const overEmail = email ? this.count(`email:${email.trim().toLowerCase()}`, this.perEmail) : false;
    if (overIp || overEmail) {
      throw new AppError('RATE_LIMITED', 'Te veel inlogpogingen; probeer het over een minuut opnieuw', 'Too many login attempts; try again in a minute');
    }
  }

  private count(key: string, limit: RateLimit): boolean {
    const now = this.now();
    if (this.hits.size > 50_000) for (const [k, v] of this.hits) if (v.resetAt <= now) this.hits.delete(k);
    const entry = this.hits.get(key);
    if (!entry || entry.resetAt <= now) {
      this.hits.set(key, { count: 1, resetAt: now + limit.windowMs });
      return false;
    }
    entry.count += 1;
    return entry.count > limit.max;
  }
}
