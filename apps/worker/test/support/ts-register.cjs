/* global require, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports */
/*
 * Lets a child process (a real worker for the fault tests) run the TypeScript sources directly, like Jest does:
 * .ts files are compiled with SWC (decorators and their metadata for TypeORM) and the workspace aliases
 * @zorgroute/* resolve to libs/<name>/src. Test-only.
 */
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '..', '..', '..', '..');
const aliases = {
  '@zorgroute/domain/logic': path.join(root, 'libs/domain/src/logic/index.ts'),
  '@zorgroute/domain': path.join(root, 'libs/domain/src/index.ts'),
  '@zorgroute/notifications': path.join(root, 'libs/notifications/src/index.ts'),
  '@zorgroute/temporal-codec': path.join(root, 'libs/temporal-codec/src/index.ts'),
  '@zorgroute/workflows': path.join(root, 'libs/workflows/src/index.ts'),
};

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, aliases[request] ?? request, ...rest);
};

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
