import { claimTag } from '../shared/define.js';
import { SsprAuditTable } from './sspr-audit-table.js';

if (claimTag('sspr-audit-table', SsprAuditTable)) customElements.define('sspr-audit-table', SsprAuditTable);

declare global {
  interface HTMLElementTagNameMap {
    'sspr-audit-table': SsprAuditTable;
  }
}

export { SsprAuditTable };
