// Root Jest config: every project's tests in one run (used by `npm test`).
module.exports = {
  // A global option: with `projects`, the presets' testTimeout is not applied, and Jest's 5 s default failed
  // component tests on a busy 2-core machine. 30 s, like the preset says.
  testTimeout: 30_000,
  projects: [
    '<rootDir>/libs/dates',
    '<rootDir>/libs/domain',
    '<rootDir>/libs/notifications',
    '<rootDir>/libs/processes',
    '<rootDir>/libs/temporal-codec',
    '<rootDir>/libs/workflows',
    '<rootDir>/apps/api',
    '<rootDir>/apps/worker',
    '<rootDir>/apps/admin',
  ],
};
