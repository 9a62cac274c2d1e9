import type { Period } from '../../reports/types.js';

/** "last 7 days" — how summaries and empty states name a period. */
export const PERIOD_TEXT: Readonly<Record<Period, string>> = { d1: 'last 24 hours', d7: 'last 7 days', d30: 'last 30 days' };

/** "Last 7 days" — how menus label a period. */
export const PERIOD_LABELS: Readonly<Record<Period, string>> = { d1: 'Last 24 hours', d7: 'Last 7 days', d30: 'Last 30 days' };
