// `npm run bench` (section 7) runs these in jsdom against the BUILT weapp, through the
// miniprogram-simulate harness of miniprogram/test/support, with every setData call recorded.
const path = require('node:path')

/** @type {import('jest').Config} */
module.exports = {
  rootDir: path.resolve(__dirname, '../..'),
  roots: ['<rootDir>/bench/lists'],
  testMatch: ['**/*.setdata.test.ts'],
  testEnvironment: 'jsdom',
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/miniprogram/tsconfig.test.json' }] },
}
