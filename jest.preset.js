// Shared Jest preset: SWC transform (with decorator metadata for NestJS/TypeORM) and the
// workspace path aliases. Unit tests are `*.spec.ts`; tests that need a real Temporal server,
// PostgreSQL or SMTP are `*.int-spec.ts` and run only under `npm test` (ZR_INTEGRATION=1),
// which starts those services first (see infra/scripts/test.mjs).
const path = require('node:path');

const integration = process.env.ZR_INTEGRATION === '1';

module.exports = {
  testEnvironment: 'node',
  // Generous default: CI has 2 cores shared by jsdom/MUI renders, JVMs and servers.
  testTimeout: 30_000,
  transform: {
    '^.+\\.(t|j)sx?$': [
      require.resolve('@swc/jest'),
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true, tsx: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // NestJS 12 and jose ship ES modules only; Node's require(esm) loads them at run time, Jest needs them
  // transformed to CommonJS like our own code.
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|jose)/)'],
  moduleNameMapper: {
    '^@zorgroute/domain/logic$': path.join(__dirname, 'libs/domain/src/logic/index.ts'),
    '^@zorgroute/(dates|domain|notifications|processes|temporal-codec|workflows)$': path.join(__dirname, 'libs/$1/src/index.ts'),
  },
  testMatch: integration ? ['**/?(*.)+(spec|int-spec).ts?(x)'] : ['**/?(*.)+(spec).ts?(x)'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', integration ? '^$' : '\\.int-spec\\.tsx?$'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
