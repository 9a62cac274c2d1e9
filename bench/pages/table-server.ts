// The users table in server mode on the mock's 500,000-user tenant: pages are fetched as the user scrolls.
import '../../src/elements/sspr-audit-table/define.js';
import { ReportClient } from '../../src/client/index.js';
import { recordEvents } from './record-events.js';

const table = document.querySelector('sspr-audit-table') as HTMLElement & { client?: ReportClient };
table.client = new ReportClient({ endpoint: '/mock/users=500000', budget: false });
recordEvents(table);
