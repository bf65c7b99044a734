// One `npm test` runs every workspace's tests. DynamoDB Local is started once per run by
// the functions project's globalSetup (in memory, free port) and killed in its teardown.
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }]

/** @type {import('jest').Config} */
module.exports = {
  // Coverage is collected only when asked (`npm run test:rules`, called by `npm test`), so running
  // one project alone is not failed by the rules' threshold. The rules must stay at 100%.
  collectCoverageFrom: ['<rootDir>/shared/src/rules/**/*.ts'],
  coverageThreshold: {
    './shared/src/rules/': { branches: 100, functions: 100, lines: 100, statements: 100 },
  },
  coverageReporters: ['text-summary', 'text'],
  projects: [
    {
      displayName: 'shared',
      rootDir: '<rootDir>/shared',
      testEnvironment: 'node',
      roots: ['<rootDir>/test', '<rootDir>/src'],
      transform: { '^.+\\.ts$': tsJest },
    },
    {
      displayName: 'functions',
      rootDir: '<rootDir>/functions',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/timeouts.ts'],
      transform: {
        '^.+\\.ts$': tsJest,
        // jose 6 is ESM-only.
        '^.+/node_modules/jose/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs' } }],
      },
      transformIgnorePatterns: ['/node_modules/(?!jose/)'],
    },
    {
      displayName: 'miniprogram',
      rootDir: '<rootDir>/miniprogram',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/test'],
      transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] },
    },
  ],
}
