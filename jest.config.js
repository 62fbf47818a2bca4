/**
 * Three tiers (jest projects): `unit` (test/unit, mirrors src/, fast: `npm run test:unit`),
 * `integration` (test/integration: LibreOffice, CLI processes, many files) and `browser`
 * (test/browser: Chromium through playwright-core). `npm test` runs all three.
 */
const shared = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 60000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      roots: ['<rootDir>/test/unit'],
      testMatch: ['**/*.test.ts', '**/*.test.tsx'],
    },
    {
      ...shared,
      displayName: 'integration',
      roots: ['<rootDir>/test/integration'],
      testMatch: ['**/*.test.ts', '**/*.test.tsx'],
    },
    {
      ...shared,
      displayName: 'browser',
      roots: ['<rootDir>/test/browser'],
      testMatch: ['**/*.test.ts', '**/*.test.tsx'],
    },
  ],
};
