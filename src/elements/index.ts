/** Every element, defined (guarded: loading the library twice does not throw). */
export * from './sspr-tiles/define.js';
export * from './sspr-period-select/define.js';
export * from './sspr-registrations-chart/define.js';
export * from './sspr-resets-chart/define.js';
export * from './sspr-audit-table/define.js';
export * from './sspr-insights/define.js';
export * from './sspr-methods-chart/define.js';
export * from './sspr-trend-chart/define.js';
export * from './sspr-dashboard/define.js';
export type * from './shared/events.js';
export { defineElement } from './shared/define.js';
