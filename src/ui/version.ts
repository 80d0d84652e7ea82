/** Shown in the footer; kept equal to package.json and publiccode.yml by tests/model/papers.test.ts. */
export const APP_VERSION = '0.1.0';
