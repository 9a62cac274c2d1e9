import { msg } from '../../i18n/msg.js';
import type { Period } from '../../reports/types.js';

/** "last 7 days" — how summaries and empty states name a period. */
export function periodText(period: Period): string {
  switch (period) {
    case 'd1': return msg('last 24 hours');
    case 'd30': return msg('last 30 days');
    case 'd90': return msg('last 90 days');
    case 'd180': return msg('last 180 days');
    case 'd365': return msg('last 365 days');
    default: return msg('last 7 days');
  }
}

/** "Last 7 days" — how menus label a period. */
export function periodLabel(period: Period): string {
  switch (period) {
    case 'd1': return msg('Last 24 hours');
    case 'd30': return msg('Last 30 days');
    case 'd90': return msg('Last 90 days');
    case 'd180': return msg('Last 180 days');
    case 'd365': return msg('Last 365 days');
    default: return msg('Last 7 days');
  }
}
