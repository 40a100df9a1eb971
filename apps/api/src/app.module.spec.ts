import { type Provider, type Type } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants';
import { Test } from '@nestjs/testing';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { API_PROVIDERS, AppModule, FEATURE_MODULES } from './app.module';
import { appConfigFromEnv } from './config/app.config';

const providersOf = (module: Type): Provider[] => Reflect.getMetadata(MODULE_METADATA.PROVIDERS, module) ?? [];
const classesOf = (module: Type): Type[] => providersOf(module).filter((p): p is Type => typeof p === 'function');

describe('AppModule: one Nest module per feature folder', () => {
  it('resolves every provider and controller of every feature module (no database or Temporal needed)', async () => {
    // Only instantiation: no init hooks run, so nothing connects; the two external clients are stand-ins.
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(appConfigFromEnv({ DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused' }))] })
      .overrideProvider(DataSource)
      .useValue({ isInitialized: false, getRepository: () => ({}), manager: {} })
      .overrideProvider(Client)
      .useValue({ connection: { close: async () => undefined } })
      .compile();
    try {
      for (const module of FEATURE_MODULES) {
        const controllers: Type[] = Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, module) ?? [];
        for (const type of [...classesOf(module), ...controllers]) {
          expect(moduleRef.get(type, { strict: false })).toBeInstanceOf(type);
        }
      }
    } finally {
      await moduleRef.close();
    }
  });

  it('registers each provider class in exactly one module (a copy would be a second instance with its own state)', () => {
    const seen = new Map<Type, string>();
    for (const module of FEATURE_MODULES) {
      for (const type of classesOf(module)) {
        expect(`${type.name} in ${seen.get(type) ?? module.name}`).toBe(`${type.name} in ${module.name}`);
        seen.set(type, module.name);
      }
    }
    expect(API_PROVIDERS.filter((p) => typeof p === 'function')).toHaveLength(seen.size);
  });
});
