import type { NextFunction, Request, Response } from 'express';
import type { ApiMetrics } from './api-metrics';

/**
 * Counts and times every HTTP request by method, the matched route pattern (`/health`, `/documents/:id`, never the
 * path with its ids) and status. GraphQL (mounted as middleware, not a route) counts as `/graphql`; requests no
 * route matched count as `unmatched`.
 */
export function httpMetrics(metrics: ApiMetrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const pattern = (req.route as { path?: unknown } | undefined)?.path;
      const route = typeof pattern === 'string' ? `${req.baseUrl}${pattern}` || '/' : req.originalUrl.split('?')[0] === '/graphql' ? '/graphql' : 'unmatched';
      metrics.httpRequests.inc({ method: req.method, route, status: String(res.statusCode) });
      metrics.httpDuration.observe({ method: req.method, route }, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };
}
