// CommonJS because this package is "type": "module". Component tests (src/**/*.spec.tsx) run in
// jsdom; the browser tests in e2e/ (*.int-spec.ts) switch to node with a @jest-environment docblock.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'admin',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  setupFiles: ['<rootDir>/jest.setup.ts'],
  setupFilesAfterEnv: ['<rootDir>/jest.after-env.ts'],
};
