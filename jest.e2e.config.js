// Browser end-to-end tests: the real `npm start` stack (its own data folder and a free port),
// started once for all files, driven by Debian's Chromium through playwright-core. Run by `npm run e2e` and by .ci/run.
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'e2e',
  rootDir: __dirname + '/e2e',
  testEnvironment: 'node',
  testMatch: ['**/*.e2e.ts'],
  testTimeout: 120_000,
  maxWorkers: 1,
  globalSetup: '<rootDir>/support/global-setup.ts',
  globalTeardown: '<rootDir>/support/global-teardown.ts',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
}
