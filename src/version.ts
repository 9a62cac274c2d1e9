/** This package's version (kept equal to package.json's by a test): told apart from another copy's. */
export const VERSION = '0.1.0';
