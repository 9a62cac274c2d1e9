import { createContext } from '@lit/context';
import type { ReportClient } from '../../client/report-client.js';
import type { Period } from '../../reports/types.js';

/** The client a dashboard (or any provider) shares with the elements inside it. */
export const clientContext = createContext<ReportClient | undefined>(Symbol.for('sspr-insights/client'));

/** The period a dashboard shares; an element's own `period` attribute wins. */
export const periodContext = createContext<Period | undefined>(Symbol.for('sspr-insights/period'));
