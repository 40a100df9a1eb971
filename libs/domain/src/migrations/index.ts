import type { MigrationInterface } from 'typeorm';
import { Initial1795324574347 } from './1795324574347-initial';

/** Every migration, in order. New migrations are appended here. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [Initial1795324574347];
