/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  extensionsToTreatAsEsm: ['.ts'],
  // TS NodeNext sources import './x.js'; map back to the .ts file for jest's resolver
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { experimental: { keepImportAttributes: true } } }] },
  testTimeout: 30000,
};
