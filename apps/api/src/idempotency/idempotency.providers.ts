import type { Provider } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/** The `Idempotency-Key` header of mutation requests (see idempotency-key.ts and docs/performance.md). */
export const IDEMPOTENCY_PROVIDERS: Provider[] = [{ provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }];
