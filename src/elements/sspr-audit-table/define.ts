import { defineElement } from '../shared/define.js';
import { SsprAuditTable } from './sspr-audit-table.js';

defineElement('sspr-audit-table', SsprAuditTable);

declare global {
  interface HTMLElementTagNameMap {
    'sspr-audit-table': SsprAuditTable;
  }
}

export { SsprAuditTable };
