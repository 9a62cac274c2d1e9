// The audit table in client mode on the mock's 500,000-user tenant (75,000 events). Its client has no
// request budget, so the 75 pages are not held back by Graph's 5-requests-per-10-s limit.
import '../../src/elements/sspr-audit-table/define.js';
import { ReportClient } from '../../src/client/index.js';
import { recordEvents } from './record-events.js';

const table = document.querySelector('sspr-audit-table') as HTMLElement & { client?: ReportClient };
table.client = new ReportClient({ endpoint: '/mock/users=500000', budget: false });
recordEvents(table);
