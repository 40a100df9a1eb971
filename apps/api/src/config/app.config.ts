import { auditCheckpointConfigFromEnv, logConfigFromEnv, requireDatabaseUrl, tracingConfigFromEnv, type AuditCheckpointKeys, type LogConfig, type TracingConfig } from '@zorgroute/domain';
import { payloadKeysFromEnv, type PayloadKeyRing } from '@zorgroute/temporal-codec';
import { familyLoginConfigFromEnv, type FamilyLoginConfig } from './family-login.config';
import { documentStorageConfigFromEnv, type DocumentStorageConfig } from '../documents/document-storage.config';
import { oidcConfigFromEnv, type OidcConfig } from './oidc.config';

export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string;
  temporalAddress: string;
  namespace: string;
  taskQueue: string;
  /** The Temporal Web UI: target of the case page's "Bekijk in Temporal" link (admins only) and the origin the codec endpoint allows (CORS). */
  temporalUiUrl: string;
  /**
   * TEMPORAL_PAYLOAD_KEYS: the AES-256-GCM keys of the payload codec (required with NODE_ENV=production); null outside
   * production when unset (no encryption). Must equal the worker's.
   */
  payloadKeys: PayloadKeyRing | null;
  appUrl: string;
  /** The api's public base URL, for links that point at the api itself (private calendar feeds). */
  publicApiUrl: string;
  authSecret: string;
  /**
   * Development login for the demo users: only when explicitly enabled (`AUTH_DEV_LOGIN=true`, which `npm start` and
   * `npm test` set) and never with NODE_ENV=production. Sessions it started are refused once it is off.
   */
  devLoginEnabled: boolean;
  /** Stack traces in GraphQL error answers (`API_DEBUG_ERRORS=true`, never in production); off by default. */
  debugErrors: boolean;
  tokenTtlSeconds: number;
  /** OpenID Connect login; null when OIDC_ISSUER_URL / OIDC_CLIENT_ID are not set. */
  oidc: OidcConfig | null;
  production: boolean;
  /**
   * Express `trust proxy` (TRUST_PROXY): how many reverse proxies (or which addresses) to trust for the client's IP in
   * X-Forwarded-For, e.g. `1` behind the admin's nginx. Unset: the socket address (the login rate limit then counts
   * the proxy as one client).
   */
  trustProxy: string | number | null;
  /**
   * Public keys the signed audit checkpoints are verified with (AUDIT_CHECKPOINT_PUBLIC_KEYS, or derived from
   * AUDIT_CHECKPOINT_KEY; a fixed development key outside production). The api never needs the private key.
   */
  auditCheckpointKeys: AuditCheckpointKeys;
  /** Passkeys and e-mail codes for parents and pupils (WebAuthn relying party, invitation and code lifetimes, SMTP). */
  familyLogin: FamilyLoginConfig;
  /** Uploaded case documents: where their bytes are stored and how large one may be (documents/document-storage.config.ts). */
  documents: DocumentStorageConfig;
  /**
   * METRICS_TOKEN: the bearer token Prometheus sends to GET /metrics. Production without it: /metrics is off (404);
   * outside production without it: open.
   */
  metricsToken: string | null;
  /** LOG_FORMAT / LOG_LEVEL: JSON lines (default) or pretty lines for development (libs/domain logging/logger.ts). */
  log: LogConfig;
  /** OpenTelemetry traces (OTEL_EXPORTER_OTLP_ENDPOINT); null: off. */
  tracing: TracingConfig | null;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Reads the api's configuration from the environment (see README "Configuration"). */
export function appConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const production = env.NODE_ENV === 'production';
  const authSecret = env.AUTH_SECRET ?? (production ? '' : 'zorgroute-development-secret');
  if (authSecret.length < 12) throw new Error('AUTH_SECRET must be set to at least 12 characters');
  const config: AppConfig = {
    port: Number(env.API_PORT ?? 3000),
    host: env.API_HOST ?? '127.0.0.1',
    databaseUrl: requireDatabaseUrl(env),
    temporalAddress: env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    namespace: env.TEMPORAL_NAMESPACE ?? 'default',
    taskQueue: env.TEMPORAL_TASK_QUEUE ?? 'zorgroute',
    temporalUiUrl: env.TEMPORAL_UI_URL ?? 'http://127.0.0.1:8233',
    payloadKeys: payloadKeysFromEnv(env, { production }),
    appUrl: env.APP_URL ?? 'http://127.0.0.1:4200',
    publicApiUrl: env.API_PUBLIC_URL ?? `http://${env.API_HOST ?? '127.0.0.1'}:${env.API_PORT ?? 3000}`,
    authSecret,
    devLoginEnabled: !production && env.AUTH_DEV_LOGIN === 'true',
    debugErrors: !production && env.API_DEBUG_ERRORS === 'true',
    tokenTtlSeconds: Number(env.AUTH_TOKEN_TTL_SECONDS ?? 8 * 3600),
    oidc: null,
    production,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    auditCheckpointKeys: auditCheckpointConfigFromEnv(env, 'verifier').keys,
    familyLogin: familyLoginConfigFromEnv(env, env.APP_URL ?? 'http://127.0.0.1:4200', production),
    documents: documentStorageConfigFromEnv(env),
    metricsToken: metricsTokenFromEnv(env),
    log: logConfigFromEnv(env),
    tracing: tracingConfigFromEnv(env, 'zorgroute-api'),
  };
  config.oidc = oidcConfigFromEnv(env, config);
  return config;
}

function parseTrustProxy(value: string | undefined): string | number | null {
  if (value === undefined || value.trim() === '' || value === 'false') return null;
  return /^\d+$/.test(value.trim()) ? Number(value.trim()) : value.trim();
}

function metricsTokenFromEnv(env: NodeJS.ProcessEnv): string | null {
  const token = env.METRICS_TOKEN?.trim();
  if (!token) return null;
  if (token.length < 16) throw new Error('METRICS_TOKEN must be at least 16 characters');
  return token;
}
