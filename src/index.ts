/** sspr-insights: every element (defined), the client and the reports, from one entry. */
export * from './elements/index.js';
export * from './client/index.js';
export * from './reports/index.js';
