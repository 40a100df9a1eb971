// Root Jest config: every project's tests in one run (used by `npm test`).
module.exports = {
  projects: [
    '<rootDir>/libs/domain',
    '<rootDir>/libs/notifications',
    '<rootDir>/libs/temporal-codec',
    '<rootDir>/libs/workflows',
    '<rootDir>/apps/api',
    '<rootDir>/apps/worker',
    '<rootDir>/apps/admin',
  ],
};
